import { isNodeInScope, requireAction, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { toDocument, type StockDocumentRow } from '../ledger/ledger.repository.ts';
import { findNodes } from '../nodes/nodes.repository.ts';
import { cjkFont, type CjkFont } from './find-cjk-font.ts';
import { renderTransferNotes } from './render-transfer-notes.ts';
import { transferNoteModel, type NoteItem, type NoteLine, type NoteNode } from './transfer-note.ts';

/** The most notes one request renders (a batch of transfers is at most as large). */
export const MAX_NOTES_PER_REQUEST = 200;

type StoredLine = { itemId: string; qty: number; lotId: string | null; assetId: string | null };

export type PrintedNotes = { pdf: Buffer; count: number; filename: string };

/**
 * Renders the transfer notes (调拨单) of transfers and dispatches as one PDF, one note per
 * transfer in the order given. A transfer is visible when its source or destination is in the
 * actor's scope (`stock.read`); one that is not is reported as not existing, as by its look-up.
 */
export async function printTransferNotes(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  ids: readonly string[],
  font: () => CjkFont = cjkFont,
): Promise<PrintedNotes> {
  requireAction(actor, 'stock.read');
  if (ids.length === 0 || ids.length > MAX_NOTES_PER_REQUEST)
    throw new AppError('VALIDATION_FAILED', `Print 1 to ${MAX_NOTES_PER_REQUEST} notes at a time`, { field: 'ids' });
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', 'A transfer is named twice', { field: 'ids' });
  const rows = await deps.db.query<StockDocumentRow>('SELECT * FROM stock_document WHERE id = ANY ($1::uuid[])', [ids]);
  const docs = new Map(rows.map((r) => [r.id, toDocument(r)]));
  const nodes = await findNodes(
    deps.db,
    rows.flatMap((r) => [r.node_id, r.to_node_id ?? r.node_id]),
  );
  const visible = (id: string | null) => {
    const node = id ? nodes.get(id) : undefined;
    return node !== undefined && isNodeInScope(actor, node);
  };
  const ordered = ids.map((id) => {
    const doc = docs.get(id);
    if (!doc || (doc.kind !== 'transfer' && doc.kind !== 'dispatch') || !(visible(doc.nodeId) || visible(doc.toNodeId)))
      throw notFound('Transfer', id);
    return doc;
  });

  const lines = ordered.flatMap((d) => d.lines as StoredLine[]);
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const [items, lots, assets, kits] = await Promise.all([
    deps.db.query<{
      id: string;
      code: string;
      name_zh: string;
      name_en: string;
      unit_zh: string;
      unit_en: string;
      base_units_per_unit: number;
    }>('SELECT id, code, name_zh, name_en, unit_zh, unit_en, base_units_per_unit FROM item WHERE id = ANY ($1::uuid[])', [
      unique(lines.map((l) => l.itemId)),
    ]),
    deps.db.query<{ id: string; lot_no: string; expires_on: string | null }>(
      'SELECT id, lot_no, expires_on FROM lot WHERE id = ANY ($1::uuid[])',
      [unique(lines.map((l) => l.lotId))],
    ),
    deps.db.query<{ id: string; code: string; serial_no: string }>(
      'SELECT id, code, serial_no FROM asset WHERE id = ANY ($1::uuid[])',
      [unique(lines.map((l) => l.assetId))],
    ),
    deps.db.query<{ kit_asset_id: string; lines: number; units: number }>(
      'SELECT kit_asset_id, count(*)::int AS lines, sum(qty)::int AS units FROM kit_content WHERE kit_asset_id = ANY ($1::uuid[]) GROUP BY kit_asset_id',
      [unique(lines.map((l) => l.assetId))],
    ),
  ]);
  const itemById = new Map<string, NoteItem>(
    items.map((i) => [
      i.id,
      {
        code: i.code,
        nameZh: i.name_zh,
        nameEn: i.name_en,
        unitZh: i.unit_zh,
        unitEn: i.unit_en,
        baseUnitsPerUnit: Number(i.base_units_per_unit),
      },
    ]),
  );
  const lotById = new Map(lots.map((l) => [l.id, { lotNo: l.lot_no, expiresOn: l.expires_on }]));
  const assetById = new Map(assets.map((a) => [a.id, { code: a.code, serialNo: a.serial_no }]));
  const kitById = new Map(kits.map((k) => [k.kit_asset_id, { lines: k.lines, units: k.units }]));
  const nodeOf = (id: string): NoteNode => {
    const n = nodes.get(id)!;
    return { code: n.code, nameZh: n.nameZh, nameEn: n.nameEn, address: n.address || null };
  };

  const printedAt = deps.clock.now().toISOString();
  const notes = ordered.map((doc) =>
    transferNoteModel({
      kind: doc.kind as 'transfer' | 'dispatch',
      number: doc.number,
      state: doc.state,
      reference: doc.reference,
      from: nodeOf(doc.nodeId),
      to: nodeOf(doc.toNodeId!),
      lines: (doc.lines as StoredLine[]).map((l): NoteLine => ({
        item: itemById.get(l.itemId) ?? {
          code: '?',
          nameZh: l.itemId,
          nameEn: l.itemId,
          unitZh: '',
          unitEn: '',
          baseUnitsPerUnit: 1,
        },
        qty: l.qty,
        lot: l.lotId ? (lotById.get(l.lotId) ?? null) : null,
        asset: l.assetId ? (assetById.get(l.assetId) ?? null) : null,
        kit: l.assetId ? (kitById.get(l.assetId) ?? null) : null,
      })),
      createdByName: doc.createdByName,
      createdAt: doc.createdAt,
      meta: doc.meta,
      printedAt,
    }),
  );
  const pdf = await renderTransferNotes(notes, font());
  const filename = notes.length === 1 ? `transfer-note-${notes[0]!.number}.pdf` : `transfer-notes-${notes.length}.pdf`;
  return { pdf, count: notes.length, filename };
}
