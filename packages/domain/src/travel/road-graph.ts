import { err, ok, type Result } from '../result.ts';
import { haversineKm, isValidLatLng, type LatLng } from './geo.ts';
import { buildVertexGrid, type VertexGrid } from './vertex-grid.ts';

/**
 * A compact directed road graph: vertices with WGS-84 coordinates, directed edges with a length and
 * a driving time, adjacency in both directions (CSR), and a grid index for nearest-vertex look-ups.
 * Invariants: every edge joins two distinct existing vertices; lengths are ≥ 0 and minutes > 0 and
 * finite; within a vertex, adjacency lists are in ascending edge order (so searches are deterministic).
 */
export interface RoadGraph {
  readonly name: string | null;
  readonly vertexCount: number;
  /** Directed edges: a two-way road counts twice. */
  readonly edgeCount: number;
  readonly vertexLat: Float64Array;
  readonly vertexLng: Float64Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeLengthKm: Float64Array;
  readonly edgeMinutes: Float64Array;
  /** Outgoing edges of v: outEdges[outStart[v] .. outStart[v+1]). */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  /** Incoming edges of v: inEdges[inStart[v] .. inStart[v+1]) — what the reverse search walks. */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  readonly grid: VertexGrid;
}

export type RoadGraphProblemCode =
  | 'not-a-feature-collection'
  | 'bad-feature'
  | 'bad-coordinate'
  | 'bad-speed'
  | 'bad-length'
  | 'bad-minutes'
  | 'bad-oneway'
  | 'bad-vertex'
  | 'bad-csv-header'
  | 'bad-csv-row'
  | 'empty-graph';

/** One thing wrong with a road-graph source; builders report every problem, not just the first. */
export interface RoadGraphProblem {
  code: RoadGraphProblemCode;
  /** Where: `features[3].geometry.coordinates[2]`, `line 7`, `edges[4]`. */
  at: string;
  message: string;
}

/** A directed edge between vertex indices. Give `speedKmh` or `minutes`; `lengthKm` defaults to the great circle. */
export interface RoadEdgeInput {
  from: number;
  to: number;
  lengthKm?: number;
  speedKmh?: number;
  /** Driving time of the whole edge; wins over `speedKmh` when both are given. */
  minutes?: number;
}

export interface RoadGraphInput {
  name?: string | null;
  vertices: readonly LatLng[];
  edges: readonly RoadEdgeInput[];
}

/** Default speeds (km/h) by OSM `highway` class, for mountainous western Guizhou [INFERENCE, configurable]. */
export const DEFAULT_SPEED_BY_HIGHWAY_KMH: Readonly<Record<string, number>> = Object.freeze({
  motorway: 80, // 高速公路 expressway
  motorway_link: 40,
  trunk: 50, // 国道 national road
  trunk_link: 30,
  primary: 50,
  primary_link: 30,
  secondary: 40, // 省道 provincial road
  secondary_link: 30,
  tertiary: 35, // 县道 county road
  tertiary_link: 25,
  unclassified: 30,
  residential: 25,
  living_street: 10,
  service: 15,
  track: 15,
});

export interface RoadGraphOptions {
  /** Speeds by `highway` class, merged over DEFAULT_SPEED_BY_HIGHWAY_KMH. */
  speedByHighwayKmh?: Readonly<Record<string, number>>;
  /** Speed of a line with no usable speed property and an unknown or missing class; default 30 km/h. */
  defaultSpeedKmh?: number;
  /** Positions closer than this in both latitude and longitude (degrees) become one vertex; default 1e-6. */
  snapToleranceDeg?: number;
}

const problem = (code: RoadGraphProblemCode, at: string, message: string): RoadGraphProblem => ({ code, at, message });
const isPositiveFinite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** Builds the compact graph from explicit vertices and directed edges; reports every bad vertex and edge. */
export function buildRoadGraph(input: RoadGraphInput): Result<RoadGraph, RoadGraphProblem[]> {
  const problems: RoadGraphProblem[] = [];
  const n = input.vertices.length;
  const vertexLat = new Float64Array(n);
  const vertexLng = new Float64Array(n);
  input.vertices.forEach((v, i) => {
    if (!isValidLatLng(v?.lat, v?.lng)) {
      problems.push(
        problem(
          'bad-coordinate',
          `vertices[${i}]`,
          `latitude must be in [-90, 90] and longitude in [-180, 180] (got ${JSON.stringify(v)})`,
        ),
      );
      return;
    }
    vertexLat[i] = v.lat;
    vertexLng[i] = v.lng;
  });
  const m = input.edges.length;
  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const edgeLengthKm = new Float64Array(m);
  const edgeMinutes = new Float64Array(m);
  let kept = 0;
  input.edges.forEach((e, i) => {
    const at = `edges[${i}]`;
    const before = problems.length;
    const isVertex = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < n;
    if (!isVertex(e.from) || !isVertex(e.to))
      problems.push(problem('bad-vertex', at, `from and to must be vertex indices in [0, ${n}) (got ${e.from} → ${e.to})`));
    else if (e.from === e.to)
      problems.push(problem('bad-vertex', at, `an edge must join two different vertices (got ${e.from} → ${e.to})`));
    if (e.lengthKm !== undefined && !(Number.isFinite(e.lengthKm) && e.lengthKm >= 0))
      problems.push(problem('bad-length', at, `lengthKm must be a finite number ≥ 0 (got ${e.lengthKm})`));
    if (e.minutes !== undefined) {
      if (!isPositiveFinite(e.minutes))
        problems.push(problem('bad-minutes', at, `minutes must be a finite number > 0 (got ${e.minutes})`));
    } else if (!isPositiveFinite(e.speedKmh)) {
      problems.push(problem('bad-speed', at, `speedKmh must be a finite number > 0 (got ${e.speedKmh})`));
    }
    if (problems.length > before) return;
    const lengthKm =
      e.lengthKm ??
      haversineKm(vertexLat[e.from] as number, vertexLng[e.from] as number, vertexLat[e.to] as number, vertexLng[e.to] as number);
    const minutes = e.minutes ?? (lengthKm / (e.speedKmh as number)) * 60;
    edgeFrom[kept] = e.from;
    edgeTo[kept] = e.to;
    edgeLengthKm[kept] = lengthKm;
    // A zero-length edge still takes a moment to drive; keeping minutes > 0 keeps the invariant simple.
    edgeMinutes[kept] = Math.max(minutes, 1e-9);
    kept++;
  });
  if (kept === 0 && problems.length === 0) problems.push(problem('empty-graph', 'edges', 'the road graph has no edges'));
  if (problems.length > 0) return err(problems);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const f = (edgeFrom[k] as number) + 1;
    const t = (edgeTo[k] as number) + 1;
    outStart[f] = (outStart[f] as number) + 1;
    inStart[t] = (inStart[t] as number) + 1;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1] = (outStart[v + 1] as number) + (outStart[v] as number);
    inStart[v + 1] = (inStart[v + 1] as number) + (inStart[v] as number);
  }
  const outEdges = new Int32Array(m);
  const inEdges = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    const f = edgeFrom[k] as number;
    const t = edgeTo[k] as number;
    const fo = outFill[f] as number;
    const ti = inFill[t] as number;
    outEdges[fo] = k;
    inEdges[ti] = k;
    outFill[f] = fo + 1;
    inFill[t] = ti + 1;
  }
  return ok({
    name: input.name ?? null,
    vertexCount: n,
    edgeCount: m,
    vertexLat,
    vertexLng,
    edgeFrom,
    edgeTo,
    edgeLengthKm,
    edgeMinutes,
    outStart,
    outEdges,
    inStart,
    inEdges,
    grid: buildVertexGrid(vertexLat, vertexLng),
  });
}

/** Merges positions that coincide within a tolerance into shared vertex indices (first position wins). */
class VertexSnapper {
  readonly vertices: LatLng[] = [];
  private readonly cells = new Map<string, number[]>();

  constructor(private readonly toleranceDeg: number) {}

  indexOf(lat: number, lng: number): number {
    const tol = this.toleranceDeg;
    if (tol <= 0) {
      const key = `${lng},${lat}`;
      const found = this.cells.get(key)?.[0];
      if (found !== undefined) return found;
      this.cells.set(key, [this.vertices.length]);
      return this.vertices.push({ lat, lng }) - 1;
    }
    const cx = Math.floor(lng / tol);
    const cy = Math.floor(lat / tol);
    let best = -1;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const v of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const p = this.vertices[v] as LatLng;
          if (Math.abs(p.lat - lat) <= tol && Math.abs(p.lng - lng) <= tol && (best < 0 || v < best)) best = v;
        }
      }
    }
    if (best >= 0) return best;
    const key = `${cx},${cy}`;
    const id = this.vertices.push({ lat, lng }) - 1;
    const list = this.cells.get(key);
    if (list) list.push(id);
    else this.cells.set(key, [id]);
    return id;
  }
}

type Direction = 'both' | 'forward' | 'backward';

/** Reads an OSM-style `oneway` tag; undefined means the value is not understood. */
function parseOneway(value: unknown): Direction | undefined {
  if (value === undefined || value === null || value === false || value === 0) return 'both';
  if (value === true || value === 1) return 'forward';
  if (value === -1) return 'backward';
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['', 'no', 'false', '0', 'reversible', 'alternating'].includes(v)) return 'both';
  if (['yes', 'true', '1'].includes(v)) return 'forward';
  if (['-1', 'reverse'].includes(v)) return 'backward';
  return undefined;
}

/**
 * Reads an OSM `maxspeed` value ("80", "60 mph", 50) as km/h. Returns null for values that carry no
 * number ("none", "signals", "CN:urban") — the class default applies — and NaN for a bad number.
 */
function parseMaxspeed(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(mph|km\/h|kmh|kph)?\s*$/i.exec(value);
  if (!match) return /\d/.test(value) ? Number.NaN : null;
  const n = Number(match[1]);
  return match[2]?.toLowerCase() === 'mph' ? n * 1.609344 : n;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Builds a road graph from a parsed GeoJSON FeatureCollection of LineString / MultiLineString
 * features; other geometries are ignored. Each pair of consecutive positions is one edge, two-way
 * unless `oneway` says otherwise. Speed: `speed_kmh`, else `maxspeed`, else the `highway` class
 * default, else `defaultSpeedKmh`; a `minutes` property gives the whole line's driving time instead.
 * The collection's `name` (top level or `properties.name`) becomes the graph's name.
 */
export function buildRoadGraphFromGeoJson(
  geojson: unknown,
  options: RoadGraphOptions = {},
): Result<RoadGraph, RoadGraphProblem[]> {
  if (!isRecord(geojson) || geojson.type !== 'FeatureCollection' || !Array.isArray(geojson.features)) {
    return err([
      problem(
        'not-a-feature-collection',
        '$',
        'expected a GeoJSON object with "type": "FeatureCollection" and a "features" array',
      ),
    ]);
  }
  const speeds = { ...DEFAULT_SPEED_BY_HIGHWAY_KMH, ...options.speedByHighwayKmh };
  const defaultSpeed = options.defaultSpeedKmh ?? 30;
  const problems: RoadGraphProblem[] = [];
  if (!isPositiveFinite(defaultSpeed))
    problems.push(problem('bad-speed', 'options.defaultSpeedKmh', `must be > 0 (got ${defaultSpeed})`));
  for (const [cls, s] of Object.entries(speeds)) {
    if (!isPositiveFinite(s)) problems.push(problem('bad-speed', `options.speedByHighwayKmh.${cls}`, `must be > 0 (got ${s})`));
  }
  const snapper = new VertexSnapper(options.snapToleranceDeg ?? 1e-6);
  const edges: RoadEdgeInput[] = [];
  geojson.features.forEach((feature: unknown, fi: number) => {
    const at = `features[${fi}]`;
    if (!isRecord(feature) || !isRecord(feature.geometry)) {
      if (!isRecord(feature) || feature.geometry !== null)
        problems.push(problem('bad-feature', at, 'a feature must be an object with a geometry object'));
      return;
    }
    const geometry = feature.geometry;
    const props = isRecord(feature.properties) ? feature.properties : {};
    let parts: unknown[];
    if (geometry.type === 'LineString') parts = [geometry.coordinates];
    else if (geometry.type === 'MultiLineString' && Array.isArray(geometry.coordinates)) parts = geometry.coordinates;
    else if (geometry.type === 'MultiLineString') parts = [undefined];
    else return; // points (labels), polygons (areas): not roads
    const before = problems.length;

    let speedKmh: number | undefined;
    let lineMinutes: number | undefined;
    if (props.minutes !== undefined && props.minutes !== null) {
      const mins = typeof props.minutes === 'string' ? Number(props.minutes) : props.minutes;
      if (isPositiveFinite(mins)) lineMinutes = mins;
      else
        problems.push(
          problem(
            'bad-minutes',
            `${at}.properties.minutes`,
            `minutes must be a number > 0 (got ${JSON.stringify(props.minutes)})`,
          ),
        );
    } else if (props.speed_kmh !== undefined && props.speed_kmh !== null) {
      const s = typeof props.speed_kmh === 'string' ? Number(props.speed_kmh) : props.speed_kmh;
      if (isPositiveFinite(s)) speedKmh = s;
      else
        problems.push(
          problem(
            'bad-speed',
            `${at}.properties.speed_kmh`,
            `speed_kmh must be a number > 0 (got ${JSON.stringify(props.speed_kmh)})`,
          ),
        );
    } else {
      const max = parseMaxspeed(props.maxspeed);
      if (max !== null && isPositiveFinite(max)) speedKmh = max;
      else if (max !== null)
        problems.push(
          problem(
            'bad-speed',
            `${at}.properties.maxspeed`,
            `maxspeed must be a speed > 0 (got ${JSON.stringify(props.maxspeed)})`,
          ),
        );
      else speedKmh = (typeof props.highway === 'string' ? speeds[props.highway] : undefined) ?? defaultSpeed;
    }
    const direction = parseOneway(props.oneway);
    if (direction === undefined)
      problems.push(
        problem(
          'bad-oneway',
          `${at}.properties.oneway`,
          `oneway must be yes/no/true/false/1/0/-1 (got ${JSON.stringify(props.oneway)})`,
        ),
      );

    const lines: { lat: number; lng: number }[][] = [];
    parts.forEach((part, pi) => {
      const partAt = geometry.type === 'LineString' ? `${at}.geometry.coordinates` : `${at}.geometry.coordinates[${pi}]`;
      if (!Array.isArray(part) || part.length < 2) {
        problems.push(problem('bad-coordinate', partAt, 'a line needs an array of at least two positions'));
        return;
      }
      const line: { lat: number; lng: number }[] = [];
      part.forEach((pos: unknown, k: number) => {
        const lng = Array.isArray(pos) ? pos[0] : undefined;
        const lat = Array.isArray(pos) ? pos[1] : undefined;
        if (!isValidLatLng(lat, lng)) {
          problems.push(
            problem(
              'bad-coordinate',
              `${partAt}[${k}]`,
              `a position is [longitude, latitude] within [-180, 180] × [-90, 90] (got ${JSON.stringify(pos)})`,
            ),
          );
          return;
        }
        line.push({ lat: lat as number, lng: lng as number });
      });
      lines.push(line);
    });
    if (problems.length > before) return;

    const segments: { from: number; to: number; lengthKm: number }[] = [];
    for (const line of lines) {
      let prev = -1;
      let prevPos: LatLng | undefined;
      for (const pos of line) {
        const v = snapper.indexOf(pos.lat, pos.lng);
        if (prev >= 0 && prevPos && v !== prev) {
          segments.push({ from: prev, to: v, lengthKm: haversineKm(prevPos.lat, prevPos.lng, pos.lat, pos.lng) });
        }
        if (v !== prev) {
          prev = v;
          prevPos = pos;
        }
      }
    }
    const totalKm = segments.reduce((sum, s) => sum + s.lengthKm, 0);
    for (const s of segments) {
      const timing =
        lineMinutes !== undefined
          ? { minutes: totalKm > 0 ? (lineMinutes * s.lengthKm) / totalKm : lineMinutes / segments.length }
          : { speedKmh: speedKmh as number };
      if (direction !== 'backward') edges.push({ from: s.from, to: s.to, lengthKm: s.lengthKm, ...timing });
      if (direction !== 'forward') edges.push({ from: s.to, to: s.from, lengthKm: s.lengthKm, ...timing });
    }
  });
  if (problems.length > 0) return err(problems);
  const name =
    typeof geojson.name === 'string'
      ? geojson.name
      : isRecord(geojson.properties) && typeof geojson.properties.name === 'string'
        ? geojson.properties.name
        : null;
  return buildRoadGraph({ name, vertices: snapper.vertices, edges });
}

const CSV_COLUMNS = ['from_lng', 'from_lat', 'to_lng', 'to_lat', 'length_km', 'speed_kmh', 'minutes', 'oneway'] as const;

/**
 * Builds a road graph from CSV text with a header row naming the columns
 * `from_lng,from_lat,to_lng,to_lat,length_km,speed_kmh,oneway` (any order; `length_km` optional —
 * great circle when empty; `minutes` may replace `speed_kmh`; `oneway` empty = two-way).
 * Blank lines and lines starting with `#` are skipped; fields are not quoted.
 */
export function buildRoadGraphFromCsv(
  text: string,
  options: Pick<RoadGraphOptions, 'snapToleranceDeg'> = {},
): Result<RoadGraph, RoadGraphProblem[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: RoadGraphProblem[] = [];
  let header: string[] | undefined;
  let headerLine = 0;
  const snapper = new VertexSnapper(options.snapToleranceDeg ?? 1e-6);
  const edges: RoadEdgeInput[] = [];
  const col = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const cells = raw.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const at = `line ${i + 1}`;
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      headerLine = i + 1;
      header.forEach((h, k) => col.set(h, k));
      const missing = ['from_lng', 'from_lat', 'to_lng', 'to_lat'].filter((c) => !col.has(c));
      if (!col.has('speed_kmh') && !col.has('minutes')) missing.push('speed_kmh (or minutes)');
      if (missing.length > 0) {
        return err([
          problem(
            'bad-csv-header',
            at,
            `the header must name the columns ${CSV_COLUMNS.join(',')}; missing: ${missing.join(', ')}`,
          ),
        ]);
      }
      continue;
    }
    const get = (name: string): string => {
      const k = col.get(name);
      return k === undefined ? '' : (cells[k] ?? '');
    };
    const num = (name: string): number => (get(name) === '' ? Number.NaN : Number(get(name)));
    const before = problems.length;
    if (cells.length !== header.length)
      problems.push(
        problem(
          'bad-csv-row',
          at,
          `expected ${header.length} fields as in the header on line ${headerLine}, got ${cells.length}`,
        ),
      );
    const fromLat = num('from_lat');
    const fromLng = num('from_lng');
    const toLat = num('to_lat');
    const toLng = num('to_lng');
    if (!isValidLatLng(fromLat, fromLng))
      problems.push(
        problem(
          'bad-coordinate',
          at,
          `from_lng,from_lat must be a longitude and latitude (got ${get('from_lng')},${get('from_lat')})`,
        ),
      );
    if (!isValidLatLng(toLat, toLng))
      problems.push(
        problem('bad-coordinate', at, `to_lng,to_lat must be a longitude and latitude (got ${get('to_lng')},${get('to_lat')})`),
      );
    let lengthKm: number | undefined;
    if (get('length_km') !== '') {
      lengthKm = num('length_km');
      if (!(Number.isFinite(lengthKm) && lengthKm >= 0))
        problems.push(problem('bad-length', at, `length_km must be a number ≥ 0 (got ${get('length_km')})`));
    }
    let timing: { minutes: number } | { speedKmh: number } | undefined;
    if (get('minutes') !== '') {
      const minutes = num('minutes');
      if (isPositiveFinite(minutes)) timing = { minutes };
      else problems.push(problem('bad-minutes', at, `minutes must be a number > 0 (got ${get('minutes')})`));
    } else {
      const speedKmh = num('speed_kmh');
      if (isPositiveFinite(speedKmh)) timing = { speedKmh };
      else problems.push(problem('bad-speed', at, `speed_kmh must be a number > 0 (got ${get('speed_kmh') || 'nothing'})`));
    }
    const direction = parseOneway(get('oneway'));
    if (direction === undefined)
      problems.push(problem('bad-oneway', at, `oneway must be yes/no/true/false/1/0/-1 (got ${get('oneway')})`));
    if (problems.length > before || !timing) continue;
    const from = snapper.indexOf(fromLat, fromLng);
    const to = snapper.indexOf(toLat, toLng);
    if (from === to) continue; // both ends snap to one vertex: nothing to drive
    const len = lengthKm ?? haversineKm(fromLat, fromLng, toLat, toLng);
    if (direction !== 'backward') edges.push({ from, to, lengthKm: len, ...timing });
    if (direction !== 'forward') edges.push({ from: to, to: from, lengthKm: len, ...timing });
  }
  if (!header)
    return err([problem('bad-csv-header', 'line 1', `the CSV is empty; expected a header naming ${CSV_COLUMNS.join(',')}`)]);
  if (problems.length > 0) return err(problems);
  return buildRoadGraph({ vertices: snapper.vertices, edges });
}
