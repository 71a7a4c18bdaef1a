import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROAD_GRAPH_PATH, loadRoadGraphFile, loadRoadGraphFromEnv, RoadGraphLoadError } from './load-road-graph.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zhanqin-roads-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadRoadGraphFromEnv', () => {
  it('loads the bundled schematic demo graph when the variable is unset', async () => {
    const loaded = await loadRoadGraphFromEnv({});
    expect(loaded.source).toBe(DEMO_ROAD_GRAPH_PATH);
    expect(loaded.graph?.name).toBe('Liupanshui main roads — schematic demo data 示意');
    expect(loaded.graph?.vertexCount).toBeGreaterThan(200);
    expect(loaded.graph?.vertexCount).toBeLessThan(1000);
    expect(loaded.summary).toContain('schematic');
  });

  it('turns the graph off with none', async () => {
    expect(await loadRoadGraphFromEnv({ ZHANQIN_ROAD_GRAPH: 'none' })).toMatchObject({ graph: null, source: 'none' });
  });

  it('reads a CSV file relative to the working directory', async () => {
    await writeFile(
      path.join(dir, 'roads.csv'),
      'from_lng,from_lat,to_lng,to_lat,length_km,speed_kmh,oneway\n104.83,26.59,104.9,26.57,9,40,no\n',
    );
    const loaded = await loadRoadGraphFromEnv({ ZHANQIN_ROAD_GRAPH: 'roads.csv' }, { cwd: dir });
    expect(loaded.graph).toMatchObject({ vertexCount: 2, edgeCount: 2 });
  });

  it('fails with a message naming the variable, the file and every problem', async () => {
    const file = path.join(dir, 'bad.geojson');
    await writeFile(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { speed_kmh: -40 },
            geometry: {
              type: 'LineString',
              coordinates: [
                [104, 26],
                [104.1, 26],
              ],
            },
          },
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [104, 26],
                [104.1, 126],
              ],
            },
          },
        ],
      }),
    );
    const failure = await loadRoadGraphFromEnv({ ZHANQIN_ROAD_GRAPH: file }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RoadGraphLoadError);
    const message = (failure as Error).message;
    expect(message).toContain('ZHANQIN_ROAD_GRAPH');
    expect(message).toContain(file);
    expect(message).toContain('features[0].properties.speed_kmh');
    expect(message).toContain('features[1].geometry.coordinates[1]');
  });

  it('fails for a missing file and for broken JSON', async () => {
    await expect(loadRoadGraphFromEnv({ ZHANQIN_ROAD_GRAPH: path.join(dir, 'nope.geojson') })).rejects.toThrow(
      /ZHANQIN_ROAD_GRAPH.*\n.*ENOENT/,
    );
    await writeFile(path.join(dir, 'broken.json'), '{"type": "FeatureCollection",');
    expect(await loadRoadGraphFile(path.join(dir, 'broken.json'))).toMatchObject({
      ok: false,
      error: [expect.stringContaining('not valid JSON')],
    });
  });
});
