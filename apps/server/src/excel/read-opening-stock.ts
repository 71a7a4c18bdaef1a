import ExcelJS from 'exceljs';
import { AppError } from '../http/app-error.ts';
import type { Worksheet } from './sheet-writer.ts';
import { checkXlsxContainer } from './xlsx-container.ts';

export const OPENING_SHEET = '期初库存 Opening stock';
/** The columns of the opening-stock sheet, matched by the English key at the start of each header cell. */
export const OPENING_COLUMNS = ['nodeCode', 'itemCode', 'qty', 'lotNo', 'producedOn', 'expiresOn', 'serials'] as const;
export type OpeningColumn = (typeof OPENING_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly OpeningColumn[] = ['nodeCode', 'itemCode', 'qty'];
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** One problem with one cell (or one row when `column` is null); `row` is the spreadsheet row number as Excel shows it. */
export type RowError = { row: number; column: OpeningColumn | null; message: string };

/** A data row as typed in the sheet, before it is checked against the catalogue and the network. */
export type OpeningRow = {
  row: number;
  nodeCode: string;
  itemCode: string;
  qty: number;
  lotNo: string | null;
  producedOn: string | null;
  expiresOn: string | null;
  serials: string[];
};

type CellValue = ExcelJS.CellValue;
const CONTROL = /[\u0000-\u001f]/;

/** Loads the upload as a workbook; anything that is not an .xlsx is a 415 naming what was expected. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1048576} MB`, {
      bytes: bytes.length,
      max: MAX_IMPORT_BYTES,
    });
  checkXlsxContainer(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file could not be read as an Excel workbook (.xlsx)', {
      reason: String((error as Error).message).slice(0, 200),
    });
  }
  return workbook;
}

const isFormula = (v: CellValue): boolean =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);

/** A cell as plain text when it holds text (rich text and hyperlinks included); formulas and errors are reported, not evaluated. */
function textOf(v: CellValue): { text: string } | { problem: string } | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'number') return Number.isFinite(v) ? { text: String(v) } : { problem: 'is not a finite number' };
  if (typeof v === 'boolean') return { problem: 'is TRUE/FALSE, expected text' };
  if (v instanceof Date) return { problem: 'is a date, expected text' };
  if (isFormula(v)) return { problem: 'holds a formula: formulas are not accepted, type the value itself' };
  if ('richText' in v)
    return {
      text: v.richText
        .map((r) => r.text)
        .join('')
        .trim(),
    };
  if ('hyperlink' in v) return { text: String(v.text ?? '').trim() };
  if ('error' in v) return { problem: `holds the error ${String(v.error)}` };
  return { problem: 'has a value of an unknown kind' };
}

const isIsoDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Finds the opening-stock sheet and maps its header to column numbers; 400 with what is missing. */
function locateColumns(workbook: ExcelJS.Workbook): { sheet: Worksheet; columns: Map<OpeningColumn, number> } {
  const sheet = workbook.worksheets.find((s) => s.name.trim() === OPENING_SHEET);
  if (!sheet) {
    throw new AppError('VALIDATION_FAILED', `The workbook has no sheet named "${OPENING_SHEET}" — start from the template`, {
      expectedSheet: OPENING_SHEET,
      sheets: workbook.worksheets.map((s) => s.name),
    });
  }
  const columns = new Map<OpeningColumn, number>();
  const header = sheet.getRow(1);
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = textOf(cell.value);
    const key = text && 'text' in text ? (/^[A-Za-z]+/.exec(text.text)?.[0] ?? '') : '';
    const column = OPENING_COLUMNS.find((c) => c.toLowerCase() === key.toLowerCase());
    if (column && !columns.has(column)) columns.set(column, col);
  });
  const missing = OPENING_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `The sheet "${OPENING_SHEET}" lacks the column(s) ${missing.join(', ')}`, {
      missingColumns: missing,
      expectedColumns: OPENING_COLUMNS,
    });
  }
  return { sheet, columns };
}

/**
 * Reads the opening-stock sheet into typed rows and per-cell errors (wrong types, bad dates,
 * formulas, a qty that is not a positive integer). Empty rows are skipped; more than
 * MAX_IMPORT_ROWS data rows is refused as a whole (413).
 */
export function readOpeningStock(workbook: ExcelJS.Workbook): { rows: OpeningRow[]; errors: RowError[] } {
  const { sheet, columns } = locateColumns(workbook);
  const errors: RowError[] = [];
  const rows: OpeningRow[] = [];
  let dataRows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cell = (c: OpeningColumn) => row.getCell(columns.get(c)!).value;
    if (
      OPENING_COLUMNS.every((c) => {
        const v = cell(c);
        return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
      })
    )
      return;
    dataRows++;
    if (dataRows > MAX_IMPORT_ROWS) return;
    const rowErrors: RowError[] = [];
    const fail = (column: OpeningColumn, message: string) => rowErrors.push({ row: rowNumber, column, message });

    const text = (c: OpeningColumn, options: { required?: boolean; max: number }): string | null => {
      const t = textOf(cell(c));
      if (t && 'problem' in t) return (fail(c, `${c} ${t.problem}`), null);
      const value = t?.text ?? '';
      if (!value) return options.required ? (fail(c, `${c} is required`), null) : null;
      if (value.length > options.max) return (fail(c, `${c} is longer than ${options.max} characters`), null);
      if (CONTROL.test(value)) return (fail(c, `${c} contains control characters`), null);
      return value;
    };
    const date = (c: OpeningColumn): string | null => {
      const v = cell(c);
      if (v === null || v === undefined || v === '') return null;
      // Excel keeps dates as day numbers; exceljs hands them over as UTC midnight.
      if (v instanceof Date)
        return Number.isNaN(v.getTime()) ? (fail(c, `${c} is not a valid date`), null) : v.toISOString().slice(0, 10);
      const t = textOf(v);
      if (t && 'problem' in t) return (fail(c, `${c} ${t.problem}`), null);
      const s = t?.text ?? '';
      if (!s) return null;
      if (!isIsoDate(s)) return (fail(c, `${c} "${s.slice(0, 40)}" is not a date (YYYY-MM-DD)`), null);
      return s;
    };

    const nodeCode = text('nodeCode', { required: true, max: 64 });
    const itemCode = text('itemCode', { required: true, max: 64 });
    let qty: number | null = null;
    const q = cell('qty');
    if (isFormula(q)) fail('qty', 'qty holds a formula: formulas are not accepted, type the value itself');
    else if (q === null || q === undefined || q === '') fail('qty', 'qty is required');
    else {
      const n = typeof q === 'number' ? q : typeof q === 'string' && /^\s*\d+\s*$/.test(q) ? Number(q) : Number.NaN;
      if (typeof q !== 'number' && typeof q !== 'string') fail('qty', 'qty must be a whole number');
      else if (!Number.isFinite(n)) fail('qty', `qty "${String(q).slice(0, 40)}" is not a number`);
      else if (!Number.isInteger(n)) fail('qty', `qty ${n} is not a whole number`);
      else if (n < 1) fail('qty', `qty ${n} must be at least 1`);
      else if (n > 1_000_000_000) fail('qty', `qty ${n} is too large`);
      else qty = n;
    }
    const lotNo = text('lotNo', { max: 64 });
    const producedOn = date('producedOn');
    const expiresOn = date('expiresOn');
    const serialText = text('serials', { max: 2_000_000 });
    const serials = serialText
      ? serialText
          .split(/[,，;；\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    for (const s of serials) if (s.length > 100) fail('serials', `serial "${s.slice(0, 20)}…" is longer than 100 characters`);

    if (rowErrors.length || nodeCode === null || itemCode === null || qty === null) errors.push(...rowErrors);
    else rows.push({ row: rowNumber, nodeCode, itemCode, qty, lotNo, producedOn, expiresOn, serials });
  });
  if (dataRows > MAX_IMPORT_ROWS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The sheet has ${dataRows} data rows; at most ${MAX_IMPORT_ROWS} are accepted per file — split it`,
      { rows: dataRows, max: MAX_IMPORT_ROWS },
    );
  }
  if (dataRows === 0)
    throw new AppError('VALIDATION_FAILED', `The sheet "${OPENING_SHEET}" has no data rows`, { sheet: OPENING_SHEET });
  return { rows, errors };
}
