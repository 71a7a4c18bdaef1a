import { describe, expect, it } from 'vitest';
import type { StockRow } from '@zhanqin/contracts';
import { availabilityChartOption, MAX_BROWSE_OFFSET, pageableTotal, standardStatus } from './stock-view.ts';

const row = (code: string, available: number, minReserve: number | null, target: number | null): StockRow => ({
  nodeId: 'n1',
  nodeCode: 'LPS-BASE',
  nodeNameZh: '基地',
  nodeNameEn: 'Base',
  nodeType: 'base',
  itemId: `i-${code}`,
  itemCode: code,
  itemNameZh: `物资${code}`,
  itemNameEn: `Item ${code}`,
  unitZh: '件',
  unitEn: 'pc',
  tracking: 'bulk',
  onHand: available + 2,
  reserved: 2,
  inTransit: 0,
  quarantined: 0,
  available,
  minReserve,
  target,
  isPartnerStock: false,
});

describe('standardStatus', () => {
  it('compares available with the minimum and the target', () => {
    expect(standardStatus(row('A', 3, 5, 10))).toBe('below-minimum');
    expect(standardStatus(row('A', 5, 5, 10))).toBe('below-target');
    expect(standardStatus(row('A', 10, 5, 10))).toBe('ok');
    expect(standardStatus(row('A', 0, null, null))).toBe('none');
  });
});

describe('availabilityChartOption', () => {
  const labels = { available: '可用', minReserve: '最低储备', target: '目标', unitPercent: '占目标 %' };
  it('shows available as percent of target, below-minimum first, markers aligned with the axis', () => {
    const option = availabilityChartOption(
      [row('B', 10, 5, 10), row('A', 1, 5, 10), row('C', 6, 5, 10), row('N', 3, null, null)],
      labels,
      'zh-CN',
    );
    expect(option.xAxis.data).toEqual(['物资A', '物资C', '物资B']);
    expect(option.series[0]?.data.map((d) => (d as { value: number }).value)).toEqual([10, 60, 100]);
    expect(option.series[1]?.data).toEqual([50, 50, 50]);
    expect(option.series[2]?.data).toEqual([100, 100, 100]);
    expect(option.series.map((s) => s.name)).toEqual(['可用', '最低储备', '目标']);
  });
  it('puts large and small units on one scale, uses English names and caps the number of items', () => {
    const fuel = { ...row('FUEL', 9000, 10000, 20000) };
    const option = availabilityChartOption([fuel, row('H', 40, 40, 80)], labels, 'en');
    expect(option.series[0]?.data.map((d) => (d as { value: number }).value)).toEqual([45, 50]);
    const many = Array.from({ length: 30 }, (_, i) => row(String(i).padStart(2, '0'), 10, 1, 20));
    expect(availabilityChartOption(many, labels, 'en', 15).xAxis.data).toHaveLength(15);
    expect(availabilityChartOption(many, labels, 'en', 15).xAxis.data[0]).toBe('Item 00');
  });
  it('gives figures in units in the tooltip', () => {
    const option = availabilityChartOption([row('A', 1, 5, 10)], labels, 'zh-CN');
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('可用: 1 件 (10%)');
  });
});

describe('pageableTotal', () => {
  it('keeps small totals and stops the pager at the last page the server accepts', () => {
    expect(pageableTotal(285, 50)).toBe(285);
    for (const size of [10, 20, 30, 50, 100]) {
      const pages = Math.ceil(pageableTotal(53_000, size) / size);
      expect((pages - 1) * size).toBeLessThanOrEqual(MAX_BROWSE_OFFSET);
      expect(pages * size).toBeGreaterThan(MAX_BROWSE_OFFSET);
    }
  });
});
