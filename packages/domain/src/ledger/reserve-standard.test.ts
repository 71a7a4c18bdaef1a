import { describe, expect, it } from 'vitest';
import { pickFefo } from './fefo.ts';
import { proposeReplenishment, shortfallAgainst, sparesFor } from './reserve-standard.ts';
import { nextTransferState } from './transfer-state.ts';

describe('reserve standards', () => {
  it.each([
    [11, '5:1', 3],
    [10, '5:1', 2],
    [1, '4:1', 1],
    [0, '4:1', 0],
    [9, '3:2', 6],
  ])('rounds spares up: %i in service at %s need %i', (inService, ratio, spares) => {
    expect(sparesFor(inService, ratio)).toBe(spares);
  });

  it('reports the gap to the minimum and to the target', () => {
    expect(shortfallAgainst({ nodeId: 'n', itemId: 'i', minReserve: 10, target: 15 }, 7)).toMatchObject({
      belowMinimum: 3,
      toTarget: 8,
    });
    expect(shortfallAgainst({ nodeId: 'n', itemId: 'i', minReserve: 10, target: 15 }, 20)).toMatchObject({
      belowMinimum: 0,
      toTarget: 0,
    });
  });

  it('proposes replenishment up the hierarchy, never beyond what the supplier can spare', () => {
    const parent: Record<string, string | null> = { station: 'sub', sub: 'base', base: null, station2: 'sub' };
    const free: Record<string, number> = { 'sub|i': 3, 'base|i': 100 };
    const shortfalls = [
      shortfallAgainst({ nodeId: 'station', itemId: 'i', minReserve: 5, target: 8 }, 2),
      shortfallAgainst({ nodeId: 'station2', itemId: 'i', minReserve: 5, target: 5 }, 4),
    ];
    const proposals = proposeReplenishment(
      shortfalls,
      (n) => parent[n] ?? null,
      (n, i) => free[`${n}|${i}`] ?? 0,
    );
    expect(proposals).toEqual([
      { fromNodeId: 'sub', toNodeId: 'station', itemId: 'i', qty: 3 },
      { fromNodeId: 'base', toNodeId: 'station', itemId: 'i', qty: 3 },
      { fromNodeId: 'base', toNodeId: 'station2', itemId: 'i', qty: 1 },
    ]);
  });
});

describe('first-expiry-first-out', () => {
  const lots = [
    { lotId: 'c', lotNo: 'C', expiresOn: null, available: 10 },
    { lotId: 'b', lotNo: 'B', expiresOn: '2027-03-01', available: 5 },
    { lotId: 'a', lotNo: 'A', expiresOn: '2026-12-01', available: 2 },
    { lotId: 'x', lotNo: 'X', expiresOn: '2026-11-01', available: 50 },
  ];
  it('takes the soonest-expiring usable lots first, skips expired ones, and reports what is short', () => {
    expect(pickFefo(lots, 9, '2026-11-29')).toEqual({
      picks: [
        { lotId: 'a', lotNo: 'A', qty: 2, expiresOn: '2026-12-01' },
        { lotId: 'b', lotNo: 'B', qty: 5, expiresOn: '2027-03-01' },
        { lotId: 'c', lotNo: 'C', qty: 2, expiresOn: null },
      ],
      short: 0,
    });
    expect(pickFefo(lots, 20, '2026-11-29').short).toBe(3);
  });
});

describe('transfer states', () => {
  it('allows only the transitions of the state machine', () => {
    expect(nextTransferState('draft', 'ship')).toBe('in-transit');
    expect(nextTransferState('in-transit', 'receive-part')).toBe('partially-received');
    expect(nextTransferState('in-transit', 'cancel')).toBeNull();
    expect(nextTransferState('received', 'ship')).toBeNull();
    expect(nextTransferState('cancelled', 'start-picking')).toBeNull();
  });
});
