import { nearestVertex, type RoadGraph } from '@zhanqin/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodes } from '../seed/data/nodes.ts';
import { loadRoadGraphFromEnv } from './load-road-graph.ts';
import { createTravelModel } from './travel-model.ts';

let graph: RoadGraph;
beforeAll(async () => {
  const loaded = await loadRoadGraphFromEnv({});
  if (!loaded.graph) throw new Error('demo graph missing');
  graph = loaded.graph;
});

const node = (code: string) => {
  const n = nodes.find((x) => x.code === code);
  if (!n) throw new Error(`no demo node ${code}`);
  return { id: n.code, lat: n.lat, lng: n.lng };
};
const origins = nodes.map((n) => ({ id: n.code, lat: n.lat, lng: n.lng }));

describe('the schematic Liupanshui demo graph', () => {
  it('passes within 3 km of every demo node', () => {
    for (const n of nodes) {
      const near = nearestVertex(graph.grid, graph.vertexLat, graph.vertexLng, n.lat, n.lng);
      expect(near?.distanceKm, n.code).toBeLessThanOrEqual(3);
    }
  });

  it('connects every demo node to every other along the roads, both ways', () => {
    const model = createTravelModel(graph, { noPath: 'null' });
    for (const target of origins) {
      for (const [id, estimate] of Object.entries(model.minutesTo(target, origins))) {
        expect(estimate?.method, `${id} → ${target.id}`).toBe('graph');
      }
    }
  });

  it('gives sensible figures: base ↔ Shuangshui 10–30 min, base ↔ Hongguo (Panzhou) 90–180 min', () => {
    const model = createTravelModel(graph);
    const base = node('LPS-BASE');
    const toShuangshui = model.minutesTo(node('LPS-SW-SC1'), [base])['LPS-BASE'];
    const fromShuangshui = model.minutesTo(base, [node('LPS-SW-SC1')])['LPS-SW-SC1'];
    const toHongguo = model.minutesTo(node('LPS-SW-PZ1'), [base])['LPS-BASE'];
    for (const e of [toShuangshui, fromShuangshui]) {
      expect(e?.minutes).toBeGreaterThanOrEqual(10);
      expect(e?.minutes).toBeLessThanOrEqual(30);
    }
    expect(toHongguo?.minutes).toBeGreaterThanOrEqual(90);
    expect(toHongguo?.minutes).toBeLessThanOrEqual(180);
    // Mountain roads: the road is 1.2–1.7 × the straight line.
    expect(toHongguo?.distanceKm).toBeGreaterThan(104.5 * 1.2);
    expect(toHongguo?.distanceKm).toBeLessThan(104.5 * 1.7);
  });

  it('is faster on the expressway than the great-circle fallback for long trips', () => {
    const road = createTravelModel(graph).minutesTo(node('LPS-SW-PZ1'), [node('LPS-BASE')])['LPS-BASE'];
    const crowFlies = createTravelModel(null).minutesTo(node('LPS-SW-PZ1'), [node('LPS-BASE')])['LPS-BASE'];
    expect(crowFlies?.method).toBe('great-circle');
    expect(road?.minutes).toBeLessThan(crowFlies?.minutes ?? 0);
  });
});

describe('createTravelModel', () => {
  it('reuses the search of a recent target and drops the least recently used', () => {
    const model = createTravelModel(graph, { cacheSize: 2 });
    const [a, b, c] = [node('LPS-SW-ZS1'), node('LPS-SW-PZ1'), node('LPS-SW-LZ1')];
    const first = model.minutesTo(a, origins);
    expect(model.minutesTo(a, origins)).toEqual(first);
    model.minutesTo(b, origins);
    model.minutesTo(a, origins); // a is now the most recent
    model.minutesTo(c, origins); // evicts b
    model.minutesTo(b, origins);
    expect(model.cacheStats()).toEqual({ size: 2, hits: 2, misses: 4 });
  });

  it('builds DispatchProblem.travelMinutes rows, leaving out pairs without an estimate', () => {
    const model = createTravelModel(graph);
    const matrix = model.travelMinutes(
      [node('LPS-BASE'), { id: 'nowhere', lat: Number.NaN, lng: 0 }],
      [
        { id: 'INC-1', lat: 26.2553, lng: 104.6452 },
        { id: 'INC-2', lat: 26.55, lng: 104.95 },
      ],
    );
    expect(Object.keys(matrix)).toEqual(['LPS-BASE', 'nowhere']);
    expect(matrix.nowhere).toEqual({});
    expect(Object.keys(matrix['LPS-BASE'] ?? {})).toEqual(['INC-1', 'INC-2']);
    expect(matrix['LPS-BASE']?.['INC-1']).toBe(
      model.minutesTo({ lat: 26.2553, lng: 104.6452 }, [node('LPS-BASE')])['LPS-BASE']?.minutes,
    );
  });

  it('estimates great-circle only without a graph', () => {
    const model = createTravelModel(null, { detourFactor: 1.4, fallbackSpeedKmh: 50 });
    const e = model.minutesTo({ lat: 25.7099, lng: 104.4716 }, [{ id: 'city', lat: 26.5925, lng: 104.8303 }]).city;
    expect(e?.method).toBe('great-circle');
    expect(e?.minutes).toBeCloseTo((104.467 * 1.4 * 60) / 50, 0);
    expect(model.describe()).toBe('great-circle × 1.4 at 50 km/h');
    expect(createTravelModel(graph).describe()).toContain('schematic');
  });
});
