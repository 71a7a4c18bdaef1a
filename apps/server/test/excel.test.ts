import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../src/auth/actor.ts';
import type { Database } from '../src/db/database.ts';
import { exportStock } from '../src/excel/export-stock.ts';
import { importOpeningStock } from '../src/excel/import-opening-stock.ts';
import { OPENING_SHEET } from '../src/excel/read-opening-stock.ts';
import { XLSX_MEDIA_TYPE } from '../src/excel/sheet-writer.ts';
import { balance, client, idOf } from './ledger-support.ts';
import { bearer, describeEachDatabase, useTestApp } from './support.ts';

type Cell = string | number | Date | { formula: string; result?: unknown } | null;
const HEADER = ['nodeCode', 'itemCode', 'qty', 'lotNo', 'producedOn', 'expiresOn', 'serials'];

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A workbook like the template, built here: one sheet, a header and the rows given. */
async function sheetOf(rows: Cell[][], options: { sheetName?: string; header?: string[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? OPENING_SHEET);
  sheet.addRow(options.header ?? HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDatabase('Excel exports and the opening-stock import', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  const ids: Record<string, string> = {};
  const get = (url: string, token = ctx.adminToken) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
  const upload = (body: Buffer | string, dryRun: boolean, options: { token?: string; contentType?: string } = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/imports/opening-stock?dryRun=${dryRun}`,
      headers: { ...bearer(options.token ?? ctx.adminToken), 'content-type': options.contentType ?? XLSX_MEDIA_TYPE },
      body,
    });
  const movements = async () =>
    Number((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement'))[0]!.n);

  beforeAll(async () => {
    for (const code of ['LPS-BASE', 'LPS-SW-ZS1']) ids[code] = await idOf(ctx.db, 'node', code);
    for (const code of ['CYL-6.8-30', 'DIESEL-0', 'MEAL-SELFHEAT']) ids[code] = await idOf(ctx.db, 'item', code);
  });

  it('exports stock with bilingual headers, a frozen header row, number formats and every matching row', async () => {
    const res = await get(`/exports/stock.xlsx?nodeId=${ids['LPS-BASE']}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="stock-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheet = (await readXlsx(res.rawPayload)).getWorksheet('库存 Stock')!;
    expect(sheet.getCell('A1').value).toBe('库存点编码 / Node code');
    expect(sheet.getCell('I1').value).toBe('在库 / On hand');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(16);
    const list = await admin.get(`/stock?nodeId=${ids['LPS-BASE']}&limit=500`);
    expect(sheet.actualRowCount - 1).toBe(list.body.total);
    expect(list.body.total).toBeGreaterThan(5);
    const first = list.body.items[0];
    expect(sheet.getCell('D2').value).toBe(first.itemCode);
    expect(sheet.getCell('I2').value).toBe(first.onHand);
    expect(sheet.getCell('I2').numFmt).toBe('#,##0');
    expect((await get('/exports/stock.xlsx?limit=5')).statusCode).toBe(400);
    expect((await get('/exports/stock.xlsx?cursor=abc')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/exports/stock.xlsx' })).statusCode).toBe(401);
  });

  it('pages the export by cursor, so a network larger than the deepest offset exports whole', async () => {
    // Seven rows a page over the whole demo: dozens of cursor pages, every row once, in the list's order.
    const bytes = await exportStock(ctx.deps, systemActor('test'), { sort: 'item' }, { pageSize: 7 });
    const sheet = (await readXlsx(bytes)).getWorksheet('库存 Stock')!;
    const list = await admin.get('/stock?sort=item&limit=500');
    expect(list.body.total).toBeGreaterThan(7 * 10);
    expect(sheet.actualRowCount - 1).toBe(list.body.total);
    const codes = (sheet.getColumn(4).values as unknown[]).slice(2);
    expect(codes).toEqual(list.body.items.map((r: { itemCode: string }) => r.itemCode));
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const [org] = await ctx.db.query<{ id: string }>("SELECT id FROM organisation WHERE code = 'GZ-LPS'");
    const node = await admin.post('/nodes', {
      code: 'XL-INJECT',
      organisationId: org!.id,
      type: 'micro-station',
      nameZh: '=HYPERLINK("http://evil","点我")',
      nameEn: '@SUM(1+1)',
      lat: 26.6,
      lng: 104.8,
    });
    expect(node.status, JSON.stringify(node.body)).toBe(201);
    const receipt = await admin.post('/receipts', {
      nodeId: node.body.id,
      source: 'purchase',
      lines: [{ itemId: ids['DIESEL-0'], qty: 10 }],
    });
    expect(receipt.status).toBe(201);
    const res = await get(`/exports/stock.xlsx?nodeId=${node.body.id}`);
    const cell = (await readXlsx(res.rawPayload)).getWorksheet('库存 Stock')!.getCell('B2');
    expect(cell.value).toBe('=HYPERLINK("http://evil","点我")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe('@');
  });

  it('exports the shortfall report', async () => {
    const res = await get('/exports/shortfalls.xlsx');
    expect(res.statusCode).toBe(200);
    const sheet = (await readXlsx(res.rawPayload)).getWorksheet('储备缺口 Shortfalls')!;
    const report = await admin.get('/reserve-standards/shortfalls');
    expect(sheet.actualRowCount - 1).toBe(report.body.items.length);
    expect(sheet.getCell('A1').value).toBe('库存点编码 / Node code');
    if (report.body.items.length) expect(sheet.getCell('J2').value).toBe(report.body.items[0].toTarget);
  });

  it('offers a template with read-only instructions and the codes the user may use', async () => {
    const res = await get('/imports/opening-stock/template.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = await readXlsx(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([OPENING_SHEET, '说明 Instructions', '代码 Codes']);
    expect(String(workbook.getWorksheet(OPENING_SHEET)!.getCell('A1').value)).toMatch(/^nodeCode/);
    expect(
      (workbook.getWorksheet('说明 Instructions') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
    const codes = workbook.getWorksheet('代码 Codes')!;
    const nodeCodes = codes.getColumn(1).values.slice(2);
    expect(nodeCodes).toContain('LPS-BASE');
    expect(codes.getColumn(5).values).toContain('CYL-6.8-30');

    const keeper = await readXlsx((await get('/imports/opening-stock/template.xlsx', await ctx.login('zs1.keeper'))).rawPayload);
    expect(keeper.getWorksheet('代码 Codes')!.getColumn(1).values.slice(2)).toEqual(['LPS-SW-ZS1']);
    expect((await get('/imports/opening-stock/template.xlsx', await ctx.login('lps.viewer'))).statusCode).toBe(403);
  });

  it('round-trips: template filled in, dry run, import, and the stock shows it', async () => {
    const template = await readXlsx((await get('/imports/opening-stock/template.xlsx')).rawPayload);
    const sheet = template.getWorksheet(OPENING_SHEET)!;
    sheet.addRow(['LPS-SW-ZS1', 'CYL-6.8-30', 2, null, null, null, 'OPN-CYL-1, OPN-CYL-2']);
    sheet.addRow(['LPS-BASE', 'MEAL-SELFHEAT', 50, 'OPN-LOT-1', new Date(Date.UTC(2026, 5, 1)), '2027-12-01', null]);
    sheet.addRow(['LPS-BASE', 'DIESEL-0', 1000, null, null, null, null]);
    const file = Buffer.from(await template.xlsx.writeBuffer());
    const before = {
      cyl: await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['CYL-6.8-30']!),
      meal: await balance(ctx.db, ids['LPS-BASE']!, ids['MEAL-SELFHEAT']!),
    };
    const movementsBefore = await movements();

    const preview = await upload(file, true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      ok: true,
      dryRun: true,
      rows: 3,
      errors: [],
      receipts: [
        { nodeCode: 'LPS-SW-ZS1', lines: 1, units: 2, assets: 2 },
        { nodeCode: 'LPS-BASE', lines: 2, units: 1050 },
      ],
    });
    expect(await movements()).toBe(movementsBefore);

    const posted = await upload(file, false);
    expect(posted.statusCode, posted.body).toBe(201);
    const receipts = posted.json().receipts as { number: string; documentId: string }[];
    expect(receipts).toHaveLength(2);
    for (const r of receipts) expect(r.number).toMatch(/^RC-\d{4}-\d{6}$/);
    const doc = await admin.get(`/documents/${receipts[0]!.documentId}`);
    expect(doc.body).toMatchObject({ source: 'opening', kind: 'receipt' });
    expect((await balance(ctx.db, ids['LPS-SW-ZS1']!, ids['CYL-6.8-30']!)).onHand - before.cyl.onHand).toBe(2);
    expect((await balance(ctx.db, ids['LPS-BASE']!, ids['MEAL-SELFHEAT']!)).onHand - before.meal.onHand).toBe(50);
    const stock = await admin.get(`/stock?nodeId=${ids['LPS-SW-ZS1']}&itemId=${ids['CYL-6.8-30']}`);
    expect(stock.body.items[0].onHand).toBe(before.cyl.onHand + 2);
    const asset = await admin.get('/codes/OPN-CYL-2');
    expect(asset.body).toMatchObject({ kind: 'asset', asset: { serialNo: 'OPN-CYL-2', nodeId: ids['LPS-SW-ZS1'] } });
    const [lot] = await ctx.db.query<{ produced_on: string; expires_on: string }>(
      "SELECT produced_on, expires_on FROM lot WHERE lot_no = 'OPN-LOT-1'",
    );
    expect(lot).toEqual({ produced_on: '2026-06-01', expires_on: '2027-12-01' });
  });

  it('refuses bad files with clear errors and posts nothing', async () => {
    const movementsBefore = await movements();

    const wrongSheet = await upload(await sheetOf([['LPS-BASE', 'DIESEL-0', 1]], { sheetName: 'Sheet1' }), false);
    expect(wrongSheet.statusCode).toBe(400);
    expect(wrongSheet.json().details).toMatchObject({ expectedSheet: OPENING_SHEET, sheets: ['Sheet1'] });

    const missingColumns = await upload(
      await sheetOf([['LPS-BASE', 'DIESEL-0']], { header: ['nodeCode', 'itemCode', 'lotNo'] }),
      false,
    );
    expect(missingColumns.statusCode).toBe(400);
    expect(missingColumns.json().details.missingColumns).toEqual(['qty', 'producedOn', 'expiresOn', 'serials']);

    const rows: Cell[][] = [
      ['LPS-BASE', 'DIESEL-0', 'abc'],
      ['LPS-BASE', 'DIESEL-0', 1.5],
      ['LPS-BASE', 'DIESEL-0', -3],
      ['LPS-BASE', 'MEAL-SELFHEAT', 5, 'BAD-LOT', 'yesterday'],
      ['NO-SUCH-NODE', 'DIESEL-0', 5],
      ['LPS-BASE', 'NO-SUCH-ITEM', 5],
      ['LPS-BASE', 'CYL-6.8-30', 3, null, null, null, 'X-1,X-2'],
      ['LPS-BASE', 'MEAL-SELFHEAT', 5],
      ['LPS-BASE', 'CYL-6.8-30', 1, 'LOT-ON-SERIAL', null, null, 'X-9'],
      ['LPS-BASE', 'DIESEL-0', 5, null, null, null, 'S-1'],
      ['LPS-BASE', 'MEAL-SELFHEAT', 5, 'L-2', '2027-01-01', '2026-01-01'],
      ['LPS-BASE', 'DIESEL-0', { formula: '2+3', result: 5 }],
      [{ formula: '"LPS-"&"BASE"', result: 'LPS-BASE' }, 'DIESEL-0', 5],
      ['LPS-BASE', 'CYL-6.8-30', 2, null, null, null, 'DUP-A, DUP-A'],
      ['LPS-BASE', 'CYL-6.8-30', 1, null, null, null, 'OPN-CYL-1'],
      ['LPS-BASE', 'DIESEL-0', 7],
    ];
    const file = await sheetOf(rows);
    const dry = await upload(file, true);
    expect(dry.statusCode).toBe(200);
    const preview = dry.json() as { ok: boolean; rows: number; errors: { row: number; column: string; message: string }[] };
    expect(preview.ok).toBe(false);
    expect(preview.rows).toBe(rows.length);
    const at = (row: number) => preview.errors.filter((e) => e.row === row);
    expect(at(2)[0]).toMatchObject({ column: 'qty', message: expect.stringContaining('not a number') });
    expect(at(3)[0]).toMatchObject({ column: 'qty', message: expect.stringContaining('whole number') });
    expect(at(4)[0]).toMatchObject({ column: 'qty', message: expect.stringContaining('at least 1') });
    expect(at(5)[0]).toMatchObject({ column: 'producedOn', message: expect.stringContaining('not a date') });
    expect(at(6)[0]).toMatchObject({ column: 'nodeCode', message: expect.stringContaining('NO-SUCH-NODE') });
    expect(at(7)[0]).toMatchObject({ column: 'itemCode' });
    expect(at(8)[0]).toMatchObject({ column: 'serials', message: 'qty 3 but 2 serial(s)' });
    expect(at(9)[0]).toMatchObject({ column: 'lotNo', message: expect.stringContaining('tracked by lot') });
    expect(at(10)[0]).toMatchObject({ column: 'lotNo', message: expect.stringContaining('not a lot') });
    expect(at(11)[0]).toMatchObject({ column: 'serials', message: expect.stringContaining('not by serial') });
    expect(at(12)[0]).toMatchObject({ column: 'expiresOn' });
    expect(at(13)[0]).toMatchObject({ column: 'qty', message: expect.stringContaining('formula') });
    expect(at(14)[0]).toMatchObject({ column: 'nodeCode', message: expect.stringContaining('formula') });
    expect(at(15)[0]).toMatchObject({ column: 'serials', message: expect.stringContaining('appears twice') });
    expect(at(16)[0]).toMatchObject({ column: 'serials', message: expect.stringContaining('already registered') });
    expect(at(17)).toEqual([]);

    const refused = await upload(file, false);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'UNPROCESSABLE', details: { ok: false, errorCount: preview.errors.length } });

    const tooMany = await upload(await sheetOf(Array.from({ length: 10_001 }, () => ['LPS-BASE', 'DIESEL-0', 1])), false);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().details).toEqual({ rows: 10_001, max: 10_000 });

    const garbage = await upload(Buffer.from('this is not a spreadsheet at all, just bytes'), false);
    expect(garbage.statusCode).toBe(415);
    const fakeZip = await upload(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), false);
    expect(fakeZip.statusCode).toBe(415);
    expect((await upload(Buffer.alloc(0), false)).statusCode).toBe(415);
    expect((await upload('{"rows": []}', false, { contentType: 'application/json' })).statusCode).toBe(415);
    expect((await upload('a,b,c', false, { contentType: 'text/csv' })).statusCode).toBe(415);
    expect((await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 1), false)).statusCode).toBe(413);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/imports/opening-stock?dryRun=maybe',
          headers: { ...bearer(ctx.adminToken), 'content-type': XLSX_MEDIA_TYPE },
          body: file,
        })
      ).statusCode,
    ).toBe(400);

    expect(await movements()).toBe(movementsBefore);
  });

  it('lets a keeper import only into their own nodes, and a viewer not at all', async () => {
    const before = await movements();
    const keeper = await ctx.login('zs1.keeper');
    const other = await upload(
      await sheetOf([
        ['LPS-SW-ZS1', 'DIESEL-0', 5],
        ['LPS-BASE', 'DIESEL-0', 5],
      ]),
      false,
      { token: keeper },
    );
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN_SCOPE', details: { nodeCodes: ['LPS-BASE'] } });
    expect(
      (await upload(await sheetOf([['LPS-SW-ZS1', 'DIESEL-0', 5]]), false, { token: await ctx.login('lps.viewer') })).statusCode,
    ).toBe(403);
    expect(await movements()).toBe(before);
    const own = await upload(await sheetOf([['LPS-SW-ZS1', 'DIESEL-0', 5]]), false, { token: keeper });
    expect(own.statusCode, own.body).toBe(201);
    expect(await movements()).toBe(before + 1);
  });
  it('posts the receipts of every node or of none: a failure after the documents are written rolls them all back', async () => {
    const before = await movements();
    const documentsBefore = Number((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_document'))[0]!.n);
    let inserts = 0;
    // The same database, except that the movements cannot be written — after both nodes' documents were.
    const failing: Database = {
      ...ctx.db,
      query: (sql, params) => ctx.db.query(sql, params),
      exec: (sql) => ctx.db.exec(sql),
      close: () => ctx.db.close(),
      transaction: (work, options) =>
        ctx.db.transaction(
          (tx) =>
            work({
              query: async (sql, params) => {
                if (/INSERT INTO stock_document/i.test(sql)) inserts++;
                if (/INSERT INTO stock_movement/i.test(sql)) throw new Error('disk full (injected)');
                return tx.query(sql, params);
              },
              exec: (sql) => tx.exec(sql),
            }),
          options,
        ),
    };
    const file = await sheetOf([
      ['LPS-SW-ZS1', 'DIESEL-0', 5],
      ['LPS-BASE', 'DIESEL-0', 5],
    ]);
    await expect(importOpeningStock({ ...ctx.deps, db: failing }, systemActor('test'), file, { dryRun: false })).rejects.toThrow(
      'disk full',
    );
    expect(inserts).toBe(1); // both receipts in one statement
    expect(await movements()).toBe(before);
    expect(Number((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_document'))[0]!.n)).toBe(
      documentsBefore,
    );
  });
});
