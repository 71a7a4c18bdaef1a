import { describe, expect, it } from 'vitest';
import type { Item } from '@zhanqin/contracts';
import { blankLine, changeLine, itemChange, removeLine, unitChange, type StockLine } from './stock-lines.ts';
import type { StockUnit } from './stock-unit.ts';

const helmet: Item = {
  id: 'helmet',
  code: 'PPE-HELMET',
  categoryId: 'ppe',
  nameZh: '消防头盔',
  nameEn: 'Firefighter helmet',
  unitZh: '顶',
  unitEn: 'pc',
  tracking: 'serialised',
  baseUnitsPerUnit: 1,
  serviceLifeMonths: 60,
  shelfLifeMonths: null,
  inspectionIntervalDays: 365,
  safetyCritical: true,
  storageTempMinC: null,
  storageTempMaxC: null,
  weightKg: 1.4,
  volumeL: null,
  backupRatio: null,
  standardRefs: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const foam: Item = { ...helmet, id: 'foam', code: 'FOAM-AFFF', tracking: 'lot' };
const asset: StockUnit = { kind: 'asset', itemId: 'helmet', assetId: 'a1', lotId: null, label: 'H-0001' };
const lot: StockUnit = { kind: 'lot', itemId: 'foam', lotId: 'l1', label: 'L-2026-01' };

describe('stock lines', () => {
  it('starts a line with no item and one unit', () => {
    expect(blankLine('k1')).toEqual({ key: 'k1', qty: 1 });
  });

  it('changes only the line named by its key', () => {
    const lines: StockLine[] = [blankLine('a'), blankLine('b')];
    expect(changeLine(lines, 'b', { qty: 5 })).toEqual([
      { key: 'a', qty: 1 },
      { key: 'b', qty: 5 },
    ]);
    expect(changeLine(lines, 'missing', { qty: 5 })).toEqual(lines);
  });

  it('drops the unit when another item is chosen, since the unit belonged to the item before', () => {
    const line: StockLine = { key: 'a', item: helmet, unit: asset, qty: 1 };
    expect(changeLine([line], 'a', itemChange(foam))).toEqual([{ key: 'a', item: foam, unit: undefined, qty: 1 }]);
    expect(changeLine([line], 'a', itemChange(undefined))[0]).toMatchObject({ item: undefined, unit: undefined });
  });

  it('sets the quantity to one when an asset is named, and leaves it as typed for a lot', () => {
    const line: StockLine = { key: 'a', item: helmet, qty: 7 };
    expect(changeLine([line], 'a', unitChange(asset))[0]).toMatchObject({ unit: asset, qty: 1 });
    expect(changeLine([{ ...line, item: foam }], 'a', unitChange(lot))[0]).toMatchObject({ unit: lot, qty: 7 });
    expect(changeLine([{ ...line, unit: asset }], 'a', unitChange(undefined))[0]).toMatchObject({ unit: undefined, qty: 7 });
  });

  it('removes a line but always keeps the last one', () => {
    const lines: StockLine[] = [blankLine('a'), blankLine('b')];
    expect(removeLine(lines, 'a')).toEqual([{ key: 'b', qty: 1 }]);
    expect(removeLine([blankLine('b')], 'b')).toEqual([{ key: 'b', qty: 1 }]);
  });
});
