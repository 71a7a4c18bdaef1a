import { MinHeap } from '../dispatch/min-heap.ts';
import { haversineKm, isValidLatLng, type LatLng } from './geo.ts';
import type { RoadGraph } from './road-graph.ts';
import { nearestVertex } from './vertex-grid.ts';

/** How a travel time was obtained: along the road graph, or great circle × detour at a set speed. */
export type TravelMethod = 'graph' | 'great-circle';

export interface TravelEstimate {
  minutes: number;
  method: TravelMethod;
  /** Road km (graph path plus access legs × detour), or great-circle km × detour factor. */
  distanceKm: number;
}

export interface TravelOrigin extends LatLng {
  id: string;
}

export interface TravelOptions {
  /** Road km per straight-line km off the graph; default 1.4 (mountainous karst roads) [INFERENCE]. */
  detourFactor?: number;
  /** Speed of the great-circle fallback, km/h; default 50. */
  fallbackSpeedKmh?: number;
  /** Speed of the access leg between a point and its nearest graph vertex, km/h; default 30. */
  accessSpeedKmh?: number;
  /** A point farther than this from every vertex is off the graph (great-circle fallback); default 5 km. */
  maxSnapKm?: number;
  /**
   * When origin and target are both on the graph but no directed path joins them (another
   * component, a one-way trap): 'great-circle' falls back (default — a gap in map data should not
   * make a depot unusable); 'null' reports the pair unreachable.
   */
  noPath?: 'great-circle' | 'null';
}

export const DEFAULT_TRAVEL_OPTIONS: Readonly<Required<TravelOptions>> = Object.freeze({
  detourFactor: 1.4,
  fallbackSpeedKmh: 50,
  accessSpeedKmh: 30,
  maxSnapKm: 5,
  noPath: 'great-circle',
});

/** Fills in defaults; non-positive or non-finite numbers fall back to the defaults too. */
export function resolveTravelOptions(options: TravelOptions = {}): Required<TravelOptions> {
  const pos = (x: number | undefined, d: number): number => (x !== undefined && Number.isFinite(x) && x > 0 ? x : d);
  const d = DEFAULT_TRAVEL_OPTIONS;
  return {
    detourFactor: pos(options.detourFactor, d.detourFactor),
    fallbackSpeedKmh: pos(options.fallbackSpeedKmh, d.fallbackSpeedKmh),
    accessSpeedKmh: pos(options.accessSpeedKmh, d.accessSpeedKmh),
    maxSnapKm: options.maxSnapKm !== undefined && options.maxSnapKm >= 0 ? options.maxSnapKm : d.maxSnapKm,
    noPath: options.noPath === 'null' ? 'null' : 'great-circle',
  };
}

/** Great-circle fallback: haversine km × detour factor at the fallback speed. */
export function greatCircleEstimate(from: LatLng, to: LatLng, options: TravelOptions = {}): TravelEstimate {
  const o = resolveTravelOptions(options);
  const distanceKm = haversineKm(from.lat, from.lng, to.lat, to.lng) * o.detourFactor;
  return { minutes: (distanceKm / o.fallbackSpeedKmh) * 60, method: 'great-circle', distanceKm };
}

/** Shortest driving minutes (and the km of that path) from every vertex to one vertex; Infinity = no path. */
export interface ShortestPathsTo {
  target: number;
  minutes: Float64Array;
  km: Float64Array;
}

/**
 * One reverse Dijkstra from `target` over incoming edges: minutes[v] is the least time to drive
 * from v to target along directed edges. O((V + E) log V) with a binary heap; deterministic
 * (ties leave the heap in vertex order and keep the first path found).
 */
export function shortestMinutesTo(graph: RoadGraph, target: number): ShortestPathsTo {
  const n = graph.vertexCount;
  const minutes = new Float64Array(n).fill(Infinity);
  const km = new Float64Array(n).fill(Infinity);
  if (!(Number.isInteger(target) && target >= 0 && target < n)) return { target, minutes, km };
  const { inStart, inEdges, edgeFrom, edgeMinutes, edgeLengthKm } = graph;
  const done = new Uint8Array(n);
  const heap = new MinHeap(Math.min(n, 1024));
  minutes[target] = 0;
  km[target] = 0;
  heap.push(0, target);
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.peekPayload();
    heap.pop();
    if (done[v]) continue;
    done[v] = 1;
    const end = inStart[v + 1] as number;
    for (let k = inStart[v] as number; k < end; k++) {
      const e = inEdges[k] as number;
      const u = edgeFrom[e] as number;
      if (done[u]) continue;
      const nd = d + (edgeMinutes[e] as number);
      if (nd < (minutes[u] as number)) {
        minutes[u] = nd;
        km[u] = (km[v] as number) + (edgeLengthKm[e] as number);
        heap.push(nd, u);
      }
    }
  }
  return { target, minutes, km };
}

/**
 * Everything needed to answer "how long from here to this target": the target's snap to the graph
 * and, when it snapped, the reverse search. Immutable; a server caches these per target.
 */
export interface TargetSearch {
  readonly graph: RoadGraph | null;
  readonly target: LatLng;
  readonly options: Readonly<Required<TravelOptions>>;
  /** Null when there is no graph, the target is invalid, or it lies beyond maxSnapKm. */
  readonly snap: { vertex: number; accessKm: number } | null;
  readonly paths: ShortestPathsTo | null;
  /** False for a target with invalid coordinates: every estimate is then null. */
  readonly isValidTarget: boolean;
}

/** Snaps the target and runs the one reverse search that every origin then reads. */
export function searchToTarget(graph: RoadGraph | null, target: LatLng, options: TravelOptions = {}): TargetSearch {
  const o = resolveTravelOptions(options);
  const isValidTarget = isValidLatLng(target?.lat, target?.lng);
  const base = { graph, target: { lat: target?.lat, lng: target?.lng }, options: o, isValidTarget };
  if (!graph || !isValidTarget) return { ...base, snap: null, paths: null };
  const near = nearestVertex(graph.grid, graph.vertexLat, graph.vertexLng, target.lat, target.lng, o.maxSnapKm);
  if (!near) return { ...base, snap: null, paths: null };
  return { ...base, snap: { vertex: near.vertex, accessKm: near.distanceKm }, paths: shortestMinutesTo(graph, near.vertex) };
}

/** Minutes from one origin to the search's target; null for invalid coordinates or (with noPath 'null') no path. */
export function estimateFrom(search: TargetSearch, origin: LatLng): TravelEstimate | null {
  if (!search.isValidTarget || !isValidLatLng(origin?.lat, origin?.lng)) return null;
  const o = search.options;
  const { graph, snap, paths } = search;
  if (!graph || !snap || !paths) return greatCircleEstimate(origin, search.target, o);
  const near = nearestVertex(graph.grid, graph.vertexLat, graph.vertexLng, origin.lat, origin.lng, o.maxSnapKm);
  if (!near) return greatCircleEstimate(origin, search.target, o);
  const roadMinutes = paths.minutes[near.vertex] as number;
  if (roadMinutes === Infinity) return o.noPath === 'null' ? null : greatCircleEstimate(origin, search.target, o);
  const accessKm = (near.distanceKm + snap.accessKm) * o.detourFactor;
  return {
    minutes: roadMinutes + (accessKm / o.accessSpeedKmh) * 60,
    method: 'graph',
    distanceKm: (paths.km[near.vertex] as number) + accessKm,
  };
}

/**
 * Travel estimates from every origin to one target with ONE reverse shortest-path search from the
 * target's nearest vertex. Points are joined to the graph at their nearest vertex by an access leg
 * (great circle × detour at accessSpeedKmh); without a graph, or beyond maxSnapKm, the great-circle
 * fallback applies. Keys are origin ids (a repeated id keeps its last origin); values are null only
 * for invalid coordinates or, with `noPath: 'null'`, when no directed path exists.
 */
export function travelMinutesTo(
  graph: RoadGraph | null,
  target: LatLng,
  origins: readonly TravelOrigin[],
  options: TravelOptions = {},
): Record<string, TravelEstimate | null> {
  const search = searchToTarget(graph, target, options);
  return Object.fromEntries(origins.map((origin) => [origin.id, estimateFrom(search, origin)]));
}
