import { MinHeap } from './min-heap.ts';

/**
 * One item type's transportation problem, indexed densely. Sources and incidents are numbered in
 * id order, so "smaller index" means "smaller id" wherever ties are broken.
 */
export type ItemFlowInput = {
  sourceCount: number;
  incidentCount: number;
  /** `minutes[s * incidentCount + j]`: lead + travel minutes from source s to incident j; NaN = unreachable. */
  minutes: Float64Array;
  /** Units source s releases at no extra cost (stock above its floor). */
  free: Float64Array;
  /** Units source s may release from its floor at `penalty` extra each; all 0 with hard reserves. */
  floor: Float64Array;
  /** Extra cost per floor unit, in unit-minutes. */
  penalty: number;
  /** Units incident j wants, > 0. */
  demand: Float64Array;
  /** Urgency rank of incident j: 0 is served first; ranks are dense 0..levelCount−1. */
  level: Int32Array;
  levelCount: number;
};

/** Units moved from a source to an incident; only pairs with qty > 0 are listed. */
export type ItemFlow = { source: number; incident: number; qty: number }[];

const ENTRY = 0;
const VIA = 1;

/**
 * Lexicographic min-cost flow for one item: deliver as much as possible to rank 0, then rank 1, …,
 * and among those flows the cheapest. Exact for integer capacities; see docs/adr/0002.
 *
 * Successive shortest paths with potentials, on a graph compressed to incident nodes: a residual
 * path alternates sources and incidents, so a source only appears as "the best entry into incident j"
 * (a heap per incident over source tiers) or "the best detour j → s → j2 cancelling flow s→j"
 * (a heap per incident pair over sources sending to j). Stage p searches paths to the sink of rank p
 * only: detours may re-route units between incidents, but a path's one sink arc is into rank p, so
 * what any earlier rank receives never drops.
 */
export function solveItemFlow(input: ItemFlowInput): ItemFlow {
  const { sourceCount: n, incidentCount: k, minutes, penalty, demand, level, levelCount } = input;
  const free = Float64Array.from(input.free);
  const floor = Float64Array.from(input.floor);
  const delivered = new Float64Array(k);
  const flows: Map<number, number>[] = Array.from({ length: k }, () => new Map<number, number>());

  // Entry heaps: payload = s * 2 + tier (tier 0 free, 1 floor) so free comes first on equal cost.
  const entryHeaps: MinHeap[] = [];
  for (let j = 0; j < k; j++) {
    const keys: number[] = [];
    const payloads: number[] = [];
    for (let s = 0; s < n; s++) {
      const m = minutes[s * k + j] as number;
      if (Number.isNaN(m)) continue;
      if ((free[s] as number) > 0) {
        keys.push(m);
        payloads.push(s * 2);
      }
      if ((floor[s] as number) > 0) {
        keys.push(m + penalty);
        payloads.push(s * 2 + 1);
      }
    }
    entryHeaps.push(MinHeap.from(keys, payloads));
  }

  if (k === 1) return nearestFirst(entryHeaps[0] as MinHeap, demand[0] as number, free, floor);

  // Detour heaps, created lazily: viaHeaps[j * k + j2] holds sources s with (possibly stale) flow s→j,
  // keyed by minutes(s, j2) − minutes(s, j). An entry is live while flow s→j > 0.
  const viaHeaps: (MinHeap | undefined)[] = new Array<MinHeap | undefined>(k * k);
  const addFlow = (s: number, j: number, qty: number): void => {
    const flow = flows[j] as Map<number, number>;
    const before = flow.get(s) ?? 0;
    const after = before + qty;
    if (after === 0) flow.delete(s);
    else flow.set(s, after);
    if (before === 0 && after > 0) {
      const mj = minutes[s * k + j] as number;
      for (let j2 = 0; j2 < k; j2++) {
        if (j2 === j) continue;
        const m2 = minutes[s * k + j2] as number;
        if (Number.isNaN(m2)) continue;
        let heap = viaHeaps[j * k + j2];
        if (heap === undefined) {
          heap = new MinHeap();
          viaHeaps[j * k + j2] = heap;
        }
        heap.push(m2 - mj, s);
      }
    }
  };

  const liveEntry = (j: number): number | undefined => {
    const heap = entryHeaps[j] as MinHeap;
    for (;;) {
      const payload = heap.peekPayload();
      if (payload === undefined) return undefined;
      const s = payload >> 1;
      const left = (payload & 1) === 0 ? free[s] : floor[s];
      if ((left as number) > 0) return payload;
      heap.pop(); // tiers only ever shrink: a shortest path never returns to the super-source
    }
  };
  const liveVia = (j: number, j2: number): MinHeap | undefined => {
    const heap = viaHeaps[j * k + j2];
    if (heap === undefined) return undefined;
    const flow = flows[j] as Map<number, number>;
    for (;;) {
      const s = heap.peekPayload();
      if (s === undefined) return undefined;
      if ((flow.get(s) ?? 0) > 0) return heap;
      heap.pop(); // re-pushed by addFlow if flow s→j becomes positive again
    }
  };

  // Nodes of the compressed graph: incidents 0..k−1 and the sink of the rank being served (k).
  // Sinks of earlier ranks need no node: once rank q is done, no residual path reaches its sink
  // (that path would deliver more to rank q without taking from a more urgent rank, contradicting
  // stage q's maximality), so no shortest path ever relays through one.
  const target = k;
  const potential = new Float64Array(k + 1);
  const dist = new Float64Array(k + 1);
  const done = new Uint8Array(k + 1);
  const predKind = new Int8Array(k + 1);
  const predNode = new Int32Array(k + 1);
  const predSource = new Int32Array(k + 1);

  for (let p = 0; p < levelCount; p++) {
    // The new sink enters with no flow; a potential ≤ every feeding incident's keeps reduced costs ≥ 0.
    let start = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) if (level[j] === p) start = Math.min(start, potential[j] as number);
    potential[target] = start;

    for (;;) {
      // Dijkstra on reduced costs; V = k + 1 is small, so an O(V²) scan beats a heap.
      dist.fill(Number.POSITIVE_INFINITY);
      done.fill(0);
      for (let j = 0; j < k; j++) {
        const payload = liveEntry(j);
        if (payload === undefined) continue;
        dist[j] = ((entryHeaps[j] as MinHeap).peekKey() as number) - (potential[j] as number);
        predKind[j] = ENTRY;
        predSource[j] = payload;
      }
      for (;;) {
        let u = -1;
        let best = Number.POSITIVE_INFINITY;
        for (let v = 0; v <= k; v++) {
          if (done[v] === 0 && (dist[v] as number) < best) {
            best = dist[v] as number;
            u = v;
          }
        }
        if (u < 0 || u === target) break;
        done[u] = 1;
        const pu = potential[u] as number;
        for (let j2 = 0; j2 < k; j2++) {
          if (j2 === u || done[j2] === 1) continue;
          const heap = liveVia(u, j2);
          if (heap === undefined) continue;
          const d = best + (heap.peekKey() as number) + pu - (potential[j2] as number);
          if (d < (dist[j2] as number)) {
            dist[j2] = d;
            predKind[j2] = VIA;
            predNode[j2] = u;
            predSource[j2] = heap.peekPayload() as number;
          }
        }
        if (level[u] === p && (demand[u] as number) > (delivered[u] as number)) {
          const d = best + pu - (potential[target] as number);
          if (d < (dist[target] as number)) {
            dist[target] = d;
            predNode[target] = u;
          }
        }
      }
      const reach = dist[target] as number;
      if (!Number.isFinite(reach)) break;
      for (let v = 0; v <= k; v++) potential[v] = (potential[v] as number) + Math.min(dist[v] as number, reach);

      // Walk the path back from the sink: first the bottleneck, then the update.
      const last = predNode[target] as number;
      let amount = (demand[last] as number) - (delivered[last] as number);
      for (let v = last; predKind[v] === VIA; v = predNode[v] as number) {
        amount = Math.min(amount, (flows[predNode[v] as number] as Map<number, number>).get(predSource[v] as number) ?? 0);
      }
      let first = last;
      while (predKind[first] === VIA) first = predNode[first] as number;
      const entry = predSource[first] as number;
      const entrySource = entry >> 1;
      amount = Math.min(amount, ((entry & 1) === 0 ? free[entrySource] : floor[entrySource]) as number);

      delivered[last] = (delivered[last] as number) + amount;
      for (let v = last; predKind[v] === VIA; v = predNode[v] as number) {
        const s = predSource[v] as number;
        addFlow(s, v, amount);
        addFlow(s, predNode[v] as number, -amount);
      }
      if ((entry & 1) === 0) free[entrySource] = (free[entrySource] as number) - amount;
      else floor[entrySource] = (floor[entrySource] as number) - amount;
      addFlow(entrySource, first, amount);
    }
  }

  const result: ItemFlow = [];
  for (let j = 0; j < k; j++) {
    for (const [s, qty] of flows[j] as Map<number, number>) if (qty > 0) result.push({ source: s, incident: j, qty });
  }
  return result;
}

/**
 * One incident: every unit costs its source tier's minutes independently, so taking the cheapest
 * tiers first (the free units of the nearest source, then the next, floor units with their penalty
 * in the same order) is optimal — the successive-shortest-path method degenerates to exactly this.
 */
function nearestFirst(heap: MinHeap, demand: number, free: Float64Array, floor: Float64Array): ItemFlow {
  const sent = new Map<number, number>();
  let left = demand;
  while (left > 0) {
    const payload = heap.peekPayload();
    if (payload === undefined) break;
    heap.pop();
    const s = payload >> 1;
    const available = ((payload & 1) === 0 ? free[s] : floor[s]) as number;
    const qty = Math.min(available, left);
    left -= qty;
    sent.set(s, (sent.get(s) ?? 0) + qty);
  }
  return [...sent].map(([source, qty]) => ({ source, incident: 0, qty }));
}
