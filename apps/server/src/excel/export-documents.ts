import type { DocumentListQuery } from '@zhanqin/contracts';
import { requireAction, type Actor } from '../auth/actor.ts';
import { buildWhere } from '../db/list-query.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { beijingTime, inUnits, STATE_ZH } from '../labels/transfer-note.ts';
import { toDocument, type DocumentKind, type StockDocument, type StockDocumentRow } from '../ledger/ledger.repository.ts';
import { loadLineReferences, type StoredLine } from '../ledger/line-references.ts';
import { documentConditions, DOCUMENTS_FROM } from '../ledger/stock-queries.ts';
import { findNodes } from '../nodes/nodes.repository.ts';
import { addTableSheet, newWorkbook, workbookBuffer, type ColumnSpec } from './sheet-writer.ts';

/** More documents than a register sheet is useful for; narrow the filter (a month, a kind) instead. */
export const MAX_EXPORT_DOCUMENTS = 20_000;

export type DocumentExportQuery = Omit<DocumentListQuery, 'limit' | 'offset' | 'order'>;

export const KIND_ZH: Record<DocumentKind, string> = {
  receipt: '入库单',
  transfer: '调拨单',
  adjustment: '调整单',
  count: '盘点单',
  quarantine: '隔离单',
  release: '解除隔离单',
  'write-off': '报废单',
  dispatch: '调派单',
  issue: '发放单',
  consumption: '消耗单',
  return: '归还单',
  opening: '期初单',
  'kit-pack': '封箱单',
  'kit-unpack': '拆箱单',
};

const STATES: Record<string, string> = {
  ...STATE_ZH,
  posted: '已过账',
  'pending-approval': '待审批',
  approved: '已批准',
  rejected: '已驳回',
  counting: '盘点中',
  submitted: '已提交',
};

type Named = { code: string; name: string };
type DocumentRow = StockDocument & { from: Named; to: Named | null; lineCount: number; missingUnits: number };
type LineRow = {
  doc: DocumentRow;
  itemCode: string;
  itemName: string;
  unit: string;
  lotNo: string;
  expiresOn: string;
  assetCode: string;
  qty: number | null;
};

const metaTime = (doc: StockDocument, key: string) =>
  typeof doc.meta[key] === 'string' ? beijingTime(doc.meta[key] as string) : '';

const DOCUMENT_COLUMNS: ColumnSpec<DocumentRow>[] = [
  { zh: '单号', en: 'Number', width: 18, kind: 'text', value: (d) => d.number },
  { zh: '单据类型', en: 'Kind', width: 12, kind: 'text', value: (d) => `${KIND_ZH[d.kind] ?? d.kind} ${d.kind}` },
  { zh: '状态', en: 'State', width: 16, kind: 'text', value: (d) => STATES[d.state] ?? d.state },
  { zh: '库存点 / 调出', en: 'Node / from', width: 16, kind: 'text', value: (d) => d.from.code },
  { zh: '名称', en: 'Name', width: 24, kind: 'text', value: (d) => d.from.name },
  { zh: '调入', en: 'To', width: 16, kind: 'text', value: (d) => d.to?.code ?? '' },
  { zh: '调入名称', en: 'To name', width: 24, kind: 'text', value: (d) => d.to?.name ?? '' },
  { zh: '事由 / 参考', en: 'Reference', width: 24, kind: 'text', value: (d) => d.reference },
  { zh: '原因', en: 'Reason', width: 20, kind: 'text', value: (d) => d.reason },
  { zh: '制单人', en: 'Created by', width: 14, kind: 'text', value: (d) => d.createdByName },
  { zh: '制单时间', en: 'Created (Beijing)', width: 17, kind: 'text', value: (d) => beijingTime(d.createdAt) },
  { zh: '发运时间', en: 'Shipped', width: 17, kind: 'text', value: (d) => metaTime(d, 'shipAt') },
  { zh: '收货时间', en: 'Received', width: 17, kind: 'text', value: (d) => metaTime(d, 'receivedAt') },
  { zh: '审批人', en: 'Approved by', width: 14, kind: 'text', value: (d) => d.approvedByName ?? '' },
  { zh: '行数', en: 'Lines', width: 8, kind: 'integer', value: (d) => d.lineCount },
  { zh: '短少', en: 'Missing units', width: 10, kind: 'integer', value: (d) => (d.missingUnits ? d.missingUnits : null) },
];

const LINE_COLUMNS: ColumnSpec<LineRow>[] = [
  { zh: '单号', en: 'Number', width: 18, kind: 'text', value: (l) => l.doc.number },
  { zh: '单据类型', en: 'Kind', width: 10, kind: 'text', value: (l) => KIND_ZH[l.doc.kind] ?? l.doc.kind },
  { zh: '库存点 / 调出', en: 'Node / from', width: 16, kind: 'text', value: (l) => l.doc.from.code },
  { zh: '调入', en: 'To', width: 16, kind: 'text', value: (l) => l.doc.to?.code ?? '' },
  { zh: '物资编码', en: 'Item code', width: 18, kind: 'text', value: (l) => l.itemCode },
  { zh: '物资名称', en: 'Item', width: 26, kind: 'text', value: (l) => l.itemName },
  { zh: '批号', en: 'Lot', width: 16, kind: 'text', value: (l) => l.lotNo },
  { zh: '有效期至', en: 'Expires', width: 12, kind: 'text', value: (l) => l.expiresOn },
  { zh: '资产编码', en: 'Asset code', width: 18, kind: 'text', value: (l) => l.assetCode },
  { zh: '数量', en: 'Quantity', width: 11, kind: 'number', value: (l) => l.qty },
  { zh: '单位', en: 'Unit', width: 8, kind: 'text', value: (l) => l.unit },
];

/**
 * The document register (单据台账) as a workbook: one sheet of documents with the list's filters and
 * scope (oldest first), one sheet of their lines — items, lots, asset codes, quantities in the unit
 * printed. Refused (413) beyond MAX_EXPORT_DOCUMENTS documents.
 */
export async function exportDocuments(deps: Pick<Deps, 'db'>, actor: Actor, query: DocumentExportQuery): Promise<Buffer> {
  requireAction(actor, 'stock.read');
  const { whereSql, params } = buildWhere(documentConditions(actor, query));
  const rows = await deps.db.query<StockDocumentRow>(
    `SELECT d.* FROM ${DOCUMENTS_FROM} ${whereSql} ORDER BY d.created_at, d.number LIMIT ${MAX_EXPORT_DOCUMENTS + 1}`,
    params,
  );
  if (rows.length > MAX_EXPORT_DOCUMENTS)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `More than ${MAX_EXPORT_DOCUMENTS} documents match — narrow the filter (dates, kind, node)`,
      {
        max: MAX_EXPORT_DOCUMENTS,
      },
    );
  const docs = rows.map(toDocument);
  const nodes = await findNodes(
    deps.db,
    docs.flatMap((d) => (d.toNodeId ? [d.nodeId, d.toNodeId] : [d.nodeId])),
  );
  const named = (id: string): Named => ({ code: nodes.get(id)?.code ?? id, name: nodes.get(id)?.nameZh ?? '' });
  const linesOf = (d: StockDocument) => (Array.isArray(d.lines) ? (d.lines as StoredLine[]) : []);
  const all = docs.flatMap(linesOf);
  const refs = await loadLineReferences(deps.db, all);

  const documentRows: DocumentRow[] = [];
  const lineRows: LineRow[] = [];
  for (const d of docs) {
    const missing = Array.isArray(d.meta.missing) ? (d.meta.missing as { qty?: unknown }[]) : [];
    const row: DocumentRow = {
      ...d,
      from: named(d.nodeId),
      to: d.toNodeId ? named(d.toNodeId) : null,
      lineCount: linesOf(d).length,
      missingUnits: missing.reduce((s, m) => s + (typeof m.qty === 'number' ? m.qty : 0), 0),
    };
    documentRows.push(row);
    for (const l of linesOf(d)) {
      const item = refs.items.get(l.itemId);
      const lot = l.lotId ? refs.lots.get(l.lotId) : undefined;
      lineRows.push({
        doc: row,
        itemCode: item?.code ?? l.itemId,
        itemName: item?.nameZh ?? '',
        unit: item?.unitZh ?? '',
        lotNo: lot?.lotNo ?? '',
        expiresOn: lot?.expiresOn ?? '',
        assetCode: l.assetId ? (refs.assets.get(l.assetId)?.code ?? '') : '',
        // Counts store expected and counted figures rather than a quantity.
        qty: typeof l.qty === 'number' ? inUnits(l.qty, item?.baseUnitsPerUnit ?? 1) : null,
      });
    }
  }
  const workbook = newWorkbook();
  addTableSheet(workbook, '单据 Documents', DOCUMENT_COLUMNS, documentRows);
  addTableSheet(workbook, '明细 Lines', LINE_COLUMNS, lineRows);
  return workbookBuffer(workbook);
}
