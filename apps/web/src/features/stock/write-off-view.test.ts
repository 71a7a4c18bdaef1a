import { describe, expect, it } from 'vitest';
import {
  decisionBlock,
  toWriteOffBody,
  unitsOf,
  writeOffProblems,
  writeOffStateColour,
  type WriteOffDraft,
} from './write-off-view.ts';

const approver = (role: string) => role === 'admin' || role === 'logistics-officer';
const asset = { kind: 'asset' as const, itemId: 'hose', assetId: 'a1', lotId: null, label: 'LPS-1' };
const draft: WriteOffDraft = {
  nodeId: 'n1',
  kind: 'scrap',
  reason: ' 水带爆裂 ',
  lines: [
    { key: 'a', itemId: 'hose', qty: 1, unit: asset },
    { key: 'b', itemId: 'gloves', qty: 4 },
  ],
};

describe('write-off states', () => {
  it('colours pending, approved and rejected, and shows unknown states neutral', () => {
    expect(['pending-approval', 'approved', 'rejected', 'archived'].map(writeOffStateColour)).toEqual([
      'warning',
      'success',
      'error',
      'default',
    ]);
  });
});

describe('write-off request', () => {
  it('builds the body: kind, trimmed reason, assets named, other lines left to the server', () => {
    expect(writeOffProblems(draft)).toEqual([]);
    expect(toWriteOffBody(draft)).toEqual({
      nodeId: 'n1',
      kind: 'scrap',
      reason: '水带爆裂',
      lines: [
        { itemId: 'hose', qty: 1, assetId: 'a1' },
        { itemId: 'gloves', qty: 4 },
      ],
    });
  });
  it('names problems per line, including one asset named twice', () => {
    expect(
      writeOffProblems({
        kind: 'write-off',
        reason: '',
        lines: [
          { key: 'a', qty: 0 },
          { key: 'b', itemId: 'hose', qty: 2, unit: asset },
          { key: 'c', itemId: 'hose', qty: 1, unit: asset },
        ],
      }),
    ).toEqual([
      { problem: 'node' },
      { problem: 'reason' },
      { problem: 'item', line: 0 },
      { problem: 'qty', line: 0 },
      { problem: 'asset-qty', line: 1 },
      { problem: 'asset-twice', line: 2 },
    ]);
    expect(writeOffProblems({ ...draft, lines: [] })).toEqual([{ problem: 'lines' }]);
  });
});

describe('decisionBlock', () => {
  const pending = { state: 'pending-approval', createdByName: 'base.keeper' };
  it('lets an approver decide a pending request of someone else', () => {
    expect(decisionBlock(pending, { username: 'lps.logistics', role: 'logistics-officer' }, approver)).toBeUndefined();
  });
  it('blocks decided requests, users without the right, and approving one’s own request (administrators excepted)', () => {
    expect(decisionBlock({ ...pending, state: 'approved' }, { username: 'x', role: 'admin' }, approver)).toBe('not-pending');
    expect(decisionBlock(pending, { username: 'zs1.keeper', role: 'warehouse-keeper' }, approver)).toBe('no-right');
    expect(
      decisionBlock(
        { ...pending, createdByName: 'lps.logistics' },
        { username: 'lps.logistics', role: 'logistics-officer' },
        approver,
      ),
    ).toBe('own-request');
    expect(decisionBlock({ ...pending, createdByName: 'admin' }, { username: 'admin', role: 'admin' }, approver)).toBeUndefined();
  });
});

describe('unitsOf', () => {
  it('sums the quantities of stored lines and tolerates other shapes', () => {
    expect(unitsOf([{ qty: 1 }, { qty: 4 }])).toBe(5);
    expect(unitsOf(null)).toBe(0);
    expect(unitsOf([{ qty: 'x' }])).toBe(0);
  });
});
