/** Stock counts: keys of count lines, scans that add one, differences. */
import type { CodeLookup } from './api/stock.api.ts';

export type CountLineLike = {
  itemId: string;
  lotId: string | null;
  assetId: string | null;
  expected: number;
  counted: number | null;
};

export const countKeyOf = (line: { itemId: string; lotId?: string | null; assetId?: string | null }) =>
  `${line.itemId}|${line.lotId ?? ''}|${line.assetId ?? ''}`;

/** What a scan counts: an asset, a lot of an item, or an item's line. */
export type CountScan = { itemId: string; assetId?: string | null; lotId?: string | null };

/**
 * Reads a code look-up as what it counts. A node code counts nothing (`not-countable`); a document
 * number (the QR of a transfer note) is told apart so the user learns why it did not count.
 */
export function countScanOf(
  found: CodeLookup,
): { ok: true; scan: CountScan } | { ok: false; problem: 'not-countable' | 'document' } {
  switch (found.kind) {
    case 'asset':
      return { ok: true, scan: { itemId: found.asset.itemId, assetId: found.asset.id, lotId: found.asset.lotId } };
    case 'lot': {
      const lot = found.lots[0];
      return lot ? { ok: true, scan: { itemId: lot.itemId, lotId: lot.id } } : { ok: false, problem: 'not-countable' };
    }
    case 'item':
      return { ok: true, scan: { itemId: found.itemId } };
    case 'document':
      return { ok: false, problem: 'document' };
    case 'node':
      return { ok: false, problem: 'not-countable' };
  }
}

/**
 * Applies a scanned asset to the counted figures: the asset's own line (serialised stock is counted
 * per asset) gets 1, otherwise the item's line without lot gets one more. Returns the key counted, or
 * undefined when the count has no line for it.
 */
export function applyScan(
  lines: readonly CountLineLike[],
  counted: ReadonlyMap<string, number>,
  scanned: CountScan,
): { counted: Map<string, number>; key: string | undefined } {
  const next = new Map(counted);
  const byAsset = scanned.assetId ? lines.find((l) => l.assetId === scanned.assetId) : undefined;
  if (byAsset) {
    const key = countKeyOf(byAsset);
    next.set(key, 1);
    return { counted: next, key };
  }
  const byItem = lines.find(
    (l) => l.itemId === scanned.itemId && !l.assetId && (scanned.lotId ? l.lotId === scanned.lotId : true),
  );
  if (!byItem) return { counted: next, key: undefined };
  const key = countKeyOf(byItem);
  next.set(key, (next.get(key) ?? byItem.counted ?? 0) + 1);
  return { counted: next, key };
}

/** Counted minus expected; undefined while the line is not counted. */
export function differenceOf(line: CountLineLike, counted: ReadonlyMap<string, number>): number | undefined {
  const value = counted.get(countKeyOf(line)) ?? line.counted;
  return value === null || value === undefined ? undefined : value - line.expected;
}
