import { beforeAll, describe, expect, it } from 'vitest';
import { balance, client, idOf } from './ledger-support.ts';
import { postgresUrl, useTestApp } from './support.ts';

/**
 * Races on real PostgreSQL connections (PGlite has one connection and cannot race). Every request
 * runs in its own transaction on its own pooled connection, all started together.
 */
const describeOnPostgres = postgresUrl ? describe : describe.skip;

describeOnPostgres('the ledger under concurrent requests [postgres]', () => {
  const ctx = useTestApp('postgres');
  const admin = client(ctx, () => ctx.adminToken);
  let node: string;
  let other: string;
  let categoryId: string;
  const newItem = async (code: string, tracking: 'bulk' | 'serialised') => {
    const res = await admin.post('/items', {
      code,
      categoryId,
      nameZh: `测试${code}`,
      nameEn: `Test ${code}`,
      unitZh: '个',
      unitEn: 'pc',
      tracking,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  beforeAll(async () => {
    node = await idOf(ctx.db, 'node', 'LPS-SW-LZ1');
    other = await idOf(ctx.db, 'node', 'LPS-BASE');
    const [c] = await ctx.db.query<{ id: string }>('SELECT id FROM category ORDER BY code LIMIT 1');
    categoryId = c!.id;
  });

  it('lets exactly 10 of 40 concurrent one-unit transfers win when the node holds 10', async () => {
    const item = await newItem('RACE-BULK', 'bulk');
    expect((await admin.post('/receipts', { nodeId: node, source: 'purchase', lines: [{ itemId: item, qty: 10 }] })).status).toBe(
      201,
    );
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        admin.post('/transfers', { fromNodeId: node, toNodeId: other, lines: [{ itemId: item, qty: 1 }] }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(30);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await balance(ctx.db, node, item)).toMatchObject({ onHand: 10, reserved: 10 });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
  });

  it('lets exactly 10 of 40 concurrent transfers win for 10 serialised units, each unit promised once', async () => {
    const item = await newItem('RACE-SER', 'serialised');
    const serials = Array.from({ length: 10 }, (_, i) => `RACE-${i}`);
    expect(
      (await admin.post('/receipts', { nodeId: node, source: 'purchase', lines: [{ itemId: item, qty: 10, serials }] })).status,
    ).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        admin.post('/transfers', { fromNodeId: node, toNodeId: other, lines: [{ itemId: item, qty: 1 }] }),
      ),
    );
    const winners = results.filter((r) => r.status === 201);
    expect(winners).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(30);
    const assets = winners.map((w) => w.body.lines[0].assetId as string);
    expect(new Set(assets).size).toBe(10);
    expect((await admin.get('/ledger/verify')).body.ok).toBe(true);
  });

  it('lets one of two racing transfer batches win when both cannot fit, and both when they can, each unit promised once', async () => {
    const item = await newItem('RACE-BATCH', 'serialised');
    const serials = Array.from({ length: 10 }, (_, i) => `RACE-B-${i}`);
    expect(
      (await admin.post('/receipts', { nodeId: node, source: 'purchase', lines: [{ itemId: item, qty: 10, serials }] })).status,
    ).toBe(201);
    const batch = (transfers: number, qty: number) => ({
      transfers: Array.from({ length: transfers }, () => ({
        transfer: { fromNodeId: node, toNodeId: other, lines: [{ itemId: item, qty }] },
      })),
    });
    // 3 × 2 + 3 × 2 = 12 > 10: exactly one batch reserves its six units.
    const clash = await Promise.all([admin.post('/transfers/batch', batch(3, 2)), admin.post('/transfers/batch', batch(3, 2))]);
    expect(clash.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await balance(ctx.db, node, item)).toMatchObject({ onHand: 10, reserved: 6 });
    // 2 + 2 ≤ the 4 left: both win, with different units.
    const fit = await Promise.all([admin.post('/transfers/batch', batch(2, 1)), admin.post('/transfers/batch', batch(2, 1))]);
    expect(fit.map((r) => r.status)).toEqual([201, 201]);
    const promised = [...clash, ...fit]
      .filter((r) => r.status === 201)
      .flatMap((r) => (r.body.results as { document: { lines: { assetId: string }[] } }[]).flatMap((x) => x.document.lines))
      .map((l) => l.assetId);
    expect(promised).toHaveLength(10);
    expect(new Set(promised).size).toBe(10);
    expect(await balance(ctx.db, node, item)).toMatchObject({ onHand: 10, reserved: 10 });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
  });

  it('lets a batch ship and a batch cancel of the same transfers, named in opposite orders, end with one winner and no deadlock', async () => {
    const item = await newItem('RACE-SHIP', 'bulk');
    expect((await admin.post('/receipts', { nodeId: node, source: 'purchase', lines: [{ itemId: item, qty: 30 }] })).status).toBe(
      201,
    );
    for (let round = 0; round < 5; round++) {
      const made = await admin.post('/transfers/batch', {
        transfers: Array.from({ length: 3 }, () => ({
          transfer: { fromNodeId: node, toNodeId: other, lines: [{ itemId: item, qty: 1 }] },
        })),
      });
      expect(made.status).toBe(201);
      const ids = (made.body.results as { document: { id: string } }[]).map((r) => r.document.id);
      const [ship, cancel] = await Promise.all([
        admin.post('/transfers/batch/ship', { ids }),
        admin.post('/transfers/batch/cancel', { ids: [...ids].reverse() }),
      ]);
      expect([ship.status, cancel.status].sort()).toEqual([200, 409]);
      const loser = ship.status === 409 ? ship : cancel;
      expect(loser.body.code).toBe('INVALID_STATE');
      const states = await ctx.db.query<{ state: string }>(
        'SELECT DISTINCT state FROM stock_document WHERE id = ANY ($1::uuid[])',
        [ids],
      );
      expect(states.map((r) => r.state)).toEqual([ship.status === 200 ? 'in-transit' : 'cancelled']);
    }
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
  });

  it('opens only one of two counts started at the same moment on one node', async () => {
    const results = await Promise.all([admin.post('/counts', { nodeId: other }), admin.post('/counts', { nodeId: other })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('approves a count once even when two approvals race', async () => {
    const [{ id }] = (await ctx.db.query<{ id: string }>(
      "SELECT id FROM stock_document WHERE kind = 'count' AND node_id = $1 AND state = 'counting'",
      [other],
    )) as [{ id: string }];
    await admin.post(`/counts/${id}/submit`);
    const results = await Promise.all([
      admin.post(`/counts/${id}/decision`, { approve: true }),
      admin.post(`/counts/${id}/decision`, { approve: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('keeps the ledger exact when receipts race transfers of the same stock', async () => {
    const item = await newItem('RACE-RX', 'bulk');
    let transfersWon = 0;
    for (let round = 0; round < 10; round++) {
      const [receipt, transfer] = await Promise.all([
        admin.post('/receipts', { nodeId: node, source: 'purchase', lines: [{ itemId: item, qty: 5 }] }),
        admin.post('/transfers', { fromNodeId: node, toNodeId: other, lines: [{ itemId: item, qty: 5 }] }),
      ]);
      expect(receipt.status).toBe(201);
      expect([201, 409]).toContain(transfer.status);
      if (transfer.status === 201) transfersWon++;
    }
    expect(await balance(ctx.db, node, item)).toMatchObject({ onHand: 50, reserved: 5 * transfersWon });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
  });

  it('posts a document once when the same idempotency key arrives twice at the same moment', async () => {
    const item = await newItem('RACE-IDEM', 'bulk');
    const body = { nodeId: node, source: 'purchase', lines: [{ itemId: item, qty: 7 }] };
    const results = await Promise.all(
      [1, 2, 3].map(() => admin.post('/receipts', body, { 'idempotency-key': 'same-key-at-once' })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect((await balance(ctx.db, node, item)).onHand).toBe(7);
  });
});
