import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDispatchPlan } from './check-dispatch-plan.ts';
import type { DispatchProblem } from './dispatch-problem.ts';
import { solveDispatch } from './solve-dispatch.ts';
import { generateAdversarialProblem, generateRealisticProblem } from './testing/generate-problem.ts';
import { solveWithHighs } from './testing/highs-reference.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await (await import('highs')).default();
});

/** Same units per priority as HiGHS, the same cost within 1e-6 relative, and a feasible plan. */
function expectOptimal(problem: DispatchProblem, label: string): void {
  const plan = solveDispatch(problem);
  const violations = checkDispatchPlan(problem, plan);
  expect(violations, `${label}: ${JSON.stringify(problem)}`).toEqual([]);
  const reference = solveWithHighs(highs, problem);
  expect(plan.objective.deliveredByPriority, label).toEqual(reference.deliveredByPriority);
  const tolerance = 1e-6 * Math.max(1, Math.abs(reference.cost));
  expect(
    Math.abs(plan.objective.cost - reference.cost),
    `${label}: cost ${plan.objective.cost} vs HiGHS ${reference.cost}`,
  ).toBeLessThanOrEqual(tolerance);
}

describe('solveDispatch against HiGHS', () => {
  it('matches the lexicographic LP optimum on 1,200 adversarial instances', () => {
    for (let seed = 1; seed <= 1200; seed++) expectOptimal(generateAdversarialProblem(seed), `seed ${seed}`);
  }, 30_000); // ~2 s alone, mostly HiGHS; more when the shared machine is busy

  it('matches the LP optimum on larger realistic networks', () => {
    const sizes = [
      { sources: 60, items: 8, incidents: 1 },
      { sources: 120, items: 10, incidents: 5 },
      { sources: 200, items: 6, incidents: 12 },
      { sources: 300, items: 4, incidents: 30 },
    ];
    sizes.forEach((size, i) => {
      for (let seed = 1; seed <= 3; seed++)
        expectOptimal(generateRealisticProblem(1000 * i + seed, size), `${JSON.stringify(size)} seed ${seed}`);
    });
  });

  it('does not crawl one unit per path when rounding makes a detour through the same source look cheaper', () => {
    // Fractional minutes and ~10⁹ units: before the detour tolerance this took ~10⁹ augmentations.
    expectOptimal(generateAdversarialProblem(38_803_100), 'seed 38803100');
  });

  it('matches the LP optimum when demand exceeds all stock in the network', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const problem = generateAdversarialProblem(50_000 + seed);
      for (const incident of problem.incidents)
        for (const item of Object.keys(incident.demand)) incident.demand[item] = 1_000_000_000_000;
      expectOptimal(problem, `scarce seed ${seed}`);
    }
  });
});
