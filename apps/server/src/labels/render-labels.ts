import QRCode from 'qrcode';
import { AppError } from '../http/app-error.ts';
import type { CjkFont } from './find-cjk-font.ts';
import { startPdf, type PdfDoc } from './pdf-document.ts';

/** What one asset label shows (一物一码): the code as QR and as text, the item, its serial and where it is kept. */
export type LabelData = {
  code: string;
  itemNameZh: string;
  itemNameEn: string;
  serialNo: string;
  /** The node holding the asset; null while it is in transit or issued. */
  nodeCode: string | null;
};

/**
 * `label`: one label per page and the page is the label, as roll label printers expect;
 * `a4`: a sheet of 3 × 8 labels (the common 70 × 37 mm sticker sheet), centred on A4.
 */
export type LabelLayout = 'label' | 'a4';
export type LabelOptions = { layout: LabelLayout; widthMm: number; heightMm: number; font: CjkFont; title?: string };

export const LABEL_DEFAULT_MM = { label: { widthMm: 50, heightMm: 30 }, a4: { widthMm: 70, heightMm: 37 } } as const;
export const A4_GRID = { columns: 3, rows: 8 } as const;
const A4_PT = { width: 595.28, height: 841.89 } as const;

/** PDF points (1/72 inch) in a millimetre. */
export const mmToPt = (mm: number): number => (mm * 72) / 25.4;

const CJK = 'label-cjk';
const LATIN = 'Helvetica';
const LATIN_BOLD = 'Helvetica-Bold';
/** Codes, serials and node codes are ASCII: the built-in Helvetica prints them crisply (and some CJK fallback fonts lack Latin digits). */
const isPrintableAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/**
 * Renders asset labels as one PDF. Each label is exactly `widthMm × heightMm`; the QR code is drawn
 * as vector squares, so it stays sharp at any printer resolution; only the glyphs used are embedded
 * from the CJK font (subset), which keeps a batch of a hundred labels well under a megabyte.
 */
export async function renderLabels(labels: readonly LabelData[], options: LabelOptions): Promise<Buffer> {
  if (labels.length === 0) throw new AppError('VALIDATION_FAILED', 'There are no labels to print');
  const w = mmToPt(options.widthMm);
  const h = mmToPt(options.heightMm);
  checkFits(options, w, h);

  const { doc, finish } = startPdf(options.font, CJK, options.title ?? 'Zhanqin asset labels');

  if (options.layout === 'label') {
    for (const label of labels) {
      doc.addPage({ size: [w, h], margin: 0 });
      drawLabel(doc, label, 0, 0, w, h);
    }
  } else {
    const perPage = A4_GRID.columns * A4_GRID.rows;
    const x0 = (A4_PT.width - A4_GRID.columns * w) / 2;
    const y0 = (A4_PT.height - A4_GRID.rows * h) / 2;
    labels.forEach((label, i) => {
      const slot = i % perPage;
      if (slot === 0) doc.addPage({ size: [A4_PT.width, A4_PT.height], margin: 0 });
      drawLabel(doc, label, x0 + (slot % A4_GRID.columns) * w, y0 + Math.floor(slot / A4_GRID.columns) * h, w, h);
    });
  }
  return finish();
}

function checkFits(options: LabelOptions, w: number, h: number): void {
  if (options.layout === 'a4' && (A4_GRID.columns * w > A4_PT.width + 0.01 || A4_GRID.rows * h > A4_PT.height + 0.01)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${A4_GRID.columns} × ${A4_GRID.rows} labels of ${options.widthMm} × ${options.heightMm} mm do not fit on A4 (210 × 297 mm)`,
      {
        widthMm: options.widthMm,
        heightMm: options.heightMm,
        maxWidthMm: 70,
        maxHeightMm: 37.125,
      },
    );
  }
  const { textWidth } = geometry(w, h);
  if (textWidth < mmToPt(12)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `A ${options.widthMm} × ${options.heightMm} mm label leaves no room for text beside the QR code: make it wider`,
      {
        widthMm: options.widthMm,
        heightMm: options.heightMm,
      },
    );
  }
}

/** Where things go on a label of w × h points: a square QR on the left, text in the column to its right. */
function geometry(w: number, h: number) {
  const margin = Math.min(mmToPt(2), Math.min(w, h) * 0.07);
  const qrSide = Math.min(h - 2 * margin, w * 0.5);
  const gap = mmToPt(1.5);
  const textX = margin + qrSide + gap;
  return { margin, qrSide, textX, textWidth: w - textX - margin };
}

type Doc = PdfDoc;

function drawLabel(doc: Doc, label: LabelData, ox: number, oy: number, w: number, h: number): void {
  const { margin, qrSide, textX, textWidth } = geometry(w, h);
  drawQr(doc, label.code, ox + margin, oy + margin + (h - 2 * margin - qrSide) / 2, qrSide);

  // Type sizes scale with the label height: 30 mm is the reference.
  const scale = Math.min(h / mmToPt(30), 1.6);
  const x = ox + textX;
  const bottom = oy + h - margin;
  let y = oy + margin;
  doc.fillColor('black');

  const code = fitLine(doc, label.code, LATIN_BOLD, 9 * scale, 5, textWidth);
  doc.font(code.font).fontSize(code.size).text(code.text, x, y, { lineBreak: false });
  y += code.size * 1.25;

  // Serial and node sit at the bottom of the column; the names fill what is left above them.
  const small = 6 * scale;
  const footer = [`SN ${label.serialNo}`, label.nodeCode ? `@ ${label.nodeCode}` : ''].filter(Boolean);
  const footerTop = bottom - footer.length * small * 1.25;
  footer.forEach((line, i) => {
    const fitted = fitLine(doc, line, isPrintableAscii(line) ? LATIN : CJK, small, 4, textWidth);
    doc
      .font(fitted.font)
      .fontSize(fitted.size)
      .text(fitted.text, x, footerTop + i * small * 1.25, { lineBreak: false });
  });

  y = drawBlock(
    doc,
    label.itemNameZh,
    isPrintableAscii(label.itemNameZh) ? LATIN : CJK,
    7.5 * scale,
    x,
    y,
    textWidth,
    footerTop - y,
    2,
  );
  if (label.itemNameEn && label.itemNameEn !== label.itemNameZh) {
    drawBlock(
      doc,
      label.itemNameEn,
      isPrintableAscii(label.itemNameEn) ? LATIN : CJK,
      5 * scale,
      x,
      y,
      textWidth,
      footerTop - y,
      2,
    );
  }
}

/** Wrapped text of at most `maxLines` lines inside `available` points of height, cut with an ellipsis; returns the y below it. */
function drawBlock(
  doc: Doc,
  text: string,
  font: string,
  size: number,
  x: number,
  y: number,
  width: number,
  available: number,
  maxLines: number,
): number {
  if (!text) return y;
  doc.font(font).fontSize(size);
  const lineHeight = doc.currentLineHeight(true);
  const lines = Math.min(maxLines, Math.floor(available / lineHeight));
  if (lines < 1) return y;
  // The explicit height keeps pdfkit from continuing the text on a new page.
  const height = lines * lineHeight;
  doc.text(text, x, y, { width, height, ellipsis: true });
  return y + Math.min(doc.heightOfString(text, { width }), height);
}

/** The largest size (down to `minSize`) at which a line fits `width`; below that the text is cut with an ellipsis. */
function fitLine(
  doc: Doc,
  text: string,
  font: string,
  maxSize: number,
  minSize: number,
  width: number,
): { text: string; font: string; size: number } {
  doc.font(font);
  let size = maxSize;
  while (size > minSize && doc.fontSize(size).widthOfString(text) > width) size -= 0.25;
  size = Math.max(size, minSize);
  doc.fontSize(size);
  if (doc.widthOfString(text) <= width) return { text, font, size };
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  // Helvetica's built-in encoding has the ellipsis; a CJK face has it too.
  return { text: `${cut}…`, font, size };
}

/** Draws the QR matrix as filled squares (runs of dark modules merged per row), error correction M. */
export function drawQr(doc: Doc, text: string, x: number, y: number, side: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = side / n;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      // A hair of overlap closes the seams some viewers show between neighbouring squares.
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor('black').fill();
}
