/** Pure helpers of the stock views: standard status, the availability chart option. */
import type { StockRow } from '@zhanqin/contracts';

export type StandardStatus = 'below-minimum' | 'below-target' | 'ok' | 'none';

/** How a row stands against its reserve standard (by available, which is what can be sent). */
export function standardStatus(row: Pick<StockRow, 'available' | 'minReserve' | 'target'>): StandardStatus {
  if (row.minReserve === null && row.target === null) return 'none';
  if (row.minReserve !== null && row.available < row.minReserve) return 'below-minimum';
  if (row.target !== null && row.available < row.target) return 'below-target';
  return 'ok';
}

/** The server pages ledger lists by offset up to this row; deeper pages need its cursor. */
export const MAX_BROWSE_OFFSET = 5_000;

/**
 * The total to give the table's pager: every page whose offset the server accepts, so no page
 * number leads to a refusal. Beyond it people narrow the filters or export to Excel.
 */
export const pageableTotal = (total: number, pageSize: number): number =>
  Math.min(total, MAX_BROWSE_OFFSET - (MAX_BROWSE_OFFSET % pageSize) + pageSize);

export type ChartLabels = { available: string; minReserve: string; target: string; unitPercent: string };

/** Percent of a standard, rounded; items differ by orders of magnitude (litres of fuel, single helmets). */
export const percentOf = (value: number, of: number) => (of > 0 ? Math.round((value / of) * 100) : 0);

/**
 * The bar chart of one node: available as a percentage of the target reserve per item, with the
 * minimum reserve (as a percentage of the target) and the target (100 %) as markers, so fuel in
 * litres and helmets by the piece share one axis. Only items with a target; items below the minimum
 * first; at most `limit` items. The tooltip gives the figures in units.
 */
export function availabilityChartOption(rows: readonly StockRow[], labels: ChartLabels, language: 'zh-CN' | 'en', limit = 15) {
  const rank = (r: StockRow) => (standardStatus(r) === 'below-minimum' ? 0 : standardStatus(r) === 'below-target' ? 1 : 2);
  const ordered = rows
    .filter((r) => r.target !== null && r.target > 0)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        percentOf(a.available, a.target ?? 0) - percentOf(b.available, b.target ?? 0) ||
        a.itemCode.localeCompare(b.itemCode),
    )
    .slice(0, limit);
  const names = ordered.map((r) => (language === 'en' ? r.itemNameEn : r.itemNameZh) || r.itemCode);
  const unitOf = (r: StockRow) => (language === 'en' ? r.unitEn : r.unitZh);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const r = ordered[params[0]?.dataIndex ?? -1];
        if (!r) return '';
        const name = (language === 'en' ? r.itemNameEn : r.itemNameZh) || r.itemCode;
        return `${name}<br/>${labels.available}: ${r.available} ${unitOf(r)} (${percentOf(r.available, r.target ?? 0)}%)<br/>${labels.minReserve}: ${r.minReserve ?? '—'}<br/>${labels.target}: ${r.target}`;
      },
    },
    legend: { top: 0, data: [labels.available, labels.minReserve, labels.target] },
    grid: { left: 56, right: 16, top: 36, bottom: 100 },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: 35, fontSize: 11, width: 120, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: labels.unitPercent, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: labels.available,
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: 'top', formatter: '{c}%', fontSize: 10 },
        data: ordered.map((r) => ({
          value: percentOf(r.available, r.target ?? 0),
          // Below minimum is also told by the table's icon and text, and by a hatched bar; colour only repeats it.
          itemStyle:
            standardStatus(r) === 'below-minimum'
              ? { color: '#cf1322', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.8 } }
              : { color: '#1677ff' },
        })),
      },
      {
        name: labels.minReserve,
        type: 'line',
        symbol: 'diamond',
        symbolSize: 9,
        data: ordered.map((r) => percentOf(r.minReserve ?? 0, r.target ?? 0)),
        itemStyle: { color: '#fa8c16' },
        lineStyle: { opacity: 0 },
      },
      {
        name: labels.target,
        type: 'line',
        symbol: 'none',
        data: ordered.map(() => 100),
        itemStyle: { color: '#389e0d' },
        lineStyle: { type: 'dashed' },
      },
    ],
  };
}
