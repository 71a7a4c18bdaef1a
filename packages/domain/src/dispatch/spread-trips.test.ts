import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadTrips } from './spread-trips.ts';

describe('spreadTrips', () => {
  it('gives the longest trips out first to the vehicle free earliest', () => {
    const result = spreadTrips(
      [
        { id: 'a', minutes: 30 },
        { id: 'b', minutes: 50 },
        { id: 'c', minutes: 20 },
        { id: 'd', minutes: 40 },
      ],
      ['truck-1', 'truck-2'],
    );
    expect(result).toEqual({
      ok: true,
      value: {
        vehicles: [
          { vehicle: 'truck-1', trips: ['b', 'c'], minutes: 70 },
          { vehicle: 'truck-2', trips: ['d', 'a'], minutes: 70 },
        ],
        makespanMinutes: 70,
        lowerBoundMinutes: 70,
        gapMinutes: 0,
      },
    });
  });

  it('refuses to spread over no vehicles, and bad minutes', () => {
    expect(spreadTrips([], [])).toEqual({ ok: false, error: { code: 'no-vehicles' } });
    expect(spreadTrips([{ id: 'a', minutes: -1 }], ['v'])).toEqual({ ok: false, error: { code: 'invalid-minutes', trip: 'a' } });
  });

  it('keeps the lower bound ≤ the makespan and assigns every trip exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (minutes, m) => {
        const trips = minutes.map((value, i) => ({ id: `t${i}`, minutes: value }));
        const result = spreadTrips(
          trips,
          Array.from({ length: m }, (_, i) => `v${i}`),
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { lowerBoundMinutes, makespanMinutes, vehicles } = result.value;
        expect(lowerBoundMinutes).toBeLessThanOrEqual(makespanMinutes + 1e-9);
        expect(vehicles.flatMap((v) => v.trips).sort()).toEqual(trips.map((t) => t.id).sort());
      }),
      { numRuns: 300 },
    );
  });
});
