import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greatCircleKm, haversineKm } from './geo.ts';
import { buildRoadGraph, type RoadEdgeInput, type RoadGraph } from './road-graph.ts';
import { estimateFrom, greatCircleEstimate, searchToTarget, shortestMinutesTo, travelMinutesTo } from './travel-minutes.ts';

function graphOf(vertices: { lat: number; lng: number }[], edges: RoadEdgeInput[]): RoadGraph {
  const result = buildRoadGraph({ vertices, edges });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

// A diamond 0 → {1, 2} → 3 with a one-way shortcut 0 → 3, plus an island 4 ↔ 5 about 2 km away.
//   0 (26.00, 104.00)   1 (26.00, 104.02)   2 (26.02, 104.00)   3 (26.02, 104.02)
const V = [
  { lat: 26.0, lng: 104.0 },
  { lat: 26.0, lng: 104.02 },
  { lat: 26.02, lng: 104.0 },
  { lat: 26.02, lng: 104.02 },
  { lat: 26.04, lng: 104.04 },
  { lat: 26.04, lng: 104.05 },
];
const E: RoadEdgeInput[] = [
  { from: 0, to: 1, minutes: 4 },
  { from: 1, to: 0, minutes: 4 },
  { from: 1, to: 3, minutes: 5 },
  { from: 3, to: 1, minutes: 5 },
  { from: 0, to: 2, minutes: 2 },
  { from: 2, to: 0, minutes: 2 },
  { from: 2, to: 3, minutes: 10 },
  { from: 3, to: 2, minutes: 10 },
  { from: 0, to: 3, minutes: 1 }, // one-way shortcut
  { from: 4, to: 5, minutes: 3 },
  { from: 5, to: 4, minutes: 3 },
];
const diamond = graphOf(V, E);
const at = (v: number, id = `v${v}`) => ({ id, ...(V[v] as { lat: number; lng: number }) });
const exact = { accessSpeedKmh: 1e12 }; // access legs of 0 km at any speed cost 0; keep float noise out

describe('haversineKm', () => {
  it('gives ≈104.5 km from Liupanshui city (Zhongshan) to Panzhou (Hongguo)', () => {
    const km = haversineKm(26.5925, 104.8303, 25.7099, 104.4716);
    // Independent check by the spherical law of cosines.
    const r = Math.PI / 180;
    const cosines =
      6371.0088 *
      Math.acos(
        Math.sin(26.5925 * r) * Math.sin(25.7099 * r) +
          Math.cos(26.5925 * r) * Math.cos(25.7099 * r) * Math.cos((104.4716 - 104.8303) * r),
      );
    expect(km).toBeGreaterThan(103.5);
    expect(km).toBeLessThan(105.5);
    expect(Math.abs(km - cosines)).toBeLessThan(1e-6);
  });

  it('gives one degree of latitude ≈111.2 km, zero for one point, and is symmetric', () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.195, 2);
    expect(haversineKm(26.5, 104.8, 26.5, 104.8)).toBe(0);
    expect(greatCircleKm({ lat: 26.2, lng: 105.5 }, { lat: 26.6, lng: 104.8 })).toBe(
      greatCircleKm({ lat: 26.6, lng: 104.8 }, { lat: 26.2, lng: 105.5 }),
    );
  });
});

describe('shortestMinutesTo', () => {
  it('walks edges backwards from the target and respects one-way edges', () => {
    expect(Array.from(shortestMinutesTo(diamond, 3).minutes)).toEqual([1, 5, 3, 0, Infinity, Infinity]);
    // Towards 0 the one-way shortcut cannot be used backwards.
    expect(Array.from(shortestMinutesTo(diamond, 0).minutes)).toEqual([0, 4, 2, 9, Infinity, Infinity]);
  });

  it('reports the km of the fastest path', () => {
    const g = graphOf(V.slice(0, 3), [
      { from: 1, to: 0, lengthKm: 10, minutes: 20 },
      { from: 1, to: 2, lengthKm: 3, minutes: 3 },
      { from: 2, to: 0, lengthKm: 4, minutes: 4 },
    ]);
    expect(Array.from(shortestMinutesTo(g, 0).km)).toEqual([0, 7, 4]);
  });
});

describe('travelMinutesTo', () => {
  it('gives graph minutes for origins on the graph, and null for no path when asked', () => {
    const result = travelMinutesTo(diamond, V[0] as { lat: number; lng: number }, [at(3), at(1), at(4)], {
      ...exact,
      noPath: 'null',
    });
    expect(result).toEqual({
      v3: { minutes: 9, method: 'graph', distanceKm: expect.any(Number) },
      v1: { minutes: 4, method: 'graph', distanceKm: expect.any(Number) },
      v4: null,
    });
  });

  it('falls back to the great circle for another component by default', () => {
    const result = travelMinutesTo(diamond, V[0] as { lat: number; lng: number }, [at(4)]);
    expect(result.v4).toEqual(greatCircleEstimate(V[4] as { lat: number; lng: number }, V[0] as { lat: number; lng: number }));
    expect(result.v4?.method).toBe('great-circle');
  });

  it('adds access legs at the access speed times the detour factor', () => {
    const origin = { id: 'o', lat: 26.0, lng: 103.99 }; // ≈1.0 km west of vertex 0
    const target = { lat: 26.021, lng: 104.02 }; // ≈0.11 km north of vertex 3
    const accessKm = (haversineKm(26, 103.99, 26, 104) + haversineKm(26.021, 104.02, 26.02, 104.02)) * 1.4;
    const result = travelMinutesTo(diamond, target, [origin], { accessSpeedKmh: 30, detourFactor: 1.4 });
    expect(result.o?.method).toBe('graph');
    expect(result.o?.minutes).toBeCloseTo(1 + (accessKm / 30) * 60, 9);
  });

  it('uses the great circle for points beyond the snap distance and without a graph', () => {
    const far = { id: 'far', lat: 26.5, lng: 104.5 };
    const target = V[3] as { lat: number; lng: number };
    const onGraph = travelMinutesTo(diamond, target, [far], { maxSnapKm: 5 });
    const km = haversineKm(26.5, 104.5, target.lat, target.lng);
    expect(onGraph.far).toEqual({ minutes: ((km * 1.4) / 50) * 60, method: 'great-circle', distanceKm: km * 1.4 });
    const farTarget = travelMinutesTo(diamond, { lat: 27, lng: 104 }, [at(0)]);
    expect(farTarget.v0?.method).toBe('great-circle');
    const noGraph = travelMinutesTo(null, target, [far], { detourFactor: 1.2, fallbackSpeedKmh: 60 });
    expect(noGraph.far?.minutes).toBeCloseTo(km * 1.2, 9);
  });

  it('checks the fallback figure Liupanshui → Panzhou: 104.5 km × 1.4 at 50 km/h ≈ 175.5 min', () => {
    const result = travelMinutesTo(null, { lat: 25.7099, lng: 104.4716 }, [{ id: 'city', lat: 26.5925, lng: 104.8303 }]);
    expect(result.city?.minutes).toBeGreaterThan(174);
    expect(result.city?.minutes).toBeLessThan(177);
  });

  it('returns null for invalid coordinates instead of throwing', () => {
    expect(travelMinutesTo(diamond, { lat: Number.NaN, lng: 104 }, [at(0)])).toEqual({ v0: null });
    expect(travelMinutesTo(diamond, V[0] as { lat: number; lng: number }, [{ id: 'x', lat: 100, lng: 0 }])).toEqual({ x: null });
  });

  it('answers many origins from one search, and keeps ids like __proto__ as plain keys', () => {
    const search = searchToTarget(diamond, V[3] as { lat: number; lng: number }, exact);
    expect(estimateFrom(search, V[2] as { lat: number; lng: number })?.minutes).toBe(3);
    const result = travelMinutesTo(diamond, V[3] as { lat: number; lng: number }, [at(0, '__proto__')], exact);
    expect(Object.keys(result)).toEqual(['__proto__']);
  });

  it('is deterministic', () => {
    const origins = V.map((_, i) => at(i));
    const a = travelMinutesTo(diamond, { lat: 26.01, lng: 104.01 }, origins);
    const b = travelMinutesTo(diamond, { lat: 26.01, lng: 104.01 }, [...origins].reverse());
    expect(JSON.stringify(a)).toBe(JSON.stringify(Object.fromEntries(origins.map((o) => [o.id, b[o.id]]))));
  });
});

/** Floyd–Warshall all-pairs minutes, the reference the reverse Dijkstra is checked against. */
function floydWarshall(n: number, edges: { from: number; to: number; minutes: number }[]): number[][] {
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (const e of edges) {
    const row = d[e.from] as number[];
    row[e.to] = Math.min(row[e.to] as number, e.minutes);
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const via = (d[i]?.[k] as number) + (d[k]?.[j] as number);
        if (via < (d[i]?.[j] as number)) (d[i] as number[])[j] = via;
      }
    }
  }
  return d;
}

describe('reverse Dijkstra (property)', () => {
  const graphArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(
        fc.record({ from: fc.nat({ max: n - 1 }), to: fc.nat({ max: n - 1 }), minutes: fc.integer({ min: 1, max: 60 }) }),
        { maxLength: 30 },
      ),
    }),
  );

  it('equals Floyd–Warshall on random small directed graphs', () => {
    fc.assert(
      fc.property(graphArb, ({ n, edges }) => {
        const loopFree = edges.filter((e) => e.from !== e.to);
        if (loopFree.length === 0) return;
        const vertices = Array.from({ length: n }, (_, i) => ({ lat: 26 + i * 0.01, lng: 104 + (i % 3) * 0.01 }));
        const g = graphOf(vertices, loopFree);
        const reference = floydWarshall(n, loopFree);
        for (let t = 0; t < n; t++) {
          const { minutes } = shortestMinutesTo(g, t);
          for (let s = 0; s < n; s++) expect(minutes[s]).toBe(reference[s]?.[t]);
        }
      }),
      { numRuns: 300, seed: 20250707 },
    );
  });
});
