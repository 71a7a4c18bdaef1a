import { describe, expect, it } from 'vitest';
import type { Shipment } from './api/dispatch.api.ts';
import type { Translate } from '../../lib/i18n/translate.ts';
import { pickCodeOf, pickProgress, shipmentTimeText } from './shipment-status.ts';

const t: Translate = (key, vars = {}) => `${key.split('.').pop()}(${Object.values(vars).join(',')})`;
const at = (iso: string) => Date.parse(iso);
const line = (over: Partial<Shipment['lines'][number]>): Shipment['lines'][number] => ({
  itemId: 'i',
  qty: 1,
  itemCode: 'ITEM',
  itemNameZh: '物资',
  itemNameEn: 'Item',
  assetCode: null,
  lotNo: null,
  picked: false,
  ...over,
});

describe('shipmentTimeText', () => {
  const base = { eta: '2026-01-01T00:10:00Z', travelMinutes: 10, arrivedAt: null };
  it('counts down to the ETA while in transit and says when it is overdue', () => {
    expect(shipmentTimeText({ ...base, state: 'in-transit' }, at('2026-01-01T00:03:00Z'), t, String)).toBe('etaIn(minutes(7))');
    expect(shipmentTimeText({ ...base, state: 'in-transit' }, at('2026-01-01T00:12:00Z'), t, String)).toBe('overdue(minutes(2))');
  });
  it('gives the trip length before departure and the arrival time after', () => {
    expect(shipmentTimeText({ ...base, state: 'picking' }, 0, t, String)).toBe('waiting(minutes(10))');
    expect(shipmentTimeText({ ...base, state: 'delivered', arrivedAt: 'T' }, 0, t, (s) => `at ${s}`)).toBe('arrivedAt(at T)');
  });
});

describe('pick helpers', () => {
  it('counts picked lines', () => {
    expect(pickProgress({ lines: [line({ picked: true }), line({}), line({})] })).toEqual({ picked: 1, total: 3, percent: 33 });
    expect(pickProgress({ lines: [] }).percent).toBe(100);
  });
  it('scans the asset code, else the lot number, else the item code', () => {
    expect(pickCodeOf(line({ assetCode: 'GZ-1', lotNo: 'L1' }))).toBe('GZ-1');
    expect(pickCodeOf(line({ lotNo: 'L1' }))).toBe('L1');
    expect(pickCodeOf(line({}))).toBe('ITEM');
  });
});
