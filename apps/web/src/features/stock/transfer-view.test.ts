import { describe, expect, it } from 'vitest';
import { actionsFor, receiveLinesOf } from './transfer-view.ts';

describe('transfer actions by state', () => {
  it('follows the state machine', () => {
    expect(actionsFor('draft')).toEqual(['start-picking', 'ship', 'cancel']);
    expect(actionsFor('picking')).toEqual(['ship', 'cancel']);
    expect(actionsFor('in-transit')).toEqual(['receive-all', 'receive-part']);
    expect(actionsFor('received')).toEqual([]);
    expect(actionsFor('unknown')).toEqual([]);
  });
});

describe('receiveLinesOf', () => {
  it('takes the entered quantity per shipped line, clamped to what was shipped, defaulting to all', () => {
    const shipped = [
      { itemId: 'i1', qty: 10, lotId: 'l1', assetId: null },
      { itemId: 'i2', qty: 1, lotId: null, assetId: 'a1' },
      { itemId: 'i3', qty: 5, lotId: null, assetId: null },
    ];
    expect(
      receiveLinesOf(
        shipped,
        new Map([
          [0, 7],
          [1, 0],
          [2, 99],
        ]),
      ),
    ).toEqual([
      { itemId: 'i1', lotId: 'l1', qty: 7 },
      { itemId: 'i2', assetId: 'a1', qty: 0 },
      { itemId: 'i3', qty: 5 },
    ]);
    expect(receiveLinesOf(shipped, new Map())[0]?.qty).toBe(10);
  });
});
