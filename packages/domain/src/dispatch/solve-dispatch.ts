import { ok, type Result } from '../result.ts';
import {
  DEFAULT_PRIORITY,
  DEFAULT_RESERVE_PENALTY_MINUTES,
  DEFAULT_RESERVE_POLICY,
  type DispatchLine,
  type DispatchPlan,
  type DispatchProblem,
  type DispatchShortfall,
} from './dispatch-problem.ts';
import { compileDispatchProblem, type CompiledDispatchProblem } from './compile-dispatch-problem.ts';
import { ItemFlowSolver } from './solve-item-flow.ts';
import { validateDispatchProblem, type DispatchProblemIssue } from './validate-dispatch-problem.ts';

/** Thrown by `solveDispatch` when handed a problem that breaks the contract; validate first. */
export class InvalidDispatchProblemError extends Error {
  readonly code = 'invalid-dispatch-problem';
  readonly issues: DispatchProblemIssue[];

  constructor(issues: DispatchProblemIssue[]) {
    const first = issues[0];
    super(
      `invalid dispatch problem: ${issues.length} issue(s)` +
        (first === undefined ? '' : `, first at "${first.path}": ${first.message}`),
    );
    this.name = 'InvalidDispatchProblemError';
    this.issues = issues;
  }
}

/**
 * Returns the optimal dispatch plan of SPEC §4: most units to priority 1, then 2, …, then least cost.
 * Pure and deterministic — input order does not matter, ties go to the smaller id. Throws
 * `InvalidDispatchProblemError` (with every issue) on a problem that breaks the contract.
 */
export function solveDispatch(problem: DispatchProblem): DispatchPlan {
  const result = trySolveDispatch(problem);
  if (!result.ok) throw new InvalidDispatchProblemError(result.error);
  return result.value;
}

/** Like `solveDispatch`, for untrusted JSON: the plan, or the list of every issue found. */
export function trySolveDispatch(problem: unknown): Result<DispatchPlan, DispatchProblemIssue[]> {
  // One cheap pass reads and checks the input; only when it finds a fault does the validator run to
  // list every issue with its path and message.
  const compiled = compileDispatchProblem(problem);
  if (compiled !== undefined) return ok(solveCompiled(compiled));
  const checked = validateDispatchProblem(problem);
  if (!checked.ok) return checked;
  throw new Error('internal error: the fast problem reader rejected a problem the validator accepts');
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Settings a problem leaves implicit, with the contract's defaults applied. */
export function resolvePolicy(problem: DispatchProblem): { soft: boolean; penalty: number } {
  const soft = (problem.policy?.reserve ?? DEFAULT_RESERVE_POLICY) === 'soft';
  return { soft, penalty: problem.policy?.reservePenaltyMinutes ?? DEFAULT_RESERVE_PENALTY_MINUTES };
}

/** Minutes from a source to an incident including lead time, or undefined when unreachable. */
export function pairMinutes(problem: DispatchProblem, sourceIndex: number, incidentId: string): number | undefined {
  const source = problem.sources[sourceIndex];
  if (source === undefined) return undefined;
  const row = Object.hasOwn(problem.travelMinutes, source.id) ? problem.travelMinutes[source.id] : undefined;
  const travel = row !== undefined && Object.hasOwn(row, incidentId) ? row[incidentId] : undefined;
  if (typeof travel !== 'number' || !Number.isFinite(travel) || travel < 0) return undefined;
  return (source.leadMinutes ?? 0) + travel;
}

const own = (record: Record<string, number> | undefined, key: string): number =>
  record !== undefined && Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;

/** Typed-array buffers of one solve, grown on demand and reused for every item. */
class Buffers {
  local = new Int32Array(64); // item-local source number → source number
  free = new Float64Array(64);
  floor = new Float64Array(64);
  minutes = new Float64Array(256);

  ensure(holders: number, k: number): void {
    if (this.local.length < holders) {
      const size = Math.max(holders, this.local.length * 2);
      this.local = new Int32Array(size);
      this.free = new Float64Array(size);
      this.floor = new Float64Array(size);
    }
    if (this.minutes.length < holders * k) this.minutes = new Float64Array(Math.max(holders * k, this.minutes.length * 2));
  }
}

function solveCompiled(c: CompiledDispatchProblem): DispatchPlan {
  const { soft, penalty, minutes: allMinutes, priority, incidents } = c;
  const k = incidents.length;
  const D = c.demandedCount;
  const itemOrder = Array.from({ length: D }, (_, i) => i).sort((a, b) => compareIds(c.itemIds[a]!, c.itemIds[b]!));
  // Incidents are indexed in id order, so the index breaks priority ties by id.
  const byUrgency = (a: number, b: number): number => priority[a]! - priority[b]! || a - b;
  const urgencyOrder = Array.from({ length: k }, (_, j) => j).sort(byUrgency);

  const solver = new ItemFlowSolver();
  const buffers = new Buffers();
  const delivered = new Float64Array(D * k);
  // Lines, grouped by (item position in id order, incident): group g = position × k + j.
  let lineCap = 1024;
  let lineSource = new Int32Array(lineCap);
  let lineQty = new Float64Array(lineCap);
  let lineMinutes = new Float64Array(lineCap);
  let lineReserve = new Float64Array(lineCap);
  let lineCount = 0;
  const groupStart = new Int32Array(D * k + 1);
  const groupEnd = new Int32Array(D * k + 1);
  const demanding = new Int32Array(k);
  const level = new Int32Array(k);
  const demandLocal = new Float64Array(k);
  const urgentLocal = new Int32Array(k);
  const groupCount = new Int32Array(k);
  const groupFill = new Int32Array(k);
  let counts = new Int32Array(1024);
  let perm = new Int32Array(256);
  let scratchSource = new Int32Array(256);
  let scratchQty = new Float64Array(256);
  let scratchMinutes = new Float64Array(256);
  let scratchReserve = new Float64Array(256);

  for (let position = 0; position < D; position++) {
    const item = itemOrder[position]!;
    let kk = 0;
    for (let j = 0; j < k; j++) {
      const d = c.demand[item * k + j]!;
      if (d > 0) {
        demanding[kk] = j;
        demandLocal[kk] = d;
        kk++;
      }
    }
    // Dense urgency levels of the demanding incidents (kk is small).
    const ranks: number[] = [];
    for (let ji = 0; ji < kk; ji++) if (!ranks.includes(priority[demanding[ji]!]!)) ranks.push(priority[demanding[ji]!]!);
    ranks.sort((x, y) => x - y);
    for (let ji = 0; ji < kk; ji++) level[ji] = ranks.indexOf(priority[demanding[ji]!]!);
    const levelCount = ranks.length;
    // Demanding incidents by urgency (priority, then id): free units go to the most urgent first.
    for (let a = 0; a < kk; a++) urgentLocal[a] = a;
    for (let a = 1; a < kk; a++) {
      const v = urgentLocal[a]!;
      let b = a - 1;
      while (b >= 0 && byUrgency(demanding[urgentLocal[b]!]!, demanding[v]!) > 0) {
        urgentLocal[b + 1] = urgentLocal[b]!;
        b--;
      }
      urgentLocal[b + 1] = v;
    }

    // Holders that reach at least one demanding incident, in source id order, with their minutes row.
    const hStart = c.holderStart[item]!;
    const hEnd = c.holderStart[item + 1]!;
    buffers.ensure(hEnd - hStart, kk);
    const { local, free, floor, minutes } = buffers;
    let n = 0;
    for (let h = hStart; h < hEnd; h++) {
      const s = c.holderSource[h]!;
      let reachable = false;
      const row = s * k;
      const out = n * kk;
      for (let ji = 0; ji < kk; ji++) {
        const m = allMinutes[row + demanding[ji]!]!;
        minutes[out + ji] = m;
        if (m === m) reachable = true;
      }
      if (!reachable) continue;
      const floorUnits = c.holderFloor[h]!;
      local[n] = s;
      free[n] = c.holderStock[h]! - floorUnits;
      floor[n] = soft ? floorUnits : 0;
      n++;
    }

    const flow = solver.solve({
      sourceCount: n,
      incidentCount: kk,
      minutes,
      free,
      floor,
      penalty: soft ? penalty : 0,
      demand: demandLocal,
      level,
      levelCount,
    });

    // Count the lines per incident, then lay them out grouped; fromReserve: per source, the free
    // units go to the most urgent lines first (then by incident id), the rest is from the floor.
    groupCount.fill(0, 0, kk);
    let itemLines = 0;
    for (let si = 0; si < n; si++) {
      for (let ji = 0; ji < kk; ji++) {
        if (flow[si * kk + ji]! > 0) {
          groupCount[ji]!++;
          itemLines++;
        }
      }
    }
    if (lineCount + itemLines > lineCap) {
      lineCap = Math.max(lineCount + itemLines, lineCap * 2);
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      lineSource = grow(lineSource, new Int32Array(lineCap));
      lineQty = grow(lineQty, new Float64Array(lineCap));
      lineMinutes = grow(lineMinutes, new Float64Array(lineCap));
      lineReserve = grow(lineReserve, new Float64Array(lineCap));
    }
    let at = lineCount;
    for (let ji = 0; ji < kk; ji++) {
      const g = position * k + demanding[ji]!;
      groupStart[g] = at;
      groupFill[ji] = at;
      at += groupCount[ji]!;
      groupEnd[g] = at;
    }
    // lineSource holds the item-local source number until the groups are sorted.
    for (let si = 0; si < n; si++) {
      let freeLeft = free[si]!;
      for (let u = 0; u < kk; u++) {
        const ji = urgentLocal[u]!;
        const qty = flow[si * kk + ji]!;
        if (!(qty > 0)) continue;
        const fromFree = Math.min(qty, freeLeft);
        freeLeft -= fromFree;
        const line = groupFill[ji]!;
        groupFill[ji] = line + 1;
        lineSource[line] = si;
        lineQty[line] = qty;
        lineMinutes[line] = minutes[si * kk + ji]!;
        lineReserve[line] = qty - fromFree;
        delivered[item * k + demanding[ji]!] = delivered[item * k + demanding[ji]!]! + qty;
      }
    }
    // Within a group: by minutes, then source id. Lines were laid out in source id order (= item-local
    // number), so a stable sort by minutes is enough: a counting sort for integer minutes in a modest
    // range (the usual case), otherwise the engine's stable comparator sort.
    for (let ji = 0; ji < kk; ji++) {
      const g = position * k + demanding[ji]!;
      const from = groupStart[g]!;
      const len = groupEnd[g]! - from;
      if (len < 2) continue;
      if (perm.length < len) {
        const size = len * 2;
        perm = new Int32Array(size);
        scratchSource = new Int32Array(size);
        scratchQty = new Float64Array(size);
        scratchMinutes = new Float64Array(size);
        scratchReserve = new Float64Array(size);
      }
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      let integers = true;
      for (let x = from; x < from + len; x++) {
        const m = lineMinutes[x]!;
        if (m < min) min = m;
        if (m > max) max = m;
        if (integers && !Number.isInteger(m)) integers = false;
      }
      if (integers && max - min <= 4 * len + 1024) {
        const range = max - min + 1;
        if (counts.length < range + 1) counts = new Int32Array(Math.max(range + 1, counts.length * 2));
        counts.fill(0, 0, range + 1);
        for (let x = 0; x < len; x++) counts[lineMinutes[from + x]! - min + 1]!++;
        for (let v = 1; v <= range; v++) counts[v] = counts[v]! + counts[v - 1]!;
        for (let x = 0; x < len; x++) perm[counts[lineMinutes[from + x]! - min]!++] = x;
      } else {
        const order = Array.from({ length: len }, (_, x) => x).sort((x, y) => lineMinutes[from + x]! - lineMinutes[from + y]!);
        for (let x = 0; x < len; x++) perm[x] = order[x]!;
      }
      scratchSource.set(lineSource.subarray(from, from + len));
      scratchQty.set(lineQty.subarray(from, from + len));
      scratchMinutes.set(lineMinutes.subarray(from, from + len));
      scratchReserve.set(lineReserve.subarray(from, from + len));
      for (let x = 0; x < len; x++) {
        const o = perm[x]!;
        lineSource[from + x] = scratchSource[o]!;
        lineQty[from + x] = scratchQty[o]!;
        lineMinutes[from + x] = scratchMinutes[o]!;
        lineReserve[from + x] = scratchReserve[o]!;
      }
    }
    for (let line = lineCount; line < at; line++) lineSource[line] = local[lineSource[line]!]!;
    lineCount = at;
  }

  // Lines by incident urgency, then item id, then minutes, then source id.
  const lines: DispatchLine[] = new Array<DispatchLine>(lineCount);
  let out = 0;
  let unitMinutes = 0;
  let reserveUnits = 0;
  for (const j of urgencyOrder) {
    const incidentId = incidents[j]!.id;
    for (let position = 0; position < D; position++) {
      const g = position * k + j;
      const end = groupEnd[g]!;
      if (end === 0) continue;
      const itemId = c.itemIds[itemOrder[position]!]!;
      for (let line = groupStart[g]!; line < end; line++) {
        const qty = lineQty[line]!;
        const minutes = lineMinutes[line]!;
        const fromReserve = lineReserve[line]!;
        unitMinutes += qty * minutes;
        reserveUnits += fromReserve;
        lines[out++] = { source: c.sourceIds[lineSource[line]!]!, incident: incidentId, item: itemId, qty, minutes, fromReserve };
      }
    }
  }
  lines.length = out;

  const shortfalls: DispatchShortfall[] = [];
  const deliveredByPriority: Record<string, number> = {};
  for (const j of urgencyOrder) {
    const incident = incidents[j]!;
    const key = String(priority[j]);
    deliveredByPriority[key] ??= 0;
    for (const item of Object.keys(incident.demand).sort(compareIds)) {
      const wanted = own(incident.demand, item);
      const it = c.itemIndex.get(item);
      const got = it !== undefined && it < D ? delivered[it * k + j]! : 0;
      deliveredByPriority[key] += got;
      if (got < wanted) shortfalls.push({ incident: incident.id, item, qty: wanted - got });
    }
  }

  return {
    lines,
    shortfalls,
    objective: {
      deliveredByPriority,
      unitMinutes,
      reserveUnits,
      cost: unitMinutes + (soft ? reserveUnits * penalty : 0),
    },
  };
}
