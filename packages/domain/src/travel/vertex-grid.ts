import { EARTH_RADIUS_KM, haversineKm } from './geo.ts';

const RAD = Math.PI / 180;

/**
 * A uniform latitude/longitude grid over the graph's vertices for nearest-vertex look-ups.
 * Cells are stored CSR-style (`cellStart`, `cellVertices`), vertices of a cell in ascending order.
 * The graph must not cross the antimeridian (longitudes are not wrapped).
 */
export interface VertexGrid {
  readonly minLat: number;
  readonly minLng: number;
  /** Cell edge in degrees (same for latitude and longitude). */
  readonly cellDeg: number;
  readonly cols: number;
  readonly rows: number;
  /** cellStart[c]..cellStart[c+1] index into cellVertices; length rows × cols + 1. */
  readonly cellStart: Int32Array;
  readonly cellVertices: Int32Array;
  /** Largest |latitude| of any vertex, for a safe lower bound on east-west distances. */
  readonly maxAbsLat: number;
}

/** Builds the grid with about one to two vertices per cell on average. */
export function buildVertexGrid(lat: Float64Array, lng: Float64Array): VertexGrid {
  const n = lat.length;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLng = Infinity;
  let maxLng = -Infinity;
  let maxAbsLat = 0;
  for (let i = 0; i < n; i++) {
    const a = lat[i] as number;
    const o = lng[i] as number;
    if (a < minLat) minLat = a;
    if (a > maxLat) maxLat = a;
    if (o < minLng) minLng = o;
    if (o > maxLng) maxLng = o;
    if (Math.abs(a) > maxAbsLat) maxAbsLat = Math.abs(a);
  }
  if (n === 0) {
    return {
      minLat: 0,
      minLng: 0,
      cellDeg: 1,
      cols: 0,
      rows: 0,
      cellStart: new Int32Array(1),
      cellVertices: new Int32Array(0),
      maxAbsLat: 0,
    };
  }
  const spanLat = maxLat - minLat;
  const spanLng = maxLng - minLng;
  // Aim for ~n cells over the bounding box; never finer than ~10 m, which also covers a single point.
  const cellDeg = Math.max(1e-4, Math.sqrt((Math.max(spanLat, 1e-4) * Math.max(spanLng, 1e-4)) / n));
  const cols = Math.floor(spanLng / cellDeg) + 1;
  const rows = Math.floor(spanLat / cellDeg) + 1;
  const cellOf = new Int32Array(n);
  const cellStart = new Int32Array(rows * cols + 1);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(((lng[i] as number) - minLng) / cellDeg);
    const r = Math.floor(((lat[i] as number) - minLat) / cellDeg);
    const cell = Math.min(rows - 1, r) * cols + Math.min(cols - 1, c);
    cellOf[i] = cell;
    cellStart[cell + 1] = (cellStart[cell + 1] as number) + 1;
  }
  for (let c = 0; c < rows * cols; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const fill = cellStart.slice(0, rows * cols);
  const cellVertices = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i] as number;
    cellVertices[fill[cell] as number] = i;
    fill[cell] = (fill[cell] as number) + 1;
  }
  return { minLat, minLng, cellDeg, cols, rows, cellStart, cellVertices, maxAbsLat };
}

/** The nearest vertex and its great-circle distance. */
export interface NearestVertex {
  vertex: number;
  distanceKm: number;
}

/**
 * Nearest vertex to a point within `maxKm` (inclusive), or null. Exact: rings of cells are searched
 * outwards until a lower bound on the distance of every unvisited cell exceeds the best found.
 * Equal distances resolve to the lower vertex index.
 */
export function nearestVertex(
  grid: VertexGrid,
  lat: Float64Array,
  lng: Float64Array,
  pointLat: number,
  pointLng: number,
  maxKm = Infinity,
): NearestVertex | null {
  const { cols, rows, cellDeg } = grid;
  if (cols === 0 || rows === 0) return null;
  const qc = Math.floor((pointLng - grid.minLng) / cellDeg);
  const qr = Math.floor((pointLat - grid.minLat) / cellDeg);
  const cosMax = Math.cos(Math.min(90, Math.max(grid.maxAbsLat, Math.abs(pointLat))) * RAD);
  // Every point outside ring r differs from the query by more than r cells in latitude or longitude.
  const lowerBoundKm = (r: number): number => {
    if (r <= 0) return 0;
    const latKm = EARTH_RADIUS_KM * r * cellDeg * RAD;
    const hav = Math.sin((Math.min(180, r * cellDeg) * RAD) / 2);
    const lngKm = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, cosMax * hav));
    return Math.min(latKm, lngKm);
  };
  // Rings that do not touch the grid hold nothing; start at the first that does.
  const dc = qc < 0 ? -qc : qc >= cols ? qc - cols + 1 : 0;
  const dr = qr < 0 ? -qr : qr >= rows ? qr - rows + 1 : 0;
  const firstRing = Math.max(dc, dr);
  const lastRing = Math.max(Math.abs(qc), Math.abs(qc - cols + 1), Math.abs(qr), Math.abs(qr - rows + 1));
  let best = -1;
  let bestKm = Infinity;
  const visit = (r: number, c: number): void => {
    if (r < 0 || r >= rows || c < 0 || c >= cols) return;
    const cell = r * cols + c;
    const end = grid.cellStart[cell + 1] as number;
    for (let k = grid.cellStart[cell] as number; k < end; k++) {
      const v = grid.cellVertices[k] as number;
      const d = haversineKm(pointLat, pointLng, lat[v] as number, lng[v] as number);
      if (d < bestKm || (d === bestKm && v < best)) {
        bestKm = d;
        best = v;
      }
    }
  };
  for (let ring = firstRing; ring <= lastRing; ring++) {
    const bound = lowerBoundKm(ring - 1);
    if (bound > bestKm || bound > maxKm) break;
    if (ring === 0) {
      visit(qr, qc);
      continue;
    }
    const r0 = Math.max(qr - ring, 0);
    const r1 = Math.min(qr + ring, rows - 1);
    for (let r = r0; r <= r1; r++) {
      if (r === qr - ring || r === qr + ring) {
        const c0 = Math.max(qc - ring, 0);
        const c1 = Math.min(qc + ring, cols - 1);
        for (let c = c0; c <= c1; c++) visit(r, c);
      } else {
        visit(r, qc - ring);
        visit(r, qc + ring);
      }
    }
  }
  if (best < 0 || bestKm > maxKm) return null;
  return { vertex: best, distanceKm: bestKm };
}
