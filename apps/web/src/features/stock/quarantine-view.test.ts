import { describe, expect, it } from 'vitest';
import { quarantinedRows, quarantineProblems, readPages, toQuarantineBody, type QuarantineDraft } from './quarantine-view.ts';

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

describe('readPages', () => {
  /** A list of `size` numbers served `pageSize` at a time, the cursor being the next index. */
  const pages = (size: number, pageSize: number) => {
    const cursors: (string | undefined)[] = [];
    const read = (cursor: string | undefined) => {
      cursors.push(cursor);
      const from = Number(cursor ?? 0);
      const items = Array.from({ length: Math.max(0, Math.min(pageSize, size - from)) }, (_, i) => from + i);
      const next = from + items.length;
      return Promise.resolve({ items, nextCursor: items.length === pageSize ? String(next) : null });
    };
    return { read, cursors };
  };
  it('follows the cursor to the last page', async () => {
    const list = pages(7, 3);
    expect(await readPages(list.read, 100)).toEqual({ rows: [0, 1, 2, 3, 4, 5, 6], capped: false });
    expect(list.cursors).toEqual([undefined, '3', '6']);
  });
  it('stops at the ceiling and says rows were left unread', async () => {
    const list = pages(10, 3);
    expect(await readPages(list.read, 5)).toEqual({ rows: [0, 1, 2, 3, 4, 5], capped: true });
  });
  it('ends on a full last page whose cursor leads to nothing', async () => {
    expect(await readPages(pages(6, 3).read, 100)).toEqual({ rows: [0, 1, 2, 3, 4, 5], capped: false });
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
