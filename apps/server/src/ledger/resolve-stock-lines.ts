import { pickFefo, type LotStock } from '@zhanqin/domain';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { stockKeyOf } from './ledger.repository.ts';
import type { ItemInfo } from './stock-context.ts';

/** A concrete stock unit a document line draws on. */
export type ResolvedUnit = { line: number; itemId: string; lotId: string | null; assetId: string | null; qty: number };

export type LineRequest = {
  itemId: string;
  qty: number;
  lotId?: string | null;
  assetIds?: string[] | null;
  assetId?: string | null;
};

export type ResolveOptions = {
  /** 'YYYY-MM-DD': expired lots are never picked automatically. */
  today: string;
  /** Also leave out assets overdue for, or failing, a safety inspection (for dispatch). */
  dispatchableOnly?: boolean;
  /** Draw from quarantined stock instead of free stock (write-off, release). */
  fromQuarantine?: boolean;
  /**
   * Kit boxes for a transfer or dispatch: complete packed boxes first, then incomplete packed ones,
   * then loose boxes (kit items received with a code but no recorded contents). Otherwise loose boxes
   * come first, so that documents which may not take a packed box (write-off, issue…) leave them be.
   */
  preferPackedKits?: boolean;
  /**
   * How errors name a line: by default "Line 3" with `{ line: 3 }`; a batch of documents resolved
   * together names the document too ("Transfer 2, line 0" with `{ transfer: 2, line: 0 }`).
   */
  locate?: (index: number) => LineLocation;
};

/** Where a line sits, for error messages and their details. */
export type LineLocation = { label: string; at: Record<string, number> };

const byLine = (index: number): LineLocation => ({ label: `Line ${index}`, at: { line: index } });

/** Kit box order: packed and complete against the module's packing list, packed but short, loose; then by code. */
const isLooseBox = 'k.asset_id IS NULL';
/** SQL: the packed kit `k` holds less of some line than its module's packing list asks for. */
export const isShortBox = `EXISTS (SELECT 1 FROM module_line ml WHERE ml.module_id = k.module_id
  AND ml.qty > (SELECT coalesce(sum(c.qty), 0) FROM kit_content c WHERE c.kit_asset_id = k.asset_id AND c.item_id = ml.item_id))`;
/**
 * SQL: the packed kit `k` holds something that could not be sent on its own — an expired lot, or a unit
 * whose inspection failed or is overdue on `today` (a date parameter). Such a box is not dispatchable
 * until it is repacked, just as its contents would not be.
 */
export const hasUnfitContents = (today: string) => `EXISTS (SELECT 1 FROM kit_content c LEFT JOIN lot cl ON cl.id = c.lot_id
  LEFT JOIN asset ca ON ca.id = c.asset_id WHERE c.kit_asset_id = k.asset_id
  AND (cl.expires_on < ${today} OR ca.last_inspection_result = 'fail' OR ca.next_inspection_due < ${today}))`;
const PACKED_FIRST = `${isLooseBox}, ${isShortBox}, a.code`;
const LOOSE_FIRST = `${isLooseBox} DESC, ${isShortBox} DESC, a.code`;

/**
 * Turns "item × qty (× lot | assets)" lines into the lots and assets at a node that they draw on:
 * named assets are checked, unnamed serialised units are chosen by code, kit boxes in the order
 * `preferPackedKits` describes (then any kit units without codes), lots by first-expiry-first-out. Chosen rows are locked (skipping rows another transaction holds) so two
 * concurrent documents pick different units. Not enough stock → 409 INSUFFICIENT_STOCK with every short line.
 */
export async function resolveStockLines(
  tx: Queryable,
  nodeId: string,
  lines: readonly LineRequest[],
  items: Map<string, ItemInfo>,
  options: ResolveOptions,
): Promise<ResolvedUnit[]> {
  const units: ResolvedUnit[] = [];
  const locate = options.locate ?? byLine;
  const short: (Record<string, number | string> & { itemId: string; itemCode: string; requested: number; available: number })[] =
    [];
  const shortOf = (index: number, itemId: string, itemCode: string, requested: number, available: number) =>
    short.push({ ...locate(index).at, itemId, itemCode, requested, available });
  // What earlier lines of this call took, so that two lines of one item (or two documents of a batch
  // drawing on one node) never pick the same unit twice: assets taken, and units taken per lot.
  const takenAssets = new Set<string>();
  const assetsTakenOfItem = new Map<string, number>();
  const takeAsset = (itemId: string, assetId: string) => {
    takenAssets.add(assetId);
    assetsTakenOfItem.set(itemId, (assetsTakenOfItem.get(itemId) ?? 0) + 1);
  };
  const takenFromLot = new Map<string, number>();
  const takeLot = (lotId: string, qty: number) => takenFromLot.set(lotId, (takenFromLot.get(lotId) ?? 0) + qty);
  const freeExpr = options.fromQuarantine ? 'b.quarantined' : 'b.on_hand - b.reserved - b.quarantined';
  // Untracked (bulk) stock of every line in one read; the CHECK constraints still decide at write time.
  const bulkItems = [
    ...new Set(
      lines.filter((l) => !l.lotId && !l.assetIds && !l.assetId && items.get(l.itemId)!.tracking === 'bulk').map((l) => l.itemId),
    ),
  ];
  const bulkFree = new Map(
    bulkItems.length
      ? (
          await tx.query<{ item_id: string; free: number }>(
            `SELECT b.item_id, ${freeExpr} AS free FROM stock_balance b WHERE b.node_id = $1 AND b.item_id = ANY ($2::uuid[]) AND b.stock_key = $3`,
            [nodeId, bulkItems, stockKeyOf(null, null)],
          )
        ).map((r) => [r.item_id, Number(r.free)])
      : [],
  );

  /** Free untracked units of an item at the node, less what earlier lines of this document took. */
  const untrackedFree = async (itemId: string): Promise<number> => {
    const known = bulkFree.get(itemId);
    if (known !== undefined) return known;
    const [row] = await tx.query<{ free: number }>(
      `SELECT ${freeExpr} AS free FROM stock_balance b WHERE b.node_id = $1 AND b.item_id = $2 AND b.stock_key = $3`,
      [nodeId, itemId, stockKeyOf(null, null)],
    );
    const free = Number(row?.free ?? 0);
    bulkFree.set(itemId, free);
    return free;
  };

  for (const [index, line] of lines.entries()) {
    const item = items.get(line.itemId)!;
    const named = line.assetIds ?? (line.assetId ? [line.assetId] : null);
    const where = locate(index);
    if (named) {
      if (named.length !== line.qty)
        throw new AppError('VALIDATION_FAILED', `${where.label}: qty ${line.qty} but ${named.length} assets named`, where.at);
      if (new Set(named).size !== named.length || named.some((id) => takenAssets.has(id)))
        throw new AppError('VALIDATION_FAILED', `${where.label}: an asset is named twice`, where.at);
      const rows = await tx.query<{ id: string; item_id: string; lot_id: string | null; node_id: string | null; free: number }>(
        `SELECT a.id, a.item_id, a.lot_id, a.node_id, coalesce(${freeExpr}, 0) AS free
           FROM asset a LEFT JOIN stock_balance b ON b.asset_id = a.id AND b.node_id = $2 AND b.item_id = a.item_id AND b.stock_key = a.id
          WHERE a.id = ANY ($1::uuid[])`,
        [named, nodeId],
      );
      for (const assetId of named) {
        const row = rows.find((r) => r.id === assetId);
        if (!row || row.item_id !== line.itemId)
          throw new AppError('REFERENCE_NOT_FOUND', `${where.label}: asset ${assetId} is not a ${item.code}`, {
            ...where.at,
            assetId,
          });
        if (row.node_id !== nodeId || Number(row.free) < 1) {
          shortOf(index, line.itemId, item.code, 1, 0);
          continue;
        }
        takeAsset(line.itemId, assetId);
        units.push({ line: index, itemId: line.itemId, lotId: row.lot_id, assetId, qty: 1 });
      }
      continue;
    }
    if (line.lotId) {
      const [row] = await tx.query<{ item_id: string; free: number | null; expires_on: string | null }>(
        `SELECT l.item_id, l.expires_on, (SELECT ${freeExpr} FROM stock_balance b WHERE b.node_id = $2 AND b.item_id = l.item_id AND b.stock_key = l.id) AS free
           FROM lot l WHERE l.id = $1`,
        [line.lotId, nodeId],
      );
      if (!row || row.item_id !== line.itemId)
        throw new AppError('REFERENCE_NOT_FOUND', `${where.label}: lot ${line.lotId} is not a lot of ${item.code}`, where.at);
      const free = Number(row.free ?? 0) - (takenFromLot.get(line.lotId) ?? 0);
      if (free < line.qty) shortOf(index, line.itemId, item.code, line.qty, Math.max(0, free));
      else {
        takeLot(line.lotId, line.qty);
        units.push({ line: index, itemId: line.itemId, lotId: line.lotId, assetId: null, qty: line.qty });
      }
      continue;
    }
    if (item.tracking === 'serialised' || item.tracking === 'kit') {
      const isKit = item.tracking === 'kit';
      const inspection = options.dispatchableOnly
        ? `AND (a.next_inspection_due IS NULL OR a.next_inspection_due >= $4::date) AND a.last_inspection_result IS DISTINCT FROM 'fail'
           ${isKit ? `AND NOT (k.asset_id IS NOT NULL AND ${hasUnfitContents('$4::date')})` : ''}`
        : '';
      // Units earlier lines took are still free in the balance (their reservation is written later): ask
      // for as many more and leave them out.
      const params: unknown[] = [nodeId, line.itemId, line.qty + (assetsTakenOfItem.get(line.itemId) ?? 0)];
      if (options.dispatchableOnly) params.push(options.today);
      const pick = async () =>
        (
          await tx.query<{ asset_id: string; lot_id: string | null }>(
            `SELECT b.asset_id, b.lot_id FROM stock_balance b JOIN asset a ON a.id = b.asset_id
             ${isKit ? 'LEFT JOIN kit k ON k.asset_id = a.id AND k.unpacked_at IS NULL' : ''}
            WHERE b.node_id = $1 AND b.item_id = $2 AND ${freeExpr} > 0 ${inspection}
            ORDER BY ${isKit ? (options.preferPackedKits ? PACKED_FIRST : LOOSE_FIRST) : 'a.code'} LIMIT $3 FOR UPDATE OF b SKIP LOCKED`,
            params,
          )
        )
          .filter((r) => !takenAssets.has(r.asset_id))
          .slice(0, line.qty);
      // Kits: boxes with their own codes first, then the untracked remainder (kits received without codes).
      const untracked = async (boxes: number) =>
        isKit && boxes < line.qty ? Math.min(line.qty - boxes, Math.max(0, await untrackedFree(line.itemId))) : 0;
      let rows = await pick();
      let rest = await untracked(rows.length);
      if (rows.length + rest < line.qty && (await waitForConcurrentReservations(tx, nodeId, line.itemId))) {
        rows = await pick();
        rest = await untracked(rows.length);
      }
      if (rows.length + rest < line.qty) {
        shortOf(index, line.itemId, item.code, line.qty, rows.length + rest);
        continue;
      }
      for (const r of rows) takeAsset(line.itemId, r.asset_id);
      for (const r of rows) units.push({ line: index, itemId: line.itemId, lotId: r.lot_id, assetId: r.asset_id, qty: 1 });
      if (rest > 0) {
        bulkFree.set(line.itemId, (await untrackedFree(line.itemId)) - rest);
        units.push({ line: index, itemId: line.itemId, lotId: null, assetId: null, qty: rest });
      }
      continue;
    }
    if (item.tracking === 'lot') {
      const fefo = async () => {
        const rows = await tx.query<{ lot_id: string; lot_no: string; expires_on: string | null; free: number }>(
          `SELECT b.lot_id, l.lot_no, l.expires_on, ${freeExpr} AS free FROM stock_balance b JOIN lot l ON l.id = b.lot_id
            WHERE b.node_id = $1 AND b.item_id = $2 AND b.asset_id IS NULL AND ${freeExpr} > 0
            ORDER BY l.expires_on NULLS LAST, l.lot_no FOR UPDATE OF b SKIP LOCKED`,
          [nodeId, line.itemId],
        );
        const lots: LotStock[] = rows.map((r) => ({
          lotId: r.lot_id,
          lotNo: r.lot_no,
          expiresOn: r.expires_on,
          available: Number(r.free) - (takenFromLot.get(r.lot_id) ?? 0),
        }));
        return pickFefo(lots, line.qty, options.fromQuarantine ? '0000-01-01' : options.today);
      };
      let result = await fefo();
      if (result.short > 0 && (await waitForConcurrentReservations(tx, nodeId, line.itemId))) result = await fefo();
      const { picks, short: missing } = result;
      if (missing > 0) shortOf(index, line.itemId, item.code, line.qty, line.qty - missing);
      else
        for (const p of picks) {
          takeLot(p.lotId, p.qty);
          units.push({ line: index, itemId: line.itemId, lotId: p.lotId, assetId: null, qty: p.qty });
        }
      continue;
    }
    // bulk: the untracked remainder
    const free = await untrackedFree(line.itemId);
    bulkFree.set(line.itemId, free - line.qty);
    if (free < line.qty) shortOf(index, line.itemId, item.code, line.qty, Math.max(0, free));
    else units.push({ line: index, itemId: line.itemId, lotId: null, assetId: null, qty: line.qty });
  }
  if (short.length) {
    throw new AppError(
      'INSUFFICIENT_STOCK',
      `Not enough ${options.fromQuarantine ? 'quarantined' : 'free'} stock for ${short.length} line(s)`,
      { short },
    );
  }
  return units;
}

/**
 * On a shortage, waits for any concurrent transaction holding balance rows of the item at the node
 * (by locking them all), so the caller's second look sees committed figures: the shortage is then
 * real, not an artefact of rows skipped while another reservation was still undecided.
 */
async function waitForConcurrentReservations(tx: Queryable, nodeId: string, itemId: string): Promise<boolean> {
  await tx.query('SELECT 1 FROM stock_balance WHERE node_id = $1 AND item_id = $2 ORDER BY stock_key FOR UPDATE', [
    nodeId,
    itemId,
  ]);
  return true;
}

export const toStockLines = (units: readonly ResolvedUnit[]) =>
  units.map((u) => ({ itemId: u.itemId, qty: u.qty, lotId: u.lotId, assetId: u.assetId }));
