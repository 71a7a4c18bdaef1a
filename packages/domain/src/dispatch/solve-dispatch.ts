import { err, ok, type Result } from '../result.ts';
import {
  DEFAULT_PRIORITY,
  DEFAULT_RESERVE_PENALTY_MINUTES,
  DEFAULT_RESERVE_POLICY,
  type DispatchLine,
  type DispatchPlan,
  type DispatchProblem,
  type DispatchShortfall,
} from './dispatch-problem.ts';
import { solveItemFlow } from './solve-item-flow.ts';
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
  const checked = validateDispatchProblem(problem);
  if (!checked.ok) throw new InvalidDispatchProblemError(checked.error);
  return solveValidDispatch(checked.value);
}

/** Like `solveDispatch`, for untrusted JSON: the plan, or the list of every issue found. */
export function trySolveDispatch(problem: unknown): Result<DispatchPlan, DispatchProblemIssue[]> {
  const checked = validateDispatchProblem(problem);
  if (!checked.ok) return checked;
  return ok(solveValidDispatch(checked.value));
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

function solveValidDispatch(problem: DispatchProblem): DispatchPlan {
  const { soft, penalty } = resolvePolicy(problem);
  const sourceOrder = problem.sources.map((_, i) => i).sort((a, b) => compareIds(problem.sources[a]!.id, problem.sources[b]!.id));
  const incidents = [...problem.incidents].sort((a, b) => compareIds(a.id, b.id));
  const k = incidents.length;
  const priorityOf = incidents.map((incident) => incident.priority ?? DEFAULT_PRIORITY);

  // Minutes per (source, incident) once for all items; NaN marks an unreachable pair.
  const n = sourceOrder.length;
  const allMinutes = new Float64Array(n * k).fill(Number.NaN);
  for (let s = 0; s < n; s++) {
    const source = problem.sources[sourceOrder[s]!]!;
    const row = Object.hasOwn(problem.travelMinutes, source.id) ? problem.travelMinutes[source.id] : undefined;
    if (row === undefined) continue;
    const lead = source.leadMinutes ?? 0;
    for (let j = 0; j < k; j++) {
      const id = incidents[j]!.id;
      const travel = Object.hasOwn(row, id) ? row[id] : undefined;
      // null (JSON's Infinity) and Infinity are unreachable; the validator has rejected anything else.
      if (typeof travel === 'number' && Number.isFinite(travel)) allMinutes[s * k + j] = lead + travel;
    }
  }

  // Demanding incidents per item (in id order), then the sources holding each demanded item: one
  // pass over the sparse stock records instead of items × sources lookups.
  const demandingByItem = new Map<string, number[]>();
  for (let j = 0; j < k; j++) {
    const demand = incidents[j]!.demand;
    for (const item in demand) {
      if (!Object.hasOwn(demand, item) || !(demand[item]! > 0)) continue;
      const list = demandingByItem.get(item);
      if (list === undefined) demandingByItem.set(item, [j]);
      else list.push(j);
    }
  }
  const holdersByItem = new Map<string, number[]>(); // item → [source index, stock, source index, stock, …]
  for (let s = 0; s < n; s++) {
    const stock = problem.sources[sourceOrder[s]!]!.stock;
    for (const item in stock) {
      if (!Object.hasOwn(stock, item) || !(stock[item]! > 0)) continue;
      if (!demandingByItem.has(item)) continue;
      const list = holdersByItem.get(item);
      if (list === undefined) holdersByItem.set(item, [s, stock[item]!]);
      else list.push(s, stock[item]!);
    }
  }

  const lines: (DispatchLine & { incidentIndex: number })[] = [];
  const deliveredByItem = new Map<string, Float64Array>(); // item → units per incident index
  for (const item of [...demandingByItem.keys()].sort(compareIds)) {
    const demanding = demandingByItem.get(item)!;
    const ranks = [...new Set(demanding.map((j) => priorityOf[j]!))].sort((a, b) => a - b);
    const kk = demanding.length;

    // Keep the holders that reach at least one demanding incident, with their minutes row.
    const holders = holdersByItem.get(item) ?? [];
    const sourcesForItem: number[] = [];
    const free = new Float64Array(holders.length >> 1);
    const floor = new Float64Array(holders.length >> 1);
    const minutes = new Float64Array((holders.length >> 1) * kk);
    for (let h = 0; h < holders.length; h += 2) {
      const s = holders[h]!;
      const si = sourcesForItem.length;
      let reachable = false;
      for (let ji = 0; ji < kk; ji++) {
        const m = allMinutes[s * k + demanding[ji]!]!;
        minutes[si * kk + ji] = m;
        if (!Number.isNaN(m)) reachable = true;
      }
      if (!reachable) continue;
      const stock = holders[h + 1]!;
      const reserve = problem.sources[sourceOrder[s]!]!.reserve;
      const floorUnits = reserve === undefined ? 0 : Math.min(own(reserve, item), stock);
      free[si] = stock - floorUnits;
      floor[si] = soft ? floorUnits : 0;
      sourcesForItem.push(s);
    }

    const flow = solveItemFlow({
      sourceCount: sourcesForItem.length,
      // The arrays may be longer than sourceCount (unreachable holders were dropped); extra rows are unused.
      incidentCount: kk,
      minutes,
      free,
      floor,
      penalty: soft ? penalty : 0,
      demand: Float64Array.from(demanding.map((j) => own(incidents[j]!.demand, item))),
      level: Int32Array.from(demanding.map((j) => ranks.indexOf(priorityOf[j]!))),
      levelCount: ranks.length,
    });

    // fromReserve: per source, the free units go to the most urgent lines first (then by incident id);
    // whatever a source sends beyond its free units is counted against the floor.
    const delivered = new Float64Array(k);
    deliveredByItem.set(item, delivered);
    const bySource = new Map<number, { ji: number; qty: number }[]>();
    for (const { source, incident, qty } of flow) {
      const list = bySource.get(source) ?? [];
      list.push({ ji: incident, qty });
      bySource.set(source, list);
    }
    for (const [si, list] of bySource) {
      list.sort((a, b) => priorityOf[demanding[a.ji]!]! - priorityOf[demanding[b.ji]!]! || a.ji - b.ji);
      let freeLeft = free[si]!;
      const s = sourcesForItem[si]!;
      for (const { ji, qty } of list) {
        const j = demanding[ji]!;
        const fromFree = Math.min(qty, freeLeft);
        freeLeft -= fromFree;
        lines.push({
          source: problem.sources[sourceOrder[s]!]!.id,
          incident: incidents[j]!.id,
          item,
          qty,
          minutes: allMinutes[s * k + j]!,
          fromReserve: qty - fromFree,
          incidentIndex: j,
        });
        delivered[j] = delivered[j]! + qty;
      }
    }
  }

  // Incidents are indexed in id order, so the index breaks priority ties by id.
  const byUrgency = (a: number, b: number): number => priorityOf[a]! - priorityOf[b]! || a - b;
  lines.sort(
    (a, b) =>
      byUrgency(a.incidentIndex, b.incidentIndex) || compareIds(a.item, b.item) || a.minutes - b.minutes || compareIds(a.source, b.source),
  );

  const shortfalls: DispatchShortfall[] = [];
  const deliveredByPriority: Record<string, number> = {};
  const order = incidents.map((_, j) => j).sort(byUrgency);
  for (const j of order) {
    const incident = incidents[j]!;
    const key = String(priorityOf[j]);
    deliveredByPriority[key] ??= 0;
    for (const item of Object.keys(incident.demand).sort(compareIds)) {
      const wanted = own(incident.demand, item);
      const got = deliveredByItem.get(item)?.[j] ?? 0;
      deliveredByPriority[key] += got;
      if (got < wanted) shortfalls.push({ incident: incident.id, item, qty: wanted - got });
    }
  }

  let unitMinutes = 0;
  let reserveUnits = 0;
  const plainLines: DispatchLine[] = lines.map(({ incidentIndex: _index, ...line }) => {
    unitMinutes += line.qty * line.minutes;
    reserveUnits += line.fromReserve;
    return line;
  });
  return {
    lines: plainLines,
    shortfalls,
    objective: {
      deliveredByPriority,
      unitMinutes,
      reserveUnits,
      cost: unitMinutes + (soft ? reserveUnits * penalty : 0),
    },
  };
}
