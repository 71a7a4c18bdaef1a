import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  describeInBrowser,
  openBrowserSession,
  signIn,
  summaryValue,
  type BrowserSession,
} from './support/browser.ts';
import type { RunningServer } from './support/server.ts';

const PASSWORD = 'E2e-Zhanqin-Test-Passw0rd';

describeInBrowser('web journeys (Chromium)', () => {
  let session: BrowserSession;
  let server: RunningServer;
  let page: Page;

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
  }

  beforeAll(async () => {
    // Not signed in: the first journey is the login form itself.
    session = await openBrowserSession({ name: 'network', password: PASSWORD });
    ({ server, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the login form first and signs the administrator in', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('login-card').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await shot('login-zh');

    await page.locator('#login-username').fill('admin');
    await page.locator('#login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    await signIn(page, server.baseUrl, 'admin', PASSWORD);
    expect(await page.getByTestId('user-display-name').textContent()).toBeTruthy();
    expect(await page.getByTestId('user-menu').textContent()).toContain('管理员');
  });

  it('shows the 1+8+N network on the schematic map with counts matching the API', async () => {
    expect(await summaryValue(page, 'summary-base')).toBe(1);
    expect(await summaryValue(page, 'summary-sub-warehouses')).toBe(8);
    const others = await summaryValue(page, 'summary-others');
    const total = await summaryValue(page, 'summary-total');
    expect(others).toBeGreaterThan(0);
    expect(total).toBe(1 + 8 + others);

    const api = (await (await page.request.get(`${server.baseUrl}/api/v1/nodes?limit=500`)).json()) as { total: number };
    expect(api.total).toBe(total);
    await expect.poll(() => page.locator('[data-testid="network-node-list"] [data-node-code]').count()).toBe(total);

    expect(await page.getByTestId('map-caption').textContent()).toContain('示意图');
    const canvas = page.locator('[data-testid="network-map"] canvas');
    await canvas.first().waitFor({ state: 'visible' });
    const box = await canvas.first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(400);
    expect(box?.height ?? 0).toBeGreaterThan(400);
    // Demo records are marked as such.
    expect(await page.getByTestId('demo-tag').first().textContent()).toBe('演示数据');
    await page.waitForTimeout(500);
    await shot('network-zh');
  });

  it('opens a drawer with the details of a node', async () => {
    await page.locator('[data-testid="network-node-list"] [data-node-type="base"]').first().click();
    const drawer = page.locator('.node-drawer');
    await drawer.getByTestId('node-drawer-title').waitFor({ state: 'visible' });
    expect(await drawer.getByTestId('node-drawer-type').textContent()).toBe('战勤保障基地');
    const text = (await drawer.textContent()) ?? '';
    for (const label of ['所属单位', '地址', '坐标 (WGS-84)', '货位容量', '库区', '联系人']) expect(text).toContain(label);
    await shot('node-drawer-zh');
    await page.keyboard.press('Escape');
    await drawer.getByTestId('node-drawer-title').waitFor({ state: 'hidden' });

    const partner = page.locator('[data-testid="network-node-list"] [data-node-type="partner"]').first();
    if ((await partner.count()) > 0) {
      await partner.click();
      await drawer.getByTestId('node-drawer-title').waitFor({ state: 'visible' });
      expect(await drawer.textContent()).toContain('代储协议');
      await page.keyboard.press('Escape');
      await drawer.getByTestId('node-drawer-title').waitFor({ state: 'hidden' });
    }
  });

  it('opens the same drawer when a marker on the map is clicked', async () => {
    const nodes = (await (await page.request.get(`${server.baseUrl}/api/v1/nodes?type=base&limit=10`)).json()) as {
      items: { lat: number; lng: number; nameZh: string }[];
    };
    const base = nodes.items[0];
    expect(base).toBeDefined();
    const map = page.getByTestId('network-map');
    const pixel = await map.evaluate(
      (element, lngLat) =>
        (
          element as unknown as { zqChart: { convertToPixel: (finder: object, value: number[]) => number[] } }
        ).zqChart.convertToPixel({ geoIndex: 0 }, lngLat),
      [base!.lng, base!.lat],
    );
    const [x, y] = pixel as [number, number];
    await map.click({ position: { x, y } });
    const drawer = page.locator('.node-drawer');
    await drawer.getByTestId('node-drawer-title').waitFor({ state: 'visible' });
    expect(await drawer.getByTestId('node-drawer-title').textContent()).toBe(base!.nameZh);
    await page.keyboard.press('Escape');
    await drawer.getByTestId('node-drawer-title').waitFor({ state: 'hidden' });
  });

  it('switches every visible string to English and back, and remembers the choice', async () => {
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('map-caption').textContent()).toBe('Schematic map — not an official boundary');
    expect(await page.getByTestId('menu-network').textContent()).toBe('Network');
    expect(await page.getByTestId('user-menu').textContent()).toContain('Administrator');
    // Nothing Chinese left in the app's own strings (the 中文 switch label and user names are exempt).
    const chrome = await page
      .locator(
        '.ant-layout-sider, [data-testid="app-title"], [data-testid="network-page"] h3, [data-testid="network-page"] .ant-statistic-title, [data-testid="network-page"] .ant-card-head',
      )
      .allTextContents();
    expect(chrome.join(' ')).not.toMatch(/\p{Script=Han}/u);
    await page.waitForTimeout(500);
    await shot('network-en');

    await page.reload();
    await page.getByTestId('network-page').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('menu-network').textContent()).toBe('Network');

    await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('menu-network').textContent()).toBe('网络');
    expect(await page.getByTestId('map-caption').textContent()).toContain('示意图');
  });

  it('lists nodes and catalogue items from the server', async () => {
    await page.getByTestId('menu-nodes').click();
    await page.getByTestId('nodes-page').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.locator('[data-testid="nodes-page"] .ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);
    await shot('nodes-zh');

    await page.getByTestId('menu-catalogue').click();
    await page.getByTestId('catalogue-page').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.locator('[data-testid="catalogue-page"] .ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);
    await shot('catalogue-zh');
  });

  it('creates a node through the form and shows the API error for a duplicate code', async () => {
    await page.getByTestId('menu-nodes').click();
    await page.getByTestId('nodes-page').waitFor({ state: 'visible' });

    async function fillNewNode(code: string): Promise<void> {
      await page.getByRole('button', { name: '新建节点' }).click();
      await page.locator('#code').waitFor({ state: 'visible' });
      await page.locator('#code').fill(code);
      // Choosing 'partner' opens the agreement a partner needs. A click that lands while the dropdown
      // is still opening chooses nothing, so choose again until the agreement field is there.
      const agreement = page.locator('#agreement_reference');
      for (let attempt = 1; ; attempt++) {
        const option = page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '社会联动代储点' })
          .first();
        if (!(await option.isVisible())) await page.locator('#type').click();
        await option.waitFor({ state: 'visible', timeout: 15_000 });
        await option.click();
        const shown = await agreement
          .waitFor({ state: 'visible', timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
        if (shown || attempt === 3) break;
      }
      await page.locator('#nameZh').fill('端到端测试代储点');
      await page.locator('#nameEn').fill('E2E test partner depot');
      await page.locator('#organisationId').click();
      await page.locator('#organisationId').pressSequentially('六盘水');
      await page.locator('.ant-select-item-option-active', { hasText: '六盘水' }).first().waitFor({ state: 'visible' });
      await page.locator('#organisationId').press('Enter');
      await page.locator('#address').fill('贵州省六盘水市钟山区测试路 1 号');
      await agreement.fill('DC-E2E-01');
      await page.locator('#agreement_partnerName').fill('端到端测试物流公司');
      await page.locator('#agreement_responseMinutes').fill('60');
      await page.getByTestId('node-form-save').click();
    }

    await fillNewNode('E2E-PT-01');
    await page.locator('#code').waitFor({ state: 'hidden' });
    await page.getByPlaceholder('按编码或名称搜索').fill('E2E-PT-01');
    await page.getByPlaceholder('按编码或名称搜索').press('Enter');
    await expect.poll(() => page.locator('[data-testid="nodes-page"] .ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('[data-testid="nodes-page"] .ant-table-tbody').textContent()).toContain('端到端测试代储点');

    await fillNewNode('E2E-PT-01');
    const error = page.getByTestId('node-form-error');
    await error.waitFor({ state: 'visible' });
    expect((await error.textContent()) ?? '').toMatch(/[A-Z_]{4,}:/);
    await shot('node-form-error-zh');
    await page.getByTestId('node-form-cancel').click();
    await page.locator('#code').waitFor({ state: 'hidden' });
  });

  it('lets the administrator manage users and verify the audit chain', async () => {
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-page').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.locator('[data-testid="users-page"] .ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(1);

    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-page').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.locator('[data-testid="audit-page"] .ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);
    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verify-result');
    await verdict.waitFor({ state: 'visible' });
    expect(await verdict.textContent()).toMatch(/哈希链完整：已校验 \d+ 条记录/);
    await shot('audit-zh');
  });

  it('signs out and shows a viewer only what a viewer may use', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录', { exact: true }).click();
    await page.getByTestId('login-card').waitFor({ state: 'visible' });

    await signIn(page, server.baseUrl, 'lps.viewer', PASSWORD);
    expect(await page.getByTestId('user-menu').textContent()).toContain('只读');
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await page.getByTestId('menu-nodes').click();
    await page.getByTestId('nodes-page').waitFor({ state: 'visible' });
    expect(await page.getByText('新建节点').count()).toBe(0);
    // A page the role may not open says so instead of failing.
    await page.goto(`${server.baseUrl}/#/users`);
    await page.getByText('当前角色无权访问此页面').waitFor({ state: 'visible' });
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录', { exact: true }).click();
    await page.getByTestId('login-card').waitFor({ state: 'visible' });
  });

  // Last on purpose: the server locks sign-in from this address after repeated failures.
  it('tells the user how long to wait after too many failed sign-ins', async () => {
    const error = page.getByTestId('login-error');
    let text = '';
    for (let attempt = 0; attempt < 10 && !/秒后再试/.test(text); attempt += 1) {
      await page.locator('#login-username').fill('truck.driver');
      await page.locator('#login-password').fill(`wrong-${attempt}`);
      await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login')),
        page.getByTestId('login-submit').click(),
      ]);
      await error.waitFor({ state: 'visible' });
      await page.waitForTimeout(100);
      text = (await error.textContent()) ?? '';
    }
    expect(text).toMatch(/尝试次数过多，请 \d+ 秒后再试/);
    await shot('login-locked-zh');
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
