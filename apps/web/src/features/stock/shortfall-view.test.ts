import { describe, expect, it } from 'vitest';
import { severityOf, worstFirst } from './shortfall-view.ts';

const r = (nodeCode: string, belowMinimum: boolean, minReserve: number, target: number, available: number) => ({
  nodeCode,
  itemCode: 'X',
  belowMinimum,
  minReserve,
  target,
  available,
  toTarget: Math.max(0, target - available),
});

describe('worstFirst', () => {
  it('puts below-minimum first, then the largest share missing, then most units', () => {
    const rows = [r('A', false, 5, 10, 8), r('B', true, 10, 20, 8), r('C', true, 4, 8, 0), r('D', false, 5, 10, 5)];
    expect(worstFirst(rows).map((x) => x.nodeCode)).toEqual(['C', 'B', 'D', 'A']);
  });
  it('treats a zero standard as no severity', () => {
    expect(severityOf(r('A', false, 0, 0, 0))).toBe(0);
  });
});
