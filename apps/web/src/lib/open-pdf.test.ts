import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from './download-file.ts';
import { filenameOf, openPdf } from './open-pdf.ts';

vi.mock('./download-file.ts', () => ({ downloadFile: vi.fn() }));

describe('filenameOf', () => {
  it('reads the quoted file name the server sends', () => {
    expect(filenameOf('attachment; filename="transfer-note-TR-2026-000123.pdf"', 'x.pdf')).toBe(
      'transfer-note-TR-2026-000123.pdf',
    );
  });
  it('reads an unquoted name and prefers the encoded filename* form', () => {
    expect(filenameOf('attachment; filename=transfer-notes-3.pdf', 'x.pdf')).toBe('transfer-notes-3.pdf');
    expect(filenameOf(`attachment; filename="note.pdf"; filename*=UTF-8''%E8%B0%83%E6%8B%A8%E5%8D%95.pdf`, 'x.pdf')).toBe(
      '调拨单.pdf',
    );
  });
  it('falls back when the header is missing, empty or names no file', () => {
    expect(filenameOf(null, 'transfer-note.pdf')).toBe('transfer-note.pdf');
    expect(filenameOf('', 'transfer-note.pdf')).toBe('transfer-note.pdf');
    expect(filenameOf('inline', 'transfer-note.pdf')).toBe('transfer-note.pdf');
    expect(filenameOf('attachment; filename=""', 'transfer-note.pdf')).toBe('transfer-note.pdf');
  });
  it('keeps a name from pointing into another folder', () => {
    expect(filenameOf('attachment; filename="../../etc/passwd"', 'x.pdf')).toBe('.._.._etc_passwd');
  });
  it('falls back to the plain name when the encoded one is malformed', () => {
    expect(filenameOf(`attachment; filename="ok.pdf"; filename*=UTF-8''%E8%ZZ.pdf`, 'x.pdf')).toBe('ok.pdf');
  });
});

describe('openPdf', () => {
  const file = { blob: new Blob(['%PDF']), filename: 'transfer-note.pdf' };
  const open = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', { open });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:pdf');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.mocked(downloadFile).mockClear();
    open.mockReset();
  });

  it('opens the PDF in a new tab and frees the URL after a minute', () => {
    open.mockReturnValue({});
    openPdf(file);
    expect(open).toHaveBeenCalledWith('blob:pdf', '_blank');
    expect(downloadFile).not.toHaveBeenCalled();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:pdf');
  });
  it('downloads the file under its name when pop-ups are blocked', () => {
    open.mockReturnValue(null);
    openPdf(file);
    expect(downloadFile).toHaveBeenCalledWith(file);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:pdf');
  });
});
