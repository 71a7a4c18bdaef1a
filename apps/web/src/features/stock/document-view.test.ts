import { describe, expect, it } from 'vitest';
import { documentActionsOf, documentPageOf, isTransferLike } from './document-view.ts';

describe('isTransferLike', () => {
  it('holds for transfers and dispatches, which print a transfer note', () => {
    expect(isTransferLike('transfer')).toBe(true);
    expect(isTransferLike('dispatch')).toBe(true);
  });
  it('does not hold for documents that never leave their node', () => {
    for (const kind of ['receipt', 'count', 'adjustment', 'write-off', 'kit-pack', 'nonsense'])
      expect(isTransferLike(kind), kind).toBe(false);
  });
});

describe('documentPageOf', () => {
  it('sends a transfer to the transfers list filtered to its number', () => {
    expect(documentPageOf({ kind: 'transfer', number: 'TR-2026-000042' })).toEqual({
      path: '/stock/transfers?number=TR-2026-000042',
      name: 'transfers',
    });
  });
  it('sends a dispatch to the dispatch page', () => {
    expect(documentPageOf({ kind: 'dispatch', number: 'DP-2026-000007' })).toEqual({ path: '/dispatch', name: 'dispatch' });
  });
  it('names no page for other kinds', () => {
    expect(documentPageOf({ kind: 'receipt', number: 'RC-2026-000001' })).toBeUndefined();
    expect(documentPageOf({ kind: 'count', number: 'CT-2026-000001' })).toBeUndefined();
  });
});

describe('documentActionsOf', () => {
  it('offers a transfer or dispatch what its state allows', () => {
    expect(documentActionsOf({ kind: 'transfer', state: 'in-transit' })).toEqual(['receive-all', 'receive-part']);
    expect(documentActionsOf({ kind: 'dispatch', state: 'draft' })).toEqual(['start-picking', 'ship', 'cancel']);
    expect(documentActionsOf({ kind: 'dispatch', state: 'picking' })).toEqual(['ship', 'cancel']);
  });
  it('offers nothing for a finished transfer', () => {
    expect(documentActionsOf({ kind: 'transfer', state: 'received' })).toEqual([]);
    expect(documentActionsOf({ kind: 'transfer', state: 'cancelled' })).toEqual([]);
  });
  it('offers nothing for documents outside the transfer state machine, whatever their state is called', () => {
    expect(documentActionsOf({ kind: 'receipt', state: 'posted' })).toEqual([]);
    expect(documentActionsOf({ kind: 'count', state: 'draft' })).toEqual([]);
    expect(documentActionsOf({ kind: 'adjustment', state: 'in-transit' })).toEqual([]);
  });
});
