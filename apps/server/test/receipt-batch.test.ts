import { beforeAll, expect, it } from 'vitest';
import { balance, client, idOf } from './ledger-support.ts';
import { describeEachDatabase, useTestApp } from './support.ts';

describeEachDatabase('posting receipts in batches', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const code of ['LPS-BASE', 'LPS-SW-ZS1', 'LPS-SW-LZ1']) ids[code] = await idOf(ctx.db, 'node', code);
    for (const code of ['CYL-6.8-30', 'DIESEL-0', 'MEAL-SELFHEAT']) ids[code] = await idOf(ctx.db, 'item', code);
  });

  const count = async (table: 'stock_movement' | 'stock_document' | 'asset' | 'audit_event') =>
    Number((await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  const counts = async () => ({
    movements: await count('stock_movement'),
    documents: await count('stock_document'),
    assets: await count('asset'),
    audit: await count('audit_event'),
  });
  const diesel = (nodeId: string, qty: number) => ({ nodeId, source: 'purchase', lines: [{ itemId: ids['DIESEL-0'], qty }] });

  it('posts every receipt of a batch as its own document, with one audit entry each, in one go', async () => {
    const before = await counts();
    const dieselBefore = await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!);
    const lot = { lotNo: 'B-MEAL-2026-12', producedOn: '2026-11-01', expiresOn: '2027-11-01' };
    const res = await admin.post('/receipts/batch', {
      receipts: [
        { receipt: diesel(ids['LPS-SW-ZS1']!, 100) },
        {
          receipt: {
            nodeId: ids['LPS-SW-LZ1'],
            source: 'donation',
            reference: 'Gift 7',
            lines: [
              { itemId: ids['MEAL-SELFHEAT'], qty: 20, lot },
              { itemId: ids['CYL-6.8-30'], qty: 2, serials: ['B-CYL-1', 'B-CYL-2'] },
            ],
          },
        },
        // The same lot again in another receipt: one lot, two movements.
        { receipt: { nodeId: ids['LPS-SW-LZ1'], source: 'purchase', lines: [{ itemId: ids['MEAL-SELFHEAT'], qty: 5, lot }] } },
        { receipt: diesel(ids['LPS-SW-ZS1']!, 50) },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const results = res.body.results as {
      document: { id: string; number: string; nodeId: string; lines: unknown[] };
      replayed: boolean;
    }[];
    expect(results).toHaveLength(4);
    expect(results.every((r) => !r.replayed)).toBe(true);
    const numbers = results.map((r) => r.document.number);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers.every((n) => /^RC-\d{4}-\d{6}$/.test(n))).toBe(true);
    expect([...numbers].sort()).toEqual(numbers); // numbered in the order sent
    expect(results[1]!.document).toMatchObject({ nodeId: ids['LPS-SW-LZ1'], reference: 'Gift 7', source: 'donation' });
    const after = await counts();
    expect(after.documents - before.documents).toBe(4);
    expect(after.movements - before.movements).toBe(1 + 1 + 2 + 1 + 1);
    expect(after.assets - before.assets).toBe(2);
    expect(after.audit - before.audit).toBe(4);
    expect((await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['DIESEL-0']!)).onHand - dieselBefore.onHand).toBe(150);
    const lots = await ctx.db.query('SELECT id FROM lot WHERE lot_no = $1', [lot.lotNo]);
    expect(lots).toHaveLength(1);
    const codes = (results[1]!.document.lines[1] as { assetCodes: string[] }).assetCodes;
    expect((await admin.get(`/codes/${codes[0]}`)).body.asset.history[0]).toMatchObject({
      kind: 'received',
      documentNumber: results[1]!.document.number,
    });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
    expect((await admin.get('/audit/verify')).body.ok).toBe(true);
  });

  it('posts all or none: a bad receipt anywhere in the batch is named and nothing is written', async () => {
    const before = await counts();
    const unknownItem = await admin.post('/receipts/batch', {
      receipts: [
        { receipt: diesel(ids['LPS-SW-ZS1']!, 1) },
        {
          receipt: {
            nodeId: ids['LPS-SW-ZS1'],
            source: 'purchase',
            lines: [{ itemId: '00000000-0000-4000-8000-000000000001', qty: 1 }],
          },
        },
      ],
    });
    expect(unknownItem.status).toBe(422);
    expect(unknownItem.body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { receipt: 1 } });
    expect(unknownItem.body.message).toContain('Receipt 1');

    const badShape = await admin.post('/receipts/batch', {
      receipts: [
        { receipt: diesel(ids['LPS-SW-ZS1']!, 1) },
        { receipt: diesel(ids['LPS-SW-ZS1']!, 2) },
        {
          receipt: {
            nodeId: ids['LPS-SW-LZ1'],
            source: 'purchase',
            lines: [{ itemId: ids['CYL-6.8-30'], qty: 2, serials: ['X'] }],
          },
        },
      ],
    });
    expect(badShape.status).toBe(400);
    expect(badShape.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { receipt: 2 } });

    // A serial already registered fails in the database, after everything else was prepared.
    const existingSerial = await admin.post('/receipts/batch', {
      receipts: [
        { receipt: diesel(ids['LPS-SW-ZS1']!, 3) },
        {
          receipt: {
            nodeId: ids['LPS-SW-LZ1'],
            source: 'purchase',
            lines: [{ itemId: ids['CYL-6.8-30'], qty: 1, serials: ['B-CYL-1'] }],
          },
        },
      ],
    });
    expect(existingSerial.status).toBe(409);

    const lotClash = await admin.post('/receipts/batch', {
      receipts: [
        { receipt: diesel(ids['LPS-SW-ZS1']!, 4) },
        {
          receipt: {
            nodeId: ids['LPS-SW-LZ1'],
            source: 'purchase',
            lines: [{ itemId: ids['MEAL-SELFHEAT'], qty: 1, lot: { lotNo: 'B-MEAL-2026-12', expiresOn: '2030-01-01' } }],
          },
        },
      ],
    });
    expect(lotClash.status).toBe(422);
    expect(lotClash.body.details).toMatchObject({ receipt: 1, line: 0 });
    expect(await counts()).toEqual(before);
  });

  it('replays receipts posted before under the same key, posts only the new ones, and refuses a reused key', async () => {
    const batch = [
      { idempotencyKey: 'handheld-7:0001', receipt: diesel(ids['LPS-SW-ZS1']!, 7) },
      { idempotencyKey: 'handheld-7:0002', receipt: diesel(ids['LPS-BASE']!, 8) },
    ];
    const first = await admin.post('/receipts/batch', { receipts: batch });
    expect(first.status).toBe(201);
    const before = await counts();
    const again = await admin.post('/receipts/batch', { receipts: batch });
    expect(again.status).toBe(200);
    expect(again.body.results.map((r: { replayed: boolean }) => r.replayed)).toEqual([true, true]);
    expect(again.body.results.map((r: { document: { id: string } }) => r.document.id)).toEqual(
      first.body.results.map((r: { document: { id: string } }) => r.document.id),
    );
    expect(await counts()).toEqual(before);

    // The queue grew while the answer was lost: the old receipts replay, the new one posts.
    const grown = await admin.post('/receipts/batch', {
      receipts: [...batch, { idempotencyKey: 'handheld-7:0003', receipt: diesel(ids['LPS-SW-ZS1']!, 9) }],
    });
    expect(grown.status).toBe(201);
    expect(grown.body.results.map((r: { replayed: boolean }) => r.replayed)).toEqual([true, true, false]);
    expect((await counts()).documents).toBe(before.documents + 1);

    const reused = await admin.post('/receipts/batch', {
      receipts: [{ idempotencyKey: 'handheld-7:0002', receipt: diesel(ids['LPS-BASE']!, 999) }, batch[0]],
    });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', details: { index: 0 } });

    const twice = await admin.post('/receipts/batch', {
      receipts: [
        { idempotencyKey: 'handheld-7:0009', receipt: diesel(ids['LPS-SW-ZS1']!, 1) },
        { idempotencyKey: 'handheld-7:0009', receipt: diesel(ids['LPS-SW-ZS1']!, 2) },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.details).toEqual({ indexes: [0, 1] });
    expect((await counts()).documents).toBe(before.documents + 1);
  });

  it('posts a key exactly once when the same batch arrives twice at the same moment', async () => {
    const batch = {
      receipts: Array.from({ length: 5 }, (_, i) => ({
        idempotencyKey: `race-${kind}-${i.toString().padStart(4, '0')}`,
        receipt: diesel(ids['LPS-SW-ZS1']!, 10 + i),
      })),
    };
    const before = await counts();
    const answers = await Promise.all([admin.post('/receipts/batch', batch), admin.post('/receipts/batch', batch)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect((await counts()).documents).toBe(before.documents + 5);
    expect((await admin.get('/ledger/verify')).body.ok).toBe(true);
  });

  it('checks every node of the batch against the poster’s rights, and bounds the batch', async () => {
    const keeper = client(ctx, () => token);
    let token = await ctx.login('zs1.keeper');
    const before = await counts();
    const elsewhere = await keeper.post('/receipts/batch', {
      receipts: [{ receipt: diesel(ids['LPS-SW-ZS1']!, 1) }, { receipt: diesel(ids['LPS-BASE']!, 1) }],
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('FORBIDDEN_SCOPE');
    token = await ctx.login('lps.viewer');
    expect((await keeper.post('/receipts/batch', { receipts: [{ receipt: diesel(ids['LPS-SW-ZS1']!, 1) }] })).status).toBe(403);

    expect((await admin.post('/receipts/batch', { receipts: [] })).status).toBe(400);
    const tooMany = await admin.post('/receipts/batch', {
      receipts: Array.from({ length: 501 }, () => ({ receipt: diesel(ids['LPS-SW-ZS1']!, 1) })),
    });
    expect(tooMany.status).toBe(400);
    const manyLines = await admin.post('/receipts/batch', {
      receipts: Array.from({ length: 11 }, () => ({
        receipt: {
          nodeId: ids['LPS-SW-ZS1'],
          source: 'purchase',
          lines: Array.from({ length: 2000 }, () => ({ itemId: ids['DIESEL-0'], qty: 1 })),
        },
      })),
    });
    expect([400, 413]).toContain(manyLines.status);
    expect(
      (await admin.post('/receipts/batch', { receipts: [{ receipt: diesel(ids['LPS-SW-ZS1']!, 1), extra: 1 }] })).status,
    ).toBe(400);
    // Signing in is audited; nothing else is written.
    expect({ ...(await counts()), audit: 0 }).toEqual({ ...before, audit: 0 });
  });
});
