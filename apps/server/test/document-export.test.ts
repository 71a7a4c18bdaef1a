import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../src/excel/sheet-writer.ts';
import { client, idOf } from './ledger-support.ts';
import { bearer, describeEachDatabase, useTestApp } from './support.ts';

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The values of a sheet's data rows (row 1 is the header), column by column from A. */
const dataRows = (sheet: ExcelJS.Worksheet) =>
  sheet
    .getSheetValues()
    .slice(2)
    .map((r) => (Array.isArray(r) ? r.slice(1) : []));

describeEachDatabase('the document register export', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  const ids: Record<string, string> = {};
  let transfer: { id: string; number: string };
  beforeAll(async () => {
    for (const code of ['LPS-BASE', 'LPS-SW-ZS1', 'LPS-SW-LZ1']) ids[code] = await idOf(ctx.db, 'node', code);
    for (const code of ['CYL-6.8-30', 'DIESEL-0']) ids[code] = await idOf(ctx.db, 'item', code);
    const stock = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-ZS1'],
      source: 'purchase',
      reference: '=HYPERLINK("http://evil","点我")',
      lines: [
        { itemId: ids['CYL-6.8-30'], qty: 2, serials: [`DX-${kind}-1`, `DX-${kind}-2`] },
        { itemId: ids['DIESEL-0'], qty: 25 },
      ],
    });
    expect(stock.status, JSON.stringify(stock.body)).toBe(201);
    const made = await admin.post('/transfers', {
      fromNodeId: ids['LPS-SW-ZS1'],
      toNodeId: ids['LPS-SW-LZ1'],
      reference: '月度补充',
      lines: [
        { itemId: ids['CYL-6.8-30'], qty: 2 },
        { itemId: ids['DIESEL-0'], qty: 25 },
      ],
    });
    expect(made.status).toBe(201);
    transfer = made.body;
    expect((await admin.post(`/transfers/${transfer.id}/ship`)).status).toBe(200);
  });
  const get = (url: string, token = ctx.adminToken) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });

  it('exports the documents the list shows, oldest first, with their lines in the printed unit', async () => {
    const res = await get(`/exports/documents.xlsx?nodeId=${ids['LPS-SW-ZS1']}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="documents-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const book = await readXlsx(res.rawPayload);
    const documents = book.getWorksheet('单据 Documents')!;
    const lines = book.getWorksheet('明细 Lines')!;
    expect(documents.getCell('A1').value).toBe('单号 / Number');
    const list = await admin.get(`/documents?nodeId=${ids['LPS-SW-ZS1']}&order=asc&limit=500`);
    expect(dataRows(documents).map((r) => r[0])).toEqual(list.body.items.map((d: { number: string }) => d.number));

    const row = dataRows(documents).find((r) => r[0] === transfer.number)!;
    expect(row.slice(1, 8)).toEqual([
      '调拨单 transfer',
      '在途',
      'LPS-SW-ZS1',
      expect.any(String),
      'LPS-SW-LZ1',
      expect.any(String),
      '月度补充',
    ]);
    expect(row[11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/); // shipped, Beijing time
    const mine = dataRows(lines).filter((r) => r[0] === transfer.number);
    expect(mine.map((r) => r[8]).filter(Boolean)).toHaveLength(2); // two cylinders by asset code
    const diesel = mine.find((r) => r[4] === 'DIESEL-0')!;
    const [item] = await ctx.db.query<{ base_units_per_unit: number }>('SELECT base_units_per_unit FROM item WHERE code = $1', [
      'DIESEL-0',
    ]);
    expect(diesel[9]).toBeCloseTo(25 / Number(item!.base_units_per_unit), 6);

    // Text that looks like a formula stays text.
    const receiptRow = dataRows(documents).find((r) => r[7] === '=HYPERLINK("http://evil","点我")');
    expect(receiptRow).toBeDefined();
    const cell = documents.getCell(`H${dataRows(documents).indexOf(receiptRow!) + 2}`);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it('filters like the list (kind, number, Beijing days) and keeps to the user’s scope', async () => {
    const byNumber = await readXlsx((await get(`/exports/documents.xlsx?kind=transfer&number=${transfer.number}`)).rawPayload);
    expect(dataRows(byNumber.getWorksheet('单据 Documents')!).map((r) => r[0])).toEqual([transfer.number]);
    // Days are Beijing days: the transfer was made today there, and not before.
    const beijingDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const created = Date.parse((await admin.get(`/documents/${transfer.id}`)).body.createdAt);
    const [day, dayBefore] = [beijingDay(created), beijingDay(created - 86_400_000)];
    const onDay = await readXlsx(
      (await get(`/exports/documents.xlsx?kind=transfer&createdFrom=${day}&createdTo=${day}`)).rawPayload,
    );
    expect(dataRows(onDay.getWorksheet('单据 Documents')!).map((r) => r[0])).toContain(transfer.number);
    const before = await readXlsx((await get(`/exports/documents.xlsx?kind=transfer&createdTo=${dayBefore}`)).rawPayload);
    expect(dataRows(before.getWorksheet('单据 Documents')!).map((r) => r[0])).not.toContain(transfer.number);
    const after = await readXlsx(
      (await get(`/exports/documents.xlsx?kind=transfer&createdFrom=${beijingDay(created + 86_400_000)}`)).rawPayload,
    );
    expect(dataRows(after.getWorksheet('单据 Documents')!).map((r) => r[0])).not.toContain(transfer.number);

    const baseKeeper = await ctx.login('base.keeper');
    const theirs = await readXlsx((await get('/exports/documents.xlsx', baseKeeper)).rawPayload);
    const numbers = dataRows(theirs.getWorksheet('单据 Documents')!).map((r) => r[0]);
    expect(numbers).not.toContain(transfer.number);
    const visible = await client(ctx, () => baseKeeper).get('/documents?limit=500&order=asc');
    expect(numbers).toEqual(visible.body.items.map((d: { number: string }) => d.number));

    expect((await get('/exports/documents.xlsx?limit=5')).statusCode).toBe(400);
    expect((await get('/exports/documents.xlsx?createdFrom=yesterday')).statusCode).toBe(400);
    expect((await get('/exports/documents.xlsx?nodeId=nope')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/exports/documents.xlsx' })).statusCode).toBe(401);
  });
});
