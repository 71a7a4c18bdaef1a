import { describe, expect, it } from 'vitest';
import { documentPageOf, isTransferLike } from './document-view.ts';

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
  it('sends a transfer to the transfers page and a dispatch to the dispatch page', () => {
    expect(documentPageOf('transfer')).toEqual({ path: '/stock/transfers', name: 'transfers' });
    expect(documentPageOf('dispatch')).toEqual({ path: '/dispatch', name: 'dispatch' });
  });
  it('names no page for other kinds', () => {
    expect(documentPageOf('receipt')).toBeUndefined();
    expect(documentPageOf('count')).toBeUndefined();
  });
});
