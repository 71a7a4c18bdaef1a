import type { StockMovement } from '@zhanqin/domain';
import type { MovementRow } from './ledger.repository.ts';

type UnitRef = { lotId: string | null; assetId: string | null };
const NO_REF: UnitRef = { lotId: null, assetId: null };

/** Adds the lot and asset references to domain movements, from the units they were computed for. */
export function toMovementRows(movements: readonly StockMovement[], units: readonly UnitRef[]): MovementRow[] {
  return toDocumentMovementRows(undefined, movements, units);
}

/**
 * The same, for one document of a batch: each row also names its document. Rows are written as
 * literals (object spread costs ~20× more, and a batch builds thousands of rows).
 */
export function toDocumentMovementRows<D extends string | undefined>(
  documentId: D,
  movements: readonly StockMovement[],
  units: readonly UnitRef[],
): (MovementRow & { documentId: D })[] {
  if (movements.length === 0) return [];
  const refs = new Map<string, UnitRef>();
  for (const u of units) refs.set(u.assetId ?? u.lotId ?? '', u);
  return movements.map((m) => {
    const ref = refs.get(m.stockKey) ?? NO_REF;
    return {
      documentId,
      nodeId: m.nodeId,
      itemId: m.itemId,
      stockKey: m.stockKey,
      bucket: m.bucket,
      delta: m.delta,
      lotId: ref.lotId,
      assetId: ref.assetId,
    };
  });
}
