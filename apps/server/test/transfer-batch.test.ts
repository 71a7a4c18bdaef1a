import { beforeAll, expect, it } from 'vitest';
import { balance, client, idOf } from './ledger-support.ts';
import { describeEachDatabase, useTestApp } from './support.ts';

type Doc = {
  id: string;
  number: string;
  state: string;
  nodeId: string;
  toNodeId: string;
  lines: Line[];
  meta: Record<string, unknown>;
};
type Line = { itemId: string; qty: number; lotId: string | null; assetId: string | null };

describeEachDatabase('transfers in batches', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  const ids: Record<string, string> = {};
  const lots: string[] = [];
  beforeAll(async () => {
    for (const code of ['LPS-BASE', 'LPS-SW-ZS1', 'LPS-SW-LZ1', 'LPS-SW-SC1']) ids[code] = await idOf(ctx.db, 'node', code);
    for (const code of ['CYL-6.8-30', 'DIESEL-0', 'MEAL-SELFHEAT']) ids[code] = await idOf(ctx.db, 'item', code);
    // A stock of its own at ZS1: 40 L diesel, 6 cylinders, meals in two lots (the earlier expiry first).
    const res = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-ZS1'],
      source: 'purchase',
      lines: [
        { itemId: ids['DIESEL-0'], qty: 400 },
        { itemId: ids['CYL-6.8-30'], qty: 6, serials: Array.from({ length: 6 }, (_, i) => `TB-CYL-${kind}-${i}`) },
        { itemId: ids['MEAL-SELFHEAT'], qty: 5, lot: { lotNo: `TB-MEAL-EARLY-${kind}`, expiresOn: '2027-06-01' } },
        { itemId: ids['MEAL-SELFHEAT'], qty: 50, lot: { lotNo: `TB-MEAL-LATE-${kind}`, expiresOn: '2028-06-01' } },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const meal = (res.body.lines as Line[]).filter((l) => l.itemId === ids['MEAL-SELFHEAT']);
    lots.push(meal[0]!.lotId!, meal[1]!.lotId!);
  });

  const count = async (table: 'stock_movement' | 'stock_document' | 'asset_event' | 'audit_event') =>
    Number((await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  const counts = async () => ({
    movements: await count('stock_movement'),
    documents: await count('stock_document'),
    events: await count('asset_event'),
    audit: await count('audit_event'),
  });
  const from = (
    to: string,
    lines: { itemId: string; qty: number; lotId?: string; assetIds?: string[] }[],
    reference?: string,
  ) => ({
    transfer: { fromNodeId: ids['LPS-SW-ZS1'], toNodeId: ids[to], lines, ...(reference ? { reference } : {}) },
  });
  const created = (res: { body: { results: { document: Doc }[] } }) => res.body.results.map((r) => r.document);

  it('creates every transfer of a batch as its own reserved document; transfers from one node never share a unit', async () => {
    const before = await counts();
    const cylBefore = await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['CYL-6.8-30']!);
    const dieselBefore = await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!);
    const sc1Before = await balance(ctx.db, ids['LPS-SW-SC1']!, ids['DIESEL-0']!);
    const res = await admin.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [
          { itemId: ids['CYL-6.8-30']!, qty: 2 },
          { itemId: ids['MEAL-SELFHEAT']!, qty: 4 },
          { itemId: ids['DIESEL-0']!, qty: 10 },
        ]),
        // Two lines of one item in one transfer, and the same items again from the same node.
        from(
          'LPS-BASE',
          [
            { itemId: ids['CYL-6.8-30']!, qty: 1 },
            { itemId: ids['CYL-6.8-30']!, qty: 2 },
            { itemId: ids['MEAL-SELFHEAT']!, qty: 3 },
          ],
          'round 2',
        ),
        from('LPS-SW-SC1', [{ itemId: ids['DIESEL-0']!, qty: 15 }]),
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const docs = created(res);
    expect(docs.map((d) => d.state)).toEqual(['draft', 'draft', 'draft']);
    expect(docs[1]).toMatchObject({ toNodeId: ids['LPS-BASE'], reference: 'round 2' });
    const numbers = docs.map((d) => d.number);
    expect(numbers.every((n) => /^TR-\d{4}-\d{6}$/.test(n))).toBe(true);
    expect([...numbers].sort()).toEqual(numbers);

    const cylinders = docs.flatMap((d) => d.lines.filter((l) => l.itemId === ids['CYL-6.8-30']).map((l) => l.assetId));
    expect(cylinders).toHaveLength(5);
    expect(new Set(cylinders).size).toBe(5);
    // First expiry first out across the batch: the early lot's 5 meals are taken before the late lot.
    const meals = docs.flatMap((d) => d.lines.filter((l) => l.itemId === ids['MEAL-SELFHEAT']));
    expect(meals.map((l) => [l.lotId, l.qty])).toEqual([
      [lots[0], 4],
      [lots[0], 1],
      [lots[1], 2],
    ]);
    expect(await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['CYL-6.8-30']!)).toMatchObject({
      onHand: cylBefore.onHand,
      reserved: cylBefore.reserved + 5,
    });
    expect((await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!)).reserved).toBe(dieselBefore.reserved + 25);
    const after = await counts();
    expect(after.documents - before.documents).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    expect(after.events - before.events).toBe(5);
    const reserved = await ctx.db.query<{ status: string }>('SELECT status FROM asset WHERE id = ANY ($1::uuid[])', [cylinders]);
    expect(reserved.every((a) => a.status === 'reserved')).toBe(true);
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });

    // They leave together, arrive together (one in part), and the ledger follows.
    const shipped = await admin.post('/transfers/batch/ship', { ids: docs.map((d) => d.id) });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect((shipped.body.documents as Doc[]).map((d) => d.state)).toEqual(['in-transit', 'in-transit', 'in-transit']);
    expect((await balance(ctx.db, ids['LPS-SW-LZ1']!, ids['DIESEL-0']!)).inTransit).toBe(10);
    const lostCylinder = docs[1]!.lines[0]!;
    const received = await admin.post('/transfers/batch/receive', {
      transfers: [
        { id: docs[0]!.id },
        {
          id: docs[1]!.id,
          note: 'one cylinder fell off',
          lines: docs[1]!.lines
            .filter((l) => l !== lostCylinder)
            .map((l) => ({ ...l, lotId: l.lotId ?? undefined, assetId: l.assetId ?? undefined })),
        },
        { id: docs[2]!.id },
      ],
    });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const done = received.body.documents as Doc[];
    expect(done.map((d) => d.state)).toEqual(['received', 'partially-received', 'received']);
    expect(done[1]!.meta).toMatchObject({ note: 'one cylinder fell off', missing: [{ assetId: lostCylinder.assetId, qty: 1 }] });
    expect((await balance(ctx.db, ids['LPS-SW-LZ1']!, ids['DIESEL-0']!)).inTransit).toBe(0);
    expect((await balance(ctx.db, ids['LPS-SW-SC1']!, ids['DIESEL-0']!)).onHand).toBe(sc1Before.onHand + 15);
    expect(await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!)).toMatchObject({
      onHand: dieselBefore.onHand - 25,
      reserved: dieselBefore.reserved,
    });
    const [lost] = await ctx.db.query<{ status: string; node_id: string | null }>(
      'SELECT status, node_id FROM asset WHERE id = $1',
      [lostCylinder.assetId],
    );
    expect(lost).toEqual({ status: 'lost', node_id: null });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
    expect((await admin.get('/audit/verify')).body.ok).toBe(true);
  });

  it('creates all or none: the short or bad transfer is named and nothing is reserved', async () => {
    const before = await counts();
    const dieselBefore = await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!);
    const short = await admin.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]),
        from('LPS-BASE', [{ itemId: ids['DIESEL-0']!, qty: 1 }]),
        from('LPS-SW-SC1', [
          { itemId: ids['MEAL-SELFHEAT']!, qty: 1 },
          { itemId: ids['DIESEL-0']!, qty: dieselBefore.onHand - dieselBefore.reserved },
        ]),
      ],
    });
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('INSUFFICIENT_STOCK');
    expect(short.body.details.short).toEqual([
      expect.objectContaining({
        transfer: 2,
        line: 1,
        itemId: ids['DIESEL-0'],
        available: dieselBefore.onHand - dieselBefore.reserved - 2,
      }),
    ]);

    const sameNode = await admin.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]),
        from('LPS-SW-ZS1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]),
      ],
    });
    expect(sameNode.status).toBe(400);
    expect(sameNode.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { transfer: 1 } });
    expect(sameNode.body.message).toContain('Transfer 1');

    const nowhere = await admin.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]),
        {
          transfer: {
            ...from('LPS-SW-LZ1', []).transfer,
            toNodeId: '00000000-0000-4000-8000-000000000009',
            lines: [{ itemId: ids['DIESEL-0'], qty: 1 }],
          },
        },
      ],
    });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { transfer: 1, field: 'toNodeId' } });

    const unknownItem = await admin.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]),
        from('LPS-BASE', [{ itemId: '00000000-0000-4000-8000-000000000001', qty: 1 }]),
      ],
    });
    expect(unknownItem.status).toBe(422);
    expect(unknownItem.body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { transfer: 1, lines: [{ line: 0 }] } });

    const cylinder = (
      await ctx.db.query<{ id: string }>(
        "SELECT id FROM asset WHERE item_id = $1 AND node_id = $2 AND status = 'in-stock' ORDER BY code LIMIT 1",
        [ids['CYL-6.8-30'], ids['LPS-SW-ZS1']],
      )
    )[0]!.id;
    const namedTwice = await admin.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [{ itemId: ids['CYL-6.8-30']!, qty: 1, assetIds: [cylinder] }]),
        from('LPS-BASE', [{ itemId: ids['CYL-6.8-30']!, qty: 1, assetIds: [cylinder] }]),
      ],
    });
    expect(namedTwice.status).toBe(400);
    expect(namedTwice.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { transfer: 1, line: 0 } });

    expect(await counts()).toEqual(before);
    expect(await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!)).toEqual(dieselBefore);
  });

  it('ships, cancels and receives all or none: a transfer in the wrong state or unknown is named, nothing moves', async () => {
    const make = await admin.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 2 }]),
        from('LPS-BASE', [{ itemId: ids['DIESEL-0']!, qty: 3 }]),
      ],
    });
    expect(make.status).toBe(201);
    const [a, b] = created(make) as [Doc, Doc];
    expect((await admin.post(`/transfers/${b.id}/cancel`)).status).toBe(200);
    const before = await counts();
    const dieselBefore = await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!);

    const wrongState = await admin.post('/transfers/batch/ship', { ids: [a.id, b.id] });
    expect(wrongState.status).toBe(409);
    expect(wrongState.body).toMatchObject({ code: 'INVALID_STATE', details: { transfer: 1, state: 'cancelled' } });
    const unknown = await admin.post('/transfers/batch/ship', { ids: [a.id, '00000000-0000-4000-8000-000000000002'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', details: { transfer: 1 } });
    const notShipped = await admin.post('/transfers/batch/receive', { transfers: [{ id: a.id }] });
    expect(notShipped.status).toBe(409);
    expect((await admin.post('/transfers/batch/ship', { ids: [a.id, a.id] })).status).toBe(400);
    expect(await counts()).toEqual(before);
    expect(await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!)).toEqual(dieselBefore);

    expect((await admin.post('/transfers/batch/start-picking', { ids: [a.id] })).body.documents[0].state).toBe('picking');
    const cancelled = await admin.post('/transfers/batch/cancel', { ids: [a.id] });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.documents[0].state).toBe('cancelled');
    expect((await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!)).reserved).toBe(dieselBefore.reserved - 2);

    // What arrived must have been shipped on that transfer.
    const c = created(
      await admin.post('/transfers/batch', { transfers: [from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }])] }),
    )[0]!;
    expect((await admin.post('/transfers/batch/ship', { ids: [c.id] })).status).toBe(200);
    const extra = await admin.post('/transfers/batch/receive', {
      transfers: [{ id: c.id, lines: [{ itemId: ids['MEAL-SELFHEAT'], qty: 1 }] }],
    });
    expect(extra.status).toBe(422);
    expect((await admin.get('/ledger/verify')).body.ok).toBe(true);
  });

  it('replays transfers created before under the same key and creates only the new ones', async () => {
    const queue = [
      { idempotencyKey: 'tablet-3:0001', ...from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]) },
      { idempotencyKey: 'tablet-3:0002', ...from('LPS-BASE', [{ itemId: ids['DIESEL-0']!, qty: 1 }]) },
    ];
    const first = await admin.post('/transfers/batch', { transfers: queue });
    expect(first.status).toBe(201);
    const before = await counts();
    const again = await admin.post('/transfers/batch', { transfers: queue });
    expect(again.status).toBe(200);
    expect(created(again).map((d) => d.id)).toEqual(created(first).map((d) => d.id));
    expect(await counts()).toEqual(before);
    const grown = await admin.post('/transfers/batch', {
      transfers: [...queue, { idempotencyKey: 'tablet-3:0003', ...from('LPS-SW-SC1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]) }],
    });
    expect(grown.status).toBe(201);
    expect(grown.body.results.map((r: { replayed: boolean }) => r.replayed)).toEqual([true, true, false]);
    const reused = await admin.post('/transfers/batch', {
      transfers: [{ ...queue[0]!, ...from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 9 }]) }],
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('checks every node against the user’s rights, and bounds and validates the batch', async () => {
    let token = await ctx.login('zs1.keeper');
    const keeper = client(ctx, () => token);
    const before = await counts();
    const elsewhere = await keeper.post('/transfers/batch', {
      transfers: [
        from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }]),
        { transfer: { fromNodeId: ids['LPS-BASE'], toNodeId: ids['LPS-SW-ZS1'], lines: [{ itemId: ids['DIESEL-0'], qty: 1 }] } },
      ],
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toMatchObject({ code: 'FORBIDDEN_SCOPE', details: { transfer: 1 } });

    // ZS1's keeper may send from ZS1 but not take in at LZ1.
    const mine = await keeper.post('/transfers/batch', {
      transfers: [from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }])],
    });
    expect(mine.status).toBe(201);
    const doc = created(mine)[0]!;
    expect((await keeper.post('/transfers/batch/ship', { ids: [doc.id] })).status).toBe(200);
    const notTheirs = await keeper.post('/transfers/batch/receive', { transfers: [{ id: doc.id }] });
    expect(notTheirs.status).toBe(403);
    token = await ctx.login('lps.viewer');
    expect((await keeper.post('/transfers/batch/receive', { transfers: [{ id: doc.id }] })).status).toBe(403);
    expect((await keeper.post('/transfers/batch/cancel', { ids: [doc.id] })).status).toBe(403);

    const afterSetup = await counts();
    expect(afterSetup.documents).toBe(before.documents + 1);
    expect((await admin.post('/transfers/batch', { transfers: [] })).status).toBe(400);
    expect(
      (
        await admin.post('/transfers/batch', {
          transfers: Array.from({ length: 201 }, () => from('LPS-SW-LZ1', [{ itemId: ids['DIESEL-0']!, qty: 1 }])),
        })
      ).status,
    ).toBe(400);
    expect((await admin.post('/transfers/batch', { transfers: [{ ...from('LPS-SW-LZ1', []), extra: 1 }] })).status).toBe(400);
    expect((await admin.post('/transfers/batch/ship', { ids: [] })).status).toBe(400);
    expect((await admin.post('/transfers/batch/ship', { ids: ['not-a-uuid'] })).status).toBe(400);
    expect((await admin.post('/transfers/batch/receive', { transfers: [{ id: doc.id, lines: [{ qty: -1 }] }] })).status).toBe(
      400,
    );
    expect((await admin.post('/transfers/batch/receive', { transfers: 'all' })).status).toBe(400);
    expect({ ...(await counts()), audit: 0 }).toEqual({ ...afterSetup, audit: 0 });
  });
});
