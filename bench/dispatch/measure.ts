/**
 * One scenario of the dispatch benchmark: incidents at varied places, each planned, confirmed and
 * then closed (closing cancels the shipments still being picked, which releases every reservation,
 * so each incident sees the same stock as the first). Two paths, on separate incidents:
 *  - use case: planDispatch → presentPlan → confirmDispatchPlan (system actor, no HTTP);
 *  - HTTP: app.inject POST /incidents/:id/dispatch-plans (plan + present) → POST /dispatch-plans/:id/confirm
 *    (bearer token of the administrator; authentication, validation and serialisation included).
 */
import { performance } from 'node:perf_hooks';
import { systemActor } from '../../apps/server/src/auth/actor.ts';
import type { App } from '../../apps/server/src/http/app.ts';
import type { Deps } from '../../apps/server/src/deps.ts';
import { closeIncident } from '../../apps/server/src/dispatch/close-incident.ts';
import { confirmDispatchPlan } from '../../apps/server/src/dispatch/confirm-dispatch-plan.ts';
import { planDispatch } from '../../apps/server/src/dispatch/plan-dispatch.ts';
import { presentPlan } from '../../apps/server/src/dispatch/plan-view.ts';
import { createIncident } from '../../apps/server/src/incidents/manage-incidents.ts';
import { verifyLedger } from '../../apps/server/src/ledger/ledger.repository.ts';
import type { Network } from './fixture.ts';

export const median = (xs: readonly number[]): number => percentile(xs, 50);
/** Nearest-rank percentile. */
export const percentile = (xs: readonly number[], p: number): number => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export type Series = { p50: number; p95: number; max: number; n: number };
const series = (xs: readonly number[]): Series => ({
  p50: median(xs),
  p95: percentile(xs, 95),
  max: Math.max(...xs),
  n: xs.length,
});

export type ScenarioResult = {
  network: Network['name'];
  kind: string;
  incidents: number;
  warmup: number;
  /** planDispatch, whole call (incident → stored draft). */
  plan: Series;
  build: Series;
  solve: Series;
  /** planDispatch minus build and solve: transport planning (vehicle loading, trips) and storing the draft. */
  transportStore: Series;
  present: Series;
  confirm: Series;
  /** CPU time of this process (user + system) during planDispatch and confirmDispatchPlan: on PGlite the database runs in this thread, so wall ≫ CPU means the machine kept us waiting. */
  planCpu: Series;
  confirmCpu: Series;
  /** HTTP: POST /incidents/:id/dispatch-plans (plan + present + JSON), POST /dispatch-plans/:id/confirm. */
  httpPlan: Series;
  httpConfirm: Series;
  /** Closing the incident (untimed in the goals; shown so the reset cost is visible). */
  close: Series;
  shape: { sources: Series; demandItems: Series; lines: Series; shortfalls: Series; shipments: Series; planJsonKb: Series };
  memory: { rssMb: number; heapUsedMb: number; externalMb: number };
  /** The three slowest confirms of the use-case path: which incidents make the tail. */
  slowestConfirms: { label: string; ms: number; cpuMs: number; shipments: number; units: number }[];
  errors: string[];
  ledgerDifferences: number;
};

export async function runScenario(
  deps: Deps,
  app: App,
  token: string,
  network: Network,
  options: { incidents: number; warmup: number; kind: string; log?: (m: string) => void },
): Promise<ScenarioResult> {
  const actor = systemActor('bench-dispatch');
  const log = options.log ?? (() => {});
  const t = {
    plan: [] as number[],
    build: [] as number[],
    solve: [] as number[],
    transportStore: [] as number[],
    present: [] as number[],
    confirm: [] as number[],
    planCpu: [] as number[],
    confirmCpu: [] as number[],
    httpPlan: [] as number[],
    httpConfirm: [] as number[],
    close: [] as number[],
    sources: [] as number[],
    demandItems: [] as number[],
    lines: [] as number[],
    shortfalls: [] as number[],
    shipments: [] as number[],
    planJsonKb: [] as number[],
  };
  const errors: string[] = [];
  const confirms: ScenarioResult['slowestConfirms'] = [];
  const headers = { authorization: `Bearer ${token}` };
  // Both paths get the same incident mix; the HTTP path's incident sits ~100 m away, so it does
  // not reuse the travel model's cached search for the use-case incident's exact place.
  const newIncident = async (n: number, offset: number) => {
    const { label: _label, ...input } = network.incident(n);
    return createIncident(deps, actor, { ...input, lat: input.lat + offset, address: 'bench', title: `bench ${n}` });
  };
  const close = async (incidentId: string, timed: boolean) => {
    const s = performance.now();
    await closeIncident(deps, actor, incidentId);
    if (timed) t.close.push(performance.now() - s);
  };

  for (let i = 0; i < options.warmup + options.incidents; i++) {
    const timed = i >= options.warmup;
    // Use-case path.
    {
      const incident = await newIncident(i, 0);
      const c0 = process.cpuUsage();
      const s0 = performance.now();
      const plan = await planDispatch(deps, actor, [incident.id], {});
      const s1 = performance.now();
      const c1 = process.cpuUsage(c0);
      const view = await presentPlan(deps.db, plan, deps.clock.now());
      const s2 = performance.now();
      const c2 = process.cpuUsage();
      const confirmed = await confirmDispatchPlan(deps, actor, plan.id);
      const s3 = performance.now();
      const c3 = process.cpuUsage(c2);
      if (timed) {
        t.plan.push(s1 - s0);
        t.build.push(plan.buildMs);
        t.solve.push(plan.solveMs);
        t.transportStore.push(s1 - s0 - plan.buildMs - plan.solveMs);
        t.present.push(s2 - s1);
        t.confirm.push(s3 - s2);
        t.planCpu.push((c1.user + c1.system) / 1000);
        t.confirmCpu.push((c3.user + c3.system) / 1000);
        confirms.push({
          label: network.incident(i).label,
          ms: s3 - s2,
          cpuMs: (c3.user + c3.system) / 1000,
          shipments: confirmed.shipments.length,
          units: plan.plan.lines.reduce((sum, l) => sum + l.qty, 0),
        });
        t.sources.push(plan.problem.sources.length);
        t.demandItems.push(Object.keys(plan.problem.incidents[0]!.demand).length);
        t.lines.push(plan.plan.lines.length);
        t.shortfalls.push(plan.plan.shortfalls.length);
        t.shipments.push(confirmed.shipments.length);
        t.planJsonKb.push(JSON.stringify(view).length / 1024);
      }
      if (!plan.plan.lines.length) errors.push(`incident ${incident.number}: empty plan`);
      await close(incident.id, timed);
    }
    // HTTP path.
    {
      const incident = await newIncident(i, 0.001);
      const s0 = performance.now();
      const planned = await app.inject({
        method: 'POST',
        url: `/api/v1/incidents/${incident.id}/dispatch-plans`,
        headers,
        payload: {},
      });
      const s1 = performance.now();
      if (planned.statusCode !== 201) {
        errors.push(`HTTP plan ${planned.statusCode}: ${planned.body.slice(0, 200)}`);
        continue;
      }
      const planId = (planned.json() as { id: string }).id;
      const s2 = performance.now();
      const confirmed = await app.inject({ method: 'POST', url: `/api/v1/dispatch-plans/${planId}/confirm`, headers });
      const s3 = performance.now();
      if (confirmed.statusCode !== 200) errors.push(`HTTP confirm ${confirmed.statusCode}: ${confirmed.body.slice(0, 200)}`);
      if (timed) {
        t.httpPlan.push(s1 - s0);
        t.httpConfirm.push(s3 - s2);
      }
      await close(incident.id, timed);
    }
    if ((i + 1) % 10 === 0)
      log(`  ${network.name}/${options.kind}: ${i + 1}/${options.warmup + options.incidents} incident pairs`);
  }
  const verify = await verifyLedger(deps.db);
  const mem = process.memoryUsage();
  return {
    network: network.name,
    kind: options.kind,
    incidents: options.incidents,
    warmup: options.warmup,
    plan: series(t.plan),
    build: series(t.build),
    solve: series(t.solve),
    transportStore: series(t.transportStore),
    present: series(t.present),
    confirm: series(t.confirm),
    planCpu: series(t.planCpu),
    confirmCpu: series(t.confirmCpu),
    httpPlan: series(t.httpPlan),
    httpConfirm: series(t.httpConfirm),
    close: series(t.close),
    shape: {
      sources: series(t.sources),
      demandItems: series(t.demandItems),
      lines: series(t.lines),
      shortfalls: series(t.shortfalls),
      shipments: series(t.shipments),
      planJsonKb: series(t.planJsonKb),
    },
    memory: { rssMb: mem.rss / 2 ** 20, heapUsedMb: mem.heapUsed / 2 ** 20, externalMb: mem.external / 2 ** 20 },
    slowestConfirms: confirms.sort((a, b) => b.ms - a.ms).slice(0, 3),
    errors,
    ledgerDifferences: verify.differences.length,
  };
}
