/** A scanned or typed code turned into the lot or asset a stock line names. Pure, tested. */
import type { CodeLookup } from './api/stock.api.ts';

/** One concrete unit of stock: a lot of an item, or one serialised asset. `label` is what the user scanned or typed. */
export type StockUnit =
  | { kind: 'lot'; itemId: string; lotId: string; label: string }
  | { kind: 'asset'; itemId: string; assetId: string; lotId: string | null; label: string };

/** `not-a-unit`: an item or node code; `document`: a document number (e.g. the QR of a transfer note). */
export type UnitOfCode = { ok: true; unit: StockUnit } | { ok: false; problem: 'other-item' | 'not-a-unit' | 'document' };

/**
 * Reads a code lookup as a unit of the chosen item. With no item chosen yet, any lot or asset is
 * accepted and names the item itself (scanning an asset label fills both). A lot number several
 * items share picks the lot of the chosen item.
 */
export function unitOfLookup(found: CodeLookup, code: string, itemId: string | undefined): UnitOfCode {
  if (found.kind === 'asset') {
    if (itemId && found.asset.itemId !== itemId) return { ok: false, problem: 'other-item' };
    return {
      ok: true,
      unit: {
        kind: 'asset',
        itemId: found.asset.itemId,
        assetId: found.asset.id,
        lotId: found.asset.lotId,
        label: found.asset.code,
      },
    };
  }
  if (found.kind === 'lot') {
    const lot = itemId ? found.lots.find((l) => l.itemId === itemId) : found.lots[0];
    if (!lot) return { ok: false, problem: 'other-item' };
    return { ok: true, unit: { kind: 'lot', itemId: lot.itemId, lotId: lot.id, label: lot.lotNo || code } };
  }
  if (found.kind === 'document') return { ok: false, problem: 'document' };
  return { ok: false, problem: 'not-a-unit' };
}

/** The lot/asset fields of a request line for a unit (none when the server should choose, FEFO or by code). */
export function unitFields(unit: StockUnit | undefined): { lotId?: string; assetId?: string } {
  if (!unit) return {};
  if (unit.kind === 'lot') return { lotId: unit.lotId };
  return { assetId: unit.assetId };
}
