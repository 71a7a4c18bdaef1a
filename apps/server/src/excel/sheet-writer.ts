import ExcelJS from 'exceljs';

export type Workbook = InstanceType<typeof ExcelJS.Workbook>;
export type Worksheet = ReturnType<Workbook['addWorksheet']>;

/** One column of an exported table: a bilingual header, a width in characters and how its values are shown. */
export type ColumnSpec<Row> = {
  zh: string;
  en: string;
  /** width in characters, as Excel measures it */
  width: number;
  kind: 'text' | 'integer' | 'number' | 'date';
  value: (row: Row) => string | number | null;
};

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMAT = { integer: '#,##0', number: '#,##0.00', date: 'yyyy-mm-dd', text: '@' } as const;

/** Text a spreadsheet would take for a formula or a command if typed (=, +, -, @, or a leading tab/return). */
export const looksLikeFormula = (text: string): boolean => /^[=+\-@\t\r]/.test(text);

/**
 * Writes text as a string cell in text format ('@'), so `=HYPERLINK(…)` from a node name arrives
 * as the characters typed and is never evaluated — not when opened, and not when the cell is edited.
 */
export function setText(cell: ReturnType<Worksheet['getCell']>, text: string): void {
  cell.value = text;
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

export function newWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhanqin 战勤';
  workbook.created = new Date();
  return workbook;
}

/** Writes the bilingual header row (中文 / English): bold, shaded, frozen, with a filter. */
export function writeHeader(sheet: Worksheet, headers: readonly { zh: string; en: string; width: number }[]): void {
  const row = sheet.getRow(1);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = `${h.zh} / ${h.en}`;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    sheet.getColumn(i + 1).width = h.width;
  });
  row.height = 30;
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/** Adds a sheet holding a table: header, then one row per record with each column's number format. */
export function addTableSheet<Row>(
  workbook: Workbook,
  name: string,
  columns: readonly ColumnSpec<Row>[],
  rows: readonly Row[],
): Worksheet {
  const sheet = workbook.addWorksheet(name);
  writeHeader(sheet, columns);
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).numFmt = NUMBER_FORMAT[c.kind];
  });
  rows.forEach((record, r) => {
    const row = sheet.getRow(r + 2);
    columns.forEach((c, i) => {
      const value = c.value(record);
      const cell = row.getCell(i + 1);
      if (value === null || value === '') return;
      if (typeof value === 'string') {
        setText(cell, value);
        cell.numFmt = NUMBER_FORMAT.text;
      } else {
        cell.value = value;
        cell.numFmt = NUMBER_FORMAT[c.kind === 'text' ? 'number' : c.kind];
      }
    });
  });
  return sheet;
}

export async function workbookBuffer(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
