import { err, ok, type Result } from '../result.ts';

export type Trip = { id: string; minutes: number };
export type VehicleSchedule = { vehicle: string; trips: string[]; minutes: number };

export type TripSpread = {
  vehicles: VehicleSchedule[];
  /** When the last vehicle finishes. */
  makespanMinutes: number;
  /** A proven lower bound on the makespan of any assignment. */
  lowerBoundMinutes: number;
  /** makespanMinutes − lowerBoundMinutes: 0 means proven optimal. */
  gapMinutes: number;
};

export type TripSpreadError =
  { code: 'no-vehicles' } | { code: 'invalid-minutes'; trip: string } | { code: 'duplicate-trip'; trip: string };

/**
 * Spreads trips over vehicles, longest processing time first (each trip, longest first, goes to the
 * vehicle that is free earliest; ties by trip id and vehicle order). LPT is within 4/3 − 1/(3m) of the
 * optimum; the reported lower bound is max(longest trip, total / vehicles, t[m−1] + t[m]).
 */
export function spreadTrips(trips: readonly Trip[], vehicleIds: readonly string[]): Result<TripSpread, TripSpreadError> {
  if (vehicleIds.length === 0) return err({ code: 'no-vehicles' });
  const seen = new Set<string>();
  for (const trip of trips) {
    if (!(Number.isFinite(trip.minutes) && trip.minutes >= 0)) return err({ code: 'invalid-minutes', trip: trip.id });
    if (seen.has(trip.id)) return err({ code: 'duplicate-trip', trip: trip.id });
    seen.add(trip.id);
  }
  const sorted = [...trips].sort((a, b) => b.minutes - a.minutes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const vehicles: VehicleSchedule[] = vehicleIds.map((vehicle) => ({ vehicle, trips: [], minutes: 0 }));
  for (const trip of sorted) {
    let target = vehicles[0] as VehicleSchedule;
    for (const vehicle of vehicles) if (vehicle.minutes < target.minutes) target = vehicle;
    target.trips.push(trip.id);
    target.minutes += trip.minutes;
  }
  const m = vehicles.length;
  const total = sorted.reduce((sum, t) => sum + t.minutes, 0);
  const longest = sorted[0]?.minutes ?? 0;
  // Pigeonhole: two of the m + 1 longest trips share a vehicle.
  const pair = sorted.length > m ? (sorted[m - 1] as Trip).minutes + (sorted[m] as Trip).minutes : 0;
  const lowerBoundMinutes = Math.max(longest, total / m, pair);
  const makespanMinutes = Math.max(...vehicles.map((v) => v.minutes));
  return ok({ vehicles, makespanMinutes, lowerBoundMinutes, gapMinutes: Math.max(0, makespanMinutes - lowerBoundMinutes) });
}
