import type { StockMovement } from '@zhanqin/domain';
import type { MovementRow } from './ledger.repository.ts';

/** Adds the lot and asset references to domain movements, from the units they were computed for. */
export function toMovementRows(
  movements: readonly StockMovement[],
  units: readonly { lotId: string | null; assetId: string | null }[],
): MovementRow[] {
  const refs = new Map<string, { lotId: string | null; assetId: string | null }>();
  for (const u of units) refs.set(u.assetId ?? u.lotId ?? '', { lotId: u.lotId, assetId: u.assetId });
  return movements.map((m) => {
    const ref = refs.get(m.stockKey) ?? { lotId: null, assetId: null };
    return { ...m, lotId: ref.lotId, assetId: ref.assetId };
  });
}
