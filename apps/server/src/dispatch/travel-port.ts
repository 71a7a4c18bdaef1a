/** A place that travels to an incident: a node, with its WGS-84 position. */
export type TravelOrigin = { id: string; lat: number; lng: number };
/** Minutes and how they were worked out; null when no estimate is possible. */
export type TravelEstimate = { minutes: number; method: 'graph' | 'great-circle' } | null;

/** Minutes from each origin to a target, from one search per target (see apps/server/src/travel). */
export interface TravelModel {
  minutesTo(target: { lat: number; lng: number }, origins: readonly TravelOrigin[]): Record<string, TravelEstimate>;
  describe(): string;
}
