import { describe, expect, it } from 'vitest';
import { buildRoadGraph, buildRoadGraphFromCsv, buildRoadGraphFromGeoJson, type RoadGraph } from './road-graph.ts';

const line = (coordinates: number[][], properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function unwrap(result: ReturnType<typeof buildRoadGraph>): RoadGraph {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** Directed edges as "from>to@minutes" strings, rounded, in edge order. */
const edgesOf = (g: RoadGraph): string[] =>
  Array.from(g.edgeFrom, (f, k) => `${f}>${g.edgeTo[k]}@${(g.edgeMinutes[k] as number).toFixed(3)}`);

describe('buildRoadGraph', () => {
  it('keeps directed edges and indexes them both ways', () => {
    const g = unwrap(
      buildRoadGraph({
        vertices: [
          { lat: 0, lng: 0 },
          { lat: 0, lng: 1 },
          { lat: 1, lng: 1 },
        ],
        edges: [
          { from: 0, to: 1, lengthKm: 10, speedKmh: 60 },
          { from: 1, to: 2, minutes: 7 },
          { from: 2, to: 0, lengthKm: 5, speedKmh: 30, minutes: 3 },
        ],
      }),
    );
    expect(edgesOf(g)).toEqual(['0>1@10.000', '1>2@7.000', '2>0@3.000']);
    expect(Array.from(g.outStart)).toEqual([0, 1, 2, 3]);
    expect(Array.from(g.inEdges.subarray(g.inStart[0], g.inStart[1]))).toEqual([2]);
    expect(g.edgeLengthKm[1]).toBeCloseTo(111.2, 0); // great circle when no length is given
  });

  it('reports every bad vertex and edge at once', () => {
    const result = buildRoadGraph({
      vertices: [
        { lat: 91, lng: 0 },
        { lat: 0, lng: Number.NaN },
        { lat: 0, lng: 1 },
      ],
      edges: [
        { from: 0, to: 5, speedKmh: 50 },
        { from: 1, to: 2, speedKmh: -5 },
        { from: 2, to: 2, speedKmh: 50 },
        { from: 1, to: 2, lengthKm: -1, minutes: 0 },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => `${p.code} ${p.at}`)).toEqual([
      'bad-coordinate vertices[0]',
      'bad-coordinate vertices[1]',
      'bad-vertex edges[0]',
      'bad-speed edges[1]',
      'bad-vertex edges[2]',
      'bad-length edges[3]',
      'bad-minutes edges[3]',
    ]);
  });

  it('refuses an empty graph', () => {
    const result = buildRoadGraph({ vertices: [], edges: [] });
    expect(result).toEqual({ ok: false, error: [expect.objectContaining({ code: 'empty-graph' })] });
  });
});

describe('buildRoadGraphFromGeoJson', () => {
  it('snaps coinciding positions into one vertex and makes two-way edges per segment', () => {
    const g = unwrap(
      buildRoadGraphFromGeoJson(
        fc(
          line(
            [
              [104.0, 26.0],
              [104.1, 26.0],
            ],
            { speed_kmh: 60 },
          ),
          line(
            [
              [104.1 + 4e-7, 26.0 - 4e-7],
              [104.1, 26.1],
            ],
            { speed_kmh: 60 },
          ),
          { type: 'Feature', properties: { name: 'label' }, geometry: { type: 'Point', coordinates: [104, 26] } },
        ),
      ),
    );
    expect(g.vertexCount).toBe(3);
    expect(Array.from(g.edgeFrom)).toEqual([0, 1, 1, 2]);
    expect(Array.from(g.edgeTo)).toEqual([1, 0, 2, 1]);
  });

  it('reads speeds from speed_kmh, then maxspeed, then the highway class, then the default', () => {
    const coords = (i: number) => [
      [104 + i, 26],
      [104 + i, 26.1],
    ];
    const g = unwrap(
      buildRoadGraphFromGeoJson(
        fc(
          line(coords(0), { speed_kmh: 60, maxspeed: '20', highway: 'motorway' }),
          line(coords(1), { maxspeed: '30 mph', highway: 'motorway' }),
          line(coords(2), { maxspeed: 'none', highway: 'motorway' }),
          line(coords(3), { highway: 'tertiary' }),
          line(coords(4), { highway: 'bridleway' }),
          line(coords(5), { highway: 'trunk' }),
          line(coords(6), { minutes: 30 }),
        ),
        { speedByHighwayKmh: { trunk: 45 }, defaultSpeedKmh: 20 },
      ),
    );
    const speeds = Array.from({ length: 7 }, (_, i) => {
      const k = 2 * i;
      return Math.round(((g.edgeLengthKm[k] as number) / (g.edgeMinutes[k] as number)) * 60 * 10) / 10;
    });
    expect(speeds.slice(0, 6)).toEqual([60, 48.3, 80, 35, 20, 45]);
    expect(g.edgeMinutes[12]).toBeCloseTo(30, 9);
  });

  it('respects oneway and reverse oneway', () => {
    const g = unwrap(
      buildRoadGraphFromGeoJson(
        fc(
          line(
            [
              [104, 26],
              [104.1, 26],
            ],
            { speed_kmh: 50, oneway: 'yes' },
          ),
          line(
            [
              [104.2, 26],
              [104.3, 26],
            ],
            { speed_kmh: 50, oneway: '-1' },
          ),
          line(
            [
              [104.4, 26],
              [104.5, 26],
            ],
            { speed_kmh: 50, oneway: false },
          ),
        ),
      ),
    );
    expect(Array.from(g.edgeFrom, (f, k) => `${f}>${g.edgeTo[k]}`)).toEqual(['0>1', '3>2', '4>5', '5>4']);
  });

  it('splits a line with a minutes property over its segments by length', () => {
    const g = unwrap(
      buildRoadGraphFromGeoJson(
        fc(
          line(
            [
              [104, 26],
              [104.1, 26],
              [104.3, 26],
            ],
            { minutes: 9, oneway: 'yes' },
          ),
        ),
      ),
    );
    expect(g.edgeMinutes[0]).toBeCloseTo(3, 6);
    expect(g.edgeMinutes[1]).toBeCloseTo(6, 6);
  });

  it('accepts MultiLineString features', () => {
    const g = unwrap(
      buildRoadGraphFromGeoJson(
        fc({
          type: 'Feature',
          properties: { speed_kmh: 40 },
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [104, 26],
                [104.1, 26],
              ],
              [
                [104.1, 26],
                [104.1, 26.1],
              ],
            ],
          },
        }),
      ),
    );
    expect(g.vertexCount).toBe(3);
    expect(g.edgeCount).toBe(4);
  });

  it('lists every problem with where it is', () => {
    const result = buildRoadGraphFromGeoJson(
      fc(
        line(
          [
            [104, 26],
            [200, 26],
          ],
          { speed_kmh: 50 },
        ),
        line(
          [
            [104, 26],
            [104.1, 26],
          ],
          { speed_kmh: -10 },
        ),
        line([[104, 26]], { speed_kmh: 50 }),
        line(
          [
            [104, 26],
            [104.1, 26],
          ],
          { maxspeed: '-20' },
        ),
        line(
          [
            [104, 26],
            [104.1, 26],
          ],
          { oneway: 'sometimes' },
        ),
        'not a feature',
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => `${p.code} ${p.at}`)).toEqual([
      'bad-coordinate features[0].geometry.coordinates[1]',
      'bad-speed features[1].properties.speed_kmh',
      'bad-coordinate features[2].geometry.coordinates',
      'bad-speed features[3].properties.maxspeed',
      'bad-oneway features[4].properties.oneway',
      'bad-feature features[5]',
    ]);
  });

  it('refuses what is not a FeatureCollection and a collection without roads', () => {
    expect(buildRoadGraphFromGeoJson({ type: 'Feature' })).toMatchObject({
      ok: false,
      error: [{ code: 'not-a-feature-collection' }],
    });
    expect(buildRoadGraphFromGeoJson(fc())).toMatchObject({ ok: false, error: [{ code: 'empty-graph' }] });
  });

  it('takes the collection name', () => {
    const g = unwrap(
      buildRoadGraphFromGeoJson({
        ...fc(
          line([
            [104, 26],
            [104.1, 26],
          ]),
        ),
        name: 'demo 示意',
      }),
    );
    expect(g.name).toBe('demo 示意');
  });
});

describe('buildRoadGraphFromCsv', () => {
  it('reads edges by header name, with optional length and oneway', () => {
    const csv = [
      '\uFEFFfrom_lng,from_lat,to_lng,to_lat,length_km,speed_kmh,oneway',
      '# a comment',
      '104.0,26.0,104.1,26.0,12,60,no',
      '104.1,26.0,104.1,26.1,,30,yes',
      '',
      '104.1,26.1,104.0,26.0,20,40,-1\r',
    ].join('\n');
    const g = unwrap(buildRoadGraphFromCsv(csv));
    expect(g.vertexCount).toBe(3);
    expect(edgesOf(g)).toEqual(['0>1@12.000', '1>0@12.000', '1>2@22.239', '0>2@30.000']);
  });

  it('accepts minutes instead of speed', () => {
    const g = unwrap(buildRoadGraphFromCsv('to_lat,to_lng,from_lat,from_lng,minutes,oneway\n26,104,26.1,104,5,1\n'));
    expect(edgesOf(g)).toEqual(['0>1@5.000']);
  });

  it('reports every bad row', () => {
    const csv = [
      'from_lng,from_lat,to_lng,to_lat,length_km,speed_kmh,oneway',
      '104,26,104.1,26,,-50,no',
      '104,95,104.1,26,,50,no',
      '104,26,104.1,26,-3,50,no',
      '104,26,104.1,26,,50,maybe',
      '104,26,104.1,26,,50',
      '104,26,104.1,26,,,no',
    ].join('\n');
    const result = buildRoadGraphFromCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => `${p.code} ${p.at}`)).toEqual([
      'bad-speed line 2',
      'bad-coordinate line 3',
      'bad-length line 4',
      'bad-oneway line 5',
      'bad-csv-row line 6',
      'bad-speed line 7',
    ]);
  });

  it('refuses a missing header or column', () => {
    expect(buildRoadGraphFromCsv('')).toMatchObject({ ok: false, error: [{ code: 'bad-csv-header' }] });
    expect(buildRoadGraphFromCsv('from_lng,from_lat,to_lng\n1,2,3')).toMatchObject({
      ok: false,
      error: [{ code: 'bad-csv-header' }],
    });
    expect(buildRoadGraphFromCsv('from_lng,from_lat,to_lng,to_lat,speed_kmh\n')).toMatchObject({
      ok: false,
      error: [{ code: 'empty-graph' }],
    });
  });
});
