import { AppError } from '../http/app-error.ts';
import type { CjkFont } from './find-cjk-font.ts';
import { startPdf, type PdfDoc } from './pdf-document.ts';
import { drawQr, mmToPt } from './render-labels.ts';
import type { TransferNote } from './transfer-note.ts';

const CJK = 'note-cjk';
const LATIN = 'Helvetica';
const LATIN_BOLD = 'Helvetica-Bold';
const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = mmToPt(15);
const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);
const fontOf = (text: string, bold = false) => (isAscii(text) ? (bold ? LATIN_BOLD : LATIN) : CJK);

/** Table columns: share of the printable width, header, alignment. */
const COLUMNS = [
  { key: 'no', width: 0.06, header: '序号', align: 'center' },
  { key: 'itemCode', width: 0.17, header: '物资编码', align: 'left' },
  { key: 'name', width: 0.22, header: '名称', align: 'left' },
  { key: 'detail', width: 0.37, header: '批号 / 编码', align: 'left' },
  { key: 'qty', width: 0.09, header: '数量', align: 'right' },
  { key: 'unit', width: 0.09, header: '单位', align: 'center' },
] as const;

type Doc = PdfDoc;

/**
 * Renders transfer notes as one A4 PDF, each note starting on a new page and running on to more
 * pages when its table is long (the header row repeats, the signature boxes close the last page).
 * Only the glyphs used are embedded from the CJK font.
 */
export async function renderTransferNotes(notes: readonly TransferNote[], font: CjkFont): Promise<Buffer> {
  if (notes.length === 0) throw new AppError('VALIDATION_FAILED', 'There are no notes to print');
  const { doc, finish } = startPdf(font, CJK, notes.length === 1 ? notes[0]!.number : `${notes.length} transfer notes`);
  for (const note of notes) drawNote(doc, note);
  return finish();
}

function drawNote(doc: Doc, note: TransferNote): void {
  const width = A4.width - 2 * MARGIN;
  const bottom = A4.height - MARGIN - mmToPt(8);
  let page = 0;
  const newPage = () => {
    doc.addPage({ size: [A4.width, A4.height], margin: 0 });
    page++;
    doc
      .font(CJK)
      .fontSize(7)
      .fillColor('#555')
      .text(`${note.footer} · ${note.number} · 第 ${page} 页`, MARGIN, A4.height - MARGIN - mmToPt(4), {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.fillColor('black');
  };

  newPage();
  // Title and QR code of the number, top right.
  const qrSide = mmToPt(24);
  drawQr(doc, note.qrText, MARGIN + width - qrSide, MARGIN, qrSide);
  doc
    .font(CJK)
    .fontSize(18)
    .text(note.title, MARGIN, MARGIN, { width: width - qrSide - mmToPt(4) });
  doc
    .font(LATIN_BOLD)
    .fontSize(12)
    .text(note.number, MARGIN, MARGIN + 28, { lineBreak: false });
  let y = MARGIN + 50;
  const labelWidth = mmToPt(28);
  for (const [label, value] of note.fields) {
    const valueWidth = width - qrSide - labelWidth - mmToPt(4);
    doc.font(CJK).fontSize(9);
    const h = Math.max(doc.heightOfString(value, { width: valueWidth }), 12);
    doc.fillColor('#444').text(label, MARGIN, y, { width: labelWidth, lineBreak: false });
    doc
      .fillColor('black')
      .font(fontOf(value))
      .text(value, MARGIN + labelWidth, y, { width: valueWidth });
    y += h + 3;
  }
  y = Math.max(y, MARGIN + qrSide) + 10;

  // The table, running on to further pages.
  const cols = COLUMNS.map((c) => ({ ...c, w: c.width * width }));
  const padding = 3;
  const header = () => {
    doc.rect(MARGIN, y, width, 16).fillColor('#eeeeee').fill().fillColor('black');
    let x = MARGIN;
    doc.font(CJK).fontSize(8.5);
    for (const c of cols) {
      doc.text(c.header, x + padding, y + 4, { width: c.w - 2 * padding, align: c.align, lineBreak: false });
      x += c.w;
    }
    y += 16;
  };
  header();
  doc.fontSize(8.5);
  for (const row of note.rows) {
    const cells = cols.map((c, i) =>
      c.key === 'detail' && row.codes.length ? codeLines(doc, row.codes, cols[i]!.w - 2 * padding) : String(row[c.key]),
    );
    const heights = cells.map((text, i) => {
      doc.font(fontOf(text)).fontSize(8.5);
      return doc.heightOfString(text, { width: cols[i]!.w - 2 * padding });
    });
    const h = Math.max(...heights) + 2 * padding;
    if (y + h > bottom) {
      newPage();
      y = MARGIN;
      doc.font(CJK).fontSize(9).text(`${note.title} ${note.number}（续）`, MARGIN, y, { lineBreak: false });
      y += 16;
      header();
    }
    let x = MARGIN;
    cells.forEach((text, i) => {
      const c = cols[i]!;
      doc
        .font(fontOf(text))
        .fontSize(8.5)
        .text(text, x + padding, y + padding, { width: c.w - 2 * padding, align: c.align });
      x += c.w;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    y += h;
  }
  doc.font(CJK).fontSize(9);
  doc.text(`共 ${note.rows.length} 行 · ${note.rows.length} lines`, MARGIN, y + 6, {
    width,
    align: 'right',
    lineBreak: false,
  });
  y += 24;

  // Signature boxes: sender, carrier, receiver.
  const boxHeight = mmToPt(22);
  if (y + boxHeight > bottom) {
    newPage();
    y = MARGIN;
  }
  const boxWidth = width / note.signatures.length;
  note.signatures.forEach((label, i) => {
    const x = MARGIN + i * boxWidth;
    doc.rect(x, y, boxWidth, boxHeight).lineWidth(0.6).strokeColor('black').stroke();
    doc
      .font(CJK)
      .fontSize(9)
      .text(`${label}（签字）`, x + 6, y + 5, { width: boxWidth - 12, lineBreak: false });
    doc.fontSize(8).text('日期 Date：', x + 6, y + boxHeight - 14, { width: boxWidth - 12, lineBreak: false });
  });
}

/**
 * Asset codes laid out line by line as many as fit the cell's width, so that a code is never broken
 * at one of its hyphens (pdfkit would break there).
 */
function codeLines(doc: Doc, codes: readonly string[], width: number): string {
  doc.fontSize(8.5);
  const lines: string[] = [];
  let line = '';
  for (const code of codes) {
    const next = line ? `${line}   ${code}` : code;
    doc.font(fontOf(next));
    if (line && doc.widthOfString(next) > width) {
      lines.push(line);
      line = code;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
