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

export type ChartLabels = { available: string; minReserve: string; target: string; onHand: string };

/**
 * The bar chart of one node: available and on hand per item against the minimum reserve and target
 * (drawn as line markers). Items below the minimum come first; at most `limit` items.
 */
export function availabilityChartOption(rows: readonly StockRow[], labels: ChartLabels, language: 'zh-CN' | 'en', limit = 15) {
  const ordered = [...rows]
    .sort((a, b) => {
      const rank = (r: StockRow) => (standardStatus(r) === 'below-minimum' ? 0 : standardStatus(r) === 'below-target' ? 1 : 2);
      return rank(a) - rank(b) || a.itemCode.localeCompare(b.itemCode);
    })
    .slice(0, limit);
  const names = ordered.map((r) => (language === 'en' ? r.itemNameEn : r.itemNameZh) || r.itemCode);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.available, labels.onHand, labels.minReserve, labels.target] },
    grid: { left: 48, right: 16, top: 36, bottom: 90 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 35, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.available,
        type: 'bar',
        data: ordered.map((r) => ({
          value: r.available,
          // Below minimum is also told by the table's icon and text; the colour only repeats it.
          itemStyle: { color: standardStatus(r) === 'below-minimum' ? '#cf1322' : '#1677ff', decal: standardStatus(r) === 'below-minimum' ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.8 } : undefined },
        })),
      },
      { name: labels.onHand, type: 'bar', data: ordered.map((r) => r.onHand), itemStyle: { color: '#91caff' } },
      { name: labels.minReserve, type: 'line', step: 'middle', symbol: 'diamond', data: ordered.map((r) => r.minReserve), itemStyle: { color: '#fa8c16' }, lineStyle: { type: 'dashed' } },
      { name: labels.target, type: 'line', step: 'middle', symbol: 'triangle', data: ordered.map((r) => r.target), itemStyle: { color: '#389e0d' }, lineStyle: { type: 'dotted' } },
    ],
    aria: { enabled: true, decal: { show: true } },
  };
}
