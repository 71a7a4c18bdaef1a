import { DEFAULT_PRIORITY, type DispatchPlan, type DispatchProblem } from './dispatch-problem.ts';
import { pairMinutes, resolvePolicy, solveDispatch } from './solve-dispatch.ts';

export type LineReasonCode =
  /** No reachable source with free stock of the item is nearer. */
  | 'nearest-free-stock'
  /** Nearer sources with free stock exist, but they ran out or were needed by other incidents. */
  | 'next-nearest-free-stock'
  /** Part of the line comes from below the source's reserve floor (soft reserves only). */
  | 'drawn-from-reserve'
  /** The source is a partner enterprise: the line is a call-off under agreement. */
  | 'partner-call-off';

export type LineReason = {
  source: string;
  incident: string;
  item: string;
  code: LineReasonCode;
  qty: number;
  minutes: number;
  fromReserve: number;
  /** Reachable sources holding free units of the item that are strictly nearer than this one. */
  nearerSources: number;
};

export type ShortfallReasonCode =
  /** No source in the network holds the item. */
  | 'no-stock-in-network'
  /** Stock exists, but none of it can reach the incident (or all that can reach was sent here). */
  | 'unreachable'
  /** Stock that could reach was sent to more urgent incidents. */
  | 'taken-by-higher-priority'
  /** Stock that could reach went to incidents of the same priority (the plan cost less that way). */
  | 'taken-by-equal-priority'
  /** Only reserve floors could have covered it, and reserves are hard. */
  | 'reserve-protected';

export type ShortfallReason = {
  incident: string;
  item: string;
  code: ShortfallReasonCode;
  /** Units short: "short by 3". */
  qty: number;
  /** Units of the item held anywhere in the network (floors included). */
  networkStock: number;
  /** Units held by sources that can reach the incident (floors included). */
  reachableStock: number;
  /** Units of reachable sources that went to more urgent incidents. */
  takenByHigherPriority: number;
  /** Units of reachable sources that went to incidents of the same priority. */
  takenByEqualPriority: number;
  /** Reachable floor units left unsent because reserves are hard. */
  protectedReserve: number;
};

export type DispatchExplanation = { lineReasons: LineReason[]; shortfallReasons: ShortfallReason[] };

/**
 * Gives every line and every shortfall of a plan a reason a dispatcher can read, with the numbers
 * behind it. It describes the plan; it does not change it, so the contract's plan shape stays exact.
 */
export function explainDispatchPlan(problem: DispatchProblem, plan: DispatchPlan): DispatchExplanation {
  const { soft } = resolvePolicy(problem);
  const sourceIndex = new Map(problem.sources.map((s, i) => [s.id, i]));
  const priority = new Map(problem.incidents.map((i) => [i.id, i.priority ?? DEFAULT_PRIORITY]));
  const get = (record: Record<string, number> | undefined, key: string): number =>
    record !== undefined && Object.hasOwn(record, key) ? (record[key] ?? 0) : 0;

  const lineReasons = plan.lines.map((line): LineReason => {
    let nearerSources = 0;
    problem.sources.forEach((source, i) => {
      const stock = get(source.stock, line.item);
      if (stock - Math.min(get(source.reserve, line.item), stock) <= 0) return;
      const minutes = pairMinutes(problem, i, line.incident);
      if (minutes !== undefined && minutes < line.minutes) nearerSources++;
    });
    const source = problem.sources[sourceIndex.get(line.source) ?? -1];
    const code: LineReasonCode =
      line.fromReserve > 0
        ? 'drawn-from-reserve'
        : source?.kind === 'partner'
          ? 'partner-call-off'
          : nearerSources === 0
            ? 'nearest-free-stock'
            : 'next-nearest-free-stock';
    return { ...line, code, nearerSources };
  });

  const shortfallReasons = plan.shortfalls.map((shortfall): ShortfallReason => {
    const myPriority = priority.get(shortfall.incident) ?? DEFAULT_PRIORITY;
    let networkStock = 0;
    let reachableStock = 0;
    let protectedReserve = 0;
    const reachable = new Set<string>();
    problem.sources.forEach((source, i) => {
      const stock = get(source.stock, shortfall.item);
      networkStock += stock;
      if (stock === 0 || pairMinutes(problem, i, shortfall.incident) === undefined) return;
      reachable.add(source.id);
      reachableStock += stock;
      if (!soft) protectedReserve += Math.min(get(source.reserve, shortfall.item), stock);
    });
    let takenByHigherPriority = 0;
    let takenByEqualPriority = 0;
    for (const line of plan.lines) {
      if (line.item !== shortfall.item || line.incident === shortfall.incident || !reachable.has(line.source)) continue;
      const other = priority.get(line.incident) ?? DEFAULT_PRIORITY;
      if (other < myPriority) takenByHigherPriority += line.qty;
      else if (other === myPriority) takenByEqualPriority += line.qty;
    }
    const code: ShortfallReasonCode =
      networkStock === 0
        ? 'no-stock-in-network'
        : takenByHigherPriority > 0
          ? 'taken-by-higher-priority'
          : protectedReserve > 0
            ? 'reserve-protected'
            : takenByEqualPriority > 0
              ? 'taken-by-equal-priority'
              : 'unreachable';
    return {
      incident: shortfall.incident,
      item: shortfall.item,
      code,
      qty: shortfall.qty,
      networkStock,
      reachableStock,
      takenByHigherPriority,
      takenByEqualPriority,
      protectedReserve,
    };
  });
  return { lineReasons, shortfallReasons };
}

/** Solves and explains in one call: the contract plan plus a reason per line and per shortfall. */
export function solveDispatchExplained(problem: DispatchProblem): DispatchExplanation & { plan: DispatchPlan } {
  const plan = solveDispatch(problem);
  return { plan, ...explainDispatchPlan(problem, plan) };
}
