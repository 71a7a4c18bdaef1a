import { describe, expect, it } from 'vitest';
import type { StockRow } from '@zhanqin/contracts';
import { availabilityChartOption, standardStatus } from './stock-view.ts';

const row = (code: string, available: number, minReserve: number | null, target: number | null): StockRow => ({
  nodeId: 'n1', nodeCode: 'LPS-BASE', nodeNameZh: '基地', nodeNameEn: 'Base', nodeType: 'base',
  itemId: `i-${code}`, itemCode: code, itemNameZh: `物资${code}`, itemNameEn: `Item ${code}`, unitZh: '件', unitEn: 'pc', tracking: 'bulk',
  onHand: available + 2, reserved: 2, inTransit: 0, quarantined: 0, available, minReserve, target, isPartnerStock: false,
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
  const labels = { available: '可用', onHand: '在库', minReserve: '最低储备', target: '目标' };
  it('puts items below the minimum first and keeps series aligned with the axis', () => {
    const option = availabilityChartOption([row('B', 10, 5, 10), row('A', 1, 5, 10), row('C', 6, 5, 10)], labels, 'zh-CN');
    expect(option.xAxis.data).toEqual(['物资A', '物资C', '物资B']);
    expect(option.series[0]?.data.map((d) => (d as { value: number }).value)).toEqual([1, 6, 10]);
    expect(option.series[2]?.data).toEqual([5, 5, 5]);
    expect(option.series.map((s) => s.name)).toEqual(['可用', '在库', '最低储备', '目标']);
  });
  it('uses English names and caps the number of items', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(String(i).padStart(2, '0'), 10, 1, 2));
    const option = availabilityChartOption(rows, labels, 'en', 15);
    expect(option.xAxis.data).toHaveLength(15);
    expect(option.xAxis.data[0]).toBe('Item 00');
  });
});
