import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadVehicles, martelloTothL2 } from './vehicle-loading.ts';

const truck = { weightKg: 1000, volumeM3: 10 };

describe('loadVehicles', () => {
  it('packs by first-fit decreasing and proves optimality when the bound is met', () => {
    const result = loadVehicles(
      [
        { item: 'generator', qty: 3 },
        { item: 'tent', qty: 10 },
      ],
      { generator: { weightKg: 300, volumeM3: 1 }, tent: { weightKg: 25, volumeM3: 0.5 } },
      truck,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // generators (size 0.3) first: 3 fit one truck (900 kg); 10 tents take 4 there (100 kg), 6 go to truck 2.
    expect(result.value.vehicles.map((v) => v.items)).toEqual([{ generator: 3, tent: 4 }, { tent: 6 }]);
    expect(result.value.lowerBound).toBe(2);
    expect(result.value.gap).toBe(0);
  });

  it('counts a unit above half the capacity as needing its own vehicle in the bound', () => {
    expect(martelloTothL2([{ size: 600, qty: 3 }], 1000)).toBe(3); // ⌈1800/1000⌉ = 2 would be weaker
  });

  it('refuses a unit that fits no vehicle, and an unknown item', () => {
    expect(loadVehicles([{ item: 'pump', qty: 1 }], { pump: { weightKg: 1200, volumeM3: 1 } }, truck)).toEqual({
      ok: false,
      error: { code: 'unit-exceeds-vehicle', item: 'pump' },
    });
    expect(loadVehicles([{ item: 'ghost', qty: 1 }], {}, truck)).toEqual({
      ok: false,
      error: { code: 'unknown-item', item: 'ghost' },
    });
  });

  it('stops at the vehicle limit instead of building a billion trucks', () => {
    const result = loadVehicles([{ item: 'x', qty: 1_000_000_000 }], { x: { weightKg: 10, volumeM3: 0.01 } }, truck);
    expect(result.ok ? 'ok' : result.error.code).toBe('too-many-vehicles');
  });

  it('never uses fewer vehicles than its lower bound, never overloads one, and loads every unit', () => {
    const sizes = fc.record({
      weightKg: fc.integer({ min: 0, max: 1000 }),
      volumeM3: fc.integer({ min: 0, max: 100 }).map((v) => v / 10),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(sizes, fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 8 }), (groups) => {
        const cargo = groups.map(([, qty], i) => ({ item: `i${i}`, qty }));
        const table = Object.fromEntries(groups.map(([size], i) => [`i${i}`, size]));
        const result = loadVehicles(cargo, table, truck);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { vehicles, lowerBound, gap } = result.value;
        expect(lowerBound).toBeLessThanOrEqual(vehicles.length);
        expect(gap).toBe(vehicles.length - lowerBound);
        for (const v of vehicles) {
          expect(v.weightKg).toBeLessThanOrEqual(truck.weightKg + 1e-6);
          expect(v.volumeM3).toBeLessThanOrEqual(truck.volumeM3 + 1e-6);
        }
        for (const { item, qty } of cargo) expect(vehicles.reduce((sum, v) => sum + (v.items[item] ?? 0), 0)).toBe(qty);
      }),
      { numRuns: 300 },
    );
  });

  it('has a lower bound no larger than the true optimum on tiny instances (brute force)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 7 }), (weights) => {
        const optimum = bruteForceBins(weights, 10);
        expect(
          martelloTothL2(
            weights.map((size) => ({ size, qty: 1 })),
            10,
          ),
        ).toBeLessThanOrEqual(optimum);
      }),
      { numRuns: 300 },
    );
  });
});

function bruteForceBins(weights: number[], capacity: number): number {
  let best = weights.length;
  const bins: number[] = [];
  const place = (i: number): void => {
    if (bins.length >= best) return;
    if (i === weights.length) {
      best = bins.length;
      return;
    }
    const w = weights[i]!;
    for (let b = 0; b < bins.length; b++) {
      if (bins[b]! + w <= capacity) {
        bins[b]! += w;
        place(i + 1);
        bins[b]! -= w;
      }
    }
    bins.push(w);
    place(i + 1);
    bins.pop();
  };
  place(0);
  return best;
}
