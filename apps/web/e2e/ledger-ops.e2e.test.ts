import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, describeInBrowser, openBrowserSession, signIn, type BrowserSession } from './support/browser.ts';
import { pageHelpers } from './support/page-helpers.ts';
import type { RunningServer } from './support/server.ts';

const PASSWORD = 'E2e-Zhanqin-Ledger-Passw0rd';

type Availability = { onHand: number; reserved: number; quarantined: number; available: number };
type AssetRow = { id: string; code: string; status: string };
type Doc = { id: string; number: string; state: string; nodeId: string; approvedByName: string | null; lines: unknown };
type Shortfall = { nodeId: string; nodeCode: string; itemId: string; itemCode: string; minReserve: number; target: number };

describeInBrowser('ledger operations (Chromium)', () => {
  let session: BrowserSession;
  let server: RunningServer;
  let page: Page;
  let baseId = '';
  let foamId = '';
  let helmetId = '';
  let scrapped: AssetRow;
  const { choose, go, inputOf, textareaOf, fetchJson, confirmPopover } = pageHelpers(() => session);

  async function shot(name: string, on: Page = page): Promise<void> {
    await on.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  }
  const availability = (nodeId: string, itemId: string) =>
    fetchJson<Availability>(`/api/v1/stock/availability?nodeId=${nodeId}&itemId=${itemId}`);

  beforeAll(async () => {
    session = await openBrowserSession({ name: 'ledger-ops', password: PASSWORD, signInAs: 'admin' });
    ({ server, page } = session);
    baseId = (await fetchJson<{ nodeId: string }>('/api/v1/codes/LPS-BASE')).nodeId;
    foamId = (await fetchJson<{ itemId: string }>('/api/v1/codes/FOAM-AFFF-BULK')).itemId;
    helmetId = (await fetchJson<{ itemId: string }>('/api/v1/codes/PPE-HELMET')).itemId;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('posts an adjustment after a confirmation showing the balance it leaves, and shows a refusal in words', async () => {
    await page.getByTestId('menu-stock').click();
    await page.getByTestId('stock-page').waitFor({ state: 'visible' });
    await page.getByTestId('stock-nav-adjustments').click();
    await page.getByTestId('adjustments-page').waitFor({ state: 'visible' });
    const before = await availability(baseId, foamId);
    expect(before.available).toBeGreaterThan(5);

    await choose('adjust-node', 'LPS-BASE');
    await choose('adjust-item', 'FOAM-AFFF-BULK');
    await inputOf('adjust-qty').fill('-5');
    expect(await page.getByTestId('adjust-submit').isDisabled()).toBe(true);
    await textareaOf('adjust-reason').fill('E2E 泡沫液罐渗漏更正');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('adjust-balance').waitFor({ state: 'visible' });
    expect(await page.getByTestId('adjust-after-onHand').textContent()).toContain(String(before.onHand - 5));
    expect(await page.getByTestId('adjust-after-available').textContent()).toContain(String(before.available - 5));
    await shot('ledger-01-adjustment-confirm');

    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/adjustments') && r.request().method() === 'POST'),
      page.getByTestId('adjust-post').click(),
    ]);
    expect(posted.status()).toBe(201);
    expect(posted.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9_.:-]{8,}$/);
    const doc = (await posted.json()) as Doc;
    await page.getByTestId('adjust-posted').waitFor({ state: 'visible' });
    expect(await page.getByTestId('adjust-posted').textContent()).toContain(doc.number);
    await page.locator('[data-testid=adjustments-table] tbody tr', { hasText: doc.number }).waitFor({ state: 'visible' });
    const after = await availability(baseId, foamId);
    expect(after.onHand).toBe(before.onHand - 5);

    // More than the free stock: the confirmation warns, and the server's refusal is shown with its code.
    await inputOf('adjust-qty').fill(String(-(after.available + 1)));
    await textareaOf('adjust-reason').fill('E2E 超量调减');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('adjust-exceeds').waitFor({ state: 'visible' });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/adjustments') && r.request().method() === 'POST'),
      page.getByTestId('adjust-post').click(),
    ]);
    expect(refused.status()).toBe(409);
    await page.getByTestId('adjust-error').waitFor({ state: 'visible' });
    expect(await page.getByTestId('adjust-error').textContent()).toContain('INSUFFICIENT_STOCK');
    expect((await availability(baseId, foamId)).onHand).toBe(after.onHand);
    await shot('ledger-02-adjustment-refused');
  });

  it('quarantines stock with a reason, lists it, releases it, and sweeps expired lots', async () => {
    await go('/stock/quarantine', 'quarantine-page');
    const before = await availability(baseId, foamId);
    await page.getByTestId('quarantine-create').click();
    await page.getByTestId('quarantine-form').waitFor({ state: 'visible' });
    await choose('quarantine-node', 'LPS-BASE');
    await choose('quarantine-item', 'FOAM-AFFF-BULK');
    await page.getByTestId('quarantine-limit').waitFor({ state: 'visible' });
    await inputOf('quarantine-qty').fill('10');
    await textareaOf('quarantine-reason').fill('E2E 疑似受污染，待检验');
    const [quarantined] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/quarantines') && r.request().method() === 'POST'),
      page.getByTestId('quarantine-submit').click(),
    ]);
    expect(quarantined.status()).toBe(201);
    expect((await availability(baseId, foamId)).quarantined).toBe(before.quarantined + 10);

    // The server filters to quarantined rows; the page no longer reads the whole stock list.
    const [listed] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/stock?') && r.url().includes(`nodeId=${baseId}`)),
      choose('quarantine-filter-node', 'LPS-BASE'),
    ]);
    expect(new URL(listed.url()).searchParams.get('quarantined')).toBe('true');
    const row = page.locator('[data-testid=quarantine-table] tbody tr', { hasText: 'FOAM-AFFF-BULK' });
    await row.waitFor({ state: 'visible' });
    expect(await row.getByTestId('quarantined-qty').textContent()).toContain(String(before.quarantined + 10));
    await shot('ledger-03-quarantined');

    await row.getByTestId('quarantine-release').click();
    await page.getByTestId('quarantine-form').waitFor({ state: 'visible' });
    await page.getByTestId('quarantine-limit').waitFor({ state: 'visible' });
    await inputOf('quarantine-qty').fill('10');
    await textareaOf('quarantine-reason').fill('E2E 检验合格，解除隔离');
    const [released] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/releases') && r.request().method() === 'POST'),
      page.getByTestId('quarantine-submit').click(),
    ]);
    expect(released.status()).toBe(201);
    const after = await availability(baseId, foamId);
    expect(after.quarantined).toBe(before.quarantined);
    expect(after.available).toBe(before.available);
    const releaseNumber = ((await released.json()) as Doc).number;
    await page.locator('[data-testid=quarantine-docs] tbody tr', { hasText: releaseNumber }).waitFor({ state: 'visible' });

    await page.getByTestId('quarantine-expired').click();
    const [swept] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/quarantines/expired') && r.request().method() === 'POST'),
      confirmPopover(),
    ]);
    expect(swept.status()).toBe(200);
    const moved = (await swept.json()) as { documents: number; units: number };
    const result = page.getByTestId('quarantine-expired-result');
    await result.waitFor({ state: 'visible' });
    expect(await result.getAttribute('data-units')).toBe(String(moved.units));
    expect(await result.getAttribute('data-documents')).toBe(String(moved.documents));
    await shot('ledger-04-released-and-swept');
  });

  it('lets a keeper request a scrap naming an asset by its code, and an approver approve it', async () => {
    const assets = await fetchJson<{ items: AssetRow[] }>(
      `/api/v1/assets?nodeId=${baseId}&itemId=${helmetId}&status=in-stock&limit=2`,
    );
    expect(assets.items.length).toBe(2);
    scrapped = assets.items[0]!;

    const keeper = await session.openPage();
    try {
      await signIn(keeper, server.baseUrl, 'base.keeper', PASSWORD);
      await go('/stock/write-offs', 'write-offs-page', keeper);
      await keeper.getByTestId('write-off-create').click();
      await keeper.getByTestId('write-off-form').waitFor({ state: 'visible' });
      await choose('write-off-node', 'LPS-BASE', keeper);
      await textareaOf('write-off-reason', keeper).fill('E2E 头盔外壳开裂，报废');
      await choose('write-off-line-item-0', 'PPE-HELMET', keeper);
      const scan = inputOf('write-off-line-unit-0', keeper);
      await scan.click();
      await keeper.keyboard.type(scrapped.code, { delay: 5 });
      await keeper.keyboard.press('Enter');
      await keeper.getByTestId('write-off-line-unit-0-chosen').waitFor({ state: 'visible' });
      expect(await keeper.getByTestId('write-off-line-unit-0-chosen').textContent()).toContain(scrapped.code);
      await shot('ledger-05-write-off-request', keeper);
      const [requested] = await Promise.all([
        keeper.waitForResponse((r) => r.url().endsWith('/api/v1/write-offs') && r.request().method() === 'POST'),
        keeper.getByTestId('write-off-submit').click(),
      ]);
      expect(requested.status()).toBe(201);
      expect(requested.request().postDataJSON()).toMatchObject({
        kind: 'scrap',
        lines: [{ itemId: helmetId, qty: 1, assetId: scrapped.id }],
      });
      const doc = (await requested.json()) as Doc;
      expect(doc.state).toBe('pending-approval');
      const keeperRow = keeper.locator('[data-testid=write-offs-table] tbody tr', { hasText: doc.number });
      await keeperRow.waitFor({ state: 'visible' });
      expect(await keeperRow.getByTestId('write-off-approve').isDisabled()).toBe(true);

      await go('/stock/write-offs', 'write-offs-page');
      const row = page.locator('[data-testid=write-offs-table] tbody tr', { hasText: doc.number });
      await row.waitFor({ state: 'visible' });
      expect(await row.getByTestId('write-off-state').getAttribute('data-state')).toBe('pending-approval');
      await shot('ledger-06-write-off-pending');
      await row.getByTestId('write-off-approve').click();
      await textareaOf('write-off-note').fill('E2E 同意报废');
      const [decided] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/write-offs/${doc.id}/decision`)),
        page.getByTestId('write-off-decide').click(),
      ]);
      expect(decided.status()).toBe(200);
      // Pending requests are listed by default: the approved one leaves the list; the approved filter shows it.
      await row.waitFor({ state: 'detached' });
      await choose('write-off-filter-state', '已批准');
      const approvedRow = page.locator('[data-testid=write-offs-table] tbody tr', { hasText: doc.number });
      await approvedRow.waitFor({ state: 'visible' });
      expect(await approvedRow.getByTestId('write-off-state').getAttribute('data-state')).toBe('approved');
      const stored = await fetchJson<Doc>(`/api/v1/documents/${doc.id}`);
      expect(stored.state).toBe('approved');
      expect(stored.approvedByName).toBe('admin');
      await shot('ledger-07-write-off-approved');
    } finally {
      await keeper.context().close();
    }
  });

  it('opens an asset from the stock page, and the scrapped asset’s life history by its code', async () => {
    await go(`/stock?nodeId=${baseId}`, 'stock-page');
    await inputOf('stock-search').fill('PPE-HELMET');
    await inputOf('stock-search').press('Enter');
    const row = page.locator('[data-testid=stock-table] tbody tr.ant-table-row', { hasText: 'PPE-HELMET' }).first();
    await row.waitFor({ state: 'visible' });
    await row.locator('.ant-table-row-expand-icon').click();
    const link = page.getByTestId('stock-asset-link').first();
    await link.waitFor({ state: 'visible' });
    const linkedCode = (await link.textContent()) ?? '';
    await link.click();
    await page.getByTestId('asset-card').waitFor({ state: 'visible' });
    expect(await page.getByTestId('asset-code-value').textContent()).toContain(linkedCode);

    // Typed or scanned into the lookup field, as a handheld would.
    await go('/stock/assets', 'asset-page');
    await page.getByTestId('asset-scan').click();
    await page.keyboard.type(scrapped.code, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('asset-card').getAttribute('data-asset-id')).toBe(scrapped.id);
    expect(await page.getByTestId('asset-status').getAttribute('data-status')).toBe('retired');
    const kinds = await page.getByTestId('asset-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds[0]).toBe('received');
    expect(kinds).toContain('quarantined');
    expect(kinds[kinds.length - 1]).toBe('scrapped');
    expect(await page.getByTestId('asset-history').textContent()).toContain('报废');
    const stored = await fetchJson<{ status: string; history: { kind: string }[] }>(`/api/v1/assets/${scrapped.id}`);
    expect(stored.status).toBe('retired');
    expect(kinds).toEqual(stored.history.map((h) => h.kind));
    await shot('ledger-08-asset-history');
  });

  it('edits a reserve standard from the shortfall list, refusing a target below the minimum', async () => {
    const shortfalls = await fetchJson<{ items: Shortfall[] }>(`/api/v1/reserve-standards/shortfalls?nodeId=${baseId}`);
    const edited = shortfalls.items[0]!;
    expect(edited).toBeDefined();
    await go('/stock/shortfalls', 'shortfalls-page');
    await choose('shortfall-filter-node', 'LPS-BASE');
    const row = page
      .locator('[data-testid=shortfalls-table] tbody tr', { hasText: edited.itemCode })
      .filter({ hasText: edited.nodeCode })
      .first();
    await row.waitFor({ state: 'visible' });
    await row.getByTestId('standard-edit').click();
    await page.getByTestId('standard-form').waitFor({ state: 'visible' });
    const minimum = edited.minReserve + 1;
    const target = edited.target + 5;
    await inputOf('standard-min').fill(String(minimum));
    await inputOf('standard-target').fill(String(minimum - 1));
    await page.getByTestId('standard-problem').waitFor({ state: 'visible' });
    expect(await page.getByTestId('standard-save').isDisabled()).toBe(true);
    await inputOf('standard-target').fill(String(target));
    await inputOf('standard-ratio').fill('1：1');
    await expect.poll(() => page.getByTestId('standard-save').isDisabled()).toBe(false);
    await shot('ledger-09-standard-edit');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/reserve-standards') && r.request().method() === 'PUT'),
      page.getByTestId('standard-save').click(),
    ]);
    expect(saved.status()).toBe(200);
    expect(saved.request().postDataJSON()).toEqual({
      nodeId: edited.nodeId,
      itemId: edited.itemId,
      minReserve: minimum,
      target,
      backupRatio: '1:1',
    });
    const now = await fetchJson<{ items: Shortfall[] }>(`/api/v1/reserve-standards/shortfalls?nodeId=${baseId}`);
    expect(now.items.find((s) => s.itemId === edited.itemId)).toMatchObject({ minReserve: minimum, target });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(String(target));
    await shot('ledger-10-standard-saved');

    // Opened again, the form shows the stored ratio, and saving a new target keeps it.
    await row.getByTestId('standard-edit').click();
    await page.getByTestId('standard-form').waitFor({ state: 'visible' });
    await expect.poll(() => inputOf('standard-ratio').inputValue()).toBe('1:1');
    await inputOf('standard-target').fill(String(target + 1));
    await expect.poll(() => page.getByTestId('standard-save').isDisabled()).toBe(false);
    const [again] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/reserve-standards') && r.request().method() === 'PUT'),
      page.getByTestId('standard-save').click(),
    ]);
    expect(again.status()).toBe(200);
    expect(again.request().postDataJSON()).toMatchObject({ target: target + 1, backupRatio: '1:1' });
    const kept = await fetchJson<{ items: { target: number; backupRatio: string | null }[] }>(
      `/api/v1/reserve-standards?nodeId=${edited.nodeId}&itemId=${edited.itemId}&limit=1&offset=0`,
    );
    expect(kept.items[0]).toMatchObject({ target: target + 1, backupRatio: '1:1' });
    expect(session.errors).toEqual([]);
  });
});
