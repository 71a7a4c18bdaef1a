import { isNodeInScope, requireAction, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { toDocument, type StockDocumentRow } from '../ledger/ledger.repository.ts';
import { loadLineReferences, type StoredLine } from '../ledger/line-references.ts';
import { findNodes } from '../nodes/nodes.repository.ts';
import { cjkFont, type CjkFont } from './find-cjk-font.ts';
import { renderTransferNotes } from './render-transfer-notes.ts';
import { transferNoteModel, type NoteLine, type NoteNode } from './transfer-note.ts';

/** The most notes one request renders (a batch of transfers is at most as large). */
export const MAX_NOTES_PER_REQUEST = 200;

type TransferLine = StoredLine & { qty: number; lotId: string | null; assetId: string | null };

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

  const refs = await loadLineReferences(
    deps.db,
    ordered.flatMap((d) => d.lines as StoredLine[]),
  );
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
      lines: (doc.lines as TransferLine[]).map((l): NoteLine => ({
        item: refs.items.get(l.itemId) ?? {
          code: '?',
          nameZh: l.itemId,
          nameEn: l.itemId,
          unitZh: '',
          unitEn: '',
          baseUnitsPerUnit: 1,
        },
        qty: l.qty,
        lot: l.lotId ? (refs.lots.get(l.lotId) ?? null) : null,
        asset: l.assetId ? (refs.assets.get(l.assetId) ?? null) : null,
        kit: l.assetId ? (refs.kits.get(l.assetId) ?? null) : null,
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
