import { describe, expect, it } from 'vitest';
import { assetStatusColour, inspectionState, timelineOf, type AssetEvent } from './asset-view.ts';

describe('assetStatusColour', () => {
  it('colours known statuses and leaves unknown ones neutral', () => {
    expect(['in-stock', 'quarantined', 'lost', 'retired', 'melted'].map(assetStatusColour)).toEqual([
      'success',
      'warning',
      'error',
      'default',
      'default',
    ]);
  });
});

describe('inspectionState', () => {
  const today = '2026-03-01';
  it('puts a failed inspection before any due date', () => {
    expect(inspectionState({ nextInspectionDue: '2027-01-01', lastInspectionResult: 'fail' }, today)).toBe('failed');
  });
  it('reads the due date: none, overdue, due within 30 days, or fine', () => {
    expect(inspectionState({ nextInspectionDue: null, lastInspectionResult: null }, today)).toBe('none');
    expect(inspectionState({ nextInspectionDue: '2026-02-28', lastInspectionResult: 'pass' }, today)).toBe('overdue');
    expect(inspectionState({ nextInspectionDue: '2026-03-01', lastInspectionResult: null }, today)).toBe('due-soon');
    expect(inspectionState({ nextInspectionDue: '2026-03-31', lastInspectionResult: null }, today)).toBe('due-soon');
    expect(inspectionState({ nextInspectionDue: '2026-04-01', lastInspectionResult: null }, today)).toBe('ok');
  });
});

describe('timelineOf', () => {
  const event = (at: string, kind: string, details: unknown = {}): AssetEvent => ({
    at,
    kind,
    documentId: null,
    documentNumber: null,
    nodeId: 'n1',
    details,
  });
  it('lists the life oldest first with a tone per kind and the words recorded with each event', () => {
    const entries = timelineOf([
      event('2026-03-02T08:00:00.000Z', 'quarantined', { reason: '面罩破损' }),
      event('2026-03-01T08:00:00.000Z', 'received', { source: 'purchase' }),
      event('2026-03-01T09:00:00.000Z', 'put-away', { slot: 'A-01-1-1' }),
      event('2026-03-03T08:00:00.000Z', 'scrapped', { reason: '  ' }),
      event('2026-03-04T08:00:00.000Z', 'teleported', null),
    ]);
    expect(entries.map((e) => [e.kind, e.tone])).toEqual([
      ['received', 'green'],
      ['put-away', 'green'],
      ['quarantined', 'orange'],
      ['scrapped', 'red'],
      ['teleported', 'gray'],
    ]);
    expect(entries[0]).toMatchObject({ source: 'purchase' });
    expect(entries[1]).toMatchObject({ slot: 'A-01-1-1' });
    expect(entries[2]).toMatchObject({ reason: '面罩破损' });
    expect(entries[3]).not.toHaveProperty('reason');
  });
  it('keeps the server order for events at the same moment', () => {
    const at = '2026-03-01T08:00:00.000Z';
    expect(timelineOf([event(at, 'reserved'), event(at, 'shipped')]).map((e) => e.kind)).toEqual(['reserved', 'shipped']);
  });
});
