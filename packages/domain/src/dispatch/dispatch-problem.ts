/**
 * The solver contract of SPEC §4: what the server hands the dispatch solver and what it gets back.
 * These shapes are stable — the CLI, the HTTP route and other tools depend on them field by field.
 */

export type ItemId = string;
export type SourceId = string;
export type IncidentId = string;

export type DispatchSource = {
  id: SourceId;
  /** Free text; `'partner'` marks a partner enterprise (its lines are explained as call-offs). */
  kind?: string;
  /** Minutes before the source can load and leave; added to every travel time. Default 0. */
  leadMinutes?: number;
  /** Sendable units per item, integers ≥ 0, the reserve floor included. */
  stock: Record<ItemId, number>;
  /**
   * Units per item kept for the source's own area. The first `stock − reserve` units are free;
   * units beyond them come from the floor. A floor above the stock is allowed (a depleted node):
   * then every sendable unit is a floor unit.
   */
  reserve?: Record<ItemId, number>;
};

export type DispatchIncident = {
  id: IncidentId;
  /** Integer ≥ 1; 1 is the most urgent. Default 3. Equal priorities are equal. */
  priority?: number;
  /** Units wanted per item, integers ≥ 0. */
  demand: Record<ItemId, number>;
};

export type ReservePolicy = 'hard' | 'soft';

export type DispatchProblem = {
  sources: DispatchSource[];
  incidents: DispatchIncident[];
  /**
   * Travel minutes from each source to each incident. A pair is reachable when it holds a finite
   * number ≥ 0; a missing pair, `Infinity` or `null` (what JSON makes of Infinity) is unreachable.
   */
  travelMinutes: Record<SourceId, Record<IncidentId, number>>;
  policy?: {
    /** `hard` (default): nothing below a floor is sent. `soft`: floor units cost a penalty. */
    reserve?: ReservePolicy;
    /** Extra cost per floor unit, in unit-minutes; finite ≥ 0, default 120, used in soft mode only. */
    reservePenaltyMinutes?: number;
  };
};

export type DispatchLine = {
  source: SourceId;
  incident: IncidentId;
  item: ItemId;
  /** Integer > 0. */
  qty: number;
  /** The source's leadMinutes + travel minutes to the incident. */
  minutes: number;
  /** Units of this line below the source's reserve floor. */
  fromReserve: number;
};

export type DispatchShortfall = { incident: IncidentId; item: ItemId; qty: number };

export type DispatchObjective = {
  /** Units delivered per incident priority, keyed by the priority as a decimal string. */
  deliveredByPriority: Record<string, number>;
  /** Σ qty × minutes over all lines. */
  unitMinutes: number;
  /** Σ fromReserve over all lines. */
  reserveUnits: number;
  /** unitMinutes + reserveUnits × penalty (the penalty counts in soft mode only). */
  cost: number;
};

export type DispatchPlan = {
  lines: DispatchLine[];
  shortfalls: DispatchShortfall[];
  objective: DispatchObjective;
};

export const DEFAULT_PRIORITY = 3;
export const DEFAULT_RESERVE_POLICY: ReservePolicy = 'hard';
export const DEFAULT_RESERVE_PENALTY_MINUTES = 120;
