import { describe, expect, it } from 'vitest';
import { benchmarkProblem, runOnce } from './compare-solvers.ts';

describe('solver benchmark (smoke)', () => {
  it('generates an instance and both solvers find the same optimum', async () => {
    const highs = await (await import('highs')).default();
    const sample = runOnce(highs, benchmarkProblem({ sources: 60, items: 6, incidents: 3 }));
    expect(sample.sameOptimum).toBe(true);
    expect(sample.ourCost).toBeGreaterThan(0);
  });
});
