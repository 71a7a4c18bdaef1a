import { beforeAll, expect, it } from 'vitest';
import { balance, client, idOf } from './ledger-support.ts';
import { describeEachDatabase, useTestApp } from './support.ts';

describeEachDatabase('the stock ledger', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const code of ['LPS-BASE', 'LPS-SW-ZS1', 'LPS-SW-SC1', 'LPS-SW-LZ1']) ids[code] = await idOf(ctx.db, 'node', code);
    for (const code of ['CYL-6.8-30', 'DIESEL-0', 'MEAL-SELFHEAT', 'HOSE-65-20']) ids[code] = await idOf(ctx.db, 'item', code);
  });

  it('receives serialised units with one code each, lots with dates, and bulk by measure', async () => {
    const before = await balance(ctx.db, ids['LPS-SW-LZ1']!, ids['CYL-6.8-30']!);
    const res = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-LZ1'],
      source: 'purchase',
      reference: 'PO-2026-77',
      lines: [
        {
          itemId: ids['CYL-6.8-30'],
          qty: 3,
          serials: ['T-CYL-1', { serialNo: 'T-CYL-2', rfidEpc: 'e2801160600002040a1b2c3d' }, 'T-CYL-3'],
        },
        {
          itemId: ids['MEAL-SELFHEAT'],
          qty: 40,
          lot: { lotNo: 'T-MEAL-2026-11', producedOn: '2026-11-01', expiresOn: '2027-05-01' },
        },
        { itemId: ids['DIESEL-0'], qty: 5000 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^RC-2026-\d{6}$/);
    const codes = res.body.lines[0].assetCodes as string[];
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    expect(codes[0]).toMatch(/^GZ-LPS-[0-9A-Z]{7}$/);
    const after = await balance(ctx.db, ids['LPS-SW-LZ1']!, ids['CYL-6.8-30']!);
    expect(after.onHand - before.onHand).toBe(3);
    const lookup = await admin.get(`/codes/${codes[1]}`);
    expect(lookup.body).toMatchObject({
      kind: 'asset',
      asset: { serialNo: 'T-CYL-2', rfidEpc: 'E2801160600002040A1B2C3D', status: 'in-stock' },
    });
    expect(lookup.body.asset.history[0]).toMatchObject({ kind: 'received', documentNumber: res.body.number });
    const byEpc = await admin.get('/codes/E2801160600002040A1B2C3D');
    expect(byEpc.body.asset.code).toBe(codes[1]);
  });

  it('refuses a receipt with problems as a whole: nothing is posted', async () => {
    const [{ n: movementsBefore }] = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement')) as [
      { n: number },
    ];
    const dupSerials = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-LZ1'],
      source: 'purchase',
      lines: [
        { itemId: ids['DIESEL-0'], qty: 10 },
        { itemId: ids['CYL-6.8-30'], qty: 2, serials: ['DUP-1', 'DUP-1'] },
      ],
    });
    expect(dupSerials.status).toBe(400);
    expect(dupSerials.body.details.problems[0].message).toContain('appears twice');
    const existingSerial = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-LZ1'],
      source: 'purchase',
      lines: [
        { itemId: ids['DIESEL-0'], qty: 10 },
        { itemId: ids['CYL-6.8-30'], qty: 1, serials: ['T-CYL-1'] },
      ],
    });
    expect(existingSerial.status).toBe(409);
    const missingLot = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-LZ1'],
      source: 'purchase',
      lines: [{ itemId: ids['MEAL-SELFHEAT'], qty: 5 }],
    });
    expect(missingLot.status).toBe(400);
    const unknownItem = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-LZ1'],
      source: 'purchase',
      lines: [{ itemId: '00000000-0000-4000-8000-000000000000', qty: 5 }],
    });
    expect(unknownItem.status).toBe(422);
    const lotClash = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-LZ1'],
      source: 'purchase',
      lines: [{ itemId: ids['MEAL-SELFHEAT'], qty: 5, lot: { lotNo: 'T-MEAL-2026-11', expiresOn: '2030-01-01' } }],
    });
    expect(lotClash.status).toBe(422);
    const [{ n: movementsAfter }] = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement')) as [
      { n: number },
    ];
    expect(movementsAfter).toBe(movementsBefore);
  });

  it('posts once per idempotency key, replays the same request, and refuses the key for another body', async () => {
    const body = { nodeId: ids['LPS-SW-LZ1'], source: 'donation', lines: [{ itemId: ids['DIESEL-0'], qty: 100 }] };
    const key = { 'idempotency-key': 'phone-retry-0001' };
    const before = await balance(ctx.db, ids['LPS-SW-LZ1']!, ids['DIESEL-0']!);
    const first = await admin.post('/receipts', body, key);
    const second = await admin.post('/receipts', body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect((await balance(ctx.db, ids['LPS-SW-LZ1']!, ids['DIESEL-0']!)).onHand - before.onHand).toBe(100);
    const other = await admin.post('/receipts', { ...body, lines: [{ itemId: ids['DIESEL-0'], qty: 101 }] }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('runs a transfer through its states: reserve, pick, ship, receive in part with the missing recorded', async () => {
    const from = ids['LPS-SW-LZ1']!;
    const to = ids['LPS-SW-SC1']!;
    const diesel = ids['DIESEL-0']!;
    const fromBefore = await balance(ctx.db, from, diesel);
    const toBefore = await balance(ctx.db, to, diesel);
    const tooMuch = await admin.post('/transfers', {
      fromNodeId: from,
      toNodeId: to,
      lines: [{ itemId: diesel, qty: fromBefore.onHand + 1 }],
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('INSUFFICIENT_STOCK');
    expect(tooMuch.body.details.short[0]).toMatchObject({ requested: fromBefore.onHand + 1 });
    const created = await admin.post('/transfers', {
      fromNodeId: from,
      toNodeId: to,
      lines: [
        { itemId: diesel, qty: 300 },
        { itemId: ids['CYL-6.8-30'], qty: 2 },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.state).toBe('draft');
    expect((await balance(ctx.db, from, diesel)).reserved - fromBefore.reserved).toBe(300);
    const id = created.body.id;
    expect((await admin.post(`/transfers/${id}/receive`, {})).status).toBe(409);
    expect((await admin.post(`/transfers/${id}/start-picking`)).body.state).toBe('picking');
    expect((await admin.post(`/transfers/${id}/ship`)).body.state).toBe('in-transit');
    expect((await balance(ctx.db, to, diesel)).inTransit - toBefore.inTransit).toBe(300);
    expect((await admin.post(`/transfers/${id}/cancel`)).status).toBe(409);
    const cylinders = created.body.lines.filter((l: { assetId: string | null }) => l.assetId);
    const received = await admin.post(`/transfers/${id}/receive`, {
      lines: [
        { itemId: diesel, qty: 280 },
        { itemId: ids['CYL-6.8-30'], assetId: cylinders[0].assetId, qty: 1 },
      ],
      note: '20 L spilt; one cylinder missing',
    });
    expect(received.status).toBe(200);
    expect(received.body.state).toBe('partially-received');
    expect(received.body.meta.missing).toHaveLength(2);
    const toAfter = await balance(ctx.db, to, diesel);
    expect(toAfter.onHand - toBefore.onHand).toBe(280);
    expect(toAfter.inTransit).toBe(toBefore.inTransit);
    const lost = await admin.get(`/assets/${cylinders[1].assetId}`);
    expect(lost.body.status).toBe('lost');
    const moved = await admin.get(`/assets/${cylinders[0].assetId}`);
    expect(moved.body).toMatchObject({ status: 'in-stock', nodeId: to });
    expect(moved.body.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'reserved', 'shipped', 'received']);
  });

  it('cancels a draft transfer and frees its reservation', async () => {
    const from = ids['LPS-SW-LZ1']!;
    const before = await balance(ctx.db, from, ids['DIESEL-0']!);
    const created = await admin.post('/transfers', {
      fromNodeId: from,
      toNodeId: ids['LPS-BASE'],
      lines: [{ itemId: ids['DIESEL-0'], qty: 10 }],
    });
    expect((await admin.post(`/transfers/${created.body.id}/cancel`)).body.state).toBe('cancelled');
    expect(await balance(ctx.db, from, ids['DIESEL-0']!)).toEqual(before);
  });

  it('quarantines and releases stock, which meanwhile cannot be transferred', async () => {
    const node = ids['LPS-SW-LZ1']!;
    const diesel = ids['DIESEL-0']!;
    const b = await balance(ctx.db, node, diesel);
    const free = b.onHand - b.reserved - b.quarantined;
    expect(
      (
        await admin.post('/quarantines', {
          nodeId: node,
          reason: 'water in tank 油水分离',
          lines: [{ itemId: diesel, qty: free }],
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin.post('/transfers', { fromNodeId: node, toNodeId: ids['LPS-BASE'], lines: [{ itemId: diesel, qty: 1 }] }))
        .status,
    ).toBe(409);
    const avail = await admin.get(`/stock/availability?nodeId=${node}&itemId=${diesel}`);
    expect(avail.body).toMatchObject({ available: 0, notDispatchable: { quarantined: b.quarantined + free } });
    expect(
      (await admin.post('/releases', { nodeId: node, reason: 'tested OK', lines: [{ itemId: diesel, qty: free }] })).status,
    ).toBe(201);
    expect((await balance(ctx.db, node, diesel)).quarantined).toBe(b.quarantined);
  });

  it('writes off only after approval by someone else, and never beyond stock', async () => {
    const node = ids['LPS-SW-LZ1']!;
    const keeperUser = await admin.post('/users', {
      username: 'lz1.keeper',
      password: 'Keeper-Pass-77',
      displayName: '六枝库管',
      role: 'warehouse-keeper',
      nodeIds: [node],
    });
    expect(keeperUser.status).toBe(201);
    const keeperToken = await ctx.login('lz1.keeper', 'Keeper-Pass-77');
    const keeper = client(ctx, () => keeperToken);
    const before = await balance(ctx.db, node, ids['DIESEL-0']!);
    const request = await keeper.post('/write-offs', {
      nodeId: node,
      kind: 'scrap',
      reason: '变质 degraded',
      lines: [{ itemId: ids['DIESEL-0'], qty: 50 }],
    });
    expect(request.status).toBe(201);
    expect(request.body.state).toBe('pending-approval');
    expect((await balance(ctx.db, node, ids['DIESEL-0']!)).quarantined - before.quarantined).toBe(50);
    expect((await keeper.post(`/write-offs/${request.body.id}/decision`, { approve: true })).status).toBe(403);
    const officer = client(ctx, () => officerToken);
    const officerToken = await ctx.login('lps.logistics');
    const approved = await officer.post(`/write-offs/${request.body.id}/decision`, { approve: true, note: 'agreed' });
    expect(approved.body.state).toBe('approved');
    expect((await officer.post(`/write-offs/${request.body.id}/decision`, { approve: true })).status).toBe(409);
    const after = await balance(ctx.db, node, ids['DIESEL-0']!);
    expect(before.onHand - after.onHand).toBe(50);
    expect(after.quarantined).toBe(before.quarantined);
  });

  it('writes off a request mixing quarantined and free stock line by line, and never lets the requester approve', async () => {
    const node = ids['LPS-SW-LZ1']!;
    const diesel = ids['DIESEL-0']!;
    const petrol = await idOf(ctx.db, 'item', 'PETROL-92');
    const officerToken = await ctx.login('lps.logistics');
    const officer = client(ctx, () => officerToken);
    expect(
      (await admin.post('/receipts', { nodeId: node, source: 'purchase', lines: [{ itemId: petrol, qty: 40 }] })).status,
    ).toBe(201);
    expect(
      (await admin.post('/quarantines', { nodeId: node, reason: 'water in tank', lines: [{ itemId: diesel, qty: 7 }] })).status,
    ).toBe(201);
    const dieselBefore = await balance(ctx.db, node, diesel);
    const petrolBefore = await balance(ctx.db, node, petrol);
    const request = await officer.post('/write-offs', {
      nodeId: node,
      kind: 'write-off',
      reason: 'contaminated fuel',
      lines: [
        { itemId: diesel, qty: 7 },
        { itemId: petrol, qty: 4 },
      ],
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    // Diesel was in quarantine already; petrol was free and is quarantined now.
    expect((await balance(ctx.db, node, diesel)).quarantined).toBe(dieselBefore.quarantined);
    expect((await balance(ctx.db, node, petrol)).quarantined - petrolBefore.quarantined).toBe(4);
    const own = await officer.post(`/write-offs/${request.body.id}/decision`, { approve: true });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FORBIDDEN');
    const approved = await admin.post(`/write-offs/${request.body.id}/decision`, { approve: true });
    expect(approved.body.state).toBe('approved');
    expect(dieselBefore.onHand - (await balance(ctx.db, node, diesel)).onHand).toBe(7);
    expect(petrolBefore.onHand - (await balance(ctx.db, node, petrol)).onHand).toBe(4);
    expect((await admin.get('/ledger/verify')).body.ok).toBe(true);
  });

  it('counts stock: expected frozen, discrepancies posted as corrections after approval; one open count per node', async () => {
    const node = ids['LPS-SW-LZ1']!;
    const diesel = ids['DIESEL-0']!;
    const started = await admin.post('/counts', { nodeId: node, itemIds: [diesel] });
    expect(started.status).toBe(201);
    expect((await admin.post('/counts', { nodeId: node })).status).toBe(409);
    const view = await admin.get(`/counts/${started.body.id}`);
    const expected = view.body.countLines[0].expected as number;
    const b = await balance(ctx.db, node, diesel);
    const recorded = await admin.post(`/counts/${started.body.id}/lines`, { lines: [{ itemId: diesel, counted: expected - 7 }] });
    expect(recorded.body.countLines[0]).toMatchObject({ expected, counted: expected - 7, difference: -7 });
    expect((await admin.post(`/counts/${started.body.id}/decision`, { approve: true })).status).toBe(409);
    await admin.post(`/counts/${started.body.id}/submit`);
    const approved = await admin.post(`/counts/${started.body.id}/decision`, { approve: true });
    expect(approved.body.state).toBe('approved');
    expect((await balance(ctx.db, node, diesel)).onHand).toBe(b.onHand - 7);
    expect((await admin.post('/counts', { nodeId: node })).status).toBe(201);
  });

  it('reports shortfalls against the standard and proposes replenishment up the hierarchy', async () => {
    const node = ids['LPS-SW-LZ1']!;
    const hose = ids['HOSE-65-20']!;
    const b = await balance(ctx.db, node, hose);
    await admin.put('/reserve-standards', { nodeId: node, itemId: hose, minReserve: b.onHand + 5, target: b.onHand + 10 });
    const report = await admin.get(`/reserve-standards/shortfalls?nodeId=${node}`);
    const row = report.body.items.find((r: { itemId: string }) => r.itemId === hose);
    expect(row).toMatchObject({ belowMinimum: 5 + b.reserved + b.quarantined, nodeCode: 'LPS-SW-LZ1' });
    const dry = await admin.post('/replenishment-proposals', { nodeId: node, dryRun: true });
    const proposal = dry.body.proposals.find((p: { itemId: string }) => p.itemId === hose);
    expect(proposal.toNodeId).toBe(node);
    expect(proposal.fromNodeId).toBe(ids['LPS-BASE']);
    const made = await admin.post('/replenishment-proposals', { nodeId: node });
    expect(made.body.transfers.length).toBeGreaterThan(0);
    const transfer = await admin.get(`/documents/${made.body.transfers[0].id}`);
    expect(transfer.body).toMatchObject({ kind: 'transfer', state: 'draft', toNodeId: node });
  });

  it('lists stock with availability, partner stock flagged, filtered and paged', async () => {
    const page = await admin.get('/stock?nodeType=partner&limit=5');
    expect(page.body.total).toBeGreaterThan(0);
    expect(page.body.items.every((r: { isPartnerStock: boolean }) => r.isPartnerStock)).toBe(true);
    const below = await admin.get('/stock?belowMinimum=true&limit=500');
    expect(below.body.items.every((r: { available: number; minReserve: number }) => r.available < r.minReserve)).toBe(true);
    const assets = await admin.get(`/assets?nodeId=${ids['LPS-BASE']}&itemId=${ids['CYL-6.8-30']}&limit=5`);
    expect(assets.body.items).toHaveLength(5);
    const next = await admin.get(
      `/assets?nodeId=${ids['LPS-BASE']}&itemId=${ids['CYL-6.8-30']}&limit=5&after=${assets.body.items[4].code}`,
    );
    expect(next.body.items[0].code > assets.body.items[4].code).toBe(true);
    const byOffset = await admin.get(`/assets?nodeId=${ids['LPS-BASE']}&itemId=${ids['CYL-6.8-30']}&limit=5&offset=5`);
    expect(next.body.items.map((a: { code: string }) => a.code)).toEqual(
      byOffset.body.items.map((a: { code: string }) => a.code),
    );
    const code = assets.body.items[0].code as string;
    const byPrefix = await admin.get(`/assets?q=${encodeURIComponent(code.slice(0, -1).toLowerCase())}&limit=50`);
    expect(byPrefix.body.items.map((a: { code: string }) => a.code)).toContain(code);
    const bySerial = await admin.get(`/assets?q=${encodeURIComponent(assets.body.items[0].serialNo)}`);
    expect(bySerial.body.items[0].code).toBe(code);
  });

  it('suggests a slot per received line and records put-away: the same item goes where it already is', async () => {
    const node = ids['LPS-SW-LZ1']!;
    const slots = (await admin.get(`/nodes/${node}/slots`)).body as { id: string; code: string; zone: string }[];
    expect(slots.length).toBeGreaterThan(10);
    const first = await admin.post('/receipts', {
      nodeId: node,
      source: 'purchase',
      lines: [{ itemId: ids['HOSE-65-20'], qty: 2, serials: ['PUT-H-1', 'PUT-H-2'] }],
    });
    const suggestions = await admin.get(`/receipts/${first.body.id}/put-away`);
    const line = suggestions.body.lines[0];
    expect(line.assetIds).toEqual(first.body.lines[0].assetIds);
    expect(line.suggestedSlot).toMatchObject({ why: expect.stringMatching(/fitting-zone|free-slot|same-item/) });
    const put = await admin.post('/put-away', {
      nodeId: node,
      assignments: [{ slotId: line.suggestedSlot.id, itemId: ids['HOSE-65-20'], assetIds: line.assetIds }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const asset = await admin.get(`/assets/${line.assetIds[0]}`);
    expect(asset.body.slotCode).toBe(line.suggestedSlot.code);
    expect(asset.body.history.at(-1).kind).toBe('put-away');
    const again = await admin.get(`/put-away/suggestion?nodeId=${node}&itemId=${ids['HOSE-65-20']}`);
    expect(again.body.slot).toMatchObject({ id: line.suggestedSlot.id, why: 'same-item' });
    const otherNodeSlot = (await admin.get(`/nodes/${ids['LPS-BASE']}/slots`)).body[0];
    const wrong = await admin.post('/put-away', {
      nodeId: node,
      assignments: [{ slotId: otherNodeSlot.id, itemId: ids['HOSE-65-20'], assetIds: line.assetIds }],
    });
    expect(wrong.status).toBe(422);
  });

  it('keeps balances equal to the movements: verify finds no difference', async () => {
    const verdict = await admin.get('/ledger/verify');
    expect(verdict.body).toMatchObject({ ok: true, differences: [] });
    expect(verdict.body.movementsChecked).toBeGreaterThan(100);
  });

  it('lets the database itself refuse negative balances, edits of history and hand-made balances', async () => {
    const [doc] = await ctx.db.query<{ id: string }>('SELECT id FROM stock_document LIMIT 1');
    const [org] = await ctx.db.query<{ organisation_id: string }>('SELECT organisation_id FROM node WHERE id = $1', [
      ids['LPS-SW-LZ1'],
    ]);
    await expect(
      ctx.db.query(
        `INSERT INTO stock_movement (organisation_id, document_id, node_id, item_id, stock_key, bucket, delta, at)
         VALUES ($1, $2, $3, $4, '00000000-0000-0000-0000-000000000000', 'on_hand', -999999999, now())`,
        [org!.organisation_id, doc!.id, ids['LPS-SW-LZ1'], ids['DIESEL-0']],
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(ctx.db.query('UPDATE stock_movement SET delta = delta + 1')).rejects.toThrow(/append-only/);
    await expect(ctx.db.query('DELETE FROM stock_movement')).rejects.toThrow(/append-only/);
    await expect(ctx.db.query('UPDATE stock_balance SET on_hand = on_hand + 1')).rejects.toThrow(/only through stock_movement/);
    expect((await admin.get('/ledger/verify')).body.ok).toBe(true);
  });

  it('names ledger rows whose references do not exist (the ledger tables carry no per-row foreign keys)', async () => {
    const [doc] = await ctx.db.query<{ id: string; organisation_id: string }>(
      'SELECT id, organisation_id FROM stock_document LIMIT 1',
    );
    await ctx.db.query(
      `INSERT INTO stock_movement (organisation_id, document_id, node_id, item_id, stock_key, bucket, delta, at)
       VALUES ($1, $2, '00000000-0000-4000-8000-00000000dead', $3, '00000000-0000-0000-0000-000000000000', 'on_hand', 1, now())`,
      [doc!.organisation_id, doc!.id, ids['DIESEL-0']],
    );
    const verdict = await admin.get('/ledger/verify');
    expect(verdict.body.ok).toBe(false);
    expect(verdict.body.differences).toEqual([]);
    expect(verdict.body.danglingReferences).toEqual(
      expect.arrayContaining([
        { table: 'stock_movement', column: 'node_id', rows: 1 },
        { table: 'stock_balance', column: 'node_id', rows: 1 },
      ]),
    );
    // Lots, assets and their events are checked the same way.
    await ctx.db.query(
      `INSERT INTO asset (id, organisation_id, item_id, code, serial_no, status, node_id)
       VALUES (gen_random_uuid(), $1, '00000000-0000-4000-8000-00000000beef', 'DANGLING-1', 'D-1', 'in-stock', $2)`,
      [doc!.organisation_id, ids['LPS-BASE']],
    );
    expect((await admin.get('/ledger/verify')).body.danglingReferences).toEqual(
      expect.arrayContaining([{ table: 'asset', column: 'item_id', rows: 1 }]),
    );
    // And document headers: their nodes and organisation.
    await ctx.db.query(
      `INSERT INTO stock_document (id, organisation_id, kind, number, node_id, to_node_id, state, created_by_name, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'transfer', 'TR-DANGLING-1', $2, '00000000-0000-4000-8000-00000000f00d', 'draft', 'test', now(), now())`,
      [doc!.organisation_id, ids['LPS-BASE']],
    );
    expect((await admin.get('/ledger/verify')).body.danglingReferences).toEqual(
      expect.arrayContaining([{ table: 'stock_document', column: 'to_node_id', rows: 1 }]),
    );
  });
});

describeEachDatabase('stock scope', (kind) => {
  const ctx = useTestApp(kind);

  it("gives a keeper scoped to one node 403 on another node's stock actions and hides its stock", async () => {
    const token = await ctx.login('zs1.keeper');
    const keeper = client(ctx, () => token);
    const own = await idOf(ctx.db, 'node', 'LPS-SW-ZS1');
    const other = await idOf(ctx.db, 'node', 'LPS-BASE');
    const diesel = await idOf(ctx.db, 'item', 'DIESEL-0');
    const ok = await keeper.post('/receipts', { nodeId: own, source: 'purchase', lines: [{ itemId: diesel, qty: 10 }] });
    expect(ok.status).toBe(201);
    for (const [url, body] of [
      ['/receipts', { nodeId: other, source: 'purchase', lines: [{ itemId: diesel, qty: 10 }] }],
      ['/transfers', { fromNodeId: other, toNodeId: own, lines: [{ itemId: diesel, qty: 1 }] }],
      ['/counts', { nodeId: other }],
      ['/adjustments', { nodeId: other, reason: 'x', lines: [{ itemId: diesel, qty: 1 }] }],
      ['/quarantines', { nodeId: other, reason: 'x', lines: [{ itemId: diesel, qty: 1 }] }],
    ] as const) {
      const res = await keeper.post(url, body);
      expect(res.status, url).toBe(403);
      expect(res.body.code, url).toBe('FORBIDDEN_SCOPE');
    }
    const stock = await keeper.get('/stock?limit=500');
    expect(stock.body.items.every((r: { nodeId: string }) => r.nodeId === own)).toBe(true);
    expect((await keeper.get(`/stock/availability?nodeId=${other}&itemId=${diesel}`)).status).toBe(403);
    const docs = await keeper.get('/documents?limit=500');
    expect(
      docs.body.items.every((d: { nodeId: string; toNodeId: string | null }) => d.nodeId === own || d.toNodeId === own),
    ).toBe(true);
  });
});
