import { beforeAll, expect, it } from 'vitest';
import { balance, client, idOf } from './ledger-support.ts';
import { describeEachDatabase, useTestApp } from './support.ts';

/** Shuicheng (水城) town centre, for an earthquake; Panzhou (盘州) industrial area, for a hazmat leak. */
const SHUICHENG = { lat: 26.5478, lng: 104.9512 };
const PANZHOU = { lat: 25.76, lng: 104.62 };

describeEachDatabase('one-click dispatch, end to end', (kind) => {
  const ctx = useTestApp(kind);
  let dispatcherToken = '';
  const dispatcher = client(ctx, () => dispatcherToken);
  const admin = client(ctx, () => ctx.adminToken);
  beforeAll(async () => {
    dispatcherToken = await ctx.login('lps.dispatcher');
  });

  it('plans an earthquake in Shuicheng from live stock, with reasons, ETAs and transport', async () => {
    const incident = await dispatcher.post('/incidents', {
      typeCode: 'rescue.earthquake',
      alarmLevel: 4,
      ...SHUICHENG,
      address: '水城区双水街道',
      peopleCommitted: 60,
      expectedDurationHours: 24,
    });
    expect(incident.status).toBe(201);
    expect(incident.body).toMatchObject({ state: 'open', priority: 2, isExercise: false });
    const plan = await dispatcher.post(`/incidents/${incident.body.id}/dispatch-plans`, {});
    expect(plan.status).toBe(201);
    expect(plan.body.state).toBe('draft');
    expect(plan.body.incidents[0].prePlanCode).toBeTruthy();
    expect(plan.body.incidents[0].demand.length).toBeGreaterThan(3);
    expect(plan.body.lines.length).toBeGreaterThan(3);
    for (const line of plan.body.lines) {
      expect(line.qty).toBeGreaterThan(0);
      expect(line.reason.code).toMatch(/nearest-free-stock|next-nearest-free-stock|drawn-from-reserve|partner-call-off/);
      expect(new Date(line.eta).getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
    const nearest = plan.body.lines.filter((l: { reason: { code: string } }) => l.reason.code === 'nearest-free-stock');
    expect(nearest.length).toBeGreaterThan(0);
    expect(plan.body.transport.routes.length).toBeGreaterThan(0);
    expect(plan.body.timings.solveMs).toBeLessThan(1000);
  });

  it('confirms a plan: reserves every line, opens a forward depot, creates shipments; confirming twice is refused', async () => {
    const incident = await dispatcher.post('/incidents', {
      typeCode: 'rescue.hazmat-leak',
      alarmLevel: 3,
      ...PANZHOU,
      peopleCommitted: 30,
      expectedDurationHours: 6,
    });
    const plan = await dispatcher.post(`/incidents/${incident.body.id}/dispatch-plans`, {});
    const [{ n: before }] = (await ctx.db.query<{ n: number }>(
      'SELECT coalesce(sum(reserved), 0)::int AS n FROM stock_balance',
    )) as [{ n: number }];
    const confirmed = await dispatcher.post(`/dispatch-plans/${plan.body.id}/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.plan.state).toBe('confirmed');
    expect(confirmed.body.shipments.length).toBeGreaterThan(0);
    const [{ n: after }] = (await ctx.db.query<{ n: number }>(
      'SELECT coalesce(sum(reserved), 0)::int AS n FROM stock_balance',
    )) as [{ n: number }];
    const planned = plan.body.lines.reduce((s: number, l: { qty: number }) => s + l.qty, 0);
    expect(after - before).toBe(planned);
    const again = await dispatcher.post(`/dispatch-plans/${plan.body.id}/confirm`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
    const inc = await dispatcher.get(`/incidents/${incident.body.id}`);
    expect(inc.body.state).toBe('dispatched');
    expect(inc.body.stagingNodeId).toBeTruthy();
  });

  it('runs the journey: pick by scanning, depart, arrive at the depot, issue, consume, return used kit to quarantine, close with a report', async () => {
    const incident = await dispatcher.post('/incidents', {
      typeCode: 'fire.high-rise',
      alarmLevel: 3,
      lat: 26.5925,
      lng: 104.8303,
      peopleCommitted: 20,
      scbaWearers: 4,
      expectedDurationHours: 2,
    });
    const plan = await dispatcher.post(`/incidents/${incident.body.id}/dispatch-plans`, {});
    const confirmed = await dispatcher.post(`/dispatch-plans/${plan.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    const shipments = (await dispatcher.get(`/shipments?incidentId=${incident.body.id}`)).body as {
      id: string;
      state: string;
      lines: { assetCode: string | null; lotNo: string | null; itemCode: string; assetId: string | null }[];
    }[];
    expect(shipments.length).toBeGreaterThan(0);
    for (const shipment of shipments) {
      const codes = shipment.lines.map((l) => l.assetCode ?? l.lotNo ?? l.itemCode);
      const wrong = await admin.post(`/shipments/${shipment.id}/pick`, { codes: ['NOT-A-CODE'] });
      expect(wrong.body.rejected[0].reason).toBe('not on this pick list');
      expect((await admin.post(`/shipments/${shipment.id}/depart`, {})).status).toBe(409);
      const picked = await admin.post(`/shipments/${shipment.id}/pick`, { codes });
      expect(picked.status).toBe(200);
      expect(picked.body.shipment.state).toBe('packed');
      const departed = await admin.post(`/shipments/${shipment.id}/depart`, {});
      expect(departed.body.state).toBe('in-transit');
      const arrived = await admin.post(`/shipments/${shipment.id}/arrive`, {});
      expect(arrived.body.state).toBe('delivered');
    }
    const depot = await admin.get(`/incidents/${incident.body.id}/depot`);
    expect(depot.body.items.length).toBeGreaterThan(0);
    const cylinders = shipments.flatMap((s) => s.lines).filter((l) => l.itemCode === 'CYL-6.8-30' && l.assetId);
    expect(cylinders.length).toBeGreaterThan(0);
    const cylinderItem = await idOf(ctx.db, 'item', 'CYL-6.8-30');
    const issued = await admin.post(`/incidents/${incident.body.id}/issues`, {
      kind: 'issue',
      recipient: '钟山特勤站一班',
      lines: [{ itemId: cylinderItem, qty: 1, assetIds: [cylinders[0]!.assetId] }],
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const home = await idOf(ctx.db, 'node', 'LPS-BASE');
    const returned = await admin.post(`/incidents/${incident.body.id}/returns`, {
      toNodeId: home,
      lines: [{ itemId: cylinderItem, qty: 1, assetIds: [cylinders[0]!.assetId], condition: 'used' }],
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(201);
    const asset = await admin.get(`/assets/${cylinders[0]!.assetId}`);
    expect(asset.body).toMatchObject({ status: 'quarantined', nodeId: home });
    const closing = await admin.post(`/incidents/${incident.body.id}/close`, {});
    expect(closing.status).toBe(409);
    const closed = await admin.post(`/incidents/${incident.body.id}/close`, { returnRemainingTo: home });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.items.length).toBeGreaterThan(0);
    const cyl = closed.body.items.find((i: { itemCode: string }) => i.itemCode === 'CYL-6.8-30');
    expect(cyl.returnedForInspection).toBe(1);
    expect((await admin.get(`/incidents/${incident.body.id}`)).body.state).toBe('closed');
    expect((await admin.get('/ledger/verify')).body.ok).toBe(true);
  });

  it('never plans stock that is reserved, quarantined, expired or overdue for inspection, and keeps hard reserves', async () => {
    const item = await idOf(ctx.db, 'item', 'CYL-6.8-30');
    const incident = await dispatcher.post('/incidents', {
      typeCode: 'fire.high-rise',
      alarmLevel: 3,
      lat: 26.5925,
      lng: 104.8303,
      peopleCommitted: 2000,
      scbaWearers: 1000,
      expectedDurationHours: 10,
    });
    const [overdue] = await ctx.db.query<{ id: string; node_id: string }>(
      `UPDATE asset SET next_inspection_due = '2020-01-01' WHERE id = (SELECT a.id FROM asset a JOIN stock_balance b ON b.asset_id = a.id
         WHERE a.item_id = $1 AND b.on_hand - b.reserved - b.quarantined = 1 ORDER BY a.code LIMIT 1) RETURNING id, node_id`,
      [item],
    );
    const hard = await dispatcher.post(`/incidents/${incident.body.id}/dispatch-plans`, { reservePolicy: 'hard' });
    const sentBy = new Map<string, number>();
    for (const l of hard.body.lines.filter((x: { item: { id: string } }) => x.item.id === item))
      sentBy.set(l.source.id, (sentBy.get(l.source.id) ?? 0) + l.qty);
    expect(hard.body.lines.every((l: { fromReserve: number }) => l.fromReserve === 0)).toBe(true);
    for (const [nodeId, sent] of sentBy) {
      const b = await balance(ctx.db, nodeId, item);
      const [floor] = await ctx.db.query<{ min_reserve: number }>(
        'SELECT min_reserve FROM reserve_standard WHERE node_id = $1 AND item_id = $2',
        [nodeId, item],
      );
      const overdueHere = overdue!.node_id === nodeId ? 1 : 0;
      expect(sent).toBeLessThanOrEqual(b.onHand - b.reserved - b.quarantined - overdueHere - Number(floor?.min_reserve ?? 0));
    }
    expect(hard.body.shortfalls.length).toBeGreaterThan(0);
    // confirming never reserves the overdue cylinder
    const confirmed = await dispatcher.post(`/dispatch-plans/${hard.body.id}/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const [row] = await ctx.db.query<{ status: string }>('SELECT status FROM asset WHERE id = $1', [overdue!.id]);
    expect(row!.status).toBe('in-stock');
  });

  it('leaves the ledger untouched for an exercise', async () => {
    const [{ n: movementsBefore }] = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement')) as [
      { n: number },
    ];
    const incident = await dispatcher.post('/incidents', {
      typeCode: 'rescue.flood',
      alarmLevel: 4,
      ...SHUICHENG,
      peopleCommitted: 40,
      isExercise: true,
    });
    expect(incident.body.number).toMatch(/^EX-/);
    const plan = await dispatcher.post(`/incidents/${incident.body.id}/dispatch-plans`, {});
    const confirmed = await dispatcher.post(`/dispatch-plans/${plan.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    for (const s of (await admin.get(`/shipments?incidentId=${incident.body.id}`)).body) {
      await admin.post(`/shipments/${s.id}/depart`, { force: true });
      expect((await admin.post(`/shipments/${s.id}/arrive`, {})).body.state).toBe('delivered');
    }
    expect((await admin.post(`/incidents/${incident.body.id}/close`, {})).status).toBe(200);
    const [{ n: movementsAfter }] = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement')) as [
      { n: number },
    ];
    expect(movementsAfter).toBe(movementsBefore);
  });

  it('plans two incidents jointly, the more urgent first', async () => {
    const quake = await dispatcher.post('/incidents', {
      typeCode: 'rescue.earthquake',
      alarmLevel: 5,
      ...SHUICHENG,
      peopleCommitted: 200,
      expectedDurationHours: 72,
    });
    const leak = await dispatcher.post('/incidents', {
      typeCode: 'rescue.hazmat-leak',
      alarmLevel: 3,
      ...PANZHOU,
      peopleCommitted: 30,
    });
    const joint = await dispatcher.post('/dispatch-plans', { incidentIds: [quake.body.id, leak.body.id] });
    expect(joint.status).toBe(201);
    expect(joint.body.incidents.map((i: { priority: number }) => i.priority).sort()).toEqual([1, 3]);
    expect(Object.keys(joint.body.objective.deliveredByPriority)).toEqual(expect.arrayContaining(['1']));
  });

  it('answers bad input with clear errors and changes nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await dispatcher.post(`/incidents/${unknown}/dispatch-plans`, {})).status).toBe(404);
    expect((await dispatcher.post(`/dispatch-plans/${unknown}/confirm`)).status).toBe(404);
    expect(
      (await dispatcher.post('/incidents', { typeCode: 'rescue.earthquake', alarmLevel: 4, lat: 95, lng: 104 })).status,
    ).toBe(400);
    expect((await dispatcher.post('/incidents', { typeCode: 'no.such.type', alarmLevel: 4, ...SHUICHENG })).status).toBe(422);
    expect((await dispatcher.post('/incidents', { typeCode: 'rescue.earthquake', alarmLevel: 9, ...SHUICHENG })).status).toBe(
      400,
    );
    const cancelled = await dispatcher.post('/incidents', { typeCode: 'rescue.traffic', alarmLevel: 1, ...SHUICHENG });
    expect((await dispatcher.post(`/incidents/${cancelled.body.id}/cancel`)).body.state).toBe('cancelled');
    expect((await dispatcher.post(`/incidents/${cancelled.body.id}/dispatch-plans`, {})).status).toBe(409);
    const viewer = await ctx.login('lps.viewer');
    const asViewer = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: `Bearer ${viewer}` },
      payload: { typeCode: 'rescue.traffic', alarmLevel: 2, ...SHUICHENG },
    });
    expect(asViewer.statusCode).toBe(403);
    expect((await dispatcher.post('/dispatch/solve', { sources: 'nope' })).status).toBe(400);
  });
});
