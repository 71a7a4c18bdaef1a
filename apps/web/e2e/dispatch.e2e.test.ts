import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, describeInBrowser, openBrowserSession, signIn, type BrowserSession } from './support/browser.ts';
import { pageHelpers } from './support/page-helpers.ts';
import type { RunningServer } from './support/server.ts';

const PASSWORD = 'E2e-Zhanqin-Test-Passw0rd';

type ChartElement = {
  zqChart: {
    convertToPixel: (finder: object, value: number[]) => number[];
    getOption: () => { series: { id: string; data: unknown[] }[] };
  };
};

describeInBrowser('dispatch journey (Chromium)', () => {
  let session: BrowserSession;
  let server: RunningServer;
  let page: Page;
  let mobile: Page;
  const numbers: { quake?: string; hazmat?: string; quakeId?: string } = {};
  const { go } = pageHelpers(() => session);

  async function shot(target: Page, name: string): Promise<void> {
    await target.waitForTimeout(300);
    await target.screenshot({
      path: path.join(ARTIFACTS_DIR, `${name}.png`),
      fullPage: name.includes('plan') || name.includes('report'),
    });
  }

  async function pickOption(select: Locator, text: string): Promise<void> {
    // The selected value shows in the select's own box; on a loaded machine the filtered list can lag
    // behind the typing, or a click can land while the dropdown is still opening, so pick again
    // (each attempt bounded) until the box shows the option.
    const shown = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
    const page = select.page();
    // This select's own dropdown (it holds the list its input controls), not another one still fading out.
    const list = await select.getAttribute('aria-controls');
    const dropdown = list
      ? page.locator('.ant-select-dropdown:visible').filter({ has: page.locator(`[id="${list}"]`) })
      : page.locator('.ant-select-dropdown:visible').last();
    for (let attempt = 1; ; attempt++) {
      await select.click();
      // The whole search text at once, checked: a tree select's list is virtual, so an option far down
      // is not rendered at all unless the search has filtered the list down to it.
      await select.fill(text);
      if ((await select.inputValue()) !== text) await select.pressSequentially(text);
      const clicked = await dropdown
        .getByText(text, { exact: false })
        .first()
        .click({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        );
      if (clicked) await dropdown.waitFor({ state: 'hidden' }).catch(() => undefined);
      if (((await shown.textContent()) ?? '').includes(text)) return;
      if (attempt >= 4) throw new Error(`the select did not take "${text}" (shows "${await shown.textContent()}")`);
      await page.waitForTimeout(500);
    }
  }

  /** Clicks the dispatch map at a WGS-84 position, through the chart's own coordinate conversion. */
  async function clickMapAt(lng: number, lat: number): Promise<void> {
    const map = page.getByTestId('dispatch-map');
    const [x, y] = (await map.evaluate(
      (element, lngLat) => (element as unknown as ChartElement).zqChart.convertToPixel({ geoIndex: 0 }, lngLat),
      [lng, lat],
    )) as [number, number];
    await map.click({ position: { x, y } });
  }

  async function createIncident(
    at: [number, number],
    type: string,
    level: number,
    people: number,
    scba: number,
    hours: number,
    title: string,
  ): Promise<string> {
    const drawer = page.locator('.incident-drawer');
    // On a loaded machine the map may still be laying out when first clicked: click again until the form opens.
    for (let attempt = 1; ; attempt++) {
      await clickMapAt(...at);
      try {
        await drawer.getByTestId('incident-form-position').waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 6) throw error;
        await page.waitForTimeout(1_000);
      }
    }
    expect(await drawer.getByTestId('incident-form-position').textContent()).toContain(`${at[1].toFixed(2).slice(0, 4)}`);
    await pickOption(drawer.locator('#typeCode'), type);
    await drawer.getByTestId('incident-form-position').click();
    await drawer.getByText(`${level} 级（`, { exact: false }).click();
    await drawer.locator('#incidentTitle').fill(title);
    await drawer.locator('#peopleCommitted').fill(String(people));
    await drawer.locator('#scbaWearers').fill(String(scba));
    await drawer.locator('#expectedDurationHours').fill(String(hours));
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/incidents') && r.request().method() === 'POST');
    await drawer.getByTestId('incident-form-save').click();
    // A form that does not validate sends nothing: name the fields it complains about instead of timing out.
    created.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const response = await Promise.race([
      created,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          drawer
            .locator('.ant-form-item-explain-error')
            .allTextContents()
            .then(
              (errors) => reject(new Error(`no POST /incidents 15 s after saving; form errors: ${JSON.stringify(errors)}`)),
              reject,
            );
        }, 15_000);
      }),
    ]).finally(() => clearTimeout(timer));
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { number: string; id: string };
    await page.locator(`[data-incident-number="${body.number}"]`).waitFor({ state: 'visible' });
    await drawer.getByTestId('incident-form-position').waitFor({ state: 'hidden' });
    return `${body.number}|${body.id}`;
  }

  async function routesOnMap(): Promise<number> {
    return page
      .getByTestId('dispatch-map')
      .evaluate(
        (element) =>
          (element as unknown as ChartElement).zqChart.getOption().series.find((s) => s.id === 'routes')?.data.length ?? 0,
      );
  }

  beforeAll(async () => {
    // Nobody signs in here: the first journey signs the dispatcher in on the desk, the picking one the administrator on the phone.
    session = await openBrowserSession({ name: 'dispatch', password: PASSWORD });
    ({ server, page } = session);
    mobile = await session.openPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lets the dispatcher record two incidents by clicking on the map', async () => {
    await signIn(page, server.baseUrl, 'lps.dispatcher', PASSWORD);
    await page.getByTestId('menu-dispatch').click();
    await page.getByTestId('dispatch-page').waitFor({ state: 'visible' });
    await page.locator('[data-testid="dispatch-map"] canvas').first().waitFor({ state: 'visible' });
    await page.waitForTimeout(500);

    const [quake, quakeId] = (await createIncident([104.95, 26.55], '地震救援', 4, 40, 10, 6, '水城区地震')).split('|');
    const [hazmat] = (await createIncident([104.62, 25.76], '危险化学品泄漏', 3, 20, 8, 4, '盘州危化品泄漏')).split('|');
    numbers.quake = quake;
    numbers.quakeId = quakeId;
    numbers.hazmat = hazmat;
    const row = page.locator(`[data-incident-number="${quake}"]`);
    expect(await row.getAttribute('data-incident-state')).toBe('open');
    // Alarm level in words, not colour alone.
    expect(await row.getByTestId('alarm-level').textContent()).toBe('4 级（橙）');
    await shot(page, 'dispatch-01-incidents');
  });

  it('plans one incident with one click: routes on the map and lines with reasons', async () => {
    await page.locator(`[data-incident-number="${numbers.quake}"]`).click();
    await page.getByTestId('one-click').click();
    const panel = page.getByTestId('plan-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('data-plan-state')).toBe('draft');
    await expect.poll(() => panel.locator('.plan-line-row').count()).toBeGreaterThan(0);
    const reasons = (await panel.getByTestId('line-reason').allTextContents()).join('\n');
    expect(reasons).toMatch(/最近的有库存节点|从储备中调用|按代储协议/);
    expect(await panel.getByTestId('plan-timings').textContent()).toMatch(/求解 [\d.]+ ms/);
    expect(await panel.getByTestId('plan-makespan').textContent()).toContain('下界');
    // The earthquake pre-plan asks for self-heating meals the demo network does not hold.
    if ((await panel.getByTestId('shortfall-row').count()) > 0)
      expect(await panel.getByTestId('shortfall-row').first().textContent()).toMatch(/缺 \d+ 件/);
    await expect.poll(routesOnMap).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'dispatch-02-plan');
  });

  it('plans the earthquake and the hazmat leak jointly', async () => {
    for (const number of [numbers.quake, numbers.hazmat])
      await page.locator(`[data-incident-number="${number}"]`).getByTestId('incident-check').click();
    await page.getByTestId('plan-jointly').click();
    const panel = page.getByTestId('plan-panel');
    await expect.poll(() => panel.getByTestId('demand-table').count()).toBe(2);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(numbers.hazmat!);
    expect(text).toContain(numbers.quake!);
    await expect.poll(routesOnMap).toBeGreaterThan(1);
    await shot(page, 'dispatch-03-joint-plan');
    for (const number of [numbers.quake, numbers.hazmat])
      await page.locator(`[data-incident-number="${number}"]`).getByTestId('incident-check').click();
  });

  it('confirms a fresh plan for the earthquake and follows its shipments', async () => {
    await page.locator(`[data-incident-number="${numbers.quake}"]`).click();
    await page.getByTestId('one-click').click();
    const panel = page.getByTestId('plan-panel');
    await expect.poll(() => panel.getByTestId('demand-table').count()).toBe(1);
    // Confirm until the request goes out: on a loaded machine the dialog's OK can be pressed while the
    // dialog is still opening, and nothing is sent.
    for (let attempt = 0; ; attempt++) {
      await panel.getByTestId('confirm-plan').click();
      const sent = page
        .waitForRequest((r) => r.method() === 'POST' && /\/dispatch-plans\/[^/]+\/confirm$/.test(r.url()), { timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      await page.getByTestId('confirm-plan-ok').click();
      if (await sent) break;
      if (attempt === 2) throw new Error('pressing the confirm dialog’s OK three times sent no confirmation');
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => panel.getAttribute('data-plan-state')).toBe('confirmed');
    const shipments = page.getByTestId('shipments-panel');
    await expect.poll(() => shipments.locator('[data-shipment-number]').count()).toBeGreaterThan(0);
    expect(await shipments.getByTestId('shipment-state').first().textContent()).toBe('拣货中');
    await expect
      .poll(() => page.locator(`[data-incident-number="${numbers.quake}"]`).getAttribute('data-incident-state'))
      .toBe('dispatched');
    await shot(page, 'dispatch-04-confirmed');
  });

  it('lets the administrator pick every shipment on a phone by scanning, then depart', async () => {
    await signIn(mobile, server.baseUrl, 'admin', PASSWORD);
    await go('/picking', 'picking-page', mobile);
    const cards = mobile.locator(`[data-testid="pick-shipment"][data-incident-number="${numbers.quake}"]`);
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    const count = await cards.count();
    await shot(mobile, 'dispatch-05-pick-queue');
    for (let index = 0; index < count; index += 1) {
      await mobile.locator(`[data-testid="pick-shipment"][data-incident-number="${numbers.quake}"]`).first().click();
      const list = mobile.getByTestId('pick-list');
      await list.waitFor({ state: 'visible' });
      const scan = mobile.getByTestId('pick-scan');
      if (index === 0) {
        await scan.fill('NOT-A-CODE');
        await scan.press('Enter');
        await expect.poll(() => mobile.getByTestId('pick-feedback').textContent()).toContain('不在本拣货单上');
      }
      const codes = await mobile
        .locator('[data-testid="pick-line"][data-picked="false"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
      for (const [i, code] of codes.entries()) {
        await scan.fill(code);
        await scan.press('Enter');
        await expect.poll(() => mobile.getByTestId('pick-feedback').textContent()).toContain(`已拣：${code}`);
        if (index === 0 && i === 0) await shot(mobile, 'dispatch-06-picking');
      }
      await expect.poll(() => list.getAttribute('data-shipment-state')).toBe('packed');
      await mobile.getByTestId('pick-depart').click();
      await expect.poll(() => list.getAttribute('data-shipment-state')).toBe('in-transit');
      if (index === 0) await shot(mobile, 'dispatch-07-departed');
      await mobile.getByTestId('pick-back').click();
      await mobile.getByTestId('picking-page').waitFor({ state: 'visible' });
    }
    // The console follows: every shipment is on its way, with a countdown.
    const shipments = page.getByTestId('shipments-panel');
    await expect.poll(() => shipments.locator('[data-shipment-state="in-transit"]').count(), { timeout: 15_000 }).toBe(count);
    expect(await shipments.getByTestId('shipment-time').first().textContent()).toMatch(/后到达|超过预计到达/);
    await shot(page, 'dispatch-08-in-transit');
  });

  it('runs the forward depot: arrivals, an issue, a used return, closing with the report', async () => {
    await page.locator(`[data-incident-number="${numbers.quake}"]`).click();
    await page.getByTestId('open-depot').click();
    const depot = page.getByTestId('depot-page');
    await depot.waitFor({ state: 'visible' });
    const arrive = page.getByTestId('depot-arrive');
    await expect.poll(() => arrive.count()).toBeGreaterThan(0);
    while ((await arrive.count()) > 0) {
      await arrive.first().click();
      await page.waitForTimeout(400);
    }
    await expect
      .poll(() => page.locator('[data-testid="depot-shipments"] [data-shipment-state="delivered"]').count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="depot-stock"] [data-item-code]').count()).toBeGreaterThan(0);
    await shot(page, 'dispatch-09-depot');

    // Issue one item to a unit on the scene.
    const issue = page.getByTestId('depot-issue');
    await issue.locator('#issueRecipient').fill('水城区消防救援大队');
    await pickOption(issue.locator('#issueItem'), 'HYGIENE-KIT');
    await issue.locator('#issueQty').fill('2');
    await issue.getByTestId('issue-submit').click();
    await page.getByText(/已登记 IS-/).waitFor({ state: 'visible' });

    // Return a used serial unit (an SCBA cylinder when the plan sent one; else a module) to the base.
    const returns = page.getByTestId('depot-return');
    const stockCodes = await page
      .locator('[data-testid="depot-stock"] [data-item-code]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-item-code') ?? ''));
    const returnCode =
      stockCodes.find((c) => c.startsWith('SCBA-CYL')) ?? stockCodes.find((c) => c.startsWith('MOD-')) ?? stockCodes[0]!;
    await pickOption(returns.locator('#returnItem'), returnCode);
    const units = returns.locator('#returnUnits');
    if (await units.isVisible().catch(() => false)) {
      await units.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page.keyboard.press('Escape');
    }
    await returns.getByText('已使用', { exact: true }).click();
    expect(await returns.textContent()).toContain('隔离待检');
    await returns.getByTestId('return-submit').click();
    await page.getByText(/已回收 RT-/).waitFor({ state: 'visible' });

    // Close, sending the rest back to the base.
    const close = page.getByTestId('depot-close');
    expect(await close.getByTestId('close-return-to').textContent()).toContain('基地');
    await close.getByTestId('close-incident').click();
    await page.getByTestId('close-confirm-ok').click();
    const report = page.getByTestId('depot-report');
    await report.waitFor({ state: 'visible' });
    const reportText = (await report.textContent()) ?? '';
    expect(reportText).toContain('消耗报告');
    expect(reportText).toContain('待检回收');
    expect(await report.locator('[data-testid="report-items"] .ant-table-row').count()).toBeGreaterThan(0);
    await report.scrollIntoViewIfNeeded();
    await shot(page, 'dispatch-10-report');
  });

  it('raised no uncaught errors in the pages', () => {
    expect(session.errors).toEqual([]);
  });
});
