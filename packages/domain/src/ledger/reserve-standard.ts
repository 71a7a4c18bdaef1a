/** A node's standard for one item: keep at least `minReserve`, aim for `target`. */
export type ReserveStandard = { nodeId: string; itemId: string; minReserve: number; target: number };

/**
 * Spares for units in service at a backup ratio "in-service:spare" (e.g. "5:1"): spares round up,
 * as GA 621 requires — 11 suits at 5:1 need 3 spares, not 2.
 */
export function sparesFor(inService: number, backupRatio: string): number {
  const match = /^(\d+):(\d+)$/.exec(backupRatio);
  if (!match) throw new Error(`Backup ratio must look like "5:1", got "${backupRatio}"`);
  const per = Number(match[1]);
  const spare = Number(match[2]);
  if (per === 0) throw new Error('Backup ratio cannot have 0 units in service');
  return Math.ceil((inService * spare) / per);
}

export type Shortfall = ReserveStandard & { available: number; belowMinimum: number; toTarget: number };

/** Compares availability with the standard: how far below the minimum and how much to reach the target. */
export function shortfallAgainst(standard: ReserveStandard, available: number): Shortfall {
  return {
    ...standard,
    available,
    belowMinimum: Math.max(0, standard.minReserve - available),
    toTarget: Math.max(0, standard.target - available),
  };
}

export type ReplenishmentProposal = { fromNodeId: string; toNodeId: string; itemId: string; qty: number };

/**
 * Proposes transfers up the hierarchy for every shortfall: each short node asks its parent supplier
 * (station ← sub-warehouse ← base) for what it needs to reach the target, as far as the supplier has
 * stock above its own minimum. Needs are served by node id order, so the result is deterministic.
 */
export function proposeReplenishment(
  shortfalls: readonly Shortfall[],
  supplierOf: (nodeId: string) => string | null,
  freeAboveMinimum: (nodeId: string, itemId: string) => number,
): ReplenishmentProposal[] {
  const remaining = new Map<string, number>();
  const proposals: ReplenishmentProposal[] = [];
  const ordered = [...shortfalls]
    .filter((s) => s.toTarget > 0)
    .sort((a, b) =>
      a.nodeId !== b.nodeId ? (a.nodeId < b.nodeId ? -1 : 1) : a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0,
    );
  for (const s of ordered) {
    let supplier = supplierOf(s.nodeId);
    let need = s.toTarget;
    const seen = new Set<string>([s.nodeId]);
    while (supplier && need > 0 && !seen.has(supplier)) {
      seen.add(supplier);
      const key = `${supplier}|${s.itemId}`;
      const free = remaining.get(key) ?? freeAboveMinimum(supplier, s.itemId);
      const qty = Math.min(need, Math.max(0, free));
      if (qty > 0) {
        proposals.push({ fromNodeId: supplier, toNodeId: s.nodeId, itemId: s.itemId, qty });
        need -= qty;
      }
      remaining.set(key, free - qty);
      supplier = supplierOf(supplier);
    }
  }
  return proposals;
}
