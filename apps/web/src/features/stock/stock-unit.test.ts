import { describe, expect, it } from 'vitest';
import type { CodeLookup } from './api/stock.api.ts';
import { documentLookup, helmetLookup, lotLookup } from './fixtures/code-lookups.ts';
import { unitFields, unitOfLookup } from './stock-unit.ts';

// The fixture's helmet lies in a lot; here it is a unit without one.
const helmet: CodeLookup =
  helmetLookup.kind === 'asset' ? { ...helmetLookup, asset: { ...helmetLookup.asset, lotId: null } } : helmetLookup;
const lots = lotLookup;

describe('unitOfLookup', () => {
  it('takes an asset of the chosen item, or names the item when none is chosen yet', () => {
    const expected = { kind: 'asset', itemId: 'helmet', assetId: 'a1', lotId: null, label: 'LPS-000123' };
    expect(unitOfLookup(helmet, 'LPS-000123', 'helmet')).toEqual({ ok: true, unit: expected });
    expect(unitOfLookup(helmet, 'LPS-000123', undefined)).toEqual({ ok: true, unit: expected });
  });
  it('refuses an asset or lot of another item', () => {
    expect(unitOfLookup(helmet, 'LPS-000123', 'foam')).toEqual({ ok: false, problem: 'other-item' });
    expect(unitOfLookup(lots, 'L-2026', 'boots')).toEqual({ ok: false, problem: 'other-item' });
  });
  it('picks the lot of the chosen item when several items share a lot number', () => {
    expect(unitOfLookup(lots, 'L-2026', 'foam')).toEqual({
      ok: true,
      unit: { kind: 'lot', itemId: 'foam', lotId: 'l-foam', label: 'L-2026' },
    });
  });
  it('says an item or node code is not a unit of stock', () => {
    expect(unitOfLookup({ kind: 'item', itemId: 'foam' }, 'FOAM', undefined)).toEqual({ ok: false, problem: 'not-a-unit' });
    expect(unitOfLookup({ kind: 'node', nodeId: 'n1' }, 'LPS-BASE', 'foam')).toEqual({ ok: false, problem: 'not-a-unit' });
  });
  it('says a document number is a document, not a unit of stock', () => {
    expect(unitOfLookup(documentLookup, 'TR-2026-000123', undefined)).toEqual({ ok: false, problem: 'document' });
    expect(unitOfLookup(documentLookup, 'tr-2026-000123', 'helmet')).toEqual({ ok: false, problem: 'document' });
  });
});

describe('unitFields', () => {
  it('sends lotId for a lot, assetId for an asset, nothing when the server chooses', () => {
    expect(unitFields(undefined)).toEqual({});
    expect(unitFields({ kind: 'lot', itemId: 'f', lotId: 'l', label: 'L' })).toEqual({ lotId: 'l' });
    expect(unitFields({ kind: 'asset', itemId: 'h', assetId: 'a', lotId: 'l', label: 'A' })).toEqual({ assetId: 'a' });
  });
});
