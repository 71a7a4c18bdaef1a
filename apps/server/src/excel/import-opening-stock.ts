import type { ReceiptCreate } from '@zhanqin/contracts';
import { isNodeInScope, requireAction, type Actor } from '../auth/actor.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { recordReceipts } from '../ledger/record-receipt.ts';
import { loadWorkbook, readOpeningStock, type OpeningRow, type RowError } from './read-opening-stock.ts';

/** At most this many errors are listed; `errorCount` still counts them all. */
const MAX_LISTED_ERRORS = 1000;

export type OpeningReceiptPreview = {
  nodeCode: string;
  lines: number;
  units: number;
  assets: number;
  documentId?: string;
  number?: string;
};
export type OpeningImportResult = {
  ok: boolean;
  dryRun: boolean;
  /** data rows read from the sheet */
  rows: number;
  errorCount: number;
  errors: RowError[];
  /** one opening receipt per node: what would be posted (dry run) or what was */
  receipts: OpeningReceiptPreview[];
};

type NodeRow = { id: string; code: string; organisation_path: string };
type ItemRow = { id: string; code: string; tracking: 'serialised' | 'lot' | 'bulk' | 'kit' };

/**
 * Imports opening stock (期初库存) from the template workbook. Every row is checked — codes,
 * types, dates, serial counts, duplicate serials in the file and in the database, lot rules — and
 * the whole file is refused while any row has a problem. Posting writes one opening receipt per
 * node through `recordReceipts`, as one batch in one transaction: every receipt posts, or none does.
 */
export async function importOpeningStock(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  bytes: Buffer,
  options: { dryRun: boolean },
): Promise<OpeningImportResult> {
  requireAction(actor, 'stock.write');
  const workbook = await loadWorkbook(bytes);
  const { rows, errors } = readOpeningStock(workbook);
  const dataRows = rows.length + new Set(errors.map((e) => e.row)).size;

  const nodes = await byCode<NodeRow>(
    deps.db,
    'SELECT n.id, n.code, o.path AS organisation_path FROM node n JOIN organisation o ON o.id = n.organisation_id WHERE n.code = ANY ($1::text[])',
    rows.map((r) => r.nodeCode),
  );
  const outOfScope = [...nodes.values()]
    .filter((n) => !isNodeInScope(actor, { id: n.id, organisationPath: n.organisation_path }))
    .map((n) => n.code);
  if (outOfScope.length) {
    throw new AppError('FORBIDDEN_SCOPE', `The file names node(s) outside your scope: ${outOfScope.join(', ')}`, {
      nodeCodes: outOfScope,
      action: 'stock.write',
    });
  }
  const items = await byCode<ItemRow>(
    deps.db,
    'SELECT id, code, tracking FROM item WHERE code = ANY ($1::text[])',
    rows.map((r) => r.itemCode),
  );
  errors.push(...(await checkRows(deps.db, rows, nodes, items)));
  errors.sort((a, b) => a.row - b.row);

  const receipts = receiptsByNode(rows, nodes, items);
  const result: OpeningImportResult = {
    ok: errors.length === 0,
    dryRun: options.dryRun,
    rows: dataRows,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    receipts: receipts.map((r) => r.preview),
  };
  if (options.dryRun) return result;
  if (!result.ok) throw new AppError('UNPROCESSABLE', `The file has ${errors.length} problem(s); nothing was posted`, result);

  const posted = (
    await recordReceipts(
      deps,
      actor,
      receipts.map((r) => ({ input: r.input })),
    )
  ).map((p) => p.document);
  return {
    ...result,
    receipts: receipts.map((r, i) => ({ ...r.preview, documentId: posted[i]!.id, number: posted[i]!.number })),
  };
}

async function byCode<T extends { code: string }>(db: Queryable, sql: string, codes: string[]): Promise<Map<string, T>> {
  const rows = await db.query<T>(sql, [[...new Set(codes)]]);
  return new Map(rows.map((r) => [r.code, r]));
}

/** The rules a receipt would enforce, checked per row up front so the preview lists every problem at once. */
async function checkRows(
  db: Queryable,
  rows: OpeningRow[],
  nodes: Map<string, NodeRow>,
  items: Map<string, ItemRow>,
): Promise<RowError[]> {
  const errors: RowError[] = [];
  const seenSerials = new Map<string, number>();
  const lotDates = new Map<string, { row: number; producedOn: string | null; expiresOn: string | null }>();
  for (const r of rows) {
    const fail = (column: RowError['column'], message: string) => errors.push({ row: r.row, column, message });
    if (!nodes.has(r.nodeCode)) fail('nodeCode', `node ${r.nodeCode} does not exist`);
    const item = items.get(r.itemCode);
    if (!item) {
      fail('itemCode', `item ${r.itemCode} does not exist`);
      continue;
    }
    const serialised = item.tracking === 'serialised' || (item.tracking === 'kit' && r.serials.length > 0);
    if (serialised) {
      if (r.serials.length === 0) fail('serials', `${item.code} is serialised: list one serial per unit, separated by commas`);
      else if (r.serials.length !== r.qty) fail('serials', `qty ${r.qty} but ${r.serials.length} serial(s)`);
      if (item.tracking === 'serialised' && (r.lotNo || r.producedOn || r.expiresOn))
        fail('lotNo', `${item.code} is serialised: it carries serials, not a lot`);
      for (const s of r.serials) {
        const key = `${item.id}|${s}`;
        const first = seenSerials.get(key);
        if (first !== undefined) fail('serials', `serial ${s} appears twice (also on row ${first})`);
        else seenSerials.set(key, r.row);
      }
    } else if (r.serials.length) {
      fail('serials', `${item.code} is tracked by ${item.tracking}, not by serial: leave serials empty`);
    }
    if (item.tracking === 'lot' && !r.lotNo) fail('lotNo', `${item.code} is tracked by lot: give lotNo`);
    if (!r.lotNo && (r.producedOn || r.expiresOn)) fail('lotNo', 'producedOn and expiresOn belong to a lot: give lotNo too');
    if (r.producedOn && r.expiresOn && r.expiresOn < r.producedOn)
      fail('expiresOn', `the lot expires (${r.expiresOn}) before it was produced (${r.producedOn})`);
    if (r.lotNo) {
      const key = `${item.id}|${r.lotNo}`;
      const earlier = lotDates.get(key);
      if (
        earlier &&
        ((r.producedOn && earlier.producedOn && r.producedOn !== earlier.producedOn) ||
          (r.expiresOn && earlier.expiresOn && r.expiresOn !== earlier.expiresOn))
      ) {
        fail('lotNo', `lot ${r.lotNo} has other dates on row ${earlier.row}`);
      } else if (!earlier) lotDates.set(key, { row: r.row, producedOn: r.producedOn, expiresOn: r.expiresOn });
    }
  }

  // Against the database: serials already registered, lots already known with other dates.
  const serialKeys = [...seenSerials.entries()].map(([key, row]) => ({ itemId: key.slice(0, 36), serial: key.slice(37), row }));
  for (let i = 0; i < serialKeys.length; i += 5000) {
    const chunk = serialKeys.slice(i, i + 5000);
    const taken = await db.query<{ item_id: string; serial_no: string; code: string }>(
      'SELECT a.item_id, a.serial_no, a.code FROM asset a JOIN unnest($1::uuid[], $2::text[]) AS k(item_id, serial_no) ON a.item_id = k.item_id AND a.serial_no = k.serial_no',
      [chunk.map((k) => k.itemId), chunk.map((k) => k.serial)],
    );
    for (const t of taken) {
      const row = seenSerials.get(`${t.item_id}|${t.serial_no}`)!;
      errors.push({ row, column: 'serials', message: `serial ${t.serial_no} is already registered (asset ${t.code})` });
    }
  }
  const lots = [...lotDates.entries()].map(([key, v]) => ({ itemId: key.slice(0, 36), lotNo: key.slice(37), ...v }));
  if (lots.length) {
    const known = await db.query<{ item_id: string; lot_no: string; produced_on: string | null; expires_on: string | null }>(
      'SELECT l.item_id, l.lot_no, l.produced_on, l.expires_on FROM lot l JOIN unnest($1::uuid[], $2::text[]) AS k(item_id, lot_no) ON l.item_id = k.item_id AND l.lot_no = k.lot_no',
      [lots.map((l) => l.itemId), lots.map((l) => l.lotNo)],
    );
    for (const k of known) {
      for (const r of rows) {
        const item = items.get(r.itemCode);
        if (!item || item.id !== k.item_id || r.lotNo !== k.lot_no) continue;
        if (
          (r.producedOn && k.produced_on && r.producedOn !== k.produced_on) ||
          (r.expiresOn && k.expires_on && r.expiresOn !== k.expires_on)
        ) {
          errors.push({
            row: r.row,
            column: 'lotNo',
            message: `lot ${k.lot_no} is already registered with other dates (${k.produced_on ?? '–'} – ${k.expires_on ?? '–'})`,
          });
        }
      }
    }
  }
  return errors;
}

/** Groups valid rows into one opening receipt per node, in the order nodes first appear. */
function receiptsByNode(rows: OpeningRow[], nodes: Map<string, NodeRow>, items: Map<string, ItemRow>) {
  const byNode = new Map<string, { preview: OpeningReceiptPreview; input: ReceiptCreate }>();
  for (const r of rows) {
    const node = nodes.get(r.nodeCode);
    const item = items.get(r.itemCode);
    if (!node || !item) continue;
    let receipt = byNode.get(node.code);
    if (!receipt) {
      receipt = {
        preview: { nodeCode: node.code, lines: 0, units: 0, assets: 0 },
        input: { nodeId: node.id, source: 'opening', reference: 'opening stock import 期初库存导入', lines: [] },
      };
      byNode.set(node.code, receipt);
    }
    const lot = r.lotNo
      ? {
          lotNo: r.lotNo,
          ...(r.producedOn ? { producedOn: r.producedOn } : {}),
          ...(r.expiresOn ? { expiresOn: r.expiresOn } : {}),
        }
      : undefined;
    receipt.input.lines.push({
      itemId: item.id,
      qty: r.qty,
      ...(lot ? { lot } : {}),
      ...(r.serials.length ? { serials: r.serials } : {}),
    });
    receipt.preview.lines++;
    receipt.preview.units += r.qty;
    receipt.preview.assets += r.serials.length;
  }
  return [...byNode.values()];
}
