import type { Queryable } from '../db/database.ts';
import { stockKeyOf } from './ledger.repository.ts';

/** One stock unit inside a kit box: an asset (qty 1), a quantity of a lot, or of untracked stock. */
export type KitContent = { kitAssetId: string; itemId: string; lotId: string | null; assetId: string | null; qty: number };

export type KitRecord = {
  assetId: string;
  organisationId: string;
  code: string;
  serialNo: string;
  itemId: string;
  itemCode: string;
  itemNameZh: string;
  itemNameEn: string;
  status: string;
  nodeId: string | null;
  moduleId: string | null;
  moduleCode: string | null;
  packDocumentId: string;
  packNodeId: string;
  packedAt: Date;
  unpackDocumentId: string | null;
  unpackedAt: Date | null;
};

type KitRow = {
  asset_id: string;
  organisation_id: string;
  code: string;
  serial_no: string;
  item_id: string;
  item_code: string;
  item_name_zh: string;
  item_name_en: string;
  status: string;
  node_id: string | null;
  module_id: string | null;
  module_code: string | null;
  pack_document_id: string;
  pack_node_id: string;
  packed_at: Date;
  unpack_document_id: string | null;
  unpacked_at: Date | null;
};

const KIT_SELECT = `SELECT k.asset_id, k.organisation_id, a.code, a.serial_no, a.item_id, i.code AS item_code, i.name_zh AS item_name_zh,
    i.name_en AS item_name_en, a.status, a.node_id, k.module_id, m.code AS module_code, k.pack_document_id, d.node_id AS pack_node_id,
    k.packed_at, k.unpack_document_id, k.unpacked_at
  FROM kit k JOIN asset a ON a.id = k.asset_id JOIN item i ON i.id = a.item_id JOIN stock_document d ON d.id = k.pack_document_id
  LEFT JOIN module_kit m ON m.id = k.module_id`;

const toKit = (r: KitRow): KitRecord => ({
  assetId: r.asset_id,
  organisationId: r.organisation_id,
  code: r.code,
  serialNo: r.serial_no,
  itemId: r.item_id,
  itemCode: r.item_code,
  itemNameZh: r.item_name_zh,
  itemNameEn: r.item_name_en,
  status: r.status,
  nodeId: r.node_id,
  moduleId: r.module_id,
  moduleCode: r.module_code,
  packDocumentId: r.pack_document_id,
  packNodeId: r.pack_node_id,
  packedAt: r.packed_at,
  unpackDocumentId: r.unpack_document_id,
  unpackedAt: r.unpacked_at,
});

/** A kit by its box asset; `forUpdate` locks the box so that no two documents change one kit at once. */
export async function findKit(db: Queryable, assetId: string, options: { forUpdate?: boolean } = {}): Promise<KitRecord | null> {
  const rows = await db.query<KitRow>(`${KIT_SELECT} WHERE k.asset_id = $1${options.forUpdate ? ' FOR UPDATE OF a, k' : ''}`, [
    assetId,
  ]);
  return rows[0] ? toKit(rows[0]) : null;
}

/** Kits whose box is at a node, in code order. */
export async function listKitsAt(db: Queryable, nodeId: string, state: 'packed' | 'unpacked' | 'all'): Promise<KitRecord[]> {
  const rows = await db.query<KitRow>(
    `${KIT_SELECT} WHERE (a.node_id = $1 OR (k.unpacked_at IS NOT NULL AND d.node_id = $1))
       AND ($2::text = 'all' OR ($2::text = 'packed') = (k.unpacked_at IS NULL))
     ORDER BY a.code LIMIT 2000`,
    [nodeId, state],
  );
  return rows.map(toKit);
}

/** The module (packing list) a kit item is packed against: the first by code when several name it. */
export async function findModuleForKitItem(
  db: Queryable,
  kitItemId: string,
): Promise<{ id: string; code: string; lines: { itemId: string; qty: number }[] } | null> {
  const [module] = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM module_kit WHERE kit_item_id = $1 ORDER BY code LIMIT 1',
    [kitItemId],
  );
  if (!module) return null;
  const lines = await db.query<{ item_id: string; qty: number }>(
    'SELECT l.item_id, l.qty FROM module_line l JOIN item i ON i.id = l.item_id WHERE l.module_id = $1 ORDER BY i.code',
    [module.id],
  );
  return { ...module, lines: lines.map((l) => ({ itemId: l.item_id, qty: Number(l.qty) })) };
}

/** The packing lists of some modules, line by line in item code order. */
export async function packingListsOf(db: Queryable, moduleIds: readonly (string | null)[]) {
  const ids = [...new Set(moduleIds.filter((x): x is string => x !== null))];
  if (!ids.length) return [];
  const rows = await db.query<{
    module_id: string;
    item_id: string;
    code: string;
    name_zh: string;
    name_en: string;
    qty: number;
  }>(
    `SELECT l.module_id, l.item_id, i.code, i.name_zh, i.name_en, l.qty FROM module_line l JOIN item i ON i.id = l.item_id
      WHERE l.module_id = ANY ($1::uuid[]) ORDER BY i.code`,
    [ids],
  );
  return rows.map((r) => ({
    moduleId: r.module_id,
    itemId: r.item_id,
    itemCode: r.code,
    itemNameZh: r.name_zh,
    itemNameEn: r.name_en,
    required: Number(r.qty),
  }));
}

/** Registers a packed box and what it holds (units of the same stock key are added up). */
export async function insertKit(
  tx: Queryable,
  kit: { assetId: string; organisationId: string; moduleId: string | null; packDocumentId: string; packedAt: Date },
  contents: readonly Omit<KitContent, 'kitAssetId'>[],
): Promise<void> {
  await tx.query(
    'INSERT INTO kit (asset_id, organisation_id, module_id, pack_document_id, packed_at) VALUES ($1, $2, $3, $4, $5)',
    [kit.assetId, kit.organisationId, kit.moduleId, kit.packDocumentId, kit.packedAt],
  );
  const merged = new Map<string, Omit<KitContent, 'kitAssetId'>>();
  for (const c of contents) {
    const key = `${c.itemId}|${stockKeyOf(c.lotId, c.assetId)}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, qty: seen.qty + c.qty } : { ...c });
  }
  const rows = [...merged.values()];
  await tx.query(
    `INSERT INTO kit_content (organisation_id, kit_asset_id, item_id, lot_id, asset_id, stock_key, qty)
     SELECT $1, $2, c.item_id, c.lot_id, c.asset_id, c.stock_key, c.qty
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::bigint[]) AS c(item_id, lot_id, asset_id, stock_key, qty)`,
    [
      kit.organisationId,
      kit.assetId,
      rows.map((r) => r.itemId),
      rows.map((r) => r.lotId),
      rows.map((r) => r.assetId),
      rows.map((r) => stockKeyOf(r.lotId, r.assetId)),
      rows.map((r) => r.qty),
    ],
  );
  const packedAssets = rows.map((r) => r.assetId).filter((x): x is string => x !== null);
  if (packedAssets.length)
    await tx.query('UPDATE asset SET container_asset_id = $2 WHERE id = ANY ($1::uuid[])', [packedAssets, kit.assetId]);
}

/** Marks a kit opened: the content rows stay as the record of what it held, its assets leave the box. */
export async function markKitUnpacked(tx: Queryable, kitAssetId: string, documentId: string, at: Date): Promise<void> {
  await tx.query('UPDATE kit SET unpack_document_id = $2, unpacked_at = $3 WHERE asset_id = $1', [kitAssetId, documentId, at]);
  await tx.query('UPDATE asset SET container_asset_id = NULL WHERE container_asset_id = $1', [kitAssetId]);
}

/** What the boxes among `assetIds` hold, for those that are still packed (anything else is not a packed kit). */
export async function packedContentsOf(db: Queryable, assetIds: readonly (string | null)[]): Promise<KitContent[]> {
  const ids = [...new Set(assetIds.filter((x): x is string => x !== null))];
  if (!ids.length) return [];
  const rows = await db.query<{
    kit_asset_id: string;
    item_id: string;
    lot_id: string | null;
    asset_id: string | null;
    qty: number;
  }>(
    `SELECT c.kit_asset_id, c.item_id, c.lot_id, c.asset_id, c.qty FROM kit_content c JOIN kit k ON k.asset_id = c.kit_asset_id
      WHERE c.kit_asset_id = ANY ($1::uuid[]) AND k.unpacked_at IS NULL ORDER BY c.kit_asset_id, c.item_id, c.stock_key`,
    [ids],
  );
  return rows.map((r) => ({
    kitAssetId: r.kit_asset_id,
    itemId: r.item_id,
    lotId: r.lot_id,
    assetId: r.asset_id,
    qty: Number(r.qty),
  }));
}

/** The contents of one kit with what a check needs: lot expiry, asset code and inspection state. */
export async function kitContentDetails(db: Queryable, kitAssetIds: readonly string[]) {
  if (!kitAssetIds.length) return [];
  const rows = await db.query<{
    kit_asset_id: string;
    item_id: string;
    item_code: string;
    item_name_zh: string;
    item_name_en: string;
    qty: number;
    lot_id: string | null;
    lot_no: string | null;
    expires_on: string | null;
    asset_id: string | null;
    asset_code: string | null;
    next_inspection_due: string | null;
    last_inspection_result: string | null;
  }>(
    `SELECT c.kit_asset_id, c.item_id, i.code AS item_code, i.name_zh AS item_name_zh, i.name_en AS item_name_en, c.qty,
            c.lot_id, l.lot_no, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on, c.asset_id, a.code AS asset_code,
            to_char(a.next_inspection_due, 'YYYY-MM-DD') AS next_inspection_due, a.last_inspection_result
       FROM kit_content c JOIN item i ON i.id = c.item_id LEFT JOIN lot l ON l.id = c.lot_id LEFT JOIN asset a ON a.id = c.asset_id
      WHERE c.kit_asset_id = ANY ($1::uuid[])
      ORDER BY i.code, l.expires_on NULLS LAST, a.code, c.stock_key`,
    [kitAssetIds],
  );
  return rows.map((r) => ({
    kitAssetId: r.kit_asset_id,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemNameZh: r.item_name_zh,
    itemNameEn: r.item_name_en,
    qty: Number(r.qty),
    lotId: r.lot_id,
    lotNo: r.lot_no,
    expiresOn: r.expires_on,
    assetId: r.asset_id,
    assetCode: r.asset_code,
    nextInspectionDue: r.next_inspection_due,
    lastInspectionResult: r.last_inspection_result,
  }));
}

/**
 * Checks packed kits against the ledger and lists what does not hold, as counts of content rows
 * (an empty list is the consistent answer):
 * - contents the ledger does not hold where their box is: a packed box's units must be reserved at
 *   its node (in transit to it while the box travels);
 * - contents stranded by their box: the box of a packed kit must itself be on hand at its node (or in
 *   transit to it). A box retired, written off, issued or adjusted away while still packed leaves its
 *   contents reserved for nothing. A box lost in transit took its contents with it and is not reported.
 */
export async function kitContentFindings(db: Queryable): Promise<{ column: string; rows: number }[]> {
  const [row] = await db.query<{ uncovered: number; stranded: number }>(
    `WITH packed AS (
       SELECT a.node_id, c.item_id, c.stock_key, CASE WHEN a.status = 'in-transit' THEN 'in_transit' ELSE 'reserved' END AS bucket,
              sum(c.qty) AS qty, count(*) AS rows
         FROM kit k JOIN asset a ON a.id = k.asset_id JOIN kit_content c ON c.kit_asset_id = k.asset_id
        WHERE k.unpacked_at IS NULL AND a.status NOT IN ('retired', 'lost')
        GROUP BY 1, 2, 3, 4)
     SELECT (SELECT coalesce(sum(p.rows), 0)::int FROM packed p
               LEFT JOIN stock_balance b ON b.node_id = p.node_id AND b.item_id = p.item_id AND b.stock_key = p.stock_key
              WHERE p.node_id IS NULL OR coalesce(CASE p.bucket WHEN 'in_transit' THEN b.in_transit ELSE b.reserved END, 0) < p.qty) AS uncovered,
            (SELECT count(*)::int FROM kit k JOIN asset a ON a.id = k.asset_id JOIN kit_content c ON c.kit_asset_id = k.asset_id
              WHERE k.unpacked_at IS NULL
                AND NOT (a.status = 'lost' AND EXISTS (SELECT 1 FROM asset_event e WHERE e.asset_id = a.id AND e.kind = 'lost-in-transit'))
                AND (a.status IN ('retired', 'issued', 'lost') OR NOT EXISTS (
                      SELECT 1 FROM stock_balance b WHERE b.node_id = a.node_id AND b.item_id = a.item_id AND b.stock_key = a.id
                         AND (b.on_hand > 0 OR b.in_transit > 0)))) AS stranded`,
  );
  const found: { column: string; rows: number }[] = [];
  if (row?.uncovered) found.push({ column: 'reserved or in-transit balance where its box is', rows: row.uncovered });
  if (row?.stranded) found.push({ column: 'box of a packed kit no longer in stock', rows: row.stranded });
  return found;
}
