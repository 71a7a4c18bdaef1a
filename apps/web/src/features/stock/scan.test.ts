import { describe, expect, it } from 'vitest';
import { appendSerials, cameraBlockedReason, codeOfScan, normaliseScan, splitScans } from './scan.ts';

describe('scan parsing', () => {
  it('strips wedge control characters and blanks', () => {
    expect(normaliseScan('  SN-001\r')).toBe('SN-001');
    expect(normaliseScan('\u001dLPS-000012\u001e')).toBe('LPS-000012');
    expect(normaliseScan('   ')).toBe('');
  });

  it('reads plain codes, zq: URIs and app links', () => {
    expect(codeOfScan('LPS-000123')).toBe('LPS-000123');
    expect(codeOfScan('zq:asset:LPS-000123')).toBe('LPS-000123');
    expect(codeOfScan('ZQ:LPS-1')).toBe('LPS-1');
    expect(codeOfScan('https://zq.example/#/assets/LPS-000123')).toBe('LPS-000123');
    expect(codeOfScan('https://zq.example/scan?code=E280%2011')).toBe('E280 11');
    expect(codeOfScan('https://zq.example/#/stock?code=ABC')).toBe('ABC');
  });

  it('splits batches on newlines, tabs, commas and full-width separators', () => {
    expect(splitScans('A1\nA2\r\n\tA3, A4；A5')).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(splitScans('\n\n')).toEqual([]);
  });

  it('appends serials in order and reports repeats instead of adding them twice', () => {
    expect(appendSerials(['S1'], ['S2', 'S1', 'S3', 'S2'])).toEqual({ serials: ['S1', 'S2', 'S3'], duplicates: ['S1', 'S2'] });
  });

  it('says why a camera cannot open', () => {
    expect(cameraBlockedReason({ isSecureContext: false, hasMediaDevices: true })).toBe('insecure');
    expect(cameraBlockedReason({ isSecureContext: true, hasMediaDevices: false })).toBe('unsupported');
    expect(cameraBlockedReason({ isSecureContext: true, hasMediaDevices: true })).toBeUndefined();
  });
});
