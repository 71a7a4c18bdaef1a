import { beforeAll, expect, it } from 'vitest';
import { balance, client, idOf } from './ledger-support.ts';
import { describeEachDatabase, testClock, useTestApp, type TestContext } from './support.ts';

type Line = { itemId: string; qty: number; lotId: string | null; assetId: string | null };
type ShipmentView = {
  id: string;
  state: string;
  lines: { assetId: string | null; assetCode: string | null; lotNo: string | null; itemCode: string }[];
};

/** Receives at a node everything the FIRE-LONG packing list asks for, so that a complete module can be packed there. */
async function receivePackingList(ctx: TestContext, nodeId: string, prefix: string) {
  const admin = client(ctx, () => ctx.adminToken);
  const lines = await ctx.db.query<{ item_id: string; code: string; tracking: string; qty: number }>(
    `SELECT l.item_id, i.code, i.tracking, l.qty FROM module_line l JOIN module_kit m ON m.id = l.module_id JOIN item i ON i.id = l.item_id
      WHERE m.code = 'FIRE-LONG' ORDER BY i.code`,
  );
  const receipt = await admin.post('/receipts', {
    nodeId,
    source: 'purchase',
    lines: lines.map((l) =>
      l.tracking === 'serialised'
        ? {
            itemId: l.item_id,
            qty: Number(l.qty),
            serials: Array.from({ length: Number(l.qty) }, (_, i) => `${prefix}-${l.code}-${i}`),
          }
        : l.tracking === 'lot'
          ? { itemId: l.item_id, qty: Number(l.qty), lot: { lotNo: `${prefix}-${l.code}`, expiresOn: '2028-06-01' } }
          : { itemId: l.item_id, qty: Number(l.qty) },
    ),
  });
  expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
  return new Map(lines.map((l) => [l.code, { itemId: l.item_id, qty: Number(l.qty) }]));
}

/**
 * A level-3 residential fire at `at`, planned: it asks for one FIRE-LONG module; no SCBA wearers, so no
 * loose cylinders besides.
 */
async function planResidentialFire(dispatcher: ReturnType<typeof client>, at: { lat: number; lng: number }) {
  const incident = await dispatcher.post('/incidents', {
    typeCode: 'fire.residential',
    alarmLevel: 3,
    ...at,
    peopleCommitted: 10,
    scbaWearers: 0,
  });
  expect(incident.status, JSON.stringify(incident.body)).toBe(201);
  const plan = await dispatcher.post(`/incidents/${incident.body.id}/dispatch-plans`, {});
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  return { incidentId: incident.body.id as string, plan: plan.body };
}

describeEachDatabase('kits on a one-click dispatch: packed modules go to the scene and open there', (kind) => {
  const ctx = useTestApp(kind, { clock: testClock() });
  const admin = client(ctx, () => ctx.adminToken);
  let dispatcherToken = '';
  const dispatcher = client(ctx, () => dispatcherToken);
  let station: string;
  let at: { lat: number; lng: number };
  let moduleItem: string;
  let cylinderItem: string;
  let mealItem: string;
  let packingList: Awaited<ReturnType<typeof receivePackingList>>;
  let looseBox: string;
  let packedBox: string;

  const verify = async () => {
    const verdict = (await admin.get('/ledger/verify')).body;
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true, differences: [], danglingReferences: [] });
  };
  const kitOf = async (id: string) => (await admin.get(`/kits/${id}`)).body;
  const fireAtStation = () => planResidentialFire(dispatcher, at);

  beforeAll(async () => {
    dispatcherToken = await ctx.login('lps.dispatcher');
    station = await idOf(ctx.db, 'node', 'LPS-SW-LZ1');
    const [node] = await ctx.db.query<{ lat: number; lng: number }>('SELECT lat, lng FROM node WHERE id = $1', [station]);
    at = { lat: Number(node!.lat), lng: Number(node!.lng) };
    moduleItem = await idOf(ctx.db, 'item', 'MOD-FIRE-LONG');
    cylinderItem = await idOf(ctx.db, 'item', 'CYL-6.8-30');
    mealItem = await idOf(ctx.db, 'item', 'MEAL-SELFHEAT');
    packingList = await receivePackingList(ctx, station, 'KD');
    // A loose box (a module received with a code but no recorded contents), registered before the packed one.
    const loose = await admin.post('/receipts', {
      nodeId: station,
      source: 'purchase',
      lines: [{ itemId: moduleItem, qty: 1, serials: ['KD-LOOSE-MODULE'] }],
    });
    expect(loose.status, JSON.stringify(loose.body)).toBe(201);
    looseBox = loose.body.lines[0].assetIds[0];
    const packed = await admin.post('/kits/pack', { nodeId: station, kitItemId: moduleItem });
    expect(packed.status, JSON.stringify(packed.body)).toBe(201);
    packedBox = packed.body.meta.kitAssetId;
  });

  it('plans the packed module as one unit of the kit item and says it goes sealed', async () => {
    expect((await kitOf(packedBox)).kit).toMatchObject({ state: 'packed', complete: true, nodeId: station });
    const { plan } = await fireAtStation();
    const lines = plan.lines.filter((l: { item: { id: string } }) => l.item.id === moduleItem);
    expect(lines).toEqual([
      expect.objectContaining({
        source: expect.objectContaining({ id: station }),
        qty: 1,
        packedModules: { complete: 1, incomplete: 0 },
      }),
    ]);
    await verify();
  });

  it('leaves the box packed at the source when its shipment is cancelled before departure', async () => {
    const { incidentId, plan } = await fireAtStation();
    const confirmed = await dispatcher.post(`/dispatch-plans/${plan.id}/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const [doc] = await ctx.db.query<{ lines: Line[] }>(
      "SELECT lines FROM stock_document WHERE kind = 'dispatch' AND meta ->> 'incidentId' = $1",
      [incidentId],
    );
    expect(doc!.lines).toEqual([expect.objectContaining({ itemId: moduleItem, assetId: packedBox })]);
    expect((await kitOf(packedBox)).kit).toMatchObject({ state: 'packed', status: 'reserved' });
    await verify();

    const closed = await admin.post(`/incidents/${incidentId}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.shipments).toEqual({ delivered: 0, cancelled: 1 });
    expect((await kitOf(packedBox)).kit).toMatchObject({ state: 'packed', status: 'in-stock', nodeId: station });
    const cylinders = packingList.get('CYL-6.8-30')!.qty;
    expect((await balance(ctx.db, station, cylinderItem)).reserved).toBe(cylinders);
    await verify();
  });

  it('carries the packed module to the scene, opens it at the depot, and closes the incident normally', async () => {
    const { incidentId, plan } = await fireAtStation();
    const stationBefore = await balance(ctx.db, station, cylinderItem);
    const confirmed = await dispatcher.post(`/dispatch-plans/${plan.id}/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const shipments = (await admin.get(`/shipments?incidentId=${incidentId}`)).body as ShipmentView[];
    const fromStation = shipments.find((s) => s.lines.some((l) => l.assetId === packedBox));
    expect(fromStation, 'the complete packed box is chosen over the loose one').toBeDefined();
    expect(shipments.flatMap((s) => s.lines).some((l) => l.assetId === looseBox)).toBe(false);
    await verify();

    for (const shipment of shipments) {
      const codes = shipment.lines.map((l) => l.assetCode ?? l.lotNo ?? l.itemCode);
      const picked = await admin.post(`/shipments/${shipment.id}/pick`, { codes });
      expect(picked.body.shipment.state, JSON.stringify(picked.body)).toBe('packed');
      expect((await admin.post(`/shipments/${shipment.id}/depart`, {})).body.state).toBe('in-transit');
    }
    const incident = (await admin.get(`/incidents/${incidentId}`)).body as { stagingNodeId: string };
    const depot = incident.stagingNodeId;
    const cylinders = packingList.get('CYL-6.8-30')!.qty;
    expect((await kitOf(packedBox)).kit).toMatchObject({ state: 'packed', status: 'in-transit', nodeId: depot });
    expect(await balance(ctx.db, depot, cylinderItem)).toMatchObject({ inTransit: cylinders, onHand: 0 });
    expect(await balance(ctx.db, station, cylinderItem)).toMatchObject({
      onHand: stationBefore.onHand - cylinders,
      reserved: stationBefore.reserved - cylinders,
    });
    await verify();

    for (const shipment of shipments)
      expect((await admin.post(`/shipments/${shipment.id}/arrive`, {})).body.state).toBe('delivered');
    const opened = await kitOf(packedBox);
    expect(opened.kit).toMatchObject({ state: 'unpacked', status: 'retired', nodeId: null });
    const [unpack] = await ctx.db.query<{ node_id: string; meta: Record<string, unknown> }>(
      "SELECT node_id, meta FROM stock_document WHERE kind = 'kit-unpack' AND meta ->> 'kitAssetId' = $1",
      [packedBox],
    );
    expect(unpack).toMatchObject({ node_id: depot, meta: { incidentId, sourceNodeId: station } });
    expect(await balance(ctx.db, depot, cylinderItem)).toMatchObject({ onHand: cylinders, reserved: 0, inTransit: 0 });
    expect(await balance(ctx.db, depot, moduleItem)).toMatchObject({ onHand: 0, inTransit: 0 });
    const depotView = (await admin.get(`/incidents/${incidentId}/depot`)).body as {
      items: { itemCode: string; available: number }[];
    };
    expect(depotView.items.find((i) => i.itemCode === 'CYL-6.8-30')?.available).toBe(cylinders);
    await verify();

    // The contents are loose stock at the depot: issue, consume and return them as usual.
    const cylinder = opened.contents.find((c: { itemId: string; assetId: string | null }) => c.itemId === cylinderItem)
      .assetId as string;
    const issued = await admin.post(`/incidents/${incidentId}/issues`, {
      kind: 'issue',
      recipient: '六枝中队一班',
      lines: [{ itemId: cylinderItem, qty: 1, assetIds: [cylinder] }],
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const consumed = await admin.post(`/incidents/${incidentId}/issues`, {
      kind: 'consumption',
      lines: [{ itemId: mealItem, qty: 5 }],
    });
    expect(consumed.status, JSON.stringify(consumed.body)).toBe(201);
    const returned = await admin.post(`/incidents/${incidentId}/returns`, {
      toNodeId: station,
      lines: [{ itemId: cylinderItem, qty: 1, assetIds: [cylinder], condition: 'used' }],
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(201);
    expect((await admin.get(`/assets/${cylinder}`)).body).toMatchObject({ status: 'quarantined', nodeId: station });
    await verify();

    const closed = await admin.post(`/incidents/${incidentId}/close`, { returnRemainingTo: station });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const report = closed.body as {
      items: {
        itemId: string;
        dispatched: number;
        consumed: number;
        returnedOk: number;
        returnedForInspection: number;
        notReturned: number;
      }[];
      replenishment: { toNodeId: string; itemId: string; qty: number }[];
    };
    // The box was the container: its contents count as sent by the station, and what was used is replenished.
    expect(report.items.find((i) => i.itemId === moduleItem)).toBeUndefined();
    expect(report.items.find((i) => i.itemId === cylinderItem)).toMatchObject({
      dispatched: cylinders,
      returnedOk: cylinders - 1,
      returnedForInspection: 1,
      notReturned: 0,
    });
    expect(report.items.find((i) => i.itemId === mealItem)).toMatchObject({ consumed: 5, notReturned: 0 });
    const toStation = report.replenishment.filter((r) => r.toNodeId === station);
    expect(toStation.every((r) => r.itemId === mealItem)).toBe(true);
    expect(toStation.reduce((s, r) => s + r.qty, 0)).toBe(5);
    expect((await admin.get(`/incidents/${incidentId}`)).body.state).toBe('closed');
    expect(await balance(ctx.db, depot, cylinderItem)).toMatchObject({ onHand: 0, inTransit: 0 });
    expect(await balance(ctx.db, station, cylinderItem)).toMatchObject({
      onHand: stationBefore.onHand,
      reserved: stationBefore.reserved - cylinders,
    });
    await verify();
  });
});

describeEachDatabase('kits: documents that would strand the contents of a packed box', (kind) => {
  const ctx = useTestApp(kind, { clock: testClock() });
  const admin = client(ctx, () => ctx.adminToken);
  let station: string;
  let moduleItem: string;
  let cylinderItem: string;
  let waterItem: string;
  let box: string;
  let content: string;

  /** What a refused document must leave untouched: every movement, document line and balance. */
  const snapshot = async () =>
    (
      await ctx.db.query<{ movements: number; documents: number; balances: string; assets: string }>(
        `SELECT (SELECT count(*) FROM stock_movement)::int AS movements,
                (SELECT count(*) FROM stock_document WHERE kind <> 'count')::int AS documents,
                (SELECT string_agg(stock_key || ':' || on_hand || '/' || reserved || '/' || quarantined || '/' || in_transit, ',' ORDER BY node_id, stock_key)
                   FROM stock_balance WHERE node_id = $1) AS balances,
                (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM asset WHERE node_id = $1) AS assets`,
        [station],
      )
    )[0]!;
  const refused = async (call: () => Promise<{ status: number; body: { code: string } }>, code: string) => {
    const before = await snapshot();
    const res = await call();
    expect([res.status, res.body.code], JSON.stringify(res.body)).toEqual([409, code]);
    expect(await snapshot()).toEqual(before);
  };

  beforeAll(async () => {
    station = await idOf(ctx.db, 'node', 'LPS-SW-LZ1');
    moduleItem = await idOf(ctx.db, 'item', 'MOD-FIRE-LONG');
    cylinderItem = await idOf(ctx.db, 'item', 'CYL-6.8-30');
    waterItem = await idOf(ctx.db, 'item', 'WATER-BOTTLED');
    const packed = await admin.post('/kits/pack', {
      nodeId: station,
      kitItemId: moduleItem,
      lines: [
        { itemId: cylinderItem, qty: 1 },
        { itemId: waterItem, qty: 2 },
      ],
    });
    expect(packed.status, JSON.stringify(packed.body)).toBe(201);
    box = packed.body.meta.kitAssetId;
    content = packed.body.lines.find((l: Line) => l.itemId === cylinderItem).assetId;
  });

  it('refuses to write off, adjust away or quarantine a packed box: 409 INVALID_STATE, nothing changes', async () => {
    const boxLine = [{ itemId: moduleItem, qty: 1, assetId: box }];
    await refused(
      () => admin.post('/write-offs', { nodeId: station, kind: 'scrap', reason: 'crushed', lines: boxLine }),
      'INVALID_STATE',
    );
    await refused(
      () =>
        admin.post('/adjustments', {
          nodeId: station,
          reason: 'not found',
          lines: [{ itemId: moduleItem, qty: -1, assetId: box }],
        }),
      'INVALID_STATE',
    );
    await refused(() => admin.post('/quarantines', { nodeId: station, reason: 'seal broken', lines: boxLine }), 'INVALID_STATE');
    // Unnamed, a packed box is the only one there: the same refusal.
    await refused(
      () =>
        admin.post('/write-offs', { nodeId: station, kind: 'write-off', reason: 'old', lines: [{ itemId: moduleItem, qty: 1 }] }),
      'INVALID_STATE',
    );
    expect((await admin.get(`/kits/${box}`)).body.kit).toMatchObject({ state: 'packed', status: 'in-stock' });
  });

  it('keeps the units inside a box out of reach: they are reserved, so each document is refused', async () => {
    const contentLine = [{ itemId: cylinderItem, qty: 1, assetId: content }];
    await refused(
      () => admin.post('/write-offs', { nodeId: station, kind: 'scrap', reason: 'dented', lines: contentLine }),
      'INSUFFICIENT_STOCK',
    );
    await refused(
      () =>
        admin.post('/adjustments', {
          nodeId: station,
          reason: 'gone',
          lines: [{ itemId: cylinderItem, qty: -1, assetId: content }],
        }),
      'INSUFFICIENT_STOCK',
    );
    await refused(
      () => admin.post('/quarantines', { nodeId: station, reason: 'check', lines: contentLine }),
      'INSUFFICIENT_STOCK',
    );
    await refused(
      async () =>
        admin.post('/transfers', {
          fromNodeId: station,
          toNodeId: await idOf(ctx.db, 'node', 'LPS-BASE'),
          lines: [{ itemId: cylinderItem, qty: 1, assetIds: [content] }],
        }),
      'INSUFFICIENT_STOCK',
    );
  });

  it('refuses to approve a count that misses a packed box or a unit inside one, and posts nothing', async () => {
    for (const missing of [
      { itemId: moduleItem, assetId: box, counted: 0 },
      { itemId: cylinderItem, assetId: content, counted: 0 },
    ]) {
      const count = await admin.post('/counts', { nodeId: station, itemIds: [moduleItem, cylinderItem] });
      expect(count.status, JSON.stringify(count.body)).toBe(201);
      expect((await admin.post(`/counts/${count.body.id}/lines`, { lines: [missing] })).status).toBe(200);
      expect((await admin.post(`/counts/${count.body.id}/submit`)).status).toBe(200);
      await refused(() => admin.post(`/counts/${count.body.id}/decision`, { approve: true }), 'INVALID_STATE');
      expect((await admin.post(`/counts/${count.body.id}/decision`, { approve: false })).body.state).toBe('rejected');
    }
    expect((await admin.get(`/kits/${box}`)).body.kit).toMatchObject({ state: 'packed', status: 'in-stock' });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, danglingReferences: [] });
  });

  it('lets ledger verify report contents whose box is no longer in stock', async () => {
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true });
    for (const status of ['retired', 'issued']) {
      await ctx.db.query('UPDATE asset SET status = $2 WHERE id = $1', [box, status]);
      const verdict = (await admin.get('/ledger/verify')).body;
      expect(verdict.ok).toBe(false);
      expect(verdict.danglingReferences).toEqual([
        expect.objectContaining({ table: 'kit_content', column: 'box of a packed kit no longer in stock', rows: 2 }),
      ]);
    }
    await ctx.db.query("UPDATE asset SET status = 'in-stock' WHERE id = $1", [box]);
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true });
  });
});

describeEachDatabase('kits on a one-click dispatch: a box holding something unfit stays home', (kind) => {
  const ctx = useTestApp(kind, { clock: testClock() });
  const admin = client(ctx, () => ctx.adminToken);
  let dispatcherToken = '';
  const dispatcher = client(ctx, () => dispatcherToken);
  let station: string;
  let at: { lat: number; lng: number };
  let moduleItem: string;
  let box: string;
  let cylinder: { id: string; due: string | null };
  let mealLot: { id: string; expiresOn: string | null };

  /** A level-3 residential fire at the station: its plan, and the module lines sent from the station. */
  const planAtStation = async () => {
    const { incidentId, plan } = await planResidentialFire(dispatcher, at);
    const fromStation = (plan.lines as { item: { id: string }; source: { id: string }; qty: number }[]).filter(
      (l) => l.item.id === moduleItem && l.source.id === station,
    );
    return { incidentId, plan, fromStation };
  };

  beforeAll(async () => {
    dispatcherToken = await ctx.login('lps.dispatcher');
    station = await idOf(ctx.db, 'node', 'LPS-SW-PZ1');
    const [node] = await ctx.db.query<{ lat: number; lng: number }>('SELECT lat, lng FROM node WHERE id = $1', [station]);
    at = { lat: Number(node!.lat), lng: Number(node!.lng) };
    moduleItem = await idOf(ctx.db, 'item', 'MOD-FIRE-LONG');
    await receivePackingList(ctx, station, 'KF');
    const packed = await admin.post('/kits/pack', { nodeId: station, kitItemId: moduleItem });
    expect(packed.status, JSON.stringify(packed.body)).toBe(201);
    box = packed.body.meta.kitAssetId;
    const [c] = await ctx.db.query<{ id: string; due: string | null }>(
      `SELECT a.id, a.next_inspection_due AS due FROM kit_content k JOIN asset a ON a.id = k.asset_id
        WHERE k.kit_asset_id = $1 ORDER BY a.code LIMIT 1`,
      [box],
    );
    const [l] = await ctx.db.query<{ id: string; expiresOn: string | null }>(
      `SELECT l.id, l.expires_on AS "expiresOn" FROM kit_content k JOIN lot l ON l.id = k.lot_id WHERE k.kit_asset_id = $1 ORDER BY l.lot_no LIMIT 1`,
      [box],
    );
    cylinder = c!;
    mealLot = l!;
  });

  it('plans the box from the station while everything inside is fit (the control)', async () => {
    expect((await planAtStation()).fromStation).toEqual([expect.objectContaining({ qty: 1 })]);
  });

  it('leaves it out of the plan while a unit inside is overdue for inspection, or a lot inside has expired', async () => {
    await ctx.db.query("UPDATE asset SET next_inspection_due = '2020-01-01' WHERE id = $1", [cylinder.id]);
    expect((await planAtStation()).fromStation).toEqual([]);
    await ctx.db.query('UPDATE asset SET next_inspection_due = $2 WHERE id = $1', [cylinder.id, cylinder.due]);

    await ctx.db.query("UPDATE lot SET expires_on = '2020-01-01' WHERE id = $1", [mealLot.id]);
    expect((await planAtStation()).fromStation).toEqual([]);
    await ctx.db.query('UPDATE lot SET expires_on = $2 WHERE id = $1', [mealLot.id, mealLot.expiresOn]);
    expect((await planAtStation()).fromStation).toEqual([expect.objectContaining({ qty: 1 })]);
  });

  it('refuses at confirmation a box that became unfit after planning: the plan goes stale, the box stays', async () => {
    const { plan, fromStation } = await planAtStation();
    expect(fromStation).toHaveLength(1);
    await ctx.db.query("UPDATE asset SET last_inspection_result = 'fail' WHERE id = $1", [cylinder.id]);
    const confirmed = await dispatcher.post(`/dispatch-plans/${plan.id}/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(409);
    expect(confirmed.body.code).toBe('STALE_PLAN');
    expect((await admin.get(`/kits/${box}`)).body.kit).toMatchObject({ state: 'packed', status: 'in-stock', nodeId: station });
    await ctx.db.query('UPDATE asset SET last_inspection_result = NULL WHERE id = $1', [cylinder.id]);
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
  });
});
