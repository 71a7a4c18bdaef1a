import PDFDocument from 'pdfkit';
import { AppError } from '../http/app-error.ts';
import type { CjkFont } from './find-cjk-font.ts';

export type PdfDoc = InstanceType<typeof PDFDocument>;

/**
 * A pdfkit document without pages or margins, with the CJK font registered under `fontName`
 * (503 UNAVAILABLE when it cannot be loaded), and `finish()` ending it and answering its bytes.
 */
export function startPdf(font: CjkFont, fontName: string, title: string): { doc: PdfDoc; finish(): Promise<Buffer> } {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title, Creator: 'Zhanqin 战勤' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  try {
    doc.registerFont(fontName, font.path, font.family ?? '');
  } catch (error) {
    throw new AppError('UNAVAILABLE', `The font ${font.path} cannot be loaded`, {
      font: font.path,
      reason: String((error as Error).message),
    });
  }
  return {
    doc,
    async finish() {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
