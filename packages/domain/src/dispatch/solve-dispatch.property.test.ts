import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDispatchPlan } from './check-dispatch-plan.ts';
import type { DispatchPlan, DispatchProblem } from './dispatch-problem.ts';
import { solveDispatch } from './solve-dispatch.ts';
import { createRandom, generateAdversarialProblem } from './testing/generate-problem.ts';

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Rebuilds the problem with sources, incidents and every record's keys in a different order. */
function reorder(problem: DispatchProblem, seed: number): DispatchProblem {
  const random = createRandom(seed);
  const shuffleKeys = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(shuffled(Object.entries(record), random));
  return {
    ...problem,
    sources: shuffled(problem.sources, random).map((s) => ({
      ...s,
      stock: shuffleKeys(s.stock),
      ...(s.reserve ? { reserve: shuffleKeys(s.reserve) } : {}),
    })),
    incidents: shuffled(problem.incidents, random).map((i) => ({ ...i, demand: shuffleKeys(i.demand) })),
    travelMinutes: Object.fromEntries(
      shuffled(Object.entries(problem.travelMinutes), random).map(([k, row]) => [k, shuffleKeys(row)]),
    ),
  };
}

const sortedLines = (plan: DispatchPlan): DispatchPlan['lines'] =>
  [...plan.lines].sort((a, b) =>
    a.source + '\u0000' + a.incident + '\u0000' + a.item < b.source + '\u0000' + b.incident + '\u0000' + b.item ? -1 : 1,
  );

describe('solveDispatch properties', () => {
  it('is deterministic: the same input gives an identical plan', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const problem = generateAdversarialProblem(seed);
        expect(JSON.stringify(solveDispatch(problem))).toBe(JSON.stringify(solveDispatch(structuredClone(problem))));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of sources, incidents or keys', () => {
    fc.assert(
      fc.property(seeds, seeds, (seed, orderSeed) => {
        const problem = generateAdversarialProblem(seed);
        const a = solveDispatch(problem);
        const b = solveDispatch(reorder(problem, orderSeed));
        expect(b.lines).toEqual(a.lines); // already sorted by priority, incident, item, minutes, source id
        expect(sortedLines(b)).toEqual(sortedLines(a));
        expect(b.shortfalls).toEqual(a.shortfalls);
        expect(b.objective).toEqual(a.objective);
      }),
      { numRuns: 300 },
    );
  });

  it('never sends more than a node can release, and every plan is feasible', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const problem = generateAdversarialProblem(seed);
        const plan = solveDispatch(problem);
        expect(checkDispatchPlan(problem, plan)).toEqual([]);
        const soft = problem.policy?.reserve === 'soft';
        for (const source of problem.sources) {
          for (const [item, stock] of Object.entries(source.stock)) {
            const floor = Math.min(source.reserve?.[item] ?? 0, stock);
            const sent = plan.lines.filter((l) => l.source === source.id && l.item === item).reduce((sum, l) => sum + l.qty, 0);
            expect(sent).toBeLessThanOrEqual(soft ? stock : stock - floor);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never delivers fewer units to the most urgent priority when a source gets more stock', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 50 }), (seed, extra) => {
        const problem = generateAdversarialProblem(seed);
        const first = problem.sources[0];
        if (first === undefined) return;
        const richer = structuredClone(problem);
        for (const item of Object.keys(richer.sources[0]!.stock)) richer.sources[0]!.stock[item]! += extra;
        const before = solveDispatch(problem).objective.deliveredByPriority;
        const after = solveDispatch(richer).objective.deliveredByPriority;
        const top = Object.keys(before)
          .map(Number)
          .sort((a, b) => a - b)[0];
        if (top !== undefined) expect(after[String(top)]).toBeGreaterThanOrEqual(before[String(top)]!);
      }),
      { numRuns: 200 },
    );
  });

  it('returns integer quantities and sums of integers for integer inputs', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const plan = solveDispatch(generateAdversarialProblem(seed));
        for (const line of plan.lines) {
          expect(Number.isSafeInteger(line.qty) && line.qty > 0).toBe(true);
          expect(Number.isSafeInteger(line.fromReserve)).toBe(true);
        }
        for (const shortfall of plan.shortfalls) expect(Number.isSafeInteger(shortfall.qty) && shortfall.qty > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
