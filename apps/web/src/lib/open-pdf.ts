import { downloadFile, type FetchedFile } from './download-file.ts';

/** A PDF the server answered with, and the file name it gave it. */
export type PdfFile = FetchedFile;

/**
 * The file name a content-disposition header gives (`filename*=UTF-8''…` before `filename="…"`), or
 * `fallback` when it gives none. Path separators are dropped so a name can never point elsewhere.
 */
export function filenameOf(contentDisposition: string | null | undefined, fallback: string): string {
  const header = contentDisposition ?? '';
  let name: string | undefined;
  const extended = /filename\*\s*=\s*(?:[\w-]+)?'[^']*'([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i
    .exec(header)
    ?.slice(1)
    .find((v) => v !== undefined);
  const clean = name?.replace(/[/\\]/g, '_').trim();
  return clean ? clean : fallback;
}

/**
 * Opens a PDF in a new tab for printing; when pop-ups are blocked it downloads the file under its
 * name instead. The object URL lives a minute, long enough for the tab to read it.
 */
export function openPdf(file: PdfFile): void {
  const url = URL.createObjectURL(file.blob);
  if (window.open(url, '_blank')) {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return;
  }
  URL.revokeObjectURL(url);
  downloadFile(file);
}
