import { describe, expect, it } from 'vitest';
import { adjustmentProblems, balanceAfter, toAdjustmentBody, type AdjustmentDraft } from './adjustment-form.ts';

const gloves: AdjustmentDraft = { nodeId: 'n1', itemId: 'gloves', tracking: 'bulk', qty: -3, reason: ' 受潮损坏 ' };
const foamLot = { kind: 'lot' as const, itemId: 'foam', lotId: 'l1', label: 'L-2026' };
const helmetAsset = { kind: 'asset' as const, itemId: 'helmet', assetId: 'a1', lotId: null, label: 'LPS-000123' };

describe('adjustmentProblems', () => {
  it('accepts a signed correction with a reason', () => {
    expect(adjustmentProblems(gloves)).toEqual([]);
    expect(adjustmentProblems({ ...gloves, qty: 5 })).toEqual([]);
  });
  it('names every missing field, and refuses a zero or fractional quantity', () => {
    expect(adjustmentProblems({ qty: 0, reason: '  ' })).toEqual(['node', 'item', 'qty', 'reason']);
    expect(adjustmentProblems({ ...gloves, qty: 1.5 })).toEqual(['qty']);
    expect(adjustmentProblems({ ...gloves, qty: null })).toEqual(['qty']);
  });
  it('asks for the lot when adding to a lot-tracked item, not when removing', () => {
    const foam: AdjustmentDraft = { ...gloves, itemId: 'foam', tracking: 'lot', qty: 2 };
    expect(adjustmentProblems(foam)).toEqual(['lot']);
    expect(adjustmentProblems({ ...foam, unit: foamLot })).toEqual([]);
    expect(adjustmentProblems({ ...foam, qty: -2 })).toEqual([]);
  });
  it('refuses to add serialised units (a receipt gives them codes) and removes a named asset one at a time', () => {
    const helmet: AdjustmentDraft = { ...gloves, itemId: 'helmet', tracking: 'serialised', qty: 1 };
    expect(adjustmentProblems(helmet)).toEqual(['serialised-add']);
    expect(adjustmentProblems({ ...helmet, qty: -1, unit: helmetAsset })).toEqual([]);
    expect(adjustmentProblems({ ...helmet, qty: -2, unit: helmetAsset })).toEqual(['asset-qty']);
  });
});

describe('toAdjustmentBody', () => {
  it('trims the reason and names the lot or asset only when one was scanned', () => {
    expect(toAdjustmentBody(gloves)).toEqual({ nodeId: 'n1', reason: '受潮损坏', lines: [{ itemId: 'gloves', qty: -3 }] });
    expect(toAdjustmentBody({ ...gloves, itemId: 'foam', qty: 4, unit: foamLot }).lines).toEqual([
      { itemId: 'foam', qty: 4, lotId: 'l1' },
    ]);
    expect(toAdjustmentBody({ ...gloves, itemId: 'helmet', qty: -1, unit: helmetAsset }).lines).toEqual([
      { itemId: 'helmet', qty: -1, assetId: 'a1' },
    ]);
  });
});

describe('balanceAfter', () => {
  it('adds the signed quantity to on hand and available', () => {
    expect(balanceAfter({ onHand: 10, available: 7 }, -2)).toEqual({ onHand: 8, available: 5, exceedsAvailable: false });
    expect(balanceAfter({ onHand: 10, available: 7 }, 3)).toEqual({ onHand: 13, available: 10, exceedsAvailable: false });
  });
  it('warns when a removal is larger than the free stock', () => {
    expect(balanceAfter({ onHand: 10, available: 7 }, -8).exceedsAvailable).toBe(true);
  });
});
