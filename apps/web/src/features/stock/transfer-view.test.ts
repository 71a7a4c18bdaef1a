import { describe, expect, it } from 'vitest';
import { actionsFor, batchActionsFor, batchFailureOf, numberFilterOf, receiveLinesOf, transfersPath } from './transfer-view.ts';

describe('transfer actions by state', () => {
  it('follows the state machine', () => {
    expect(actionsFor('draft')).toEqual(['start-picking', 'ship', 'cancel']);
    expect(actionsFor('picking')).toEqual(['ship', 'cancel']);
    expect(actionsFor('in-transit')).toEqual(['receive-all', 'receive-part']);
    expect(actionsFor('received')).toEqual([]);
    expect(actionsFor('unknown')).toEqual([]);
  });
});

describe('batchActionsFor', () => {
  const of = (...states: string[]) => batchActionsFor(states.map((state) => ({ state })));

  it('offers only what every selected transfer allows', () => {
    expect(of('draft')).toEqual(['start-picking', 'ship', 'cancel']);
    expect(of('draft', 'picking')).toEqual(['ship', 'cancel']);
    expect(of('in-transit', 'in-transit')).toEqual(['receive-all']);
  });

  it('never offers a partial receipt, which needs a form per transfer', () => {
    expect(of('in-transit')).not.toContain('receive-part');
  });

  it('offers nothing for an empty selection or a mix with nothing in common', () => {
    expect(of()).toEqual([]);
    expect(of('draft', 'in-transit')).toEqual([]);
    expect(of('draft', 'unknown')).toEqual([]);
  });

  it('offers no state change once a finished transfer, selected to reprint its note, is in the selection', () => {
    expect(of('received')).toEqual([]);
    expect(of('cancelled')).toEqual([]);
    expect(of('partially-received')).toEqual([]);
    expect(of('received', 'cancelled')).toEqual([]);
    expect(of('draft', 'received')).toEqual([]);
    expect(of('picking', 'cancelled')).toEqual([]);
    expect(of('in-transit', 'in-transit', 'received')).toEqual([]);
  });
});

describe('transfersPath', () => {
  it('keeps the number filter in the query, so a link opens the list filtered to one transfer', () => {
    expect(transfersPath({ number: 'TR-2026-000001' })).toBe('/stock/transfers?number=TR-2026-000001');
    expect(transfersPath({ number: '  TR-2026-0  ' })).toBe('/stock/transfers?number=TR-2026-0');
  });

  it('leaves the query out without a number', () => {
    expect(transfersPath({})).toBe('/stock/transfers');
    expect(transfersPath({ number: undefined })).toBe('/stock/transfers');
    expect(transfersPath({ number: '   ' })).toBe('/stock/transfers');
  });

  it('encodes what a query would misread', () => {
    expect(transfersPath({ number: 'TR&x=1 #2' })).toBe('/stock/transfers?number=TR%26x%3D1+%232');
  });

  it('keeps the created days in the query beside the number, so a reloaded or shared link shows the same days', () => {
    expect(transfersPath({ number: 'TR-2026', createdFrom: '2026-03-01', createdTo: '2026-03-31' })).toBe(
      '/stock/transfers?number=TR-2026&createdFrom=2026-03-01&createdTo=2026-03-31',
    );
    expect(transfersPath({ createdTo: '2026-03-31' })).toBe('/stock/transfers?createdTo=2026-03-31');
    expect(transfersPath({ number: ' ', createdFrom: '', createdTo: undefined })).toBe('/stock/transfers');
  });
});

describe('numberFilterOf', () => {
  it('reads the number back from the query the list path writes', () => {
    for (const number of ['TR-2026-000001', 'tr-2026', 'TR&x=1 #2']) {
      const path = transfersPath({ number, createdFrom: '2026-03-01' });
      expect(numberFilterOf(new URLSearchParams(path.slice(path.indexOf('?') + 1))), number).toBe(number);
    }
  });

  it('trims, and gives undefined when the number is absent or blank', () => {
    expect(numberFilterOf(new URLSearchParams('number=%20TR-2026-000001%20'))).toBe('TR-2026-000001');
    expect(numberFilterOf(new URLSearchParams(''))).toBeUndefined();
    expect(numberFilterOf(new URLSearchParams('number='))).toBeUndefined();
    expect(numberFilterOf(new URLSearchParams('number=+++'))).toBeUndefined();
    expect(numberFilterOf(new URLSearchParams('state=draft'))).toBeUndefined();
  });
});

describe('batchFailureOf', () => {
  const numbers = ['TR-0001', 'TR-0002', 'TR-0003'];

  it('names the transfer at the index the server reports and drops the index from the message', () => {
    expect(
      batchFailureOf(
        { message: 'Transfer 1: A transfer in state cancelled cannot ship', details: { transfer: 1, state: 'cancelled' } },
        numbers,
      ),
    ).toEqual({ number: 'TR-0002', message: 'A transfer in state cancelled cannot ship' });
    expect(batchFailureOf({ message: 'Transfer 0: out of scope', details: { transfer: 0 } }, numbers)).toEqual({
      number: 'TR-0001',
      message: 'out of scope',
    });
  });

  it('keeps a message that does not start with that index unchanged', () => {
    expect(batchFailureOf({ message: 'Node not in scope', details: { transfer: 2 } }, numbers)).toEqual({
      number: 'TR-0003',
      message: 'Node not in scope',
    });
  });

  it('blames the only transfer of a batch of one, which carries no index', () => {
    expect(
      batchFailureOf({ message: 'A transfer in state received cannot ship', details: { state: 'received' } }, ['TR-0009']),
    ).toEqual({
      number: 'TR-0009',
      message: 'A transfer in state received cannot ship',
    });
  });

  it('names no transfer when the index is missing, out of range or not an integer', () => {
    for (const details of [undefined, null, 'x', {}, { transfer: 3 }, { transfer: -1 }, { transfer: 0.5 }, { transfer: '1' }]) {
      expect(batchFailureOf({ message: 'Transfer 1: boom', details }, numbers)).toEqual({
        number: undefined,
        message: 'Transfer 1: boom',
      });
    }
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
