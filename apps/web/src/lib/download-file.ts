/** A file the server answered with (a PDF, a workbook), and the name it gave it. */
export type FetchedFile = { blob: Blob; filename: string };

/** Saves a fetched file under its name through the browser's download; the object URL lives a minute. */
export function downloadFile({ blob, filename }: FetchedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
