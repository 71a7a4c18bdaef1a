/** Orders shortfalls worst first: below minimum before below target, then by how far below (share of the minimum/target missing), then by units to target. */
export type ShortfallLike = {
  belowMinimum: boolean;
  minReserve: number;
  target: number;
  available: number;
  toTarget: number;
  nodeCode: string;
  itemCode: string;
};

export function severityOf(r: ShortfallLike): number {
  const base = r.belowMinimum ? r.minReserve : r.target;
  return base > 0 ? Math.max(0, base - r.available) / base : 0;
}

export function worstFirst<T extends ShortfallLike>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.belowMinimum) - Number(a.belowMinimum) ||
      severityOf(b) - severityOf(a) ||
      b.toTarget - a.toTarget ||
      a.nodeCode.localeCompare(b.nodeCode) ||
      a.itemCode.localeCompare(b.itemCode),
  );
}
