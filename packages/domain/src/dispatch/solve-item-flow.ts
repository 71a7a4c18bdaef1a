import { MinHeap } from './min-heap.ts';

/**
 * One item type's transportation problem, indexed densely. Sources and incidents are numbered in
 * id order, so "smaller index" means "smaller id" wherever ties are broken. The arrays may be longer
 * than the counts (they are reused buffers); only the first rows are read.
 */
export type ItemFlowInput = {
  sourceCount: number;
  incidentCount: number;
  /** `minutes[s * incidentCount + j]`: lead + travel minutes from source s to incident j; NaN = unreachable. */
  minutes: Float64Array;
  /** Units source s releases at no extra cost (stock above its floor). Not modified. */
  free: Float64Array;
  /** Units source s may release from its floor at `penalty` extra each; all 0 with hard reserves. Not modified. */
  floor: Float64Array;
  /** Extra cost per floor unit, in unit-minutes. */
  penalty: number;
  /** Units incident j wants, > 0. */
  demand: Float64Array;
  /** Urgency rank of incident j: 0 is served first; ranks are dense 0..levelCount−1. */
  level: Int32Array;
  levelCount: number;
};

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
 *
 * One solver object is meant to be reused for every item of a solve: its heaps and typed arrays are
 * kept and only grown, so the per-item work allocates nothing once the buffers are large enough.
 */
export class ItemFlowSolver {
  private entryKeys = new Float64Array(256);
  private entryPayloads = new Int32Array(256);
  private sortKeys = new Float64Array(256);
  private sortPayloads = new Int32Array(256);
  private counts = new Int32Array(1024);
  /** Incident j's entries are [entryStart[j], entryEnd[j]); entryStart advances past exhausted tiers. */
  private entryStart = new Int32Array(8);
  private entryEnd = new Int32Array(8);
  private viaHeaps: MinHeap[] = [];
  private freeLeft = new Float64Array(64);
  private floorLeft = new Float64Array(64);
  private flowBuffer = new Float64Array(256);
  private delivered = new Float64Array(8);
  private potential = new Float64Array(8);
  private dist = new Float64Array(8);
  private done = new Uint8Array(8);
  private predKind = new Int8Array(8);
  private predNode = new Int32Array(8);
  private predSource = new Int32Array(8);

  /**
   * Solves one item and returns the flow, `flow[s * incidentCount + j]` units from source s to
   * incident j. The returned array is the solver's buffer: read it before the next call.
   */
  solve(input: ItemFlowInput): Float64Array {
    const { sourceCount: n, incidentCount: k, minutes, penalty, demand } = input;
    if (this.freeLeft.length < n) {
      const size = Math.max(n, this.freeLeft.length * 2);
      this.freeLeft = new Float64Array(size);
      this.floorLeft = new Float64Array(size);
    }
    if (this.flowBuffer.length < n * k) this.flowBuffer = new Float64Array(Math.max(n * k, this.flowBuffer.length * 2));
    if (this.delivered.length < k + 1) this.growSmall(k + 1);
    while (this.viaHeaps.length < k * k) this.viaHeaps.push(new MinHeap(16));

    const free = this.freeLeft;
    const floor = this.floorLeft;
    free.set(input.free.subarray(0, n));
    floor.set(input.floor.subarray(0, n));
    const flow = this.flowBuffer;
    flow.fill(0, 0, n * k);

    // Entry lists, one per incident: the source tiers sorted by cost, then payload = s * 2 + tier
    // (tier 0 free, 1 floor), so free comes first on equal cost and ties go to the smaller id. Only
    // the front is ever consumed (tiers only shrink), so a sorted list with a cursor does a heap's job.
    this.ensureEntries(2 * n * k);
    const entryKeys = this.entryKeys;
    const entryPayloads = this.entryPayloads;
    const entryStart = this.entryStart;
    let at = 0;
    for (let j = 0; j < k; j++) {
      entryStart[j] = at;
      for (let s = 0; s < n; s++) {
        const m = minutes[s * k + j] as number;
        if (m !== m) continue; // NaN: unreachable
        if ((free[s] as number) > 0) {
          entryKeys[at] = m;
          entryPayloads[at++] = s * 2;
        }
        if ((floor[s] as number) > 0) {
          entryKeys[at] = m + penalty;
          entryPayloads[at++] = s * 2 + 1;
        }
      }
      this.entryEnd[j] = at;
      this.sortEntries(entryStart[j] as number, at);
    }

    if (k === 1) {
      nearestFirst(this.entryPayloads, 0, this.entryEnd[0] as number, demand[0] as number, free, floor, flow);
      return flow;
    }
    this.successiveShortestPaths(input, flow);
    return flow;
  }

  private ensureEntries(size: number): void {
    if (this.entryKeys.length >= size) return;
    const grown = Math.max(size, this.entryKeys.length * 2);
    this.entryKeys = new Float64Array(grown);
    this.entryPayloads = new Int32Array(grown);
    this.sortKeys = new Float64Array(grown);
    this.sortPayloads = new Int32Array(grown);
  }

  /**
   * Sorts entries [from, to) by key, then payload. They were appended in payload order, so a stable
   * sort by key is enough: a counting sort when the keys are integers in a modest range (integer
   * minutes and penalty, the usual case), otherwise the engine's stable comparator sort.
   */
  private sortEntries(from: number, to: number): void {
    const len = to - from;
    if (len < 2) return;
    const keys = this.entryKeys;
    const payloads = this.entryPayloads;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let integers = true;
    for (let x = from; x < to; x++) {
      const key = keys[x] as number;
      if (key < min) min = key;
      if (key > max) max = key;
      if (integers && !Number.isInteger(key)) integers = false;
    }
    const tempKeys = this.sortKeys;
    const tempPayloads = this.sortPayloads;
    if (integers && max - min <= 4 * len + 1024) {
      const range = max - min + 1;
      if (this.counts.length < range + 1) this.counts = new Int32Array(Math.max(range + 1, this.counts.length * 2));
      const counts = this.counts;
      counts.fill(0, 0, range + 1);
      for (let x = from; x < to; x++) counts[(keys[x] as number) - min + 1]!++;
      for (let v = 1; v <= range; v++) counts[v] = (counts[v] as number) + (counts[v - 1] as number);
      for (let x = from; x < to; x++) {
        const slot = counts[(keys[x] as number) - min]!++;
        tempKeys[slot] = keys[x] as number;
        tempPayloads[slot] = payloads[x] as number;
      }
    } else {
      const order = Array.from({ length: len }, (_, x) => from + x).sort((a, b) => (keys[a] as number) - (keys[b] as number));
      for (let x = 0; x < len; x++) {
        tempKeys[x] = keys[order[x] as number] as number;
        tempPayloads[x] = payloads[order[x] as number] as number;
      }
    }
    keys.set(tempKeys.subarray(0, len), from);
    payloads.set(tempPayloads.subarray(0, len), from);
  }

  private growSmall(size: number): void {
    this.entryStart = new Int32Array(size);
    this.entryEnd = new Int32Array(size);
    this.delivered = new Float64Array(size);
    this.potential = new Float64Array(size);
    this.dist = new Float64Array(size);
    this.done = new Uint8Array(size);
    this.predKind = new Int8Array(size);
    this.predNode = new Int32Array(size);
    this.predSource = new Int32Array(size);
  }

  private successiveShortestPaths(input: ItemFlowInput, flow: Float64Array): void {
    const { incidentCount: k, minutes, demand, level, levelCount } = input;
    const free = this.freeLeft;
    const floor = this.floorLeft;
    const entryKeys = this.entryKeys;
    const entryPayloads = this.entryPayloads;
    const entryStart = this.entryStart;
    const entryEnd = this.entryEnd;
    // Detour heaps: viaHeaps[j * k + j2] holds sources s with (possibly stale) flow s→j, keyed by
    // minutes(s, j2) − minutes(s, j). An entry is live while flow s→j > 0.
    const viaHeaps = this.viaHeaps;
    for (let h = 0; h < k * k; h++) (viaHeaps[h] as MinHeap).size = 0;

    const addFlow = (s: number, j: number, qty: number): void => {
      const at = s * k + j;
      const before = flow[at] as number;
      const after = before + qty;
      flow[at] = after;
      if (before === 0 && after > 0) {
        const mj = minutes[at] as number;
        for (let j2 = 0; j2 < k; j2++) {
          if (j2 === j) continue;
          const m2 = minutes[s * k + j2] as number;
          if (m2 !== m2) continue;
          (viaHeaps[j * k + j2] as MinHeap).push(m2 - mj, s);
        }
      }
    };

    // Nodes of the compressed graph: incidents 0..k−1 and the sink of the rank being served (k).
    // Sinks of earlier ranks need no node: once rank q is done, no residual path reaches its sink
    // (that path would deliver more to rank q without taking from a more urgent rank, contradicting
    // stage q's maximality), so no shortest path ever relays through one.
    // A detour must beat the best known route by more than rounding noise. With fractional minutes,
    // "enter j via s, then detour j → j2 via the same s" costs minutes(s, j2) up to an ulp, and if
    // rounding makes it look an ulp cheaper than entering j2 directly, each such path moves only the
    // flow s→j (possibly 1 unit) — pseudo-polynomial in the quantities. Integer data is exact and
    // far above this tolerance, so there it changes nothing.
    let scale = input.penalty;
    for (let x = 0; x < input.sourceCount * k; x++) {
      const m = minutes[x] as number;
      if (m > scale) scale = m;
    }
    const tolerance = 1e-9 * (1 + scale);
    const target = k;
    const delivered = this.delivered;
    const potential = this.potential;
    const dist = this.dist;
    const done = this.done;
    const predKind = this.predKind;
    const predNode = this.predNode;
    const predSource = this.predSource;
    delivered.fill(0, 0, k + 1);
    potential.fill(0, 0, k + 1);

    for (let p = 0; p < levelCount; p++) {
      // The new sink enters with no flow; a potential ≤ every feeding incident's keeps reduced costs ≥ 0.
      let start = Number.POSITIVE_INFINITY;
      for (let j = 0; j < k; j++) if (level[j] === p) start = Math.min(start, potential[j] as number);
      potential[target] = start;

      for (;;) {
        // Dijkstra on reduced costs; V = k + 1 is small, so an O(V²) scan beats a heap.
        for (let v = 0; v <= k; v++) {
          dist[v] = Number.POSITIVE_INFINITY;
          done[v] = 0;
        }
        for (let j = 0; j < k; j++) {
          // Live entry: tiers only ever shrink (a shortest path never returns to the super-source),
          // so exhausted tiers are popped for good.
          let e = entryStart[j] as number;
          const end = entryEnd[j] as number;
          let payload = -1;
          for (; e < end; e++) {
            payload = entryPayloads[e] as number;
            if (((payload & 1) === 0 ? (free[payload >> 1] as number) : (floor[payload >> 1] as number)) > 0) break;
          }
          entryStart[j] = e;
          if (e === end) continue;
          dist[j] = (entryKeys[e] as number) - (potential[j] as number);
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
            // Live detour: stale entries (flow s→u back to 0) are dropped; addFlow re-pushes them.
            const heap = viaHeaps[u * k + j2] as MinHeap;
            let s = heap.peekPayload();
            while (s >= 0 && (flow[s * k + u] as number) <= 0) {
              heap.pop();
              s = heap.peekPayload();
            }
            if (s < 0) continue;
            const d = best + heap.peekKey() + pu - (potential[j2] as number);
            if (d < (dist[j2] as number) - tolerance) {
              dist[j2] = d;
              predKind[j2] = VIA;
              predNode[j2] = u;
              predSource[j2] = s;
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
        if (reach === Number.POSITIVE_INFINITY) break;
        for (let v = 0; v <= k; v++) potential[v] = (potential[v] as number) + Math.min(dist[v] as number, reach);

        // Walk the path back from the sink: first the bottleneck, then the update.
        const last = predNode[target] as number;
        let amount = (demand[last] as number) - (delivered[last] as number);
        let first = last;
        while (predKind[first] === VIA) {
          amount = Math.min(amount, flow[(predSource[first] as number) * k + (predNode[first] as number)] as number);
          first = predNode[first] as number;
        }
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
  }
}

/**
 * One incident: every unit costs its source tier's minutes independently, so taking the cheapest
 * tiers first (the free units of the nearest source, then the next, floor units with their penalty
 * in the same order) is optimal — the successive-shortest-path method degenerates to exactly this.
 * The entry list holds the tiers in (cost, source, tier) order.
 */
function nearestFirst(
  payloads: Int32Array,
  from: number,
  to: number,
  demand: number,
  free: Float64Array,
  floor: Float64Array,
  flow: Float64Array,
): void {
  let left = demand;
  for (let e = from; left > 0 && e < to; e++) {
    const payload = payloads[e] as number;
    const s = payload >> 1;
    const available = ((payload & 1) === 0 ? free[s] : floor[s]) as number;
    const qty = Math.min(available, left);
    left -= qty;
    flow[s] = (flow[s] as number) + qty;
  }
}
