import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { buildUrl } from '../../lib/api-client.ts';
import { createdDaysIn, createdDaysOf, transferFilterOf } from './document-filter.ts';

describe('createdDaysOf', () => {
  it('sends each end of the picked range as the calendar day picked', () => {
    expect(createdDaysOf([dayjs('2026-03-01'), dayjs('2026-03-31')])).toEqual({
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31',
    });
  });
  it('keeps the day picked late in the evening, whatever the clock time on the value', () => {
    // A day is a day: 23:30 local is still 3 March, not the next UTC or Beijing day.
    expect(createdDaysOf([dayjs('2026-03-03T23:30:00'), dayjs('2026-03-03T00:00:00')])).toEqual({
      createdFrom: '2026-03-03',
      createdTo: '2026-03-03',
    });
  });
  it('leaves an open end out, and both when the range is cleared', () => {
    expect(createdDaysOf([dayjs('2026-03-01'), null])).toEqual({ createdFrom: '2026-03-01' });
    expect(createdDaysOf([undefined, dayjs('2026-03-31')])).toEqual({ createdTo: '2026-03-31' });
    expect(createdDaysOf([null, null])).toEqual({});
    expect(createdDaysOf(null)).toEqual({});
    expect(createdDaysOf(undefined)).toEqual({});
  });
  it('swaps ends given the wrong way round', () => {
    expect(createdDaysOf([dayjs('2026-04-02'), dayjs('2026-03-30')])).toEqual({
      createdFrom: '2026-03-30',
      createdTo: '2026-04-02',
    });
  });
});

describe('createdDaysIn', () => {
  const daysOf = (search: string) => createdDaysIn(new URLSearchParams(search));

  it('reads the days a list keeps in its address', () => {
    expect(daysOf('createdFrom=2026-03-01&createdTo=2026-03-31')).toEqual({
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31',
    });
    expect(daysOf('number=TR-2026&createdTo=2026-03-31')).toEqual({ createdTo: '2026-03-31' });
    expect(daysOf('createdFrom=%202026-03-01%20')).toEqual({ createdFrom: '2026-03-01' });
  });
  it('gives back what the range picker gave', () => {
    const picked = createdDaysOf([dayjs('2026-02-28'), dayjs('2026-03-01')]);
    expect(daysOf(new URLSearchParams(picked).toString())).toEqual(picked);
  });
  it('leaves out a day that is absent, blank or not a calendar day, rather than sending it', () => {
    expect(daysOf('')).toEqual({});
    expect(daysOf('createdFrom=&createdTo=+')).toEqual({});
    for (const day of ['2026-04-31', '2026-13-01', '2026-3-1', '20260301', '2026-03-01T00:00', 'yesterday']) {
      expect(daysOf(`createdFrom=${day}&createdTo=2026-05-01`), day).toEqual({ createdTo: '2026-05-01' });
    }
  });
  it('swaps ends given the wrong way round, as the range picker does', () => {
    expect(daysOf('createdFrom=2026-04-02&createdTo=2026-03-30')).toEqual({
      createdFrom: '2026-03-30',
      createdTo: '2026-04-02',
    });
  });
});

describe('transferFilterOf', () => {
  it('always asks for transfers and carries the state, node, number and days set', () => {
    expect(
      transferFilterOf({
        state: 'in-transit',
        nodeId: 'n1',
        number: ' TR-2026 ',
        createdFrom: '2026-03-01',
        createdTo: '2026-03-31',
      }),
    ).toEqual({
      kind: 'transfer',
      state: 'in-transit',
      nodeId: 'n1',
      number: 'TR-2026',
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31',
    });
  });
  it('leaves out filters that are not set or blank', () => {
    expect(transferFilterOf({})).toEqual({ kind: 'transfer' });
    expect(transferFilterOf({ state: undefined, number: '  ', createdTo: '' })).toEqual({ kind: 'transfer' });
  });
  it('takes no paging along, so the register export holds every transfer the list selects', () => {
    const ui = { state: 'draft', limit: 20, offset: 40 };
    expect(transferFilterOf(ui)).toEqual({ kind: 'transfer', state: 'draft' });
    expect(buildUrl('/exports/documents.xlsx', transferFilterOf({ ...ui, createdFrom: '2026-03-01' }))).toBe(
      '/api/v1/exports/documents.xlsx?kind=transfer&state=draft&createdFrom=2026-03-01',
    );
  });
});
