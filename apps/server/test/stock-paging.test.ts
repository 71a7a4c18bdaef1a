import { expect, it } from 'vitest';
import { client } from './ledger-support.ts';
import { describeEachDatabase, useTestApp } from './support.ts';

type StockPage = {
  items: { nodeCode: string; itemCode: string; available: number; onHand: number }[];
  total: number;
  nextCursor: string | null;
};

describeEachDatabase('paging the stock list', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);
  const page = async (query: string) => {
    const res = await admin.get(`/stock?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as StockPage;
  };
  const key = (r: StockPage['items'][number]) => `${r.nodeCode}|${r.itemCode}`;

  for (const sort of ['node', 'item', 'available', 'onHand'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`walks every row once with the cursor, in the same order as offsets (sort ${sort}, ${order})`, async () => {
        const all = await page(`sort=${sort}&order=${order}&limit=500`);
        expect(all.total).toBeGreaterThan(40);
        const walked: StockPage['items'] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const p: StockPage = await page(
            `sort=${sort}&order=${order}&limit=17${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          expect(p.items.length).toBeLessThanOrEqual(17);
          expect(p.total).toBe(all.total);
          walked.push(...p.items);
          cursor = p.nextCursor;
          pages++;
        } while (cursor && pages < 100);
        expect(walked.map(key)).toEqual(all.items.map(key));
        expect(new Set(walked.map(key)).size).toBe(walked.length);
        // Offsets give the same sequence (a quantity sort first finds the page's last value, ties included).
        const byOffset: StockPage['items'] = [];
        for (let offset = 0; offset < all.total; offset += 17)
          byOffset.push(...(await page(`sort=${sort}&order=${order}&limit=17&offset=${offset}`)).items);
        expect(byOffset.map(key)).toEqual(all.items.map(key));
        // The sort really is the requested one.
        const value = (r: StockPage['items'][number]) =>
          sort === 'available' ? r.available : sort === 'onHand' ? r.onHand : sort === 'node' ? r.nodeCode : r.itemCode;
        for (let i = 1; i < walked.length; i++) {
          const [a, b] = [value(walked[i - 1]!), value(walked[i]!)];
          if (order === 'asc') expect(a <= b).toBe(true);
          else expect(a >= b).toBe(true);
        }
      });
    }
  }

  it('keeps filters with the cursor and ends with a null cursor', async () => {
    const first = await page('q=CYL&limit=3');
    expect(first.total).toBeLessThan((await page('limit=1')).total);
    const rest = await page(`q=CYL&limit=500&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(rest.items.map(key)).not.toContain(key(first.items[0]!));
    expect(rest.nextCursor).toBeNull();
    expect(first.items.length + rest.items.length).toBe(first.total);
  });

  it('refuses foreign, forged and mixed paging parameters with 400 and deep offsets with a pointer to the cursor', async () => {
    const first = await page('sort=node&limit=5');
    const otherSort = await admin.get(`/stock?sort=item&limit=5&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(otherSort.status).toBe(400);
    expect(otherSort.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'cursor' } });
    const otherOrder = await admin.get(`/stock?sort=node&order=desc&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(otherOrder.status).toBe(400);
    for (const forged of [
      'not-base64-json',
      Buffer.from('{"sort":"node","order":"asc","after":[1,2]}').toString('base64url'),
      Buffer.from('{"sort":"available","order":"asc","after":["x","y","z"]}').toString('base64url'),
      Buffer.from('{"sort":"node","order":"asc","after":["a"]}').toString('base64url'),
      Buffer.from('[]').toString('base64url'),
      Buffer.from('null').toString('base64url'),
    ]) {
      const res = await admin.get(`/stock?sort=node&cursor=${encodeURIComponent(forged)}`);
      expect(res.status, forged).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const both = await admin.get(`/stock?offset=5&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(both.status).toBe(400);
    const deep = await admin.get('/stock?offset=5001');
    expect(deep.status).toBe(400);
    expect(deep.body.message).toContain('cursor');
    expect((await admin.get('/stock?offset=5000')).status).toBe(200);
    const deepAssets = await admin.get('/assets?offset=5001');
    expect(deepAssets.status).toBe(400);
  });
});

describeEachDatabase('stock filters and reserve standards', (kind) => {
  const ctx = useTestApp(kind);
  const admin = client(ctx, () => ctx.adminToken);

  it('lists only rows with quarantined stock when asked', async () => {
    const all = (await admin.get('/stock?limit=500')).body as { items: { quarantined: number }[]; total: number };
    const res = await admin.get('/stock?quarantined=true&limit=500');
    expect(res.status).toBe(200);
    const rows = res.body.items as { quarantined: number }[];
    expect(rows.length).toBe(all.items.filter((r) => r.quarantined > 0).length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.quarantined > 0)).toBe(true);
    expect((await admin.get('/stock?quarantined=maybe')).status).toBe(400);
  });

  it('lists reserve standards in scope with the stored backup ratio', async () => {
    const { body: page } = await admin.get('/reserve-standards?limit=5');
    expect(page.total).toBeGreaterThan(5);
    expect(page.items).toHaveLength(5);
    const first = page.items[0] as { nodeId: string; itemId: string; minReserve: number; target: number };
    const put = await admin.put('/reserve-standards', {
      nodeId: first.nodeId,
      itemId: first.itemId,
      minReserve: first.minReserve,
      target: first.target + 1,
      backupRatio: '3:1',
    });
    expect(put.status).toBe(200);
    const one = await admin.get(`/reserve-standards?nodeId=${first.nodeId}&itemId=${first.itemId}`);
    expect(one.body.items).toEqual([expect.objectContaining({ target: first.target + 1, backupRatio: '3:1' })]);
    expect(one.body.total).toBe(1);

    // A station keeper sees only the standards of their own station.
    const keeper = client(ctx, () => token);
    let token = '';
    token = await ctx.login('zs1.keeper');
    const own = await keeper.get('/reserve-standards?limit=500');
    expect(own.status).toBe(200);
    expect(new Set((own.body.items as { nodeCode: string }[]).map((r) => r.nodeCode))).toEqual(new Set(['LPS-SW-ZS1']));
    expect((await admin.get('/reserve-standards?nodeId=not-a-uuid')).status).toBe(400);
    expect((await admin.get('/reserve-standards?limit=0')).status).toBe(400);
  });
});
