import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from './download-file.ts';

describe('downloadFile', () => {
  const anchor = { href: '', download: '', click: vi.fn() };
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('document', { createElement: vi.fn(() => anchor) });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:file');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('saves the blob under its file name and frees the URL after a minute', () => {
    const blob = new Blob(['x']);
    downloadFile({ blob, filename: 'documents.xlsx' });
    expect(URL.createObjectURL).toHaveBeenCalledWith(blob);
    expect(anchor).toMatchObject({ href: 'blob:file', download: 'documents.xlsx' });
    expect(anchor.click).toHaveBeenCalledOnce();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:file');
  });
});
