import { describe, expect, it } from 'vitest';
import { quarantinedRows, quarantineProblems, toQuarantineBody, type QuarantineDraft } from './quarantine-view.ts';

describe('quarantinedRows', () => {
  it('keeps rows with quarantined units, by node then item', () => {
    const rows = [
      { nodeCode: 'LPS-SW-ZS1', itemCode: 'FOAM', quarantined: 2 },
      { nodeCode: 'LPS-BASE', itemCode: 'GLOVES', quarantined: 0 },
      { nodeCode: 'LPS-BASE', itemCode: 'FOAM', quarantined: 5 },
    ];
    expect(quarantinedRows(rows).map((r) => `${r.nodeCode}/${r.itemCode}`)).toEqual(['LPS-BASE/FOAM', 'LPS-SW-ZS1/FOAM']);
  });
});

describe('quarantine form', () => {
  const draft: QuarantineDraft = { nodeId: 'n1', itemId: 'foam', qty: 3, reason: ' 外观破损 ' };
  it('accepts a whole positive quantity with a reason', () => {
    expect(quarantineProblems(draft)).toEqual([]);
    expect(quarantineProblems(draft, 3)).toEqual([]);
  });
  it('names what is missing and refuses more than the direction can draw on', () => {
    expect(quarantineProblems({ qty: 0, reason: '' })).toEqual(['node', 'item', 'qty', 'reason']);
    expect(quarantineProblems(draft, 2)).toEqual(['too-many']);
  });
  it('takes a named asset one unit at a time', () => {
    const unit = { kind: 'asset' as const, itemId: 'foam', assetId: 'a1', lotId: null, label: 'A1' };
    expect(quarantineProblems({ ...draft, unit })).toEqual(['asset-qty']);
    expect(quarantineProblems({ ...draft, qty: 1, unit })).toEqual([]);
  });
  it('builds the body with a trimmed reason and the lot when one was named', () => {
    expect(toQuarantineBody(draft)).toEqual({ nodeId: 'n1', reason: '外观破损', lines: [{ itemId: 'foam', qty: 3 }] });
    expect(toQuarantineBody({ ...draft, unit: { kind: 'lot', itemId: 'foam', lotId: 'l1', label: 'L1' } }).lines).toEqual([
      { itemId: 'foam', qty: 3, lotId: 'l1' },
    ]);
  });
});
