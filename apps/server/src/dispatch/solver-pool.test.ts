import { afterEach, describe, expect, it } from 'vitest';
import { InvalidDispatchProblemError, solveDispatch, type DispatchProblem } from '@zhanqin/domain';
import { generateRealisticProblem } from '../../../../packages/domain/src/dispatch/testing/generate-problem.ts';
import { createSolverPool, problemSize, type SolverPool } from './solver-pool.ts';

let pool: SolverPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const small: DispatchProblem = {
  sources: [{ id: 'a', stock: { x: 2 } }],
  incidents: [{ id: 'i', demand: { x: 1 } }],
  travelMinutes: { a: { i: 5 } },
};

describe('createSolverPool', () => {
  it('solves small problems inline with the same plan as solveDispatch', async () => {
    pool = createSolverPool({ size: 1 });
    expect(await pool.solve(small)).toEqual(solveDispatch(small));
  });

  it('solves large problems in worker threads (TypeScript worker loaded through tsx)', async () => {
    pool = createSolverPool({ size: 2, inlineBelow: 0 });
    const problems = [1, 2, 3].map((seed) => generateRealisticProblem(seed, { sources: 200, items: 10, incidents: 3 }));
    const plans = await Promise.all(problems.map((p) => pool!.solve(p)));
    plans.forEach((plan, i) => expect(plan).toEqual(solveDispatch(problems[i]!)));
  }, 60_000);

  it('rejects an invalid problem from a worker with the issue list', async () => {
    pool = createSolverPool({ size: 1, inlineBelow: 0 });
    const bad = { ...small, incidents: [{ id: 'i', priority: 0, demand: { x: 1 } }] };
    const error: unknown = await pool.solve(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDispatchProblemError);
    expect((error as InvalidDispatchProblemError).issues.map((i) => i.code)).toEqual(['invalid-priority']);
  }, 60_000);

  it('rejects pending solves when closed, and refuses new ones', async () => {
    pool = createSolverPool({ size: 1, inlineBelow: 0 });
    const outcome = pool.solve(generateRealisticProblem(9, { sources: 100, items: 5, incidents: 2 })).catch((e: unknown) => e);
    await pool.close();
    expect(await outcome).toEqual(new Error('solver pool is closed'));
    await expect(pool.solve(small)).rejects.toThrow('closed');
  });

  it('measures problem size in record entries', () => {
    expect(problemSize(small)).toBe(3);
  });
});
