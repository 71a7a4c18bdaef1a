import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, describeInBrowser, openBrowserSession, type BrowserSession } from './support/browser.ts';
import { pageHelpers } from './support/page-helpers.ts';

const PASSWORD = 'E2e-Zhanqin-Kits-Passw0rd';
/** A module whose packing list the demo base holds; the test tops up anything short before packing. */
const MODULE = 'SECURITY-STANDBY';
const KIT_ITEM = 'MOD-SECURITY-STANDBY';

type Availability = { onHand: number; reserved: number; available: number; dispatchable: number };
type ModuleKit = { code: string; lines: { itemId: string; itemCode: string; qty: number }[] };
type Doc = { id: string; number: string; kind: string; nodeId: string; meta: { kitAssetId: string; kitAssetCode: string } };
type KitSummary = { assetId: string; code: string; state: string; complete: boolean; status: string };
type KitView = {
  kit: KitSummary;
  contents: { itemId: string; qty: number; assetCode: string | null }[];
  check: { lines: { itemId: string; required: number; packed: number; short: number }[]; short: unknown[] };
};

describeInBrowser('kits (Chromium)', () => {
  let session: BrowserSession;
  let page: Page;
  let baseId = '';
  let kitItemId = '';
  let module: ModuleKit;
  const reservedBefore = new Map<string, number>();
  let packed: Doc;
  const { choose, go, inputOf, fetchJson, postJson } = pageHelpers(() => session);

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  }
  const availability = (itemId: string) =>
    fetchJson<Availability>(`/api/v1/stock/availability?nodeId=${baseId}&itemId=${itemId}`);
  const kitRow = (code: string) => page.locator(`[data-testid=kits-table] tbody tr[data-code="${code}"]`);
  const packSubmit = () => page.getByTestId('kit-pack-submit');
  /** Waits until every line of the pack table shows the node's free stock. */
  async function waitForFreeStock(lines: number): Promise<void> {
    await page
      .locator('[data-testid=kit-pack-lines] tbody tr[data-short]')
      .nth(lines - 1)
      .waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=kit-pack-free]')].every((cell) => /^\d+$/.test(cell.textContent ?? '')),
      undefined,
      { timeout: 15_000 },
    );
  }

  beforeAll(async () => {
    session = await openBrowserSession({ name: 'kits', password: PASSWORD, signInAs: 'admin' });
    ({ page } = session);
    baseId = (await fetchJson<{ nodeId: string }>('/api/v1/codes/LPS-BASE')).nodeId;
    kitItemId = (await fetchJson<{ itemId: string }>(`/api/v1/codes/${KIT_ITEM}`)).itemId;
    module = (await fetchJson<ModuleKit[]>('/api/v1/modules')).find((m) => m.code === MODULE)!;
    expect(module.lines.length).toBeGreaterThan(1);
    // Receive whatever the base lacks, so the pack does not depend on the demo's opening stock.
    const receipt = [];
    for (const line of module.lines) {
      const short = line.qty - (await availability(line.itemId)).dispatchable;
      if (short <= 0) continue;
      const item = await fetchJson<{ tracking: string }>(`/api/v1/items/${line.itemId}`);
      receipt.push({
        itemId: line.itemId,
        qty: short,
        ...(item.tracking === 'serialised'
          ? { serials: Array.from({ length: short }, (_, i) => `E2E-KIT-${line.itemCode}-${i + 1}`) }
          : item.tracking === 'lot'
            ? { lot: { lotNo: `E2E-KIT-${line.itemCode}`, expiresOn: '2099-12-31' } }
            : {}),
      });
    }
    if (receipt.length) await postJson('/api/v1/receipts', { nodeId: baseId, source: 'purchase', lines: receipt });
    for (const line of module.lines) reservedBefore.set(line.itemId, (await availability(line.itemId)).reserved);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('packs a module from its packing list, showing what the node has free, then the new box code and its label', async () => {
    await page.getByTestId('menu-stock').click();
    await page.getByTestId('stock-page').waitFor({ state: 'visible' });
    await page.getByTestId('stock-nav-kits').click();
    await page.getByTestId('kits-page').waitFor({ state: 'visible' });
    await choose('kits-node', 'LPS-BASE');
    await page.getByTestId('kits-table').waitFor({ state: 'visible' });

    await page.getByTestId('kit-pack').click();
    await page.getByTestId('kit-pack-form').waitFor({ state: 'visible' });
    await choose('kit-pack-item', KIT_ITEM);
    await waitForFreeStock(module.lines.length);
    expect(await page.locator('[data-testid=kit-pack-lines] tbody tr[data-short]').count()).toBe(module.lines.length);
    expect(await page.getByTestId('kit-pack-short').count()).toBe(0);
    expect(await packSubmit().isDisabled()).toBe(false);
    await shot('kits-01-pack-form');

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/kits/pack') && r.request().method() === 'POST'),
      packSubmit().click(),
    ]);
    expect(response.status()).toBe(201);
    expect(response.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9_.:-]{8,}$/);
    // No lines sent: the server packs the packing list itself, lots first-expiry-first-out.
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ nodeId: baseId, kitItemId });
    packed = (await response.json()) as Doc;
    expect(packed.kind).toBe('kit-pack');
    await page.getByTestId('kit-packed').waitFor({ state: 'visible' });
    expect(await page.getByTestId('kit-packed-code').textContent()).toContain(packed.meta.kitAssetCode);

    const popup = page.waitForEvent('popup', { timeout: 10_000 }).then(
      (p) => p,
      () => undefined,
    );
    const [labels] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/labels') && r.request().method() === 'POST'),
      page.getByTestId('kit-packed-label').click(),
    ]);
    expect(labels.status()).toBe(200);
    expect(labels.headers()['content-type']).toContain('application/pdf');
    expect(labels.headers()['x-label-count']).toBe('1');
    expect(JSON.parse(labels.request().postData() ?? '{}')).toEqual({ assetIds: [packed.meta.kitAssetId] });
    await (await popup)?.close().catch(() => undefined);
    await shot('kits-02-packed');

    // Server state: every line's units are held in reserve by the box.
    for (const line of module.lines)
      expect((await availability(line.itemId)).reserved, line.itemCode).toBe(reservedBefore.get(line.itemId)! + line.qty);
  });

  it('lists the box as complete and opens it with its contents and the packing-list check', async () => {
    await page.getByTestId('kit-packed-open').click();
    await page.locator(`[data-testid=kit-drawer][data-kit-id="${packed.meta.kitAssetId}"]`).waitFor({ state: 'visible' });
    const view = await fetchJson<KitView>(`/api/v1/kits/${packed.meta.kitAssetId}`);
    expect(view.kit.complete).toBe(true);
    await page.locator('[data-testid=kit-check] tbody tr[data-short]').first().waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid=kit-check] tbody tr[data-short]').count()).toBe(module.lines.length);
    expect(await page.getByTestId('kit-check-short').count()).toBe(0);
    const contentRows = Math.min(view.contents.length, 20);
    expect(await page.locator('[data-testid=kit-contents] tbody tr.ant-table-row').count()).toBe(contentRows);
    await shot('kits-03-detail');

    await page.keyboard.press('Escape');
    await page.getByTestId('kit-drawer').waitFor({ state: 'hidden' });
    await kitRow(packed.meta.kitAssetCode).waitFor({ state: 'visible' });
    expect(await kitRow(packed.meta.kitAssetCode).getByTestId('kit-complete').getAttribute('data-complete')).toBe('true');
    await shot('kits-04-list');
  });

  it('links a packed unit’s asset page to its box', async () => {
    const view = await fetchJson<KitView>(`/api/v1/kits/${packed.meta.kitAssetId}`);
    const unit = view.contents.find((c) => c.assetCode !== null);
    expect(unit).toBeDefined();
    await go(`/stock/assets?code=${encodeURIComponent(unit!.assetCode!)}`, 'asset-kit');
    expect(await page.getByTestId('asset-kit').getAttribute('data-role')).toBe('content');
    expect(await page.getByTestId('asset-kit').textContent()).toContain(packed.meta.kitAssetCode);
    await shot('kits-05-asset-link');
    await page.getByTestId('asset-kit-link').click();
    await page.locator(`[data-testid=kit-drawer][data-kit-id="${packed.meta.kitAssetId}"]`).waitFor({ state: 'visible' });
  });

  it('unpacks the box after a confirmation, returning its contents to free stock', async () => {
    await page.getByTestId('kit-unpack').click();
    const ok = page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
    await ok.waitFor({ state: 'visible' });
    await shot('kits-06-unpack-confirm');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/kits/${packed.meta.kitAssetId}/unpack`)),
      ok.click(),
    ]);
    expect(response.status()).toBe(201);
    await page.locator('[data-testid=kit-drawer][data-state=unpacked]').waitFor({ state: 'visible' });
    expect(await page.getByTestId('kit-unpack').count()).toBe(0);
    await shot('kits-07-unpacked');

    const view = await fetchJson<KitView>(`/api/v1/kits/${packed.meta.kitAssetId}`);
    expect(view.kit.state).toBe('unpacked');
    expect(view.kit.status).toBe('retired');
    for (const line of module.lines)
      expect((await availability(line.itemId)).reserved, line.itemCode).toBe(reservedBefore.get(line.itemId)!);
    const list = await fetchJson<{ items: KitSummary[] }>(`/api/v1/kits?nodeId=${baseId}`);
    expect(list.items.some((k) => k.assetId === packed.meta.kitAssetId)).toBe(false);

    await page.keyboard.press('Escape');
    await page.getByTestId('kit-drawer').waitFor({ state: 'hidden' });
    await kitRow(packed.meta.kitAssetCode).waitFor({ state: 'detached' });
  });

  it('packs edited lines one unit short, and shows the box as incomplete with the short line highlighted', async () => {
    await page.getByTestId('kit-pack').click();
    await page.getByTestId('kit-pack-form').waitFor({ state: 'visible' });
    await choose('kit-pack-item', KIT_ITEM);
    await waitForFreeStock(module.lines.length);
    await page.getByTestId('kit-pack-mode').getByText('编辑装箱内容').click();
    const first = module.lines[0]!;
    const qty = inputOf('kit-pack-qty', page.locator('[data-testid=kit-pack-lines] tbody tr[data-short]').first());
    await qty.fill(String(first.qty - 1));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/kits/pack') && r.request().method() === 'POST'),
      packSubmit().click(),
    ]);
    expect(response.status()).toBe(201);
    const sent = JSON.parse(response.request().postData() ?? '{}') as { lines: { itemId: string; qty: number }[] };
    expect(sent.lines).toContainEqual({ itemId: first.itemId, qty: first.qty - 1 });
    const doc = (await response.json()) as Doc;
    await page.getByTestId('kit-packed-open').click();
    await page.locator(`[data-testid=kit-drawer][data-kit-id="${doc.meta.kitAssetId}"]`).waitFor({ state: 'visible' });
    await page.getByTestId('kit-check-short').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('kit-check-short').count()).toBe(1);
    expect(await page.locator('[data-testid=kit-check] tbody tr[data-short="1"]').count()).toBe(1);
    await shot('kits-08-incomplete');

    const view = await fetchJson<KitView>(`/api/v1/kits/${doc.meta.kitAssetId}`);
    expect(view.kit.complete).toBe(false);
    expect(view.check.lines.find((l) => l.itemId === first.itemId)).toMatchObject({ required: first.qty, short: 1 });
    await page.keyboard.press('Escape');
    await kitRow(doc.meta.kitAssetCode).waitFor({ state: 'visible' });
    expect(await kitRow(doc.meta.kitAssetCode).getByTestId('kit-complete').getAttribute('data-complete')).toBe('false');
    expect(session.errors).toEqual([]);
  });
});
