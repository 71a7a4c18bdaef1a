/**
 * Statement profile of one plan and one confirm (see ../statement-profile.ts). node --import tsx bench/dispatch/profile.ts [demo|province] [pglite|postgres]
 */
import { performance } from 'node:perf_hooks';
import { systemActor } from '../../apps/server/src/auth/actor.ts';
import { closeIncident } from '../../apps/server/src/dispatch/close-incident.ts';
import { confirmDispatchPlan } from '../../apps/server/src/dispatch/confirm-dispatch-plan.ts';
import { planDispatch } from '../../apps/server/src/dispatch/plan-dispatch.ts';
import { createIncident } from '../../apps/server/src/incidents/manage-incidents.ts';
import { profileStatements } from '../statement-profile.ts';
import { benchDeps, createBenchDatabase, seedDemoNetwork, seedProvince } from './fixture.ts';

// PROFILE_INCIDENT=n profiles the n-th incident of the scenario (default 3, after three warm-ups).
const [name = 'province', kind = 'pglite'] = process.argv.slice(2) as ['demo' | 'province', 'pglite' | 'postgres'];
const bench = await createBenchDatabase(kind);
const inner = bench.db;
const profiler = profileStatements(inner);
const db = profiler.db;
try {
  const deps = { ...(await benchDeps(db)) };
  const network = name === 'demo' ? await seedDemoNetwork(deps) : await seedProvince(deps);
  const actor = systemActor('profile');
  if (process.env.ANALYZE === '1') await inner.query('ANALYZE');
  const report = (label: string, ms: number) => profiler.report(label, ms, { top: 14 });
  const target = Number(process.env.PROFILE_INCIDENT ?? 3);
  for (let i = 0; i <= Math.max(3, target); i++) {
    const { label: _l, ...input } = network.incident(i);
    const incident = await createIncident(deps, actor, input);
    if (i === target) profiler.start();
    const on = profiler.recording();
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
    profiler.stop();
    await closeIncident(deps, actor, incident.id);
  }
} finally {
  await bench.drop();
}
