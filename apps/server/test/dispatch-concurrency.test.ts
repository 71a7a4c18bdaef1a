import { describe, expect, it } from 'vitest';
import { client, idOf } from './ledger-support.ts';
import { postgresUrl, useTestApp } from './support.ts';

const describeOnPostgres = postgresUrl ? describe : describe.skip;

describeOnPostgres('two dispatchers confirming at the same moment [postgres]', () => {
  const ctx = useTestApp('postgres');
  const admin = client(ctx, () => ctx.adminToken);

  it('lets one plan win the scarce stock; the other gets 409 with a fresh plan that uses what is left, and nothing drifts', async () => {
    const tokenA = await ctx.login('lps.dispatcher');
    const tokenB = await ctx.login('lps.logistics');
    const a = client(ctx, () => tokenA);
    const b = client(ctx, () => tokenB);
    // Make one item scarce: the whole network holds exactly 3 units of it.
    const [cat] = await ctx.db.query<{ id: string }>('SELECT id FROM category ORDER BY code LIMIT 1');
    const item = (
      await admin.post('/items', {
        code: 'SCARCE-FOAM',
        categoryId: cat!.id,
        nameZh: '稀缺泡沫液',
        nameEn: 'Scarce foam',
        unitZh: '桶',
        unitEn: 'drum',
        tracking: 'bulk',
      })
    ).body.id as string;
    const base = await idOf(ctx.db, 'node', 'LPS-BASE');
    expect((await admin.post('/receipts', { nodeId: base, source: 'purchase', lines: [{ itemId: item, qty: 3 }] })).status).toBe(
      201,
    );
    const one = await a.post('/incidents', {
      typeCode: 'fire.petrochemical',
      alarmLevel: 2,
      lat: 26.55,
      lng: 104.95,
      peopleCommitted: 10,
    });
    const two = await b.post('/incidents', {
      typeCode: 'fire.petrochemical',
      alarmLevel: 2,
      lat: 25.76,
      lng: 104.62,
      peopleCommitted: 10,
    });
    const planA = await a.post(`/incidents/${one.body.id}/dispatch-plans`, { extraDemand: [{ itemId: item, qty: 2 }] });
    const planB = await b.post(`/incidents/${two.body.id}/dispatch-plans`, { extraDemand: [{ itemId: item, qty: 2 }] });
    const scarce = (plan: { lines: { item: { id: string }; qty: number }[] }) =>
      plan.lines.filter((l) => l.item.id === item).reduce((s, l) => s + l.qty, 0);
    expect(scarce(planA.body)).toBe(2);
    expect(scarce(planB.body)).toBe(2);

    const [resA, resB] = await Promise.all([
      a.post(`/dispatch-plans/${planA.body.id}/confirm`),
      b.post(`/dispatch-plans/${planB.body.id}/confirm`),
    ]);
    const statuses = [resA.status, resB.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = resA.status === 409 ? resA : resB;
    const loserClient = resA.status === 409 ? a : b;
    expect(loser.body.code).toBe('STALE_PLAN');
    const fresh = await loserClient.get(`/dispatch-plans/${loser.body.details.freshPlanId}`);
    expect(fresh.body.state).toBe('draft');
    expect(
      scarce(fresh.body),
      JSON.stringify({
        cause: loser.body.details.cause,
        win: (resA.status === 200 ? resA : resB).body.plan.lines.filter((l: { item: { id: string } }) => l.item.id === item),
      }),
    ).toBe(1);
    expect(fresh.body.shortfalls.find((s: { item: { id: string } }) => s.item.id === item).qty).toBe(1);
    const staleId = resA.status === 409 ? planA.body.id : planB.body.id;
    expect((await loserClient.get(`/dispatch-plans/${staleId}`)).body).toMatchObject({
      state: 'stale',
      replacedBy: loser.body.details.freshPlanId,
    });
    expect((await loserClient.post(`/dispatch-plans/${loser.body.details.freshPlanId}/confirm`)).status).toBe(200);
    const [row] = await ctx.db.query<{ reserved: number; on_hand: number }>(
      'SELECT reserved, on_hand FROM stock_summary WHERE node_id = $1 AND item_id = $2',
      [base, item],
    );
    expect(row).toMatchObject({ on_hand: 3, reserved: 3 });
    expect((await admin.get('/ledger/verify')).body).toMatchObject({ ok: true, differences: [] });
  });
});
