import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { balance, client, idOf } from './ledger-support.ts';
import { describeEachDatabase, postgresUrl, testClock, useTestApp, type TestContext } from './support.ts';

type Line = { itemId: string; qty: number; lotId: string | null; assetId: string | null };

/** Test items, a module (packing list) for a kit item, and stock of every content at one node. */
async function setUpKitWorld(ctx: TestContext, prefix: string, nodeId: string) {
  const admin = client(ctx, () => ctx.adminToken);
  const [category] = await ctx.db.query<{ id: string }>('SELECT id FROM category ORDER BY code LIMIT 1');
  const item = async (code: string, tracking: 'kit' | 'lot' | 'serialised' | 'bulk') => {
    const res = await admin.post('/items', {
      code: `${prefix}-${code}`,
      categoryId: category!.id,
      nameZh: `测试${code}`,
      nameEn: `Test ${code}`,
      unitZh: '个',
      unitEn: 'pc',
      tracking,
      ...(tracking === 'serialised' ? { inspectionIntervalDays: 30 } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const ids = {
    kit: await item('KIT', 'kit'),
    meal: await item('MEAL', 'lot'),
    cylinder: await item('CYL', 'serialised'),
    rope: await item('ROPE', 'bulk'),
  };
  const [org] = await ctx.db.query<{ organisation_id: string }>('SELECT organisation_id FROM node WHERE id = $1', [nodeId]);
  const moduleId = randomUUID();
  await ctx.db.query(
    'INSERT INTO module_kit (id, organisation_id, code, name_zh, name_en, kit_item_id) VALUES ($1, $2, $3, $4, $5, $6)',
    [moduleId, org!.organisation_id, `${prefix}-MOD`, '测试模块', 'Test module', ids.kit],
  );
  for (const [itemId, qty] of [
    [ids.meal, 10],
    [ids.cylinder, 2],
    [ids.rope, 5],
  ] as const)
    await ctx.db.query('INSERT INTO module_line (module_id, item_id, organisation_id, qty) VALUES ($1, $2, $3, $4)', [
      moduleId,
      itemId,
      org!.organisation_id,
      qty,
    ]);
  const receipt = await admin.post('/receipts', {
    nodeId,
    source: 'purchase',
    lines: [
      { itemId: ids.meal, qty: 8, lot: { lotNo: `${prefix}-LATE`, expiresOn: '2027-03-01' } },
      { itemId: ids.meal, qty: 8, lot: { lotNo: `${prefix}-EARLY`, expiresOn: '2027-01-01' } },
      { itemId: ids.cylinder, qty: 3, serials: [`${prefix}-C1`, `${prefix}-C2`, `${prefix}-C3`] },
      { itemId: ids.rope, qty: 20 },
    ],
  });
  expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
  return { ...ids, moduleId, cylinders: receipt.body.lines[2].assetIds as string[] };
}

const free = (b: { onHand: number; reserved: number; quarantined: number }) => b.onHand - b.reserved - b.quarantined;

describeEachDatabase('kits: packing, unpacking and carrying sealed boxes', (kind) => {
  const ctx = useTestApp(kind, { clock: testClock() });
  const admin = client(ctx, () => ctx.adminToken);
  let node: string;
  let other: string;
  let w: Awaited<ReturnType<typeof setUpKitWorld>>;
  let listKit: string;
  let listKitCode: string;
  let explicitKit: string;
  const verify = async () => (await admin.get('/ledger/verify')).body;
  const counts = async () =>
    (
      await ctx.db.query<{ movements: number; documents: number; assets: number; kits: number }>(
        `SELECT (SELECT count(*) FROM stock_movement)::int AS movements, (SELECT count(*) FROM stock_document)::int AS documents,
                (SELECT count(*) FROM asset)::int AS assets, (SELECT count(*) FROM kit)::int AS kits`,
      )
    )[0]!;

  beforeAll(async () => {
    node = await idOf(ctx.db, 'node', 'LPS-SW-LZ1');
    other = await idOf(ctx.db, 'node', 'LPS-SW-SC1');
    w = await setUpKitWorld(ctx, 'KT', node);
  });

  it("packs a box from its module's packing list: first expiry first, serialised units chosen, contents reserved", async () => {
    const res = await admin.post('/kits/pack', { nodeId: node, kitItemId: w.kit });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'kit-pack', state: 'posted', source: 'KT-MOD' });
    expect(res.body.number).toMatch(/^KP-2026-\d{6}$/);
    listKit = res.body.meta.kitAssetId;
    listKitCode = res.body.meta.kitAssetCode;
    expect(listKitCode).toMatch(/^GZ-LPS-[0-9A-Z]{7}$/);

    const meal = res.body.lines.filter((l: Line) => l.itemId === w.meal);
    const lots = await ctx.db.query<{ id: string; lot_no: string }>('SELECT id, lot_no FROM lot WHERE item_id = $1', [w.meal]);
    const lotNo = (id: string) => lots.find((l) => l.id === id)!.lot_no;
    expect(meal.map((l: Line) => [lotNo(l.lotId!), l.qty])).toEqual([
      ['KT-EARLY', 8],
      ['KT-LATE', 2],
    ]);
    expect(await balance(ctx.db, node, w.meal)).toMatchObject({ onHand: 16, reserved: 10 });
    expect(await balance(ctx.db, node, w.cylinder)).toMatchObject({ onHand: 3, reserved: 2 });
    expect(await balance(ctx.db, node, w.rope)).toMatchObject({ onHand: 20, reserved: 5 });
    expect(await balance(ctx.db, node, w.kit)).toMatchObject({ onHand: 1, reserved: 0 });

    const view = await admin.get(`/kits/${listKit}`);
    expect(view.status).toBe(200);
    expect(view.body.kit).toMatchObject({
      code: listKitCode,
      serialNo: listKitCode,
      state: 'packed',
      status: 'in-stock',
      nodeId: node,
      moduleCode: 'KT-MOD',
      complete: true,
      earliestExpiry: '2027-01-01',
      earliestInspectionDue: '2026-12-29',
      needsAttention: false,
    });
    expect(view.body.check.short).toEqual([]);
    expect(view.body.contents).toHaveLength(5);

    const packedCylinder = res.body.lines.find((l: Line) => l.itemId === w.cylinder).assetId as string;
    const asset = await admin.get(`/assets/${packedCylinder}`);
    expect(asset.body.status).toBe('reserved');
    expect(asset.body.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'packed']);
    const [container] = await ctx.db.query<{ container_asset_id: string }>('SELECT container_asset_id FROM asset WHERE id = $1', [
      packedCylinder,
    ]);
    expect(container!.container_asset_id).toBe(listKit);
    const box = await admin.get(`/assets/${listKit}`);
    expect(box.body.history.map((h: { kind: string }) => h.kind)).toEqual(['packed']);

    // Packed contents are not free: a transfer cannot take them.
    const transfer = await admin.post('/transfers', { fromNodeId: node, toNodeId: other, lines: [{ itemId: w.meal, qty: 7 }] });
    expect(transfer.status).toBe(409);
    expect(await verify()).toMatchObject({ ok: true, differences: [], danglingReferences: [] });
  });

  it('packs given lines, and reports what the packing list still misses', async () => {
    const [freeCylinder] = await ctx.db.query<{ id: string }>(
      "SELECT id FROM asset WHERE item_id = $1 AND status = 'in-stock' AND node_id = $2",
      [w.cylinder, node],
    );
    expect(freeCylinder).toBeDefined();
    const res = await admin.post('/kits/pack', {
      nodeId: node,
      kitItemId: w.kit,
      serial: 'BOX-EXPLICIT-1',
      lines: [
        { itemId: w.rope, qty: 3 },
        { itemId: w.cylinder, qty: 1, assetIds: [freeCylinder!.id] },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    explicitKit = res.body.meta.kitAssetId;
    const view = await admin.get(`/kits/${explicitKit}`);
    expect(view.body.kit).toMatchObject({ serialNo: 'BOX-EXPLICIT-1', complete: false, earliestExpiry: null });
    expect(
      view.body.check.short.map((l: { itemId: string; required: number; packed: number; short: number }) => [
        l.itemId,
        l.required,
        l.packed,
        l.short,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [w.meal, 10, 0, 10],
        [w.cylinder, 2, 1, 1],
        [w.rope, 5, 3, 2],
      ]),
    );
    const list = await admin.get(`/kits?nodeId=${node}`);
    expect(list.status).toBe(200);
    const flags = Object.fromEntries(list.body.items.map((k: { assetId: string; complete: boolean }) => [k.assetId, k.complete]));
    expect(flags).toEqual({ [listKit]: true, [explicitKit]: false });
  });

  it('refuses a box whose contents are not free, and posts nothing', async () => {
    const before = await counts();
    const mealBefore = await balance(ctx.db, node, w.meal);
    const res = await admin.post('/kits/pack', { nodeId: node, kitItemId: w.kit });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INSUFFICIENT_STOCK');
    expect(res.body.details.short.map((s: { itemId: string }) => s.itemId).sort()).toEqual([w.cylinder, w.meal].sort());
    expect(await counts()).toEqual(before);
    expect(await balance(ctx.db, node, w.meal)).toEqual(mealBefore);
  });

  it('unpacks a box: its contents are free again and the box leaves stock', async () => {
    const ropeBefore = await balance(ctx.db, node, w.rope);
    const res = await admin.post(`/kits/${explicitKit}/unpack`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'kit-unpack', state: 'posted' });
    expect(res.body.number).toMatch(/^KU-2026-\d{6}$/);
    const ropeAfter = await balance(ctx.db, node, w.rope);
    expect(ropeAfter.onHand).toBe(ropeBefore.onHand);
    expect(free(ropeAfter) - free(ropeBefore)).toBe(3);
    expect((await balance(ctx.db, node, w.kit)).onHand).toBe(1);
    const cylinder = res.body.lines.find((l: Line) => l.itemId === w.cylinder).assetId as string;
    const asset = await admin.get(`/assets/${cylinder}`);
    expect(asset.body.status).toBe('in-stock');
    expect(asset.body.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'packed', 'unpacked']);
    const [container] = await ctx.db.query<{ container_asset_id: string | null }>(
      'SELECT container_asset_id FROM asset WHERE id = $1',
      [cylinder],
    );
    expect(container!.container_asset_id).toBeNull();
    const box = await admin.get(`/kits/${explicitKit}`);
    expect(box.body.kit).toMatchObject({ state: 'unpacked', status: 'retired', nodeId: null });
    expect((await admin.get(`/assets/${explicitKit}`)).body.history.map((h: { kind: string }) => h.kind)).toEqual([
      'packed',
      'unpacked',
    ]);
    const again = await admin.post(`/kits/${explicitKit}/unpack`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
    expect((await admin.get(`/kits?nodeId=${node}`)).body.items.map((k: { assetId: string }) => k.assetId)).toEqual([listKit]);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('carries the contents with the box on a transfer: reserved, in transit, packed again at the destination', async () => {
    const mealAtSource = await balance(ctx.db, node, w.meal);
    const created = await admin.post('/transfers', {
      fromNodeId: node,
      toNodeId: other,
      lines: [{ itemId: w.kit, qty: 1, assetIds: [listKit] }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    // A box promised to a transfer cannot be opened.
    expect((await admin.post(`/kits/${listKit}/unpack`)).body.code).toBe('INVALID_STATE');
    expect((await admin.post(`/transfers/${id}/ship`)).status).toBe(200);
    expect(await balance(ctx.db, node, w.meal)).toMatchObject({
      onHand: mealAtSource.onHand - 10,
      reserved: mealAtSource.reserved - 10,
    });
    expect(await balance(ctx.db, other, w.meal)).toMatchObject({ inTransit: 10, onHand: 0 });
    expect((await admin.get(`/kits/${listKit}`)).body.kit).toMatchObject({ status: 'in-transit', nodeId: other });
    expect(await verify()).toMatchObject({ ok: true });

    expect((await admin.post(`/transfers/${id}/receive`, {})).body.state).toBe('received');
    expect(await balance(ctx.db, other, w.meal)).toMatchObject({ inTransit: 0, onHand: 10, reserved: 10 });
    expect(await balance(ctx.db, other, w.cylinder)).toMatchObject({ onHand: 2, reserved: 2 });
    expect(await balance(ctx.db, other, w.rope)).toMatchObject({ onHand: 5, reserved: 5 });
    const view = await admin.get(`/kits/${listKit}`);
    expect(view.body.kit).toMatchObject({ status: 'in-stock', nodeId: other, state: 'packed', complete: true });
    const cylinder = view.body.contents.find((c: { assetId: string | null }) => c.assetId).assetId as string;
    const asset = await admin.get(`/assets/${cylinder}`);
    expect(asset.body).toMatchObject({ status: 'reserved', nodeId: other });
    expect(asset.body.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'packed', 'shipped', 'received']);
    expect((await admin.get(`/kits?nodeId=${other}`)).body.items).toHaveLength(1);
    expect(await verify()).toMatchObject({ ok: true, differences: [], danglingReferences: [] });
  });

  it('keeps the contents packed when a transfer is cancelled, and loses them with a box that never arrives', async () => {
    const cancelled = await admin.post('/transfers', { fromNodeId: other, toNodeId: node, lines: [{ itemId: w.kit, qty: 1 }] });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(201);
    expect(cancelled.body.lines[0].assetId).toBe(listKit);
    expect((await admin.post(`/transfers/${cancelled.body.id}/cancel`)).status).toBe(200);
    expect(await balance(ctx.db, other, w.meal)).toMatchObject({ onHand: 10, reserved: 10 });
    expect((await admin.get(`/kits/${listKit}`)).body.kit).toMatchObject({ status: 'in-stock', state: 'packed' });

    const lostOne = await admin.post('/transfers', { fromNodeId: other, toNodeId: node, lines: [{ itemId: w.kit, qty: 1 }] });
    const id = lostOne.body.id as string;
    await admin.post(`/transfers/${id}/ship`);
    const mealAtNode = await balance(ctx.db, node, w.meal);
    expect(mealAtNode.inTransit).toBe(10);
    const received = await admin.post(`/transfers/${id}/receive`, { lines: [{ itemId: w.kit, assetId: listKit, qty: 0 }] });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body.state).toBe('partially-received');
    expect(await balance(ctx.db, node, w.meal)).toMatchObject({ inTransit: 0, onHand: mealAtNode.onHand });
    expect(await balance(ctx.db, other, w.meal)).toMatchObject({ onHand: 0, reserved: 0 });
    const view = await admin.get(`/kits/${listKit}`);
    expect(view.body.kit.status).toBe('lost');
    const cylinder = view.body.contents.find((c: { assetId: string | null }) => c.assetId).assetId as string;
    expect((await admin.get(`/assets/${cylinder}`)).body.status).toBe('lost');
    expect(await verify()).toMatchObject({ ok: true, differences: [], danglingReferences: [] });
  });

  it('sends complete packed boxes first, then incomplete ones, then loose boxes; other documents take loose boxes first', async () => {
    // Created in the opposite order, so that box codes alone would pick them the other way round.
    const loose = await admin.post('/receipts', {
      nodeId: node,
      source: 'purchase',
      lines: [
        { itemId: w.kit, qty: 1, serials: ['KT-LOOSE-BOX'] },
        { itemId: w.meal, qty: 10, lot: { lotNo: 'KT-REFILL', expiresOn: '2027-06-01' } },
        { itemId: w.cylinder, qty: 2, serials: ['KT-C4', 'KT-C5'] },
      ],
    });
    expect(loose.status, JSON.stringify(loose.body)).toBe(201);
    const looseBox = loose.body.lines[0].assetIds[0] as string;
    const short = await admin.post('/kits/pack', { nodeId: node, kitItemId: w.kit, lines: [{ itemId: w.rope, qty: 1 }] });
    const complete = await admin.post('/kits/pack', { nodeId: node, kitItemId: w.kit });
    expect([short.status, complete.status], JSON.stringify(complete.body)).toEqual([201, 201]);
    const [shortBox, completeBox] = [short.body.meta.kitAssetId as string, complete.body.meta.kitAssetId as string];
    expect((await admin.get(`/kits/${completeBox}`)).body.kit.complete).toBe(true);

    const picked = async (qty: number) => {
      const res = await admin.post('/transfers', { fromNodeId: node, toNodeId: other, lines: [{ itemId: w.kit, qty }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await admin.post(`/transfers/${res.body.id}/cancel`)).status).toBe(200);
      return res.body.lines.map((l: Line) => l.assetId);
    };
    expect(await picked(1)).toEqual([completeBox]);
    expect(await picked(2)).toEqual([completeBox, shortBox]);
    expect(await picked(3)).toEqual([completeBox, shortBox, looseBox]);

    // Quarantine takes the loose box rather than a packed one, then refuses to take a packed box.
    const quarantine = await admin.post('/quarantines', {
      nodeId: node,
      reason: 'damaged lid',
      lines: [{ itemId: w.kit, qty: 1 }],
    });
    expect(quarantine.status, JSON.stringify(quarantine.body)).toBe(201);
    expect(quarantine.body.lines.map((l: Line) => l.assetId)).toEqual([looseBox]);
    const again = await admin.post('/quarantines', { nodeId: node, reason: 'damaged lid', lines: [{ itemId: w.kit, qty: 1 }] });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);
    expect(await verify()).toMatchObject({ ok: true, differences: [], danglingReferences: [] });
  });

  it('posts a pack once per idempotency key', async () => {
    const body = { nodeId: node, kitItemId: w.kit, lines: [{ itemId: w.rope, qty: 2 }] };
    const key = { 'idempotency-key': 'kit-pack-retry-0001' };
    const before = await counts();
    const first = await admin.post('/kits/pack', body, key);
    const second = await admin.post('/kits/pack', body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect((await counts()).kits - before.kits).toBe(1);
    const other = await admin.post('/kits/pack', { ...body, lines: [{ itemId: w.rope, qty: 3 }] }, key);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');
    const unpackKey = { 'idempotency-key': 'kit-unpack-retry-0001' };
    const opened = await admin.post(`/kits/${first.body.meta.kitAssetId}/unpack`, undefined, unpackKey);
    const openedAgain = await admin.post(`/kits/${first.body.meta.kitAssetId}/unpack`, undefined, unpackKey);
    expect([opened.status, openedAgain.status]).toEqual([201, 200]);
    expect(openedAgain.body.id).toBe(opened.body.id);
  });

  it('answers bad requests with 4xx and changes nothing', async () => {
    const before = await counts();
    const [elsewhere] = await ctx.db.query<{ id: string; item_id: string }>(
      "SELECT id, item_id FROM asset WHERE node_id <> $1 AND status = 'in-stock' ORDER BY code LIMIT 1",
      [node],
    );
    const cases: [unknown, number, string][] = [
      [{ nodeId: node, kitItemId: randomUUID() }, 422, 'REFERENCE_NOT_FOUND'],
      [{ nodeId: node, kitItemId: w.rope }, 422, 'UNPROCESSABLE'],
      [{ nodeId: randomUUID(), kitItemId: w.kit }, 422, 'REFERENCE_NOT_FOUND'],
      [{ nodeId: node, kitItemId: w.kit, lines: [{ itemId: w.rope, qty: -1 }] }, 400, 'VALIDATION_FAILED'],
      [{ nodeId: node, kitItemId: w.kit, lines: [{ itemId: w.rope, qty: 0 }] }, 400, 'VALIDATION_FAILED'],
      [{ nodeId: node, kitItemId: w.kit, lines: [] }, 400, 'VALIDATION_FAILED'],
      [{ nodeId: node, kitItemId: w.kit, lines: [{ itemId: randomUUID(), qty: 1 }] }, 422, 'REFERENCE_NOT_FOUND'],
      [
        { nodeId: node, kitItemId: w.kit, lines: [{ itemId: elsewhere!.item_id, qty: 1, assetIds: [elsewhere!.id] }] },
        409,
        'INSUFFICIENT_STOCK',
      ],
      [
        { nodeId: node, kitItemId: w.kit, lines: [{ itemId: w.rope, qty: 2, assetIds: [w.cylinders[0]] }] },
        400,
        'VALIDATION_FAILED',
      ],
      [{ nodeId: node, kitItemId: w.kit, serial: '' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await admin.post('/kits/pack', body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([status, code]);
    }
    // A packed box cannot go inside another box.
    const inner = await admin.post('/kits/pack', { nodeId: node, kitItemId: w.kit, lines: [{ itemId: w.rope, qty: 1 }] });
    const nested = await admin.post('/kits/pack', {
      nodeId: node,
      kitItemId: w.kit,
      lines: [{ itemId: w.kit, qty: 1, assetIds: [inner.body.meta.kitAssetId] }],
    });
    expect([nested.status, nested.body.code]).toEqual([422, 'UNPROCESSABLE']);
    expect((await counts()).kits).toBe(before.kits + 1);
    expect((await admin.get(`/kits/${randomUUID()}`)).status).toBe(404);
    expect((await admin.post(`/kits/${w.cylinders[0]}/unpack`)).status).toBe(404);
    expect((await admin.get('/kits')).status).toBe(400);
  });

  it('lets ledger verify notice packed contents the ledger does not hold', async () => {
    expect(await verify()).toMatchObject({ ok: true });
    const [kit] = await ctx.db.query<{ asset_id: string; organisation_id: string }>(
      "SELECT k.asset_id, k.organisation_id FROM kit k JOIN asset a ON a.id = k.asset_id WHERE k.unpacked_at IS NULL AND a.status = 'in-stock' LIMIT 1",
    );
    const [lot] = await ctx.db.query<{ id: string }>('SELECT id FROM lot WHERE item_id = $1 LIMIT 1', [w.meal]);
    await ctx.db.query(
      'INSERT INTO kit_content (organisation_id, kit_asset_id, item_id, lot_id, stock_key, qty) VALUES ($1, $2, $3, $4, $4, 999)',
      [kit!.organisation_id, kit!.asset_id, w.meal, lot!.id],
    );
    const verdict = await verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.danglingReferences).toEqual([
      expect.objectContaining({ table: 'kit_content', column: 'reserved or in-transit balance where its box is' }),
    ]);
    await ctx.db.query('DELETE FROM kit_content WHERE kit_asset_id = $1 AND qty = 999', [kit!.asset_id]);
    expect(await verify()).toMatchObject({ ok: true });
  });
});

/** PGlite has one connection and cannot race: the race runs on PostgreSQL only. */
const describeOnPostgres = postgresUrl ? describe : describe.skip;

describeOnPostgres('kits under concurrent packs [postgres]', () => {
  const ctx = useTestApp('postgres', { clock: testClock() });
  const admin = client(ctx, () => ctx.adminToken);
  let node: string;
  let w: Awaited<ReturnType<typeof setUpKitWorld>>;
  beforeAll(async () => {
    node = await idOf(ctx.db, 'node', 'LPS-SW-LZ1');
    w = await setUpKitWorld(ctx, 'KR', node);
  });

  it('lets exactly one of two packs win the same scarce contents, every time', async () => {
    for (const lines of [
      [{ itemId: w.rope, qty: 15 }],
      [{ itemId: w.meal, qty: 12 }],
      [{ itemId: w.cylinder, qty: 2 }],
      undefined, // the packing list: only 4 meals and 1 cylinder are left
    ]) {
      const results = await Promise.all([1, 2].map(() => admin.post('/kits/pack', { nodeId: node, kitItemId: w.kit, lines })));
      expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.body))).toEqual(
        lines ? [201, 409] : [409, 409],
      );
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(true);
    }
    expect(await balance(ctx.db, node, w.rope)).toMatchObject({ onHand: 20, reserved: 15 });
    expect(await balance(ctx.db, node, w.meal)).toMatchObject({ onHand: 16, reserved: 12 });
    expect(await balance(ctx.db, node, w.cylinder)).toMatchObject({ onHand: 3, reserved: 2 });
    expect(await balance(ctx.db, node, w.kit)).toMatchObject({ onHand: 3 });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [], danglingReferences: [] });
  });
});
