/**
 * Statement profile of one plan and one confirm: wraps the database so every statement is counted
 * and timed by its first words. node --import tsx bench/dispatch/profile.ts [demo|province] [pglite|postgres]
 */
import { performance } from 'node:perf_hooks';
import { systemActor } from '../../apps/server/src/auth/actor.ts';
import type { Database, Queryable } from '../../apps/server/src/db/database.ts';
import { closeIncident } from '../../apps/server/src/dispatch/close-incident.ts';
import { confirmDispatchPlan } from '../../apps/server/src/dispatch/confirm-dispatch-plan.ts';
import { planDispatch } from '../../apps/server/src/dispatch/plan-dispatch.ts';
import { createIncident } from '../../apps/server/src/incidents/manage-incidents.ts';
import { benchDeps, createBenchDatabase, seedDemoNetwork, seedProvince } from './fixture.ts';

// PROFILE_INCIDENT=n profiles the n-th incident of the scenario (default 3, after three warm-ups).
const [name = 'province', kind = 'pglite'] = process.argv.slice(2) as ['demo' | 'province', 'pglite' | 'postgres'];
const stats = new Map<string, { n: number; ms: number }>();
let on = false;
const key = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);
const wrap = (q: Queryable): Queryable => ({
  async query(sql, params) {
    if (on && process.env.EXPLAIN && sql.includes(process.env.EXPLAIN)) {
      const plan = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const s = performance.now();
    try {
      return await q.query(sql, params);
    } finally {
      if (on) {
        const k = key(sql);
        const e = stats.get(k) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - s;
        stats.set(k, e);
      }
    }
  },
  exec: (sql) => q.exec(sql),
});
const bench = await createBenchDatabase(kind);
const inner = bench.db;
const db: Database = {
  ...wrap(inner),
  kind: inner.kind,
  close: () => inner.close(),
  transaction: (work, o) => inner.transaction((tx) => work(wrap(tx)), o),
};
try {
  const deps = { ...(await benchDeps(db)) };
  const network = name === 'demo' ? await seedDemoNetwork(deps) : await seedProvince(deps);
  const actor = systemActor('profile');
  if (process.env.ANALYZE === '1') await inner.query('ANALYZE');
  const report = (label: string, ms: number) => {
    const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((s, [, v]) => s + v.ms, 0);
    const count = rows.reduce((s, [, v]) => s + v.n, 0);
    console.log(`\n== ${label}: ${ms.toFixed(1)} ms wall, ${count} statements, ${total.toFixed(1)} ms in the database`);
    for (const [k, v] of rows.slice(0, 14)) console.log(`${v.ms.toFixed(1).padStart(8)} ms ${String(v.n).padStart(5)}× ${k}`);
    stats.clear();
  };
  const target = Number(process.env.PROFILE_INCIDENT ?? 3);
  for (let i = 0; i <= Math.max(3, target); i++) {
    const { label: _l, ...input } = network.incident(i);
    const incident = await createIncident(deps, actor, input);
    on = i === target;
    let s = performance.now();
    const plan = await planDispatch(deps, actor, [incident.id], {});
    if (on)
      report(
        `plan (build ${plan.buildMs} ms, solve ${plan.solveMs} ms; ${plan.problem.sources.length} sources, ${plan.plan.lines.length} lines)`,
        performance.now() - s,
      );
    if (on)
      console.log(
        'JSON kB:',
        Object.fromEntries(
          ['problem', 'plan', 'explanation', 'demand', 'transport'].map((k) => [
            k,
            Math.round(JSON.stringify((plan as Record<string, unknown>)[k]).length / 1024),
          ]),
        ),
      );
    s = performance.now();
    const confirmed = await confirmDispatchPlan(deps, actor, plan.id);
    if (on) report(`confirm (${confirmed.shipments.length} shipments)`, performance.now() - s);
    on = false;
    await closeIncident(deps, actor, incident.id);
  }
} finally {
  await bench.drop();
}
