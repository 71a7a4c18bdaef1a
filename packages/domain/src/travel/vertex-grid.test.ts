import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from './geo.ts';
import { buildVertexGrid, nearestVertex } from './vertex-grid.ts';

function bruteForce(lat: number[], lng: number[], qLat: number, qLng: number, maxKm: number) {
  let best = -1;
  let bestKm = Infinity;
  lat.forEach((a, v) => {
    const d = haversineKm(qLat, qLng, a, lng[v] as number);
    if (d < bestKm) {
      bestKm = d;
      best = v;
    }
  });
  return best >= 0 && bestKm <= maxKm ? { vertex: best, distanceKm: bestKm } : null;
}

describe('nearestVertex', () => {
  it('finds the same vertex as a linear scan, inside and outside the grid', () => {
    const coord = fc.record({
      lat: fc.double({ min: 25.5, max: 27, noNaN: true }),
      lng: fc.double({ min: 104, max: 105.8, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(coord, { minLength: 1, maxLength: 60 }),
        fc.array(coord, { maxLength: 10 }),
        fc.double({ min: 0.1, max: 300, noNaN: true }),
        (points, queries, maxKm) => {
          const lat = Float64Array.from(points, (p) => p.lat);
          const lng = Float64Array.from(points, (p) => p.lng);
          const grid = buildVertexGrid(lat, lng);
          for (const q of [...queries, { lat: 24, lng: 103 }, { lat: 28, lng: 107 }]) {
            const got = nearestVertex(grid, lat, lng, q.lat, q.lng, maxKm);
            const want = bruteForce(Array.from(lat), Array.from(lng), q.lat, q.lng, maxKm);
            expect(got?.distanceKm).toBe(want?.distanceKm);
          }
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it('returns null for an empty grid and beyond maxKm', () => {
    const empty = new Float64Array(0);
    expect(nearestVertex(buildVertexGrid(empty, empty), empty, empty, 26, 104)).toBeNull();
    const lat = Float64Array.of(26);
    const lng = Float64Array.of(104);
    expect(nearestVertex(buildVertexGrid(lat, lng), lat, lng, 26.1, 104, 5)).toBeNull();
    expect(nearestVertex(buildVertexGrid(lat, lng), lat, lng, 26.01, 104, 5)?.vertex).toBe(0);
  });
});
