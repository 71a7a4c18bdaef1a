import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/auth/actor.ts';
import { AppError } from '../src/http/app-error.ts';
import { findCjkFont } from '../src/labels/find-cjk-font.ts';
import { printLabels } from '../src/labels/print-labels.ts';
import { mmToPt, renderLabels } from '../src/labels/render-labels.ts';
import { client, idOf } from './ledger-support.ts';
import { bearer, describeEachDatabase, useTestApp } from './support.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../test-artifacts');

/** The page boxes of a PDF written by pdfkit (page objects are plain text there, not in object streams). */
function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('label rendering', () => {
  const font = findCjkFont();
  const label = (i: number) => ({
    code: `GZ-LPS-${String(i).padStart(7, '0')}`,
    itemNameZh: '正压式消防空气呼吸器',
    itemNameEn: 'Positive-pressure SCBA',
    serialNo: `SN-${i}`,
    nodeCode: 'LPS-BASE',
  });

  it('keeps a hundred labels with Chinese text under a megabyte by embedding a subset of the font', async () => {
    const pdf = await renderLabels(
      Array.from({ length: 100 }, (_, i) => label(i)),
      { layout: 'label', widthMm: 50, heightMm: 30, font },
    );
    expect(pageCount(pdf)).toBe(100);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+/);
  });

  it('puts 24 labels on an A4 sheet and starts a new sheet for the 25th', async () => {
    const pdf = await renderLabels(
      Array.from({ length: 25 }, (_, i) => label(i)),
      { layout: 'a4', widthMm: 70, heightMm: 37, font },
    );
    expect(pageCount(pdf)).toBe(2);
    for (const box of mediaBoxes(pdf)) {
      expect(box[2]).toBeCloseTo(595.28, 1);
      expect(box[3]).toBeCloseTo(841.89, 1);
    }
  });

  it('refuses labels too large for the A4 grid and labels too narrow for text beside the QR', async () => {
    await expect(renderLabels([label(1)], { layout: 'a4', widthMm: 80, heightMm: 30, font })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(renderLabels([label(1)], { layout: 'label', widthMm: 25, heightMm: 30, font })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('answers 503 UNAVAILABLE when no Chinese font is installed', () => {
    const find = () => findCjkFont({ known: [], fcList: () => '' });
    expect(find).toThrow(AppError);
    try {
      find();
    } catch (error) {
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).message).toContain('fonts-noto-cjk');
    }
  });

  it('falls back to a font fontconfig lists for Chinese, preferring a Simplified Chinese regular face', () => {
    const listed =
      '/x/NotoSansCJK-Bold.ttc\tNotoSansCJKjp-Bold\n/x/NotoSansCJK-Regular.ttc\tNotoSansCJKsc-Regular\n/x/font.pcf.gz\tfixed\n';
    expect(findCjkFont({ known: [], fcList: () => listed, exists: () => true })).toEqual({
      path: '/x/NotoSansCJK-Regular.ttc',
      family: 'NotoSansCJKsc-Regular',
    });
  });
});

describeEachDatabase('asset labels', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  let baseAssets: string[] = [];
  let baseReceiptId = '';
  let zs1Assets: string[] = [];
  let keeperToken = '';
  const print = (payload: unknown, token = ctx.adminToken) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/labels', headers: bearer(token), payload: payload as object });

  beforeAll(async () => {
    const cylinder = await idOf(ctx.db, 'item', 'CYL-6.8-30');
    const receive = async (nodeCode: string, serials: string[]) => {
      const res = await admin.post('/receipts', {
        nodeId: await idOf(ctx.db, 'node', nodeCode),
        source: 'purchase',
        lines: [{ itemId: cylinder, qty: serials.length, serials }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.id as string, assetIds: res.body.lines[0].assetIds as string[] };
    };
    const base = await receive('LPS-BASE', ['LBL-B-1', 'LBL-B-2', 'LBL-B-3']);
    baseAssets = base.assetIds;
    baseReceiptId = base.id;
    zs1Assets = (await receive('LPS-SW-ZS1', ['LBL-Z-1', 'LBL-Z-2'])).assetIds;
    keeperToken = await ctx.login('zs1.keeper');
  });

  it('prints one 50 × 30 mm page per asset with the Chinese font embedded, as an attachment', async () => {
    const res = await print({ assetIds: baseAssets });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="labels-3\.pdf"$/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(3);
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(3);
    for (const [x0, y0, x1, y1] of boxes) {
      expect([x0, y0]).toEqual([0, 0]);
      expect(x1).toBeCloseTo(141.73, 2);
      expect(y1).toBeCloseTo(85.04, 2);
    }
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/FontFile[23]? /);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);

    if (existsSync('/usr/bin/pdftoppm')) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `label-${kind}.pdf`);
      writeFileSync(file, pdf);
      execFileSync('pdftoppm', [
        '-r',
        '300',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        '-png',
        file,
        path.join(ARTIFACTS, `label-${kind}`),
      ]);
      const png = path.join(ARTIFACTS, `label-${kind}.png`);
      expect(statSync(png).size).toBeGreaterThan(5000);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+3/);
      expect(info).toMatch(/Page size:\s+141\.73\d* x 85\.03\d* pts/);
    }
  });

  it('prints every asset of a receipt by code, in batches, and sizes labels on request', async () => {
    const all = await print({ receiptId: baseReceiptId, widthMm: 60, heightMm: 40 });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers['x-label-total']).toBe('3');
    expect(pageCount(all.rawPayload)).toBe(3);
    expect(mediaBoxes(all.rawPayload)[0]![2]).toBeCloseTo(mmToPt(60), 2);
    expect(all.headers['content-disposition']).toMatch(/filename="labels-RC-\d{4}-\d{6}\.pdf"/);
    const rest = await print({ receiptId: baseReceiptId, offset: 2 });
    expect(rest.statusCode).toBe(200);
    expect(pageCount(rest.rawPayload)).toBe(1);
    expect((await print({ receiptId: baseReceiptId, offset: 3 })).statusCode).toBe(400);
    const sheet = await print({ receiptId: baseReceiptId, layout: 'a4' });
    expect(pageCount(sheet.rawPayload)).toBe(1);
    expect(mediaBoxes(sheet.rawPayload)[0]![3]).toBeCloseTo(841.89, 1);
  });

  it('refuses bad selections with clear errors', async () => {
    const unknown = await print({ assetIds: [baseAssets[0], '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'REFERENCE_NOT_FOUND',
      details: { missing: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect((await print({ assetIds: [] })).statusCode).toBe(400);
    expect((await print({})).statusCode).toBe(400);
    expect((await print({ assetIds: baseAssets, receiptId: baseReceiptId })).statusCode).toBe(400);
    const tooMany = Array.from({ length: 2001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await print({ assetIds: tooMany })).statusCode).toBe(400);
    expect((await print({ receiptId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await print({ assetIds: baseAssets, layout: 'a4', widthMm: 80 })).statusCode).toBe(400);
    expect((await print({ assetIds: baseAssets, widthMm: 5 })).statusCode).toBe(400);
    const noAssets = await admin.post('/receipts', {
      nodeId: await idOf(ctx.db, 'node', 'LPS-BASE'),
      source: 'purchase',
      lines: [{ itemId: await idOf(ctx.db, 'item', 'DIESEL-0'), qty: 10 }],
    });
    expect((await print({ receiptId: noAssets.body.id })).statusCode).toBe(422);
  });

  it('lets a keeper print the labels of their own node only', async () => {
    const own = await print({ assetIds: zs1Assets }, keeperToken);
    expect(own.statusCode, own.body).toBe(200);
    expect(pageCount(own.rawPayload)).toBe(2);
    const other = await print({ assetIds: [zs1Assets[0], baseAssets[0]] }, keeperToken);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FORBIDDEN_SCOPE');
    expect((await print({ receiptId: baseReceiptId }, keeperToken)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/labels', payload: { assetIds: zs1Assets } })).statusCode).toBe(
      401,
    );
  });

  it('answers 503 when the host has no Chinese font, before rendering anything', async () => {
    const noFont = () => findCjkFont({ known: [], fcList: () => '' });
    await expect(printLabels(ctx.deps, systemActor(), { assetIds: baseAssets }, noFont)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      status: 503,
    });
  });
});
