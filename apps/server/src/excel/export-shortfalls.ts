import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { shortfallReport, type ShortfallRow } from '../ledger/reserve-standards.ts';
import { addTableSheet, newWorkbook, workbookBuffer, type ColumnSpec } from './sheet-writer.ts';

const SHORTFALL_COLUMNS: ColumnSpec<ShortfallRow>[] = [
  { zh: '库存点编码', en: 'Node code', width: 16, kind: 'text', value: (r) => r.nodeCode },
  { zh: '类型', en: 'Node type', width: 14, kind: 'text', value: (r) => r.nodeType },
  { zh: '物资编码', en: 'Item code', width: 18, kind: 'text', value: (r) => r.itemCode },
  { zh: '物资名称', en: 'Item (Chinese)', width: 26, kind: 'text', value: (r) => r.itemNameZh },
  { zh: '英文名称', en: 'Item (English)', width: 30, kind: 'text', value: (r) => r.itemNameEn },
  { zh: '可用', en: 'Available', width: 11, kind: 'integer', value: (r) => r.available },
  { zh: '最低储备', en: 'Min reserve', width: 12, kind: 'integer', value: (r) => r.minReserve },
  { zh: '目标储备', en: 'Target', width: 11, kind: 'integer', value: (r) => r.target },
  { zh: '低于最低', en: 'Below minimum', width: 14, kind: 'integer', value: (r) => r.belowMinimum },
  { zh: '距目标', en: 'To target', width: 11, kind: 'integer', value: (r) => r.toTarget },
];

/** The shortfall report against the reserve standard (worst first) as one xlsx sheet. */
export async function exportShortfalls(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  options: { nodeId?: string; onlyBelowMinimum?: boolean },
): Promise<Buffer> {
  const rows = await shortfallReport(deps, actor, options);
  const workbook = newWorkbook();
  addTableSheet(workbook, '储备缺口 Shortfalls', SHORTFALL_COLUMNS, rows);
  return workbookBuffer(workbook);
}
