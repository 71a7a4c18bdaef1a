import { err, ok, type Result } from '../result.ts';

/** Per-unit size of an item. */
export type CargoUnitSize = { weightKg: number; volumeM3: number };
/** What one vehicle carries at most. */
export type VehicleCapacity = { weightKg: number; volumeM3: number };
/** Units of one item to move on one route (e.g. a plan line, or lines merged per source → incident). */
export type CargoLine = { item: string; qty: number };

export type VehicleLoad = { items: Record<string, number>; weightKg: number; volumeM3: number };

export type VehicleLoading = {
  vehicles: VehicleLoad[];
  /** A proven lower bound on the number of vehicles any loading needs. */
  lowerBound: number;
  /** vehicles.length − lowerBound: 0 means the loading is proven optimal. */
  gap: number;
};

export type VehicleLoadingError =
  | { code: 'unknown-item'; item: string }
  | { code: 'invalid-size'; item: string }
  | { code: 'invalid-capacity' }
  | { code: 'invalid-quantity'; item: string }
  | { code: 'unit-exceeds-vehicle'; item: string }
  | { code: 'too-many-vehicles'; needed: number; limit: number };

// Sizes are fractional (kg, m³): a unit "fits" when it exceeds the room by no more than this.
const EPSILON = 1e-9;

/**
 * Loads cargo onto identical vehicles, each limited by weight and volume, with first-fit decreasing
 * (units sorted by their larger relative size), and reports a proven lower bound so the gap is known.
 * Units of one item are placed in bulk, which gives exactly the unit-by-unit first-fit result.
 */
export function loadVehicles(
  cargo: readonly CargoLine[],
  sizes: Readonly<Record<string, CargoUnitSize>>,
  capacity: VehicleCapacity,
  options: { maxVehicles?: number } = {},
): Result<VehicleLoading, VehicleLoadingError> {
  const limit = options.maxVehicles ?? 10_000;
  const { weightKg: W, volumeM3: V } = capacity;
  if (!(Number.isFinite(W) && W > 0 && Number.isFinite(V) && V > 0)) return err({ code: 'invalid-capacity' });

  const quantities = new Map<string, number>();
  for (const line of cargo) {
    if (!Number.isSafeInteger(line.qty) || line.qty < 0) return err({ code: 'invalid-quantity', item: line.item });
    if (line.qty > 0) quantities.set(line.item, (quantities.get(line.item) ?? 0) + line.qty);
  }
  const groups: { item: string; qty: number; w: number; v: number; size: number }[] = [];
  for (const [item, qty] of quantities) {
    const size = Object.hasOwn(sizes, item) ? sizes[item] : undefined;
    if (size === undefined) return err({ code: 'unknown-item', item });
    const { weightKg: w, volumeM3: v } = size;
    if (!(Number.isFinite(w) && w >= 0 && Number.isFinite(v) && v >= 0)) return err({ code: 'invalid-size', item });
    if (w > W + EPSILON || v > V + EPSILON) return err({ code: 'unit-exceeds-vehicle', item });
    groups.push({ item, qty, w, v, size: Math.max(w / W, v / V) });
  }
  groups.sort((a, b) => b.size - a.size || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));

  const lowerBound = Math.max(
    martelloTothL2(
      groups.map((g) => ({ size: g.w, qty: g.qty })),
      W,
    ),
    martelloTothL2(
      groups.map((g) => ({ size: g.v, qty: g.qty })),
      V,
    ),
  );
  if (lowerBound > limit) return err({ code: 'too-many-vehicles', needed: lowerBound, limit });

  const fitCount = (w: number, v: number, roomW: number, roomV: number): number =>
    Math.min(w === 0 ? Infinity : Math.floor((roomW + EPSILON) / w), v === 0 ? Infinity : Math.floor((roomV + EPSILON) / v));

  const vehicles: VehicleLoad[] = [];
  for (const group of groups) {
    let left = group.qty;
    for (const vehicle of vehicles) {
      if (left === 0) break;
      const take = Math.min(left, fitCount(group.w, group.v, W - vehicle.weightKg, V - vehicle.volumeM3));
      if (take <= 0) continue;
      vehicle.items[group.item] = (vehicle.items[group.item] ?? 0) + take;
      vehicle.weightKg += take * group.w;
      vehicle.volumeM3 += take * group.v;
      left -= take;
    }
    const perVehicle = Math.min(left, fitCount(group.w, group.v, W, V));
    while (left > 0) {
      if (vehicles.length >= limit)
        return err({ code: 'too-many-vehicles', needed: vehicles.length + Math.ceil(left / perVehicle), limit });
      const take = Math.min(left, perVehicle);
      vehicles.push({ items: { [group.item]: take }, weightKg: take * group.w, volumeM3: take * group.v });
      left -= take;
    }
  }
  return ok({ vehicles, lowerBound, gap: vehicles.length - lowerBound });
}

/**
 * Martello & Toth's L2 bound for one-dimensional bin packing (it dominates ⌈Σ size / capacity⌉):
 * for a threshold α ≤ C/2, units above C − α need a bin each, units in (C/2, C − α] too, and the
 * units in [α, C/2] must fit into what those bins leave plus extra bins.
 */
export function martelloTothL2(units: readonly { size: number; qty: number }[], capacity: number): number {
  const total = units.reduce((sum, u) => sum + u.size * u.qty, 0);
  let best = Math.max(0, Math.ceil(total / capacity - EPSILON));
  const half = capacity / 2;
  const thresholds = new Set<number>([0]);
  for (const u of units) if (u.size <= half + EPSILON) thresholds.add(u.size);
  for (const alpha of thresholds) {
    let n1 = 0;
    let n2 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (const { size, qty } of units) {
      if (size > capacity - alpha + EPSILON) n1 += qty;
      else if (size > half + EPSILON) {
        n2 += qty;
        sum2 += size * qty;
      } else if (size >= alpha - EPSILON) sum3 += size * qty;
    }
    const extra = Math.max(0, Math.ceil((sum3 - (n2 * capacity - sum2)) / capacity - EPSILON));
    best = Math.max(best, n1 + n2 + extra);
  }
  return best;
}
