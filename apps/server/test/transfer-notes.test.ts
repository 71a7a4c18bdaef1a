import { beforeAll, describe, expect, it } from 'vitest';
import { CODES_PER_ROW, transferNoteModel, type NoteInput } from '../src/labels/transfer-note.ts';
import { client, idOf } from './ledger-support.ts';
import { bearer, describeEachDatabase, useTestApp } from './support.ts';

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
const mediaBoxes = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));

describe('the transfer note model', () => {
  const node = (code: string, nameZh: string) => ({ code, nameZh, nameEn: code, address: null });
  const cylinder = {
    code: 'CYL-6.8-30',
    nameZh: '碳纤维气瓶',
    nameEn: 'Cylinder',
    unitZh: '只',
    unitEn: 'pc',
    baseUnitsPerUnit: 1,
  };
  const meal = {
    code: 'MEAL-SELFHEAT',
    nameZh: '自热食品',
    nameEn: 'Meal',
    unitZh: '份',
    unitEn: 'serving',
    baseUnitsPerUnit: 1,
  };
  const diesel = { code: 'DIESEL-0', nameZh: '0号柴油', nameEn: 'Diesel', unitZh: '升', unitEn: 'L', baseUnitsPerUnit: 10 };
  const base: NoteInput = {
    kind: 'transfer',
    number: 'TR-2026-000042',
    state: 'in-transit',
    reference: 'replenishment 补充',
    from: node('LPS-BASE', '六盘水支队战勤保障基地'),
    to: { ...node('LPS-SW-ZS1', '钟山一站'), address: '钟山区' },
    lines: [
      { item: cylinder, qty: 1, lot: null, asset: { code: 'GZ-LPS-0000001', serialNo: 'S1' }, kit: null },
      { item: meal, qty: 4, lot: { lotNo: 'M-1', expiresOn: '2027-06-01' }, asset: null, kit: null },
      { item: cylinder, qty: 1, lot: null, asset: { code: 'GZ-LPS-0000002', serialNo: 'S2' }, kit: null },
      { item: meal, qty: 2, lot: { lotNo: 'M-1', expiresOn: '2027-06-01' }, asset: null, kit: null },
      { item: meal, qty: 1, lot: { lotNo: 'M-2', expiresOn: null }, asset: null, kit: null },
      { item: diesel, qty: 205, lot: null, asset: null, kit: null },
    ],
    createdByName: 'base.keeper',
    createdAt: '2026-11-29T08:00:00.000Z',
    meta: { shipAt: '2026-11-29T09:30:00.000Z', shipBy: 'truck.driver' },
    printedAt: '2026-11-29T10:00:00.000Z',
  };

  it('puts an item’s serialised units on one row by code and each lot on its own row, in Beijing time', () => {
    const note = transferNoteModel(base);
    expect(note.title).toBe('物资调拨单 Transfer note');
    expect(note.qrText).toBe('TR-2026-000042');
    expect(note.rows).toEqual([
      {
        no: 1,
        itemCode: 'CYL-6.8-30',
        name: '碳纤维气瓶',
        detail: '',
        codes: ['GZ-LPS-0000001', 'GZ-LPS-0000002'],
        qty: 2,
        unit: '只',
      },
      {
        no: 2,
        itemCode: 'MEAL-SELFHEAT',
        name: '自热食品',
        detail: '批号 M-1，有效期至 2027-06-01',
        codes: [],
        qty: 6,
        unit: '份',
      },
      { no: 3, itemCode: 'MEAL-SELFHEAT', name: '自热食品', detail: '批号 M-2', codes: [], qty: 1, unit: '份' },
      // Bulk quantities are stored in base units (tenths of a litre here) and printed in litres.
      { no: 4, itemCode: 'DIESEL-0', name: '0号柴油', detail: '', codes: [], qty: 20.5, unit: '升' },
    ]);
    expect(Object.fromEntries(note.fields)).toMatchObject({
      '状态 State': '在途',
      '调入 To': 'LPS-SW-ZS1 钟山一站（钟山区）',
      '制单 Created': 'base.keeper  2026-11-29 16:00',
      '发运 Shipped': 'truck.driver  2026-11-29 17:30',
      '事由 Reference': 'replenishment 补充',
    });
    expect(note.fields.map(([label]) => label)).not.toContain('收货 Received');
    expect(note.signatures).toHaveLength(3);
  });

  it('names sealed modules with their contents, splits long code lists, and shows what went missing', () => {
    const many = Array.from({ length: CODES_PER_ROW * 2 + 3 }, (_, i) => ({
      item: cylinder,
      qty: 1,
      lot: null,
      asset: { code: `GZ-LPS-${String(i).padStart(7, '0')}`, serialNo: `S${i}` },
      kit: null,
    }));
    const note = transferNoteModel({
      ...base,
      kind: 'dispatch',
      state: 'partially-received',
      lines: [
        ...many,
        {
          item: { ...cylinder, code: 'MOD-SCBA', nameZh: '空呼模块箱' },
          qty: 1,
          lot: null,
          asset: { code: 'GZ-LPS-0009999', serialNo: 'BOX' },
          kit: { lines: 3, units: 12 },
        },
      ],
      meta: { receivedAt: '2026-11-29T11:00:00.000Z', receivedBy: 'zs1.keeper', missing: [{ qty: 2 }, { qty: 1 }] },
    });
    expect(note.title).toBe('应急调派单 Dispatch note');
    expect(note.rows.map((r) => r.qty)).toEqual([CODES_PER_ROW, CODES_PER_ROW, 3, 1]);
    expect(note.rows[3]!.codes).toEqual(['GZ-LPS-0009999（封箱：3 项 12 件）']);
    expect(Object.fromEntries(note.fields)).toMatchObject({
      '状态 State': '部分收货',
      '收货 Received': 'zs1.keeper  2026-11-29 19:00',
      '短少 Missing': '3 件（见系统记录）',
    });
  });
});

describeEachDatabase('printing transfer notes', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  const ids: Record<string, string> = {};
  let transfer: { id: string; number: string };
  let second: { id: string; number: string };
  beforeAll(async () => {
    for (const code of ['LPS-BASE', 'LPS-SW-ZS1', 'LPS-SW-LZ1']) ids[code] = await idOf(ctx.db, 'node', code);
    for (const code of ['CYL-6.8-30', 'DIESEL-0', 'MEAL-SELFHEAT']) ids[code] = await idOf(ctx.db, 'item', code);
    const stock = await admin.post('/receipts', {
      nodeId: ids['LPS-SW-ZS1'],
      source: 'purchase',
      lines: [
        { itemId: ids['CYL-6.8-30'], qty: 45, serials: Array.from({ length: 45 }, (_, i) => `TN-${kind}-${i}`) },
        { itemId: ids['MEAL-SELFHEAT'], qty: 10, lot: { lotNo: `TN-MEAL-${kind}`, expiresOn: '2028-01-01' } },
        { itemId: ids['DIESEL-0'], qty: 100 },
      ],
    });
    expect(stock.status, JSON.stringify(stock.body)).toBe(201);
    const made = await admin.post('/transfers/batch', {
      transfers: [
        {
          transfer: {
            fromNodeId: ids['LPS-SW-ZS1'],
            toNodeId: ids['LPS-SW-LZ1'],
            reference: '换防 rotation',
            lines: [
              { itemId: ids['CYL-6.8-30'], qty: 45 },
              { itemId: ids['MEAL-SELFHEAT'], qty: 4 },
              { itemId: ids['DIESEL-0'], qty: 20 },
            ],
          },
        },
        { transfer: { fromNodeId: ids['LPS-SW-ZS1'], toNodeId: ids['LPS-BASE'], lines: [{ itemId: ids['DIESEL-0'], qty: 5 }] } },
      ],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    [transfer, second] = made.body.results.map((r: { document: { id: string; number: string } }) => r.document);
    expect((await admin.post('/transfers/batch/ship', { ids: [transfer.id] })).status).toBe(200);
  });

  const get = (url: string, token = ctx.adminToken) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
  const post = (ids: unknown, token = ctx.adminToken) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/transfers/notes', headers: bearer(token), payload: { ids } });

  it('prints one transfer as an A4 note with the Chinese font embedded, on as many pages as its lines need', async () => {
    const res = await get(`/transfers/${transfer.id}/note`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="transfer-note-${transfer.number}.pdf"`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    for (const box of mediaBoxes(pdf)) {
      expect(box[2]).toBeCloseTo(595.28, 1);
      expect(box[3]).toBeCloseTo(841.89, 1);
    }
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+/);
    expect(pdf.length).toBeLessThan(1024 * 1024);
  });

  it('prints several notes in the order given, each on its own page', async () => {
    const one = pageCount((await get(`/transfers/${second.id}/note`)).rawPayload);
    const first = pageCount((await get(`/transfers/${transfer.id}/note`)).rawPayload);
    const both = await post([second.id, transfer.id]);
    expect(both.statusCode, both.body).toBe(200);
    expect(both.headers['x-note-count']).toBe('2');
    expect(both.headers['content-disposition']).toBe('attachment; filename="transfer-notes-2.pdf"');
    expect(pageCount(both.rawPayload)).toBe(one + first);
  });

  it('finds a transfer by the number its note carries, whole or by its beginning', async () => {
    const found = await admin.get(`/codes/${encodeURIComponent(transfer.number)}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ kind: 'document', document: { id: transfer.id, state: 'in-transit' } });
    expect((await admin.get(`/codes/${transfer.number.toLowerCase()}`)).body.document.id).toBe(transfer.id);

    const exact = await admin.get(`/documents?kind=transfer&number=${transfer.number}`);
    expect(exact.body.items.map((d: { id: string }) => d.id)).toEqual([transfer.id]);
    const prefix = await admin.get(`/documents?kind=transfer&number=${transfer.number.slice(0, -1).toLowerCase()}&limit=500`);
    expect(prefix.body.items.map((d: { id: string }) => d.id)).toContain(transfer.id);
    expect(prefix.body.items.every((d: { number: string }) => d.number.startsWith(transfer.number.slice(0, -1)))).toBe(true);
    // LIKE wildcards are literal text here.
    expect((await admin.get('/documents?number=%25')).body.items).toEqual([]);
    expect((await admin.get('/documents?number=TR_2026')).body.items).toEqual([]);
    expect((await admin.get(`/documents?number=${'x'.repeat(41)}`)).status).toBe(400);
  });

  it('shows a note only to users who see its source or destination, and refuses bad selections', async () => {
    const keeper = await ctx.login('zs1.keeper');
    expect((await get(`/transfers/${transfer.id}/note`, keeper)).statusCode).toBe(200);
    const baseKeeper = await ctx.login('base.keeper');
    expect((await get(`/transfers/${second.id}/note`, baseKeeper)).statusCode).toBe(200);
    const hidden = await get(`/transfers/${transfer.id}/note`, baseKeeper);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await post([second.id, transfer.id], baseKeeper)).statusCode).toBe(404);
    expect((await admin.get(`/codes/${encodeURIComponent(transfer.number)}`)).status).toBe(200);

    expect((await post([])).statusCode).toBe(400);
    expect((await post([transfer.id, transfer.id])).statusCode).toBe(400);
    expect((await post(Array.from({ length: 201 }, () => transfer.id))).statusCode).toBe(400);
    expect((await post(['not-a-uuid'])).statusCode).toBe(400);
    expect((await post('all')).statusCode).toBe(400);
    const unknown = await post([transfer.id, '00000000-0000-4000-8000-000000000003']);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details).toMatchObject({ id: '00000000-0000-4000-8000-000000000003' });
    const receipt = (await ctx.db.query<{ id: string }>("SELECT id FROM stock_document WHERE kind = 'receipt' LIMIT 1"))[0]!.id;
    expect((await get(`/transfers/${receipt}/note`)).statusCode).toBe(404);
    expect((await get('/transfers/nope/note')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/transfers/${transfer.id}/note` })).statusCode).toBe(401);
  });
});
