import type { Highs } from 'highs';
import { solveDispatch, type DispatchProblem } from '@zhanqin/domain';
import { generateRealisticProblem, type RealisticSize } from '../../packages/domain/src/dispatch/testing/generate-problem.ts';
import { buildReferenceModels, solveReferenceModels } from '../../packages/domain/src/dispatch/testing/highs-reference.ts';

export type RunSample = { oursMs: number; highsMs: number; sameOptimum: boolean; ourCost: number; highsCost: number };

/** The benchmark's instance for a size: the same seed gives the same network on every machine. */
export function benchmarkProblem(size: RealisticSize, seed = 20_260_501): DispatchProblem {
  return generateRealisticProblem(seed + size.sources * 7 + size.items * 13 + size.incidents, size);
}

/** True when both solvers agree on units per priority and on cost (1e-6 relative). */
export function sameOptimum(
  ours: { deliveredByPriority: Record<string, number>; cost: number },
  highs: { deliveredByPriority: Record<string, number>; cost: number },
): boolean {
  const keys = new Set([...Object.keys(ours.deliveredByPriority), ...Object.keys(highs.deliveredByPriority)]);
  for (const key of keys) if ((ours.deliveredByPriority[key] ?? 0) !== (highs.deliveredByPriority[key] ?? 0)) return false;
  return Math.abs(ours.cost - highs.cost) <= 1e-6 * Math.max(1, Math.abs(highs.cost));
}

/**
 * One interleaved run: our solver from the problem object, then HiGHS from prebuilt CSC arrays
 * (building them in JavaScript is left out of HiGHS's time, which favours HiGHS).
 */
export function runOnce(highs: Highs, problem: DispatchProblem, models = buildReferenceModels(problem)): RunSample {
  const t0 = performance.now();
  const plan = solveDispatch(problem);
  const t1 = performance.now();
  const reference = solveReferenceModels(highs, models);
  const t2 = performance.now();
  for (const incident of problem.incidents) reference.deliveredByPriority[String(incident.priority ?? 3)] ??= 0;
  return {
    oursMs: t1 - t0,
    highsMs: t2 - t1,
    sameOptimum: sameOptimum(plan.objective, reference),
    ourCost: plan.objective.cost,
    highsCost: reference.cost,
  };
}
