import {
  DEFAULT_PRIORITY,
  DEFAULT_RESERVE_PENALTY_MINUTES,
  DEFAULT_RESERVE_POLICY,
  type DispatchIncident,
} from './dispatch-problem.ts';

/**
 * A dispatch problem read into integer indices and typed arrays, in one pass over the input.
 *
 * Sources are numbered in input order (holes of a sparse array skipped) and ranked by id; incidents
 * are numbered in id order (code-unit `<`); items are interned, the demanded ones first (0..D−1).
 */
export type CompiledDispatchProblem = {
  soft: boolean;
  penalty: number;
  sourceIds: string[];
  /** Source numbers in id order. */
  sourcesById: Int32Array;
  /** Incidents in id order, as given (their demand records are read again for shortfalls). */
  incidents: DispatchIncident[];
  priority: Int32Array;
  itemIds: string[];
  itemIndex: Map<string, number>;
  /** Items with demand > 0 somewhere are 0..demandedCount−1. */
  demandedCount: number;
  /** `demand[item * k + j]`, demanded items only. */
  demand: Float64Array;
  /** `minutes[s * k + j]` = lead + travel, NaN when unreachable. */
  minutes: Float64Array;
  /** Holders of each demanded item, in source id order: `holderStart[item]..holderStart[item + 1]`. */
  holderStart: Int32Array;
  holderSource: Int32Array;
  holderStock: Float64Array;
  /** Floor units of the holding (reserve clamped to the stock). */
  holderFloor: Float64Array;
};

const MAX = Number.MAX_SAFE_INTEGER;

/** The checks of `validateDispatchProblem`, one property at a time, without building paths or messages. */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isMinutes = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
/** −1 when the value is not a contract quantity (integer, 0 ≤ q ≤ MAX_SAFE_INTEGER). */
const quantity = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX ? value : -1;

/**
 * Reads and checks a problem in one pass. Returns undefined as soon as anything breaks the contract
 * — exactly when `validateDispatchProblem` would report an issue (same checks, same float sums for
 * the per-item totals); the caller then runs the validator for the full list of issues. Keeping the
 * cheap path free of issue strings is what makes validation almost free for valid input.
 */
export function compileDispatchProblem(input: unknown): CompiledDispatchProblem | undefined {
  if (!isRecord(input)) return undefined;

  // Policy.
  let soft = DEFAULT_RESERVE_POLICY === 'soft';
  let penalty = DEFAULT_RESERVE_PENALTY_MINUTES;
  const policy = input.policy;
  if (policy !== undefined) {
    if (!isRecord(policy)) return undefined;
    const reserve = policy.reserve;
    if (reserve !== undefined && reserve !== 'hard' && reserve !== 'soft') return undefined;
    if (reserve !== undefined) soft = reserve === 'soft';
    const p = policy.reservePenaltyMinutes;
    if (p !== undefined) {
      if (!isMinutes(p)) return undefined;
      penalty = p;
    }
  }

  // Incidents: ids, priorities, demand; demanded items are interned first.
  const rawIncidents = input.incidents;
  const rawSources = input.sources;
  const travel = input.travelMinutes;
  if (!Array.isArray(rawIncidents) || !Array.isArray(rawSources) || !isRecord(travel)) return undefined;
  const itemIndex = new Map<string, number>();
  const itemIds: string[] = [];
  const demandTotals: number[] = [];
  const incidentList: DispatchIncident[] = [];
  const incidentSeen = new Set<string>();
  for (let t = 0; t < rawIncidents.length; t++) {
    const raw: unknown = rawIncidents[t];
    if (raw === undefined && !(t in rawIncidents)) continue; // a hole, skipped like forEach does
    if (!isRecord(raw)) return undefined;
    const id = raw.id;
    if (typeof id !== 'string' || id.length === 0 || incidentSeen.has(id)) return undefined;
    incidentSeen.add(id);
    const priority = raw.priority;
    if (priority !== undefined && !(typeof priority === 'number' && Number.isSafeInteger(priority) && priority >= 1))
      return undefined;
    const demand = raw.demand;
    if (!isRecord(demand)) return undefined;
    const itemKeys = Object.keys(demand);
    for (let x = 0; x < itemKeys.length; x++) {
      const item = itemKeys[x] as string;
      const qty = quantity(demand[item]);
      if (qty < 0) return undefined;
      if (qty === 0) continue;
      let it = itemIndex.get(item);
      if (it === undefined) {
        it = itemIds.length;
        itemIndex.set(item, it);
        itemIds.push(item);
        demandTotals.push(0);
      }
      demandTotals[it] = (demandTotals[it] as number) + qty;
    }
    incidentList.push(raw as DispatchIncident);
  }
  for (const total of demandTotals) if (total > MAX) return undefined;
  const demandedCount = itemIds.length;
  const incidents = incidentList.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const k = incidents.length;
  const incidentIndex = new Map<string, number>();
  const priority = new Int32Array(k);
  const demand = new Float64Array(demandedCount * k);
  for (let j = 0; j < k; j++) {
    const incident = incidents[j] as DispatchIncident;
    incidentIndex.set(incident.id, j);
    priority[j] = incident.priority ?? DEFAULT_PRIORITY;
    const d = incident.demand;
    const itemKeys = Object.keys(d);
    for (let x = 0; x < itemKeys.length; x++) {
      const item = itemKeys[x] as string;
      const qty = d[item] as number;
      if (qty > 0) demand[(itemIndex.get(item) as number) * k + j] = qty;
    }
  }

  // Sources: ids, lead times, stock and reserve; holdings of demanded items are kept, per source.
  const sourceIds: string[] = [];
  const sourceIndex = new Map<string, number>();
  const lead: number[] = [];
  const stockTotals: number[] = new Array<number>(demandedCount).fill(0);
  const reserveValue = new Float64Array(demandedCount);
  const reserveStamp = new Int32Array(demandedCount); // source number + 1 that set reserveValue
  // Holdings of demanded items, flat, per source in input order (typed arrays grown by doubling).
  let entryCap = 1024;
  let entryItem = new Int32Array(entryCap);
  let entryStock = new Float64Array(entryCap);
  let entryFloor = new Float64Array(entryCap);
  let entries = 0;
  const entryStart: number[] = [0];
  for (let index = 0; index < rawSources.length; index++) {
    const raw: unknown = rawSources[index];
    if (raw === undefined && !(index in rawSources)) continue;
    if (!isRecord(raw)) return undefined;
    const id = raw.id;
    if (typeof id !== 'string' || id.length === 0 || sourceIndex.has(id)) return undefined;
    const s = sourceIds.length;
    sourceIndex.set(id, s);
    sourceIds.push(id);
    if (raw.kind !== undefined && typeof raw.kind !== 'string') return undefined;
    const leadMinutes = raw.leadMinutes;
    if (leadMinutes !== undefined && !isMinutes(leadMinutes)) return undefined;
    lead.push(leadMinutes ?? 0);
    const reserve = raw.reserve;
    if (reserve !== undefined) {
      if (!isRecord(reserve)) return undefined;
      const itemKeys = Object.keys(reserve);
      for (let x = 0; x < itemKeys.length; x++) {
        const item = itemKeys[x] as string;
        const qty = quantity(reserve[item]);
        if (qty < 0) return undefined;
        if (qty === 0) continue;
        const it = itemIndex.get(item);
        if (it !== undefined && it < demandedCount) {
          reserveValue[it] = qty;
          reserveStamp[it] = s + 1;
        }
      }
    }
    const stock = raw.stock;
    if (!isRecord(stock)) return undefined;
    const itemKeys = Object.keys(stock);
    for (let x = 0; x < itemKeys.length; x++) {
      const item = itemKeys[x] as string;
      const qty = quantity(stock[item]);
      if (qty < 0) return undefined;
      if (qty === 0) continue;
      let it = itemIndex.get(item);
      if (it === undefined) {
        it = itemIds.length;
        itemIndex.set(item, it);
        itemIds.push(item);
        stockTotals.push(0);
      }
      stockTotals[it] = (stockTotals[it] as number) + qty;
      if (it < demandedCount) {
        if (entries === entryCap) {
          entryCap *= 2;
          const items = new Int32Array(entryCap);
          items.set(entryItem);
          entryItem = items;
          const stocks = new Float64Array(entryCap);
          stocks.set(entryStock);
          entryStock = stocks;
          const floors = new Float64Array(entryCap);
          floors.set(entryFloor);
          entryFloor = floors;
        }
        entryItem[entries] = it;
        entryStock[entries] = qty;
        entryFloor[entries] = reserveStamp[it] === s + 1 ? Math.min(reserveValue[it] as number, qty) : 0;
        entries++;
      }
    }
    entryStart.push(entries);
  }
  for (const total of stockTotals) if (total > MAX) return undefined;
  const n = sourceIds.length;

  // Travel minutes: every row and pair must name a known source and incident.
  const minutes = new Float64Array(n * k).fill(Number.NaN);
  const sourceIdKeys = Object.keys(travel);
  for (let x = 0; x < sourceIdKeys.length; x++) {
    const sourceId = sourceIdKeys[x] as string;
    const s = sourceIndex.get(sourceId);
    if (s === undefined) return undefined;
    const row = travel[sourceId];
    if (!isRecord(row)) return undefined;
    const sourceLead = lead[s] as number;
    const incidentIdKeys = Object.keys(row);
    for (let x = 0; x < incidentIdKeys.length; x++) {
      const incidentId = incidentIdKeys[x] as string;
      const j = incidentIndex.get(incidentId);
      if (j === undefined) return undefined;
      const value = row[incidentId];
      // Unreachable pairs may be written as Infinity, or as null (JSON's rendering of Infinity).
      if (value === null || value === Number.POSITIVE_INFINITY) continue;
      if (!isMinutes(value)) return undefined;
      minutes[s * k + j] = sourceLead + value;
    }
  }

  // Source ranks by id (the default sort compares code units), then holders bucketed per item in
  // that order: a counting sort over the flat holdings.
  const sortedIds = sourceIds.slice().sort();
  const sourcesById = new Int32Array(n);
  for (let r = 0; r < n; r++) sourcesById[r] = sourceIndex.get(sortedIds[r] as string) as number;
  const holderStart = new Int32Array(demandedCount + 1);
  for (let e = 0; e < entries; e++) holderStart[(entryItem[e] as number) + 1]!++;
  for (let it = 0; it < demandedCount; it++) holderStart[it + 1] = (holderStart[it + 1] as number) + (holderStart[it] as number);
  const fill = holderStart.slice(0, demandedCount);
  const total = entries;
  const holderSource = new Int32Array(total);
  const holderStock = new Float64Array(total);
  const holderFloor = new Float64Array(total);
  for (let r = 0; r < n; r++) {
    const s = sourcesById[r] as number;
    for (let e = entryStart[s] as number, end = entryStart[s + 1] as number; e < end; e++) {
      const it = entryItem[e] as number;
      const at = fill[it] as number;
      fill[it] = at + 1;
      holderSource[at] = s;
      holderStock[at] = entryStock[e] as number;
      holderFloor[at] = entryFloor[e] as number;
    }
  }

  return {
    soft,
    penalty,
    sourceIds,
    sourcesById,
    incidents,
    priority,
    itemIds,
    itemIndex,
    demandedCount,
    demand,
    minutes,
    holderStart,
    holderSource,
    holderStock,
    holderFloor,
  };
}
