import { describe, expect, it } from 'vitest';
import {
  dateState,
  kitRelationOf,
  moduleOfKitItem,
  packedBoxOf,
  packProblems,
  packRows,
  sortKits,
  toPackBody,
  type PackDraft,
} from './kit-view.ts';

describe('moduleOfKitItem', () => {
  const modules = [
    { code: 'HAZMAT', kitItemId: null },
    { code: 'WATER', kitItemId: 'box-water' },
    { code: 'LIVING', kitItemId: 'box-living' },
  ];
  it('finds the module by the kit item it names', () => {
    expect(moduleOfKitItem(modules, { id: 'box-living', code: 'CAMP-BOX' })?.code).toBe('LIVING');
    expect(moduleOfKitItem(modules, { id: 'box-water', code: 'MOD-WATER' })?.code).toBe('WATER');
    expect(moduleOfKitItem(modules, { id: 'x', code: 'MOD-HAZMAT' })).toBeUndefined();
  });
  it('finds nothing for a kit item without a packing list', () => {
    expect(moduleOfKitItem(modules, { id: 'x', code: 'MOD-SECURITY-STANDBY' })).toBeUndefined();
  });
});

describe('packRows', () => {
  it('marks the units a node cannot give, and nothing while its stock is unknown', () => {
    const rows = packRows(
      [
        { itemId: 'radio', itemCode: 'RADIO', qty: 4 },
        { itemId: 'cordon', itemCode: 'CORDON', qty: 1 },
        { itemId: 'water', itemCode: 'WATER', qty: 10 },
      ],
      new Map([
        ['radio', 3],
        ['cordon', 5],
      ]),
    );
    expect(rows.map((r) => [r.itemCode, r.free, r.short])).toEqual([
      ['RADIO', 3, 1],
      ['CORDON', 5, 0],
      ['WATER', undefined, 0],
    ]);
  });
});

describe('pack form', () => {
  const draft: PackDraft = {
    nodeId: 'n1',
    kitItemId: 'box',
    mode: 'list',
    rows: [
      { itemId: 'radio', qty: 4, short: 0 },
      { itemId: 'cordon', qty: 1, short: 0 },
    ],
    serial: '',
    hasPackingList: true,
  };
  it('packs the packing list with no lines, so the server chooses lots first-expiry-first-out', () => {
    expect(packProblems(draft)).toEqual([]);
    expect(toPackBody(draft)).toEqual({ nodeId: 'n1', kitItemId: 'box' });
  });
  it('sends the edited lines, dropping those set to zero, and a trimmed serial', () => {
    const edited = {
      ...draft,
      mode: 'lines' as const,
      serial: ' BOX-7 ',
      rows: [...draft.rows, { itemId: 'water', qty: 0, short: 3 }],
    };
    expect(packProblems(edited)).toEqual([]);
    expect(toPackBody(edited)).toEqual({
      nodeId: 'n1',
      kitItemId: 'box',
      serial: 'BOX-7',
      lines: [
        { itemId: 'radio', qty: 4 },
        { itemId: 'cordon', qty: 1 },
      ],
    });
  });
  it('refuses a line the node cannot fill and a list the kit item does not have', () => {
    expect(packProblems({ ...draft, rows: [{ itemId: 'radio', qty: 4, short: 1 }] })).toEqual(['short']);
    expect(packProblems({ ...draft, hasPackingList: false, rows: [] })).toEqual(['no-list']);
    expect(packProblems({ ...draft, nodeId: undefined, kitItemId: undefined })).toEqual(['node', 'kit']);
  });
  it('refuses edited lines that pack nothing, a fraction, or the same item twice', () => {
    const lines = { ...draft, mode: 'lines' as const };
    expect(packProblems({ ...lines, rows: [{ itemId: 'radio', qty: 0, short: 0 }] })).toEqual(['lines']);
    expect(packProblems({ ...lines, rows: [{ itemId: 'radio', qty: 1.5, short: 0 }] })).toEqual(['qty']);
    expect(
      packProblems({
        ...lines,
        rows: [
          { itemId: 'radio', qty: 1, short: 0 },
          { itemId: 'radio', qty: 2, short: 0 },
        ],
      }),
    ).toEqual(['twice']);
  });
});

describe('packedBoxOf', () => {
  it('reads the new box from the pack document meta', () => {
    expect(packedBoxOf({ kitAssetId: 'a1', kitAssetCode: 'GZ-1', moduleId: null })).toEqual({ assetId: 'a1', code: 'GZ-1' });
    expect(packedBoxOf(null)).toBeUndefined();
    expect(packedBoxOf({ kitAssetId: 'a1' })).toBeUndefined();
  });
});

describe('sortKits', () => {
  it('puts boxes needing attention first, then incomplete ones, then the earliest date inside', () => {
    const kit = (code: string, over: object = {}) => ({
      code,
      complete: true,
      needsAttention: false,
      earliestExpiry: null,
      earliestInspectionDue: null,
      ...over,
    });
    const sorted = sortKits([
      kit('D'),
      kit('C', { earliestInspectionDue: '2027-01-01' }),
      kit('B', { earliestExpiry: '2026-12-01', earliestInspectionDue: '2028-01-01' }),
      kit('A', { complete: false }),
      kit('E', { needsAttention: true }),
    ]);
    expect(sorted.map((k) => k.code)).toEqual(['E', 'A', 'B', 'C', 'D']);
  });
});

describe('dateState', () => {
  it('tells past, soon (within 30 days) and later dates apart', () => {
    expect(dateState(null, '2026-11-29')).toBe('none');
    expect(dateState('2026-11-28', '2026-11-29')).toBe('past');
    expect(dateState('2026-11-29', '2026-11-29')).toBe('soon');
    expect(dateState('2026-12-29', '2026-11-29')).toBe('soon');
    expect(dateState('2026-12-30', '2026-11-29')).toBe('ok');
  });
});

describe('kitRelationOf', () => {
  const event = (at: string, kind: string, details: unknown) => ({
    at,
    kind,
    details,
    documentId: null,
    documentNumber: null,
    nodeId: null,
  });
  it('knows a box by its own packed event, and whether it is still packed', () => {
    const packed = [event('2026-11-01T08:00:00Z', 'packed', { module: 'WATER', units: 27 })];
    expect(kitRelationOf('box', packed)).toEqual({ role: 'box', kitAssetId: 'box', packed: true });
    expect(kitRelationOf('box', [...packed, event('2026-11-02T08:00:00Z', 'unpacked', { units: 27 })])).toEqual({
      role: 'box',
      kitAssetId: 'box',
      packed: false,
    });
  });
  it('names the box a unit is packed in until it is unpacked', () => {
    const history = [
      event('2026-10-01T08:00:00Z', 'received', { source: 'opening' }),
      event('2026-11-01T08:00:00Z', 'packed', { kitAssetId: 'box-1', kit: 'GZ-LPS-1' }),
    ];
    expect(kitRelationOf('unit', history)).toEqual({ role: 'content', kitAssetId: 'box-1', kitCode: 'GZ-LPS-1' });
    const unpacked = [...history, event('2026-11-02T08:00:00Z', 'unpacked', { kitAssetId: 'box-1', kit: 'GZ-LPS-1' })];
    expect(kitRelationOf('unit', unpacked)).toBeUndefined();
    expect(
      kitRelationOf('unit', [...unpacked, event('2026-11-03T08:00:00Z', 'packed', { kitAssetId: 'box-2', kit: 'GZ-LPS-2' })]),
    ).toEqual({ role: 'content', kitAssetId: 'box-2', kitCode: 'GZ-LPS-2' });
  });
  it('finds no kit for an asset never packed', () => {
    expect(kitRelationOf('unit', [event('2026-10-01T08:00:00Z', 'received', {})])).toBeUndefined();
  });
});
