import { describe, expect, it } from 'vitest';
import { formFields, normaliseBackupRatio, standardProblems, toStandardBody, type StandardDraft } from './standard-form.ts';

const draft: StandardDraft = { nodeId: 'n1', itemId: 'helmet', minReserve: 20, target: 40, backupRatio: '1:1' };

describe('normaliseBackupRatio', () => {
  it('accepts whole-number ratios with either colon and spaces', () => {
    expect(normaliseBackupRatio('1:1')).toBe('1:1');
    expect(normaliseBackupRatio(' 1 ： 3 ')).toBe('1:3');
    expect(normaliseBackupRatio('02:10')).toBe('2:10');
  });
  it('refuses anything else, and a zero second term', () => {
    for (const text of ['', '1', '1:', ':1', '1.5:1', '1:1:1', 'a:b', '-1:1', '1:0'])
      expect(normaliseBackupRatio(text), text).toBeUndefined();
  });
});

describe('standardProblems', () => {
  it('accepts minimum ≤ target and a blank or valid ratio', () => {
    expect(standardProblems(draft)).toEqual([]);
    expect(standardProblems({ ...draft, minReserve: 40, backupRatio: '' })).toEqual([]);
  });
  it('refuses a target below the minimum', () => {
    expect(standardProblems({ ...draft, target: 10 })).toEqual(['target-below-minimum']);
  });
  it('names missing, negative or fractional figures and a malformed ratio', () => {
    expect(standardProblems({ minReserve: null, target: -1, backupRatio: '1/1' })).toEqual([
      'node',
      'item',
      'minReserve',
      'target',
      'backupRatio',
    ]);
    expect(standardProblems({ ...draft, minReserve: 1.5 })).toEqual(['minReserve']);
  });
});

describe('toStandardBody', () => {
  it('sends the ratio in its normal form, and null to clear it', () => {
    expect(toStandardBody({ ...draft, backupRatio: '1：2' })).toEqual({
      nodeId: 'n1',
      itemId: 'helmet',
      minReserve: 20,
      target: 40,
      backupRatio: '1:2',
    });
    expect(toStandardBody({ ...draft, backupRatio: '  ' }).backupRatio).toBeNull();
  });
});

describe('formFields', () => {
  const stored = { minReserve: 10, target: 30, backupRatio: '1:4' };
  const untouched = { minReserve: undefined, target: undefined, backupRatio: undefined };
  it('keeps the stored backup ratio when the user has not touched it, so saving does not clear it', () => {
    const fields = formFields(untouched, { minReserve: 12, target: 24 }, stored);
    expect(fields).toEqual({ minReserve: 12, target: 24, backupRatio: '1:4' });
    expect(toStandardBody({ nodeId: 'n1', itemId: 'helmet', ...fields }).backupRatio).toBe('1:4');
  });
  it('starts a new standard from the stored one, and blank where nothing is stored', () => {
    expect(formFields(untouched, {}, stored)).toEqual(stored);
    expect(formFields(untouched, {}, null)).toEqual({ minReserve: null, target: null, backupRatio: '' });
    expect(formFields(untouched, {}, { ...stored, backupRatio: null }).backupRatio).toBe('');
  });
  it('lets what the user typed win, including a ratio cleared on purpose', () => {
    expect(formFields({ minReserve: null, target: 50, backupRatio: '' }, { minReserve: 12, target: 24 }, stored)).toEqual({
      minReserve: null,
      target: 50,
      backupRatio: '',
    });
  });
});
