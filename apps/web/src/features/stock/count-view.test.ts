import { describe, expect, it } from 'vitest';
import { applyScan, countKeyOf, countScanOf, differenceOf } from './count-view.ts';
import { documentLookup, helmetLookup, lotLookup } from './fixtures/code-lookups.ts';

const lines = [
  { itemId: 'suit', lotId: null, assetId: 'a1', expected: 1, counted: null },
  { itemId: 'suit', lotId: null, assetId: 'a2', expected: 1, counted: null },
  { itemId: 'foam', lotId: 'l1', assetId: null, expected: 20, counted: 18 },
  { itemId: 'glove', lotId: null, assetId: null, expected: 5, counted: null },
];

describe('count scans', () => {
  it('marks a scanned asset as present once, however often it is scanned', () => {
    let state = applyScan(lines, new Map(), { itemId: 'suit', assetId: 'a2' });
    state = applyScan(lines, state.counted, { itemId: 'suit', assetId: 'a2' });
    expect(state.key).toBe('suit||a2');
    expect(state.counted.get('suit||a2')).toBe(1);
  });
  it('adds one to an item line per scan, starting from what was already counted', () => {
    let state = applyScan(lines, new Map(), { itemId: 'foam', lotId: 'l1' });
    expect(state.counted.get('foam|l1|')).toBe(19);
    state = applyScan(lines, state.counted, { itemId: 'glove' });
    state = applyScan(lines, state.counted, { itemId: 'glove' });
    expect(state.counted.get('glove||')).toBe(2);
  });
  it('reports a scan the count has no line for', () => {
    expect(applyScan(lines, new Map(), { itemId: 'helmet', assetId: 'zz' }).key).toBeUndefined();
  });
  it('computes differences from entered or stored figures', () => {
    expect(differenceOf(lines[2]!, new Map())).toBe(-2);
    expect(differenceOf(lines[3]!, new Map())).toBeUndefined();
    expect(differenceOf(lines[3]!, new Map([[countKeyOf(lines[3]!), 7]]))).toBe(2);
  });
});

describe('countScanOf', () => {
  it('counts an asset by itself, a lot by its first match, an item by its line', () => {
    expect(countScanOf(helmetLookup)).toEqual({ ok: true, scan: { itemId: 'helmet', assetId: 'a1', lotId: 'l-helmet' } });
    expect(countScanOf(lotLookup)).toEqual({ ok: true, scan: { itemId: 'gloves', lotId: 'l-gloves' } });
    expect(countScanOf({ kind: 'item', itemId: 'foam' })).toEqual({ ok: true, scan: { itemId: 'foam' } });
  });
  it('counts nothing for a node code, and says so apart for a document number', () => {
    expect(countScanOf({ kind: 'node', nodeId: 'n1' })).toEqual({ ok: false, problem: 'not-countable' });
    expect(countScanOf(documentLookup)).toEqual({ ok: false, problem: 'document' });
    expect(countScanOf({ kind: 'lot', lots: [] })).toEqual({ ok: false, problem: 'not-countable' });
  });
});
