import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { ARTIFACTS_DIR, describeInBrowser, openBrowserSession, type BrowserSession } from './support/browser.ts';
import { pageHelpers } from './support/page-helpers.ts';
import { REPO_ROOT, type RunningServer } from './support/server.ts';

const PASSWORD = 'E2e-Zhanqin-Test-Passw0rd';
/** A transfer as its creation answers: enough to find its row and its note. */
type Transfer = { id: string; number: string; state: string };
const SERIALS = [`E2E-SN-${Date.now()}-1`, `E2E-SN-${Date.now()}-2`];

describeInBrowser('stock journeys (Chromium)', () => {
  let session: BrowserSession;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let assetCodes: string[] = [];
  const { choose, go, inputOf, fetchJson, postJson, confirmPopover } = pageHelpers(() => session);

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  }
  beforeAll(async () => {
    session = await openBrowserSession({ name: 'stock', password: PASSWORD, signInAs: 'admin' });
    ({ server, context, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('ships the camera decoder as a self-hosted .wasm and names no CDN in the build', async () => {
    const dist = path.join(REPO_ROOT, 'apps/web/dist/assets');
    const files = await readdir(dist);
    const wasm = files.find((f) => /^zxing_reader-.*\.wasm$/.test(f));
    expect(wasm).toBeDefined();
    for (const f of files.filter((name) => /\.(js|css|html)$/.test(name))) {
      expect(await readFile(path.join(dist, f), 'utf8'), f).not.toMatch(/jsdelivr|unpkg\.com/);
    }
    const served = await fetch(`${server.baseUrl}/assets/${wasm}`);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0x00, 0x61, 0x73, 0x6d]));
  });

  it('receives a serialised item with two serials scanned by a keyboard-wedge handheld and prints its labels', async () => {
    await page.getByTestId('menu-stock').click();
    await page.getByTestId('stock-page').waitFor({ state: 'visible' });
    await page.getByTestId('stock-nav-receive').click();
    await page.getByTestId('receipt-page').waitFor({ state: 'visible' });
    await choose('receipt-node', 'LPS-BASE');
    await page.getByTestId('receipt-reference').fill('E2E 送货单 001');
    await choose('receipt-line-item-0', 'PPE-HELMET');
    // A wedge scanner types the code and presses Enter, one scan at a time.
    const scan = page.getByTestId('receipt-scan');
    for (const serial of SERIALS) {
      await scan.click();
      await page.keyboard.type(serial, { delay: 5 });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('receipt-line-serials-0').textContent()).toContain(serial);
    }
    expect(await page.getByTestId('receipt-line-qty-0').textContent()).toBe('2');
    expect(await scan.inputValue()).toBe('');
    await shot('stock-01-receipt-form');

    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/receipts') && r.request().method() === 'POST'),
      page.getByTestId('receipt-submit').click(),
    ]);
    expect(posted.status()).toBe(201);
    const receiptId = ((await posted.json()) as { id: string }).id;
    await page.getByTestId('receipt-number').waitFor({ state: 'visible' });
    expect(await page.getByTestId('receipt-number').textContent()).toMatch(/入库单 .+ 已过账/);
    assetCodes = await page.getByTestId('asset-code').allTextContents();
    expect(assetCodes).toHaveLength(2);
    await shot('stock-02-receipt-posted');

    const popup = context.waitForEvent('page', { timeout: 15_000 }).then(
      (p) => p,
      () => undefined,
    );
    const [labels] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/labels') && r.request().method() === 'POST'),
      page.getByTestId('print-labels').click(),
    ]);
    expect(labels.status()).toBe(200);
    expect(labels.headers()['content-type']).toContain('application/pdf');
    expect(labels.headers()['x-label-count']).toBe('2');
    // The page read the body as a blob; fetch the same labels with the session to look at the bytes.
    const head = await page.evaluate(async (id) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('zq_csrf='))
          ?.slice('zq_csrf='.length) ?? '';
      const response = await fetch('/api/v1/labels', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: JSON.stringify({ receiptId: id }),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        type: response.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 5)),
        size: bytes.length,
      };
    }, receiptId);
    expect(head.type).toContain('application/pdf');
    expect(head.head).toBe('%PDF-');
    expect(head.size).toBeGreaterThan(1000);
    const opened = await popup;
    expect(opened?.url() ?? '').toMatch(/^blob:/);
    await opened?.close().catch(() => undefined);
  });

  it('shows the stock of that node with availability, the chart and a clean ledger', async () => {
    await go('/stock', 'stock-page');
    await choose('stock-filter-node', 'LPS-BASE');
    await inputOf('stock-search').fill('PPE-HELMET');
    await inputOf('stock-search').press('Enter');
    const row = page.locator('[data-testid=stock-table] tbody tr', { hasText: 'PPE-HELMET' }).first();
    await row.waitFor({ state: 'visible' });
    expect(await row.textContent()).toContain('LPS-BASE');
    await page.getByTestId('stock-chart').waitFor({ state: 'visible' });
    const exportHref = await page.getByTestId('stock-export').getAttribute('href');
    expect(exportHref).toMatch(/^\/api\/v1\/exports\/stock\.xlsx\?.*nodeId=/);
    await page.getByTestId('ledger-verify').click();
    await page.getByTestId('ledger-verdict').waitFor({ state: 'visible' });
    expect(await page.getByTestId('ledger-verdict').getAttribute('data-ok')).toBe('true');
    await shot('stock-03-stock-page');
    await page.keyboard.press('Escape');
  });

  it('refuses a transfer larger than the stock line by line, then creates, ships and receives one', async () => {
    await go('/stock/transfers', 'transfers-page');
    await page.getByTestId('transfer-create').click();
    await page.getByTestId('transfer-form').waitFor({ state: 'visible' });
    await choose('transfer-from', 'LPS-BASE');
    await choose('transfer-to', 'LPS-SW-ZS1');
    await choose('transfer-line-item-0', 'PPE-HELMET');
    const qty = inputOf('transfer-line-qty-0');
    await qty.fill('99999');
    await page.getByTestId('transfer-submit').click();
    await page.getByTestId('transfer-line-short-0').waitFor({ state: 'visible' });
    expect(await page.getByTestId('transfer-line-short-0').textContent()).toMatch(/申请 99999，可用 \d+，缺 \d+/);
    await shot('stock-04-transfer-shortage');

    await qty.fill('1');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/transfers') && r.request().method() === 'POST' && r.status() === 201),
      page.getByTestId('transfer-submit').click(),
    ]);
    const number = ((await created.json()) as { number: string }).number;
    const row = page.locator('[data-testid=transfers-table] tbody tr', { hasText: number });
    await row.waitFor({ state: 'visible' });
    expect(await row.getByTestId('transfer-state').getAttribute('data-state')).toBe('draft');
    await row.getByTestId('transfer-action-ship').click();
    await expect.poll(() => row.getByTestId('transfer-state').getAttribute('data-state')).toBe('in-transit');
    await row.getByTestId('transfer-action-receive-all').click();
    await expect.poll(() => row.getByTestId('transfer-state').getAttribute('data-state')).toBe('received');
    await shot('stock-05-transfers');
  });

  it('refuses a bulk shipment that one stale row spoils, then ships two transfers together and receives both', async () => {
    // Three draft transfers of shovels received for them, so they do not depend on the demo's opening stock.
    const docs = await newTransfers(3, '批量');
    for (const doc of docs) expect(doc.state).toBe('draft');
    const [first, second, spoiler] = docs as [Transfer, Transfer, Transfer];

    // The previous test left the transfers page open: go elsewhere first, so the page loads its list afresh.
    await go('/stock', 'stock-page');
    await go('/stock/transfers', 'transfers-page');
    const rowOf = (number: string) => page.locator('[data-testid=transfers-table] tbody tr', { hasText: number });
    const stateOf = (number: string) => rowOf(number).getByTestId('transfer-state').getAttribute('data-state');
    const rows = [first, second].map((d) => rowOf(d.number));
    const statesOf = () => Promise.all([first, second].map((d) => stateOf(d.number)));
    for (const d of docs) await rowOf(d.number).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await statesOf()).toEqual(['draft', 'draft']);
    const bar = page.getByTestId('transfers-batch-bar');
    const count = page.getByTestId('transfers-batch-count');
    expect(await bar.count()).toBe(0);

    // Someone cancels the third transfer while this page still shows it as a draft: the batch is refused whole.
    for (const d of docs) await rowOf(d.number).getByTestId('transfer-select').check();
    await expect.poll(() => count.getAttribute('data-count')).toBe('3');
    await postJson(`/api/v1/transfers/${spoiler.id}/cancel`, {});
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/transfers/batch/ship') && r.request().method() === 'POST'),
      page.getByTestId('transfers-batch-ship').click(),
    ]);
    expect(refused.status()).toBe(409);
    const error = page.getByTestId('transfers-batch-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.getAttribute('data-number')).toBe(spoiler.number);
    expect(await error.textContent()).toContain(`调拨单 ${spoiler.number} 无法处理：INVALID_STATE`);
    // The list reloads: the spoiler shows as cancelled, the other two never moved.
    await expect.poll(() => stateOf(spoiler.number), { timeout: 30_000 }).toBe('cancelled');
    expect(await statesOf()).toEqual(['draft', 'draft']);
    // A cancelled transfer in the selection leaves no action every selected transfer allows.
    for (const action of ['start-picking', 'ship', 'receive-all', 'cancel'])
      expect(await page.getByTestId(`transfers-batch-${action}`).isDisabled(), action).toBe(true);
    await shot('stock-05a-transfers-batch-refused');
    await page.getByTestId('transfers-batch-clear').click();
    await expect.poll(() => bar.count()).toBe(0);

    /** Ticks the two good rows and waits until the bar counts them. */
    const selectBoth = async () => {
      for (const row of rows) await row.getByTestId('transfer-select').check();
      await expect.poll(() => count.getAttribute('data-count')).toBe('2');
    };
    await selectBoth();
    expect(await count.textContent()).toBe('已选 2 条');
    // Drafts can start picking, ship or be cancelled; nothing has shipped, so nothing can be received.
    expect(await page.getByTestId('transfers-batch-ship').isEnabled()).toBe(true);
    expect(await page.getByTestId('transfers-batch-start-picking').isEnabled()).toBe(true);
    expect(await page.getByTestId('transfers-batch-cancel').isEnabled()).toBe(true);
    expect(await page.getByTestId('transfers-batch-receive-all').isDisabled()).toBe(true);
    await shot('stock-05b-transfers-batch-selected');

    const [shipped] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/transfers/batch/ship') && r.request().method() === 'POST'),
      page.getByTestId('transfers-batch-ship').click(),
    ]);
    expect(shipped.status()).toBe(200);
    expect(((await shipped.json()) as { documents: unknown[] }).documents).toHaveLength(2);
    await page.locator('.ant-message-notice', { hasText: '2 条调拨已发运' }).first().waitFor({ state: 'visible' });
    await expect.poll(statesOf, { timeout: 30_000 }).toEqual(['in-transit', 'in-transit']);
    // A batch that went through clears the selection (and the bar with it) and the old failure.
    await bar.waitFor({ state: 'detached' });
    expect(await error.count()).toBe(0);

    await selectBoth();
    expect(await page.getByTestId('transfers-batch-receive-all').isEnabled()).toBe(true);
    expect(await page.getByTestId('transfers-batch-ship').isDisabled()).toBe(true);
    const [received] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/transfers/batch/receive') && r.request().method() === 'POST'),
      page.getByTestId('transfers-batch-receive-all').click(),
    ]);
    expect(received.status()).toBe(200);
    await page.locator('.ant-message-notice', { hasText: '2 条调拨已全部收货' }).first().waitFor({ state: 'visible' });
    await expect.poll(statesOf, { timeout: 30_000 }).toEqual(['received', 'received']);
    await bar.waitFor({ state: 'detached' });
    // Finished transfers (two received, one cancelled) can still be ticked to reprint their notes together,
    // but they allow no state change.
    for (const d of docs) await rowOf(d.number).getByTestId('transfer-select').check();
    await expect.poll(() => count.getAttribute('data-count')).toBe('3');
    for (const action of ['start-picking', 'ship', 'receive-all', 'cancel'])
      expect(await page.getByTestId(`transfers-batch-${action}`).isDisabled(), action).toBe(true);
    expect(await page.getByTestId('transfers-batch-print').isEnabled()).toBe(true);
    await shot('stock-05c-transfers-batch-received');
    await page.getByTestId('transfers-batch-clear').click();
    await expect.poll(() => bar.count()).toBe(0);
  });

  /** Receives shovels at LPS-BASE and creates that many draft transfers of one each to LPS-SW-ZS1, through the API. */
  async function newTransfers(count: number, tag: string): Promise<Transfer[]> {
    const codeOf = <T>(code: string) => fetchJson<T>(`/api/v1/codes/${code}`);
    const fromNodeId = (await codeOf<{ nodeId: string }>('LPS-BASE')).nodeId;
    const toNodeId = (await codeOf<{ nodeId: string }>('LPS-SW-ZS1')).nodeId;
    const itemId = (await codeOf<{ itemId: string }>('SHOVEL')).itemId;
    await postJson('/api/v1/receipts', {
      nodeId: fromNodeId,
      source: 'purchase',
      reference: `E2E ${tag}`,
      lines: [{ itemId, qty: count, lot: { lotNo: `E2E-${tag}-${Date.now()}` } }],
    });
    const docs: Transfer[] = [];
    for (let n = 1; n <= count; n++)
      docs.push(
        await postJson('/api/v1/transfers', { fromNodeId, toNodeId, reference: `E2E ${tag} ${n}`, lines: [{ itemId, qty: 1 }] }),
      );
    return docs;
  }

  /** Types a document number into the code look-up as a handheld does (then Enter) and waits for that document's card. */
  async function lookUpDocument(doc: Transfer) {
    const scan = page.getByTestId('asset-scan');
    await scan.click();
    const [looked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/codes/${encodeURIComponent(doc.number)}`)),
      page.keyboard.type(doc.number, { delay: 5 }).then(() => page.keyboard.press('Enter')),
    ]);
    expect(looked.status()).toBe(200);
    const card = page.getByTestId('asset-document');
    await expect.poll(() => card.getAttribute('data-document-id'), { timeout: 30_000 }).toBe(doc.id);
    return card;
  }

  it('prints the transfer note of one transfer from its row, and the notes of a selection in one PDF', async () => {
    const docs = await newTransfers(2, 'NOTE');
    const [first, second] = docs as [Transfer, Transfer];
    // One of them shipped: printing is offered in every state.
    await postJson(`/api/v1/transfers/${second.id}/ship`, {});

    await go('/stock', 'stock-page');
    await go('/stock/transfers', 'transfers-page');
    const rowOf = (number: string) => page.locator('[data-testid=transfers-table] tbody tr', { hasText: number });
    for (const d of docs) await rowOf(d.number).waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => rowOf(second.number).getByTestId('transfer-state').getAttribute('data-state')).toBe('in-transit');

    /** Clicks a print button and returns the PDF response and the tab the page opened for it. */
    const printBy = async (click: () => Promise<void>, isNotes: (url: string, method: string) => boolean) => {
      const popup = context.waitForEvent('page', { timeout: 15_000 }).then(
        (p) => p,
        () => undefined,
      );
      const [response] = await Promise.all([
        page.waitForResponse((r) => isNotes(r.url(), r.request().method()), { timeout: 60_000 }),
        click(),
      ]);
      const opened = await popup;
      expect(opened?.url() ?? '').toMatch(/^blob:/);
      await opened?.close().catch(() => undefined);
      return response;
    };

    const noteUrl = `/api/v1/transfers/${first.id}/note`;
    const note = await printBy(
      () => rowOf(first.number).getByTestId('transfer-action-print').click(),
      (url, method) => url.endsWith(noteUrl) && method === 'GET',
    );
    expect(note.status()).toBe(200);
    expect(note.headers()['content-type']).toContain('application/pdf');
    expect(note.headers()['content-disposition']).toContain(`transfer-note-${first.number}.pdf`);
    // The page read the body as a blob; fetch the same note with the session to look at the bytes.
    const bytes = await (await context.request.get(`${server.baseUrl}${noteUrl}`)).body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    // Printing changed nothing: the draft is still a draft.
    expect(await rowOf(first.number).getByTestId('transfer-state').getAttribute('data-state')).toBe('draft');
    await expect.poll(() => rowOf(first.number).getByTestId('transfer-action-print').isEnabled()).toBe(true);
    await shot('stock-05d-transfer-note');

    // A draft and a shipped transfer allow no common state change, yet their notes print together.
    for (const d of docs) await rowOf(d.number).getByTestId('transfer-select').check();
    await expect.poll(() => page.getByTestId('transfers-batch-count').getAttribute('data-count')).toBe('2');
    for (const action of ['start-picking', 'ship', 'receive-all', 'cancel'])
      expect(await page.getByTestId(`transfers-batch-${action}`).isDisabled(), action).toBe(true);
    expect(await page.getByTestId('transfers-batch-print').isEnabled()).toBe(true);
    const batch = await printBy(
      () => page.getByTestId('transfers-batch-print').click(),
      (url, method) => url.endsWith('/api/v1/transfers/notes') && method === 'POST',
    );
    expect(batch.status()).toBe(200);
    expect(batch.headers()['content-type']).toContain('application/pdf');
    expect(batch.headers()['x-note-count']).toBe('2');
    expect(JSON.parse(batch.request().postData() ?? '{}')).toEqual({ ids: docs.map((d) => d.id) });
    await page.getByTestId('transfers-batch-clear').click();
    await expect.poll(() => page.getByTestId('transfers-batch-bar').count()).toBe(0);

    // A refused print (here: the transfer went out of the user's sight) names the server's reason and opens no tab.
    const refusal = { code: 'NOT_FOUND', message: `Transfer ${first.id} not found`, details: null };
    await page.route(`**${noteUrl}`, (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify(refusal) }),
    );
    try {
      let tabs = 0;
      const countTab = () => void tabs++;
      context.on('page', countTab);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(noteUrl) && r.status() === 404),
        rowOf(first.number).getByTestId('transfer-action-print').click(),
      ]);
      const notice = page.locator('.ant-message-notice', { hasText: '调拨单打印失败' }).first();
      await notice.waitFor({ state: 'visible' });
      expect(await notice.textContent()).toContain(`NOT_FOUND: Transfer ${first.id} not found`);
      await expect.poll(() => rowOf(first.number).getByTestId('transfer-action-print').isEnabled()).toBe(true);
      context.off('page', countTab);
      expect(tabs).toBe(0);
    } finally {
      await page.unroute(`**${noteUrl}`);
    }
  });

  it('opens a transfer from the number on its printed note, typed or scanned into the code look-up', async () => {
    const [{ id, number }] = (await newTransfers(1, 'SCAN')) as [Transfer];
    await postJson(`/api/v1/transfers/${id}/ship`, {});

    await go('/stock/assets', 'asset-page');
    const scan = page.getByTestId('asset-scan');
    await scan.click();
    const [looked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/codes/${encodeURIComponent(number)}`)),
      // A handheld types what the QR code carries, then Enter.
      page.keyboard.type(number, { delay: 5 }).then(() => page.keyboard.press('Enter')),
    ]);
    expect(looked.status()).toBe(200);
    expect(((await looked.json()) as { kind: string }).kind).toBe('document');
    const card = page.getByTestId('asset-document');
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await card.getAttribute('data-document-id')).toBe(id);
    expect(await card.getAttribute('data-kind')).toBe('transfer');
    expect(await card.getByTestId('asset-document-number').textContent()).toBe(number);
    expect(await card.getByTestId('transfer-state').getAttribute('data-state')).toBe('in-transit');
    expect(await card.getByTestId('transfer-state').textContent()).toBe('在途');
    // The node names come with the node list, which may arrive after the card.
    await expect.poll(() => card.getByTestId('asset-document-from').textContent()).toContain('LPS-BASE');
    await expect.poll(() => card.getByTestId('asset-document-to').textContent()).toContain('LPS-SW-ZS1');
    expect(await card.getByTestId('asset-document-kind').textContent()).toBe('调拨单');
    // The note can be printed again from the card.
    expect(await card.getByTestId('transfer-action-print').isEnabled()).toBe(true);
    expect(await page.getByTestId('asset-card').count()).toBe(0);
    await shot('stock-05e-document-card');

    await card.getByTestId('asset-document-link').click();
    await page.getByTestId('transfers-page').waitFor({ state: 'visible', timeout: 30_000 });
    await page
      .locator('[data-testid=transfers-table] tbody tr', { hasText: number })
      .waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('receives a shipped transfer from the card of its scanned note in one tap, and moves or cancels a draft there', async () => {
    const [arriving, picked, stale] = (await newTransfers(3, 'CARD')) as [Transfer, Transfer, Transfer];
    await postJson(`/api/v1/transfers/${arriving.id}/ship`, {});

    await go('/stock/assets', 'asset-page');
    const card = await lookUpDocument(arriving);
    const stateOnCard = () => card.getByTestId('transfer-state').getAttribute('data-state');
    expect(await stateOnCard()).toBe('in-transit');
    // In transit it can only be received, in full or in part; the note prints in every state.
    expect(await card.getByTestId('document-action-receive-part').isEnabled()).toBe(true);
    for (const action of ['start-picking', 'ship', 'cancel'])
      expect(await card.getByTestId(`document-action-${action}`).count(), action).toBe(0);
    const [received] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith(`/api/v1/transfers/${arriving.id}/receive`) && r.request().method() === 'POST',
      ),
      card.getByTestId('document-action-receive-all').click(),
    ]);
    expect(received.status()).toBe(200);
    // No lines: everything shipped arrived.
    expect(JSON.parse(received.request().postData() ?? 'null')).toEqual({});
    await page
      .locator('.ant-message-notice', { hasText: `${arriving.number} 已全部收货` })
      .first()
      .waitFor({ state: 'visible' });
    await expect.poll(stateOnCard, { timeout: 30_000 }).toBe('received');
    expect(await card.getByTestId('transfer-state').textContent()).toBe('已收货');
    // Received is final: nothing is left to do with it but print its note again.
    await expect.poll(() => card.getByTestId('document-actions').count()).toBe(0);
    expect(await card.getByTestId('transfer-action-print').isEnabled()).toBe(true);
    await shot('stock-05f-receive-from-card');

    // A draft offers every early step; it starts picking, then is cancelled after a confirmation.
    await lookUpDocument(picked);
    expect(await stateOnCard()).toBe('draft');
    for (const action of ['start-picking', 'ship', 'cancel'])
      expect(await card.getByTestId(`document-action-${action}`).isEnabled(), action).toBe(true);
    expect(await card.getByTestId('document-action-receive-all').count()).toBe(0);
    await card.getByTestId('document-action-start-picking').click();
    await expect.poll(stateOnCard, { timeout: 30_000 }).toBe('picking');
    await expect.poll(() => card.getByTestId('document-action-start-picking').count()).toBe(0);
    await card.getByTestId('document-action-cancel').click();
    const [cancelled] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/transfers/${picked.id}/cancel`) && r.request().method() === 'POST'),
      confirmPopover(),
    ]);
    expect(cancelled.status()).toBe(200);
    await expect.poll(stateOnCard, { timeout: 30_000 }).toBe('cancelled');

    // Someone cancels a draft while its card is open: shipping it is refused with the server's reason,
    // and the card shows what is true now.
    await lookUpDocument(stale);
    expect(await stateOnCard()).toBe('draft');
    await postJson(`/api/v1/transfers/${stale.id}/cancel`, {});
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/transfers/${stale.id}/ship`) && r.request().method() === 'POST'),
      card.getByTestId('document-action-ship').click(),
    ]);
    expect(refused.status()).toBe(409);
    const notice = page.locator('.ant-message-notice', { hasText: `${stale.number} 无法处理` }).first();
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain('INVALID_STATE: A transfer in state cancelled cannot ship');
    await expect.poll(stateOnCard, { timeout: 30_000 }).toBe('cancelled');
    await expect.poll(() => card.getByTestId('document-actions').count()).toBe(0);
  });

  it('opens the transfers list filtered to one number, from a scanned note or typed into its search box', async () => {
    const [first, second] = (await newTransfers(2, 'NUMBER')) as [Transfer, Transfer];
    const rows = page.locator('[data-testid=transfers-table] tbody tr.ant-table-row');
    const rowNumbers = async () =>
      (await rows.allTextContents()).map((text) => [first.number, second.number].find((n) => text.includes(n)) ?? 'other');
    /** Waits for the list request filtered to `number` (none: unfiltered) while `act` runs. */
    const listedBy = (number: string | null, act: () => Promise<void>) =>
      Promise.all([
        page.waitForResponse((r) => {
          const url = new URL(r.url());
          return url.pathname === '/api/v1/documents' && url.searchParams.get('number') === number;
        }),
        act(),
      ]).then(([response]) => response);

    await go('/stock/assets', 'asset-page');
    const card = await lookUpDocument(first);
    const link = card.getByTestId('asset-document-link');
    expect(await link.getAttribute('href')).toBe(`#/stock/transfers?number=${first.number}`);
    const byLink = await listedBy(first.number, () => link.click());
    expect(byLink.status()).toBe(200);
    expect(new URL(byLink.url()).searchParams.get('kind')).toBe('transfer');
    await page.getByTestId('transfers-page').waitFor({ state: 'visible', timeout: 30_000 });
    // Exactly that transfer, and the box shows what the list is filtered by.
    await expect.poll(rowNumbers, { timeout: 30_000 }).toEqual([first.number]);
    expect(await inputOf('transfers-number').inputValue()).toBe(first.number);
    expect(new URL(page.url()).hash).toBe(`#/stock/transfers?number=${first.number}`);

    // Typed (here in lower case) into the box: the address keeps it, so the list can be linked or reloaded.
    const box = inputOf('transfers-number');
    await box.fill(second.number.toLowerCase());
    await listedBy(second.number.toLowerCase(), () => box.press('Enter'));
    await expect.poll(rowNumbers, { timeout: 30_000 }).toEqual([second.number]);
    expect(new URL(page.url()).hash).toBe(`#/stock/transfers?number=${second.number.toLowerCase()}`);
    // Let the notices of the journeys before fade, so they do not cover the search box in the picture.
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 30_000 }).toBe(0);
    await shot('stock-05g-transfers-by-number');

    // Cleared: the whole list again, without the number in the address.
    await listedBy(null, () => page.locator('[data-testid=transfers-page] .ant-input-search .ant-input-clear-icon').click());
    await expect.poll(async () => (await rowNumbers()).length, { timeout: 30_000 }).toBeGreaterThan(1);
    expect(new URL(page.url()).hash).toBe('#/stock/transfers');
    expect(await box.inputValue()).toBe('');
  });

  it('filters transfers by the day they were created and exports the register of what the filters select', async () => {
    const [fresh] = (await newTransfers(1, 'REGISTER')) as [Transfer];
    /** The Beijing day of a moment, `YYYY-MM-DD`: the days the server filters by. */
    const beijingDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
    const today = beijingDay(new Date());
    const rows = page.locator('[data-testid=transfers-table] tbody tr.ant-table-row');
    const rowOf = (number: string) => page.locator('[data-testid=transfers-table] tbody tr', { hasText: number });
    // The picker puts its test id on both of its inputs: the first day, then the last.
    const dates = page.getByTestId('transfers-dates');
    /** Types a day range into the picker and waits for the transfers list asked for exactly those days. */
    const listBetween = async (from: string, to: string) => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => {
          const url = new URL(r.url());
          return (
            url.pathname === '/api/v1/documents' &&
            url.searchParams.get('createdFrom') === from &&
            url.searchParams.get('createdTo') === to
          );
        }),
        (async () => {
          await dates.nth(0).click();
          await dates.nth(0).fill(from);
          await dates.nth(0).press('Enter');
          await dates.nth(1).click();
          await dates.nth(1).fill(to);
          await dates.nth(1).press('Enter');
        })(),
      ]);
      expect(response.status()).toBe(200);
      expect(new URL(response.url()).searchParams.get('kind')).toBe('transfer');
      return (await response.json()) as { total: number; items: { number: string; createdAt: string }[] };
    };

    // Go elsewhere first, so the transfers page loads its list afresh.
    await go('/stock', 'stock-page');
    await go('/stock/transfers', 'transfers-page');
    await rowOf(fresh.number).waitFor({ state: 'visible', timeout: 30_000 });

    // Days before any transfer of this run: nothing.
    expect((await listBetween('2020-01-01', '2020-01-31')).total).toBe(0);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(0);
    expect(await dates.nth(0).inputValue()).toBe('2020-01-01');
    expect(await dates.nth(1).inputValue()).toBe('2020-01-31');

    // Today (in Beijing): the new transfer is listed, and everything listed was created today.
    const listed = await listBetween(today, today);
    expect(listed.total).toBeGreaterThanOrEqual(1);
    expect(listed.items.map((d) => d.number)).toContain(fresh.number);
    expect(new Set(listed.items.map((d) => beijingDay(new Date(d.createdAt))))).toEqual(new Set([today]));
    await rowOf(fresh.number).waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 30_000 }).toBe(0);

    // The register holds what the filters select: transfers created today.
    const [exported, download] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/exports/documents.xlsx', { timeout: 60_000 }),
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('transfers-export').click(),
    ]);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const query = new URL(exported.url()).searchParams;
    expect(query.get('kind')).toBe('transfer');
    expect(query.get('createdFrom')).toBe(today);
    expect(query.get('createdTo')).toBe(today);
    expect(query.has('limit')).toBe(false);
    expect(query.has('offset')).toBe(false);
    expect(download.suggestedFilename()).toMatch(/^documents-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['单据 Documents', '明细 Lines']);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    expect(cells).toContain(fresh.number);
    await expect.poll(() => page.getByTestId('transfers-export').isEnabled()).toBe(true);
    await shot('stock-05h-transfers-export');

    // Too many documents: the button spins while the server works, then shows its refusal.
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const refusal = {
      code: 'PAYLOAD_TOO_LARGE',
      message: 'More than 20000 documents match — narrow the filter (dates, kind, node)',
      details: { max: 20_000 },
    };
    await page.route('**/api/v1/exports/documents.xlsx?*', async (route) => {
      await answered;
      await route.fulfill({ status: 413, contentType: 'application/json', body: JSON.stringify(refusal) });
    });
    try {
      const button = page.getByTestId('transfers-export');
      const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/exports/documents.xlsx');
      await button.click();
      await expect.poll(() => button.getAttribute('class')).toContain('ant-btn-loading');
      answer();
      expect((await refused).status()).toBe(413);
      const notice = page.locator('.ant-message-notice', { hasText: '导出台账失败' }).first();
      await notice.waitFor({ state: 'visible' });
      expect(await notice.textContent()).toContain(`PAYLOAD_TOO_LARGE: ${refusal.message}`);
      await expect.poll(() => button.getAttribute('class')).not.toContain('ant-btn-loading');
    } finally {
      await page.unroute('**/api/v1/exports/documents.xlsx?*');
    }
  });

  it('counts a node: a scanned asset counts one, differences show, submit and approve', async () => {
    await go('/stock/counts', 'counts-page');
    await choose('count-node', 'LPS-BASE');
    await page.getByTestId('count-start').click();
    await page.getByTestId('count-detail').waitFor({ state: 'visible' });
    expect(await page.getByTestId('count-detail').getByTestId('count-state').getAttribute('data-state')).toBe('counting');
    // Both helmets received above are at the base unless the transfer picked one of them: each scan counts it once.
    const scan = page.getByTestId('count-scan');
    for (const code of assetCodes) {
      await scan.click();
      await page.keyboard.type(code, { delay: 5 });
      await page.keyboard.press('Enter');
      await page.locator('.ant-message-notice', { hasText: code }).first().waitFor({ state: 'visible' });
    }
    expect(await page.locator('.ant-message-notice', { hasText: '已计数' }).count()).toBeGreaterThanOrEqual(1);
    await page.getByTestId('count-save').click();
    await expect.poll(() => page.getByTestId('count-save').isDisabled()).toBe(true);
    await shot('stock-06-count');
    await page.getByTestId('count-submit').click();
    await confirmPopover();
    await expect
      .poll(() => page.getByTestId('count-detail').getByTestId('count-state').getAttribute('data-state'))
      .toBe('submitted');
    await page.getByTestId('count-approve').click();
    await expect
      .poll(() => page.getByTestId('count-detail').getByTestId('count-state').getAttribute('data-state'))
      .toBe('approved');
    await shot('stock-07-count-approved');
  });

  it('lists shortfalls worst first and previews a replenishment without creating it', async () => {
    await go('/stock/shortfalls', 'shortfalls-page');
    await page.locator('[data-testid=shortfalls-table] tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('shortfall-export').getAttribute('href')).toBe('/api/v1/exports/shortfalls.xlsx');
    const before = await fetchJson<{ total: number }>('/api/v1/documents?kind=transfer&limit=1');
    await page.getByTestId('shortfall-propose').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'visible' });
    await shot('stock-08-shortfalls-preview');
    await page.keyboard.press('Escape');
    expect((await fetchJson<{ total: number }>('/api/v1/documents?kind=transfer&limit=1')).total).toBe(before.total);
  });

  it('checks an opening-stock workbook before importing it, lists problems by row, then imports', async () => {
    await go('/stock/import', 'import-page');
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe('/api/v1/imports/opening-stock/template.xlsx');
    const template = await context.request.get(`${server.baseUrl}/api/v1/imports/opening-stock/template.xlsx`);
    expect(template.status()).toBe(200);
    const templateBytes = await template.body();
    /** The template with data rows added to its opening-stock sheet. */
    const workbookWith = async (rows: unknown[][]) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(templateBytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets.find((w) => /Opening stock/.test(w.name))!;
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const upload = async (name: string, buffer: Buffer) =>
      page
        .locator('[data-testid=import-page] input[type=file]')
        .first()
        .setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

    await upload(
      'bad.xlsx',
      await workbookWith([
        ['LPS-SW-ZS1', 'PPE-GLOVES-NOPE', 2],
        ['LPS-SW-ZS1', 'CYL-6.8-30', 1, null, null, null, 'E2E-OPN-CYL-1'],
      ]),
    );
    await page.getByTestId('import-errors').waitFor({ state: 'visible' });
    expect(await page.getByTestId('import-result').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('import-errors').textContent()).toContain('2');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot('stock-09-import-preview');

    await upload('good.xlsx', await workbookWith([['LPS-SW-ZS1', 'CYL-6.8-30', 1, null, null, null, 'E2E-OPN-CYL-1']]));
    await expect.poll(() => page.getByTestId('import-result').getAttribute('data-ok')).toBe('true');
    await page.getByTestId('import-commit').click();
    await expect.poll(async () => (await page.getByTestId('import-result').textContent()) ?? '').toContain('导入完成');
    await shot('stock-10-imported');
    expect(session.errors).toEqual([]);
  });
});
