import { describe, expect, it } from 'vitest';
import { documentLookup, helmetLookup, lotLookup } from './fixtures/code-lookups.ts';
import { assetCodesOf, emptyLine, lineProblems, receiptScanOf, toReceiptBody, type FormLine } from './receipt-form.ts';

const suit: FormLine = { ...emptyLine('a'), itemId: 'suit', tracking: 'serialised', serials: ['SN1', 'SN2'], qty: 99 };
const foam: FormLine = {
  ...emptyLine('b'),
  itemId: 'foam',
  tracking: 'lot',
  qty: 40,
  lotNo: ' L-2026 ',
  producedOn: '2026-01-02',
  expiresOn: '2028-01-01',
};
const gloves: FormLine = { ...emptyLine('c'), itemId: 'gloves', tracking: 'bulk', qty: 12 };

describe('receipt form', () => {
  it('builds the body: serial count as qty, lots only when given, reference trimmed away when blank', () => {
    expect(toReceiptBody({ nodeId: 'n', source: 'purchase', reference: '  ' }, [suit, foam, gloves])).toEqual({
      nodeId: 'n',
      source: 'purchase',
      lines: [
        { itemId: 'suit', qty: 2, serials: ['SN1', 'SN2'] },
        { itemId: 'foam', qty: 40, lot: { lotNo: 'L-2026', producedOn: '2026-01-02', expiresOn: '2028-01-01' } },
        { itemId: 'gloves', qty: 12 },
      ],
    });
  });
  it('names what is missing per line', () => {
    expect(lineProblems([suit, foam, gloves])).toEqual([]);
    expect(
      lineProblems([
        emptyLine('x'),
        { ...suit, serials: [] },
        { ...foam, lotNo: '', expiresOn: '2025-01-01' },
        { ...gloves, qty: 0 },
      ]),
    ).toEqual([
      { line: 0, problem: 'item' },
      { line: 1, problem: 'serials' },
      { line: 2, problem: 'lotNo' },
      { line: 2, problem: 'dates' },
      { line: 3, problem: 'qty' },
    ]);
  });
  it('reads the asset codes of a posted receipt', () => {
    expect(assetCodesOf([{ itemId: 'suit', assetCodes: ['LPS-1', 'LPS-2'] }, { itemId: 'foam' }])).toEqual([
      { itemId: 'suit', codes: ['LPS-1', 'LPS-2'] },
    ]);
    expect(assetCodesOf(null)).toEqual([]);
  });
});

describe('receiptScanOf', () => {
  it('sets the node, adds an item line, or refuses an asset already registered', () => {
    expect(receiptScanOf({ kind: 'node', nodeId: 'n1' })).toEqual({ action: 'set-node', nodeId: 'n1' });
    expect(receiptScanOf({ kind: 'item', itemId: 'foam' })).toEqual({ action: 'add-item', itemId: 'foam' });
    expect(receiptScanOf(helmetLookup)).toEqual({ action: 'already-registered', assetCode: 'LPS-000123' });
  });
  it('refuses a document number instead of taking it for a serial', () => {
    expect(receiptScanOf(documentLookup)).toEqual({ action: 'document', number: 'TR-2026-000123' });
  });
  it('takes an unknown code or a lot number as a new serial', () => {
    expect(receiptScanOf(undefined)).toEqual({ action: 'serial' });
    expect(receiptScanOf(lotLookup)).toEqual({ action: 'serial' });
  });
});
