import {
  estimateFrom,
  resolveTravelOptions,
  searchToTarget,
  type LatLng,
  type RoadGraph,
  type TargetSearch,
  type TravelEstimate,
  type TravelOptions,
  type TravelOrigin,
} from '@zhanqin/domain';

export interface TravelModelOptions extends TravelOptions {
  /** Targets whose reverse search is kept (least recently used dropped first); default 32, 0 = no cache. */
  cacheSize?: number;
}

export interface TravelTarget extends LatLng {
  id: string;
}

export interface TravelModel {
  readonly graph: RoadGraph | null;
  readonly options: Readonly<Required<TravelOptions>>;
  /** Estimates from every origin to one target: one reverse search per target, cached. */
  minutesTo(target: LatLng, origins: readonly TravelOrigin[]): Record<string, TravelEstimate | null>;
  /**
   * Minutes from every origin to every target in DispatchProblem.travelMinutes shape
   * (`[originId][targetId]`); a pair with no estimate is left out, which the solver reads as unreachable.
   */
  travelMinutes(origins: readonly TravelOrigin[], targets: readonly TravelTarget[]): Record<string, Record<string, number>>;
  cacheStats(): { size: number; hits: number; misses: number };
  /** One line for logs and the start-up banner: graph or great-circle, and the parameters. */
  describe(): string;
}

/**
 * The server's travel-time model over an optional road graph (null = great-circle only). Keeps the
 * reverse searches of the most recent targets, so re-planning one incident re-reads the distances
 * instead of searching again. Memory: one Float64Array pair of vertexCount per cached target.
 */
export function createTravelModel(graph: RoadGraph | null, options: TravelModelOptions = {}): TravelModel {
  const resolved = Object.freeze(resolveTravelOptions(options));
  const capacity = Math.max(0, Math.floor(options.cacheSize ?? 32));
  const cache = new Map<string, TargetSearch>();
  let hits = 0;
  let misses = 0;

  const searchFor = (target: LatLng): TargetSearch => {
    // 1e-6° ≈ 0.1 m: targets closer than that share one search.
    const key = `${target.lat.toFixed(6)},${target.lng.toFixed(6)}`;
    const cached = cache.get(key);
    if (cached) {
      hits++;
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    misses++;
    const search = searchToTarget(graph, target, resolved);
    if (capacity > 0) {
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      cache.set(key, search);
    }
    return search;
  };

  const minutesTo = (target: LatLng, origins: readonly TravelOrigin[]): Record<string, TravelEstimate | null> => {
    const search = searchFor(target);
    return Object.fromEntries(origins.map((o) => [o.id, estimateFrom(search, o)]));
  };

  return {
    graph,
    options: resolved,
    minutesTo,
    travelMinutes(origins, targets) {
      const rows: [string, [string, number][]][] = origins.map((o) => [o.id, []]);
      for (const target of targets) {
        const search = searchFor(target);
        origins.forEach((o, i) => {
          const estimate = estimateFrom(search, o);
          if (estimate) rows[i]?.[1].push([target.id, estimate.minutes]);
        });
      }
      return Object.fromEntries(rows.map(([id, row]) => [id, Object.fromEntries(row)]));
    },
    cacheStats: () => ({ size: cache.size, hits, misses }),
    describe: () => {
      const o = resolved;
      const fallback = `great-circle × ${o.detourFactor} at ${o.fallbackSpeedKmh} km/h`;
      if (!graph) return fallback;
      const name = graph.name ? `"${graph.name}", ` : '';
      return `road graph ${name}${graph.vertexCount} vertices; access legs at ${o.accessSpeedKmh} km/h within ${o.maxSnapKm} km; otherwise ${fallback}`;
    },
  };
}
