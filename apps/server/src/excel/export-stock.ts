import type { StockListQuery, StockRow } from '@zhanqin/contracts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { listStock } from '../ledger/stock-queries.ts';
import { addTableSheet, newWorkbook, workbookBuffer, type ColumnSpec } from './sheet-writer.ts';

/** More rows than a stock sheet is useful for; narrow the filter instead. */
export const MAX_EXPORT_ROWS = 200_000;
const PAGE = 500;

export type StockExportQuery = Omit<StockListQuery, 'limit' | 'offset' | 'cursor'>;

const STOCK_COLUMNS: ColumnSpec<StockRow>[] = [
  { zh: '库存点编码', en: 'Node code', width: 16, kind: 'text', value: (r) => r.nodeCode },
  { zh: '库存点', en: 'Node', width: 24, kind: 'text', value: (r) => r.nodeNameZh },
  { zh: '类型', en: 'Node type', width: 14, kind: 'text', value: (r) => r.nodeType },
  { zh: '物资编码', en: 'Item code', width: 18, kind: 'text', value: (r) => r.itemCode },
  { zh: '物资名称', en: 'Item (Chinese)', width: 26, kind: 'text', value: (r) => r.itemNameZh },
  { zh: '英文名称', en: 'Item (English)', width: 30, kind: 'text', value: (r) => r.itemNameEn },
  { zh: '单位', en: 'Unit', width: 8, kind: 'text', value: (r) => r.unitZh },
  { zh: '管理方式', en: 'Tracking', width: 12, kind: 'text', value: (r) => r.tracking },
  { zh: '在库', en: 'On hand', width: 11, kind: 'integer', value: (r) => r.onHand },
  { zh: '预留', en: 'Reserved', width: 11, kind: 'integer', value: (r) => r.reserved },
  { zh: '在途', en: 'In transit', width: 11, kind: 'integer', value: (r) => r.inTransit },
  { zh: '隔离', en: 'Quarantined', width: 12, kind: 'integer', value: (r) => r.quarantined },
  { zh: '可用', en: 'Available', width: 11, kind: 'integer', value: (r) => r.available },
  { zh: '最低储备', en: 'Min reserve', width: 12, kind: 'integer', value: (r) => r.minReserve },
  { zh: '目标储备', en: 'Target', width: 11, kind: 'integer', value: (r) => r.target },
  { zh: '代储', en: 'Partner stock', width: 12, kind: 'text', value: (r) => (r.isPartnerStock ? '是 yes' : '否 no') },
];

/** The stock view (same filters and scope as GET /stock) as one xlsx sheet, every row rather than one page. */
export async function exportStock(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: StockExportQuery,
  options: { pageSize?: number } = {},
): Promise<Buffer> {
  const pageSize = options.pageSize ?? PAGE;
  const rows: StockRow[] = [];
  // Page by cursor: offsets stop at MAX_LEDGER_OFFSET, and a cursor page costs the same at any depth.
  for (let cursor: string | undefined; ;) {
    const page = await listStock(deps, actor, { ...query, limit: pageSize, ...(cursor ? { cursor } : {}) });
    if (page.total > MAX_EXPORT_ROWS) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `${page.total} stock rows match: more than ${MAX_EXPORT_ROWS} — narrow the filter`,
        { total: page.total, max: MAX_EXPORT_ROWS },
      );
    }
    rows.push(...(page.items as StockRow[]));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const workbook = newWorkbook();
  addTableSheet(workbook, '库存 Stock', STOCK_COLUMNS, rows);
  return workbookBuffer(workbook);
}
