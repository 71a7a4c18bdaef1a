import { expect, it } from 'vitest';
import { bearer, describeEachDatabase, useTestApp } from './support.ts';

describeEachDatabase('organisations, nodes and the catalogue', (kind) => {
  const ctx = useTestApp(kind);
  const get = (url: string, token = ctx.adminToken) => ctx.app.inject({ method: 'GET', url, headers: bearer(token) });
  const post = (url: string, payload: object, token = ctx.adminToken) =>
    ctx.app.inject({ method: 'POST', url, payload, headers: bearer(token) });
  const patch = (url: string, payload: object, token = ctx.adminToken) =>
    ctx.app.inject({ method: 'PATCH', url, payload, headers: bearer(token) });

  it('holds the demo 1+8+N network: one base, eight sub-warehouses and N further nodes', async () => {
    const all = (await get('/api/v1/nodes?limit=500')).json();
    const byType = (t: string) => all.items.filter((n: { type: string }) => n.type === t).length;
    expect(byType('base')).toBe(1);
    expect(byType('sub-warehouse')).toBe(8);
    expect(byType('partner')).toBeGreaterThanOrEqual(3);
    expect(byType('vehicle')).toBe(4);
    expect(all.items.every((n: { isDemo: boolean }) => n.isDemo)).toBe(true);
    expect(all.total).toBe(all.items.length);
  });

  it('filters, sorts and pages nodes with a stable total', async () => {
    const page1 = (await get('/api/v1/nodes?type=sub-warehouse&sort=code&order=asc&limit=3&offset=0')).json();
    const page2 = (await get('/api/v1/nodes?type=sub-warehouse&sort=code&order=asc&limit=3&offset=3')).json();
    expect(page1.total).toBe(8);
    expect(page1.items).toHaveLength(3);
    const codes = [...page1.items, ...page2.items].map((n: { code: string }) => n.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(6);
    const desc = (await get('/api/v1/nodes?type=sub-warehouse&sort=code&order=desc&limit=1')).json();
    expect(desc.items[0].code).toBe(
      codes.length
        ? [...(await get('/api/v1/nodes?type=sub-warehouse&limit=8')).json().items.map((n: { code: string }) => n.code)]
            .sort()
            .at(-1)
        : '',
    );
    const search = (await get(`/api/v1/nodes?q=${encodeURIComponent('钟山')}`)).json();
    expect(search.total).toBeGreaterThan(0);
    const beyond = (await get('/api/v1/nodes?offset=1000')).json();
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBeGreaterThan(0);
    const wildcard = (await get('/api/v1/nodes?q=%25')).json();
    expect(wildcard.total).toBe(0);
  });

  it('creates and updates a node, and audits both', async () => {
    const [org] = await ctx.db.query<{ id: string }>("SELECT id FROM organisation WHERE code = 'GZ-LPS'");
    const created = await post('/api/v1/nodes', {
      code: 'LPS-MS-TEST',
      organisationId: org!.id,
      type: 'micro-station',
      nameZh: '测试微型站',
      nameEn: 'Test micro station',
      lat: 26.6,
      lng: 104.85,
      zones: [{ code: 'A', name: '器材区', slots: 4 }],
    });
    expect(created.statusCode).toBe(201);
    const node = created.json();
    expect(node).toMatchObject({ code: 'LPS-MS-TEST', status: 'open', zones: [{ code: 'A' }], agreement: null });
    const updated = await patch(`/api/v1/nodes/${node.id}`, { status: 'closed', address: '六盘水市钟山区' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'closed', address: '六盘水市钟山区' });
    const duplicate = await post('/api/v1/nodes', {
      code: 'LPS-MS-TEST',
      organisationId: org!.id,
      type: 'micro-station',
      nameZh: '重复',
      nameEn: 'Dup',
      lat: 26.6,
      lng: 104.85,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('DUPLICATE');
    const audit = (await get(`/api/v1/audit?entityType=node&entityId=${node.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['node.update', 'node.create']);
    expect(audit.items[0].summary.before.status).toBe('open');
    expect(audit.items[0].summary.after.status).toBe('closed');
  });

  it('requires an agreement for partner nodes', async () => {
    const [org] = await ctx.db.query<{ id: string }>("SELECT id FROM organisation WHERE code = 'GZ-LPS'");
    const res = await post('/api/v1/nodes', {
      code: 'LPS-PT-X',
      organisationId: org!.id,
      type: 'partner',
      nameZh: '无协议',
      nameEn: 'No agreement',
      lat: 26.6,
      lng: 104.85,
    });
    expect(res.statusCode).toBe(400);
  });

  it('keeps the organisation tree consistent when moving a subtree', async () => {
    const orgs = (await get('/api/v1/organisations?limit=500')).json().items as {
      id: string;
      code: string;
      kind: string;
      parentId: string | null;
    }[];
    const corps = orgs.find((o) => o.kind === 'corps')!;
    const det = (
      await post('/api/v1/organisations', {
        code: 'GZ-TEST',
        parentId: corps.id,
        kind: 'detachment',
        nameZh: '测试支队',
        nameEn: 'Test detachment',
      })
    ).json();
    const bat = (
      await post('/api/v1/organisations', {
        code: 'GZ-TEST-B',
        parentId: det.id,
        kind: 'battalion',
        nameZh: '测试大队',
        nameEn: 'Test battalion',
      })
    ).json();
    const wrongKind = await post('/api/v1/organisations', {
      code: 'GZ-TEST-C',
      parentId: bat.id,
      kind: 'detachment',
      nameZh: '错层',
      nameEn: 'Wrong level',
    });
    expect(wrongKind.statusCode).toBe(400);
    const cycle = await patch(`/api/v1/organisations/${det.id}`, { parentId: bat.id });
    expect(cycle.statusCode).toBe(422);
    const lps = orgs.find((o) => o.code === 'GZ-LPS')!;
    const moved = await patch(`/api/v1/organisations/${bat.id}`, { parentId: lps.id });
    expect(moved.json().parentId).toBe(lps.id);
    const under = (await get(`/api/v1/nodes?organisationId=${lps.id}&limit=500`)).json();
    expect(under.total).toBeGreaterThan(8);
  });

  it('lists categories, items by category subtree, and modules with packing lists', async () => {
    const categories = (await get('/api/v1/categories')).json() as { id: string; code: string; parentId: string | null }[];
    expect(categories.length).toBeGreaterThan(10);
    const top = categories.find((c) => c.parentId === null && categories.some((d) => d.parentId === c.id))!;
    const items = (await get(`/api/v1/items?categoryId=${top.id}&limit=500`)).json();
    expect(items.total).toBeGreaterThan(0);
    const all = (await get('/api/v1/items?limit=500')).json();
    expect(all.total).toBeGreaterThanOrEqual(60);
    const serialised = (await get('/api/v1/items?tracking=serialised&limit=500')).json();
    expect(serialised.items.every((i: { tracking: string }) => i.tracking === 'serialised')).toBe(true);
    const modules = (await get('/api/v1/modules')).json();
    expect(modules).toHaveLength(9);
    expect(modules.every((m: { lines: unknown[] }) => m.lines.length > 0)).toBe(true);
  });

  it('creates and updates an item type with checked temperatures', async () => {
    const [category] = (await get('/api/v1/categories')).json();
    const bad = await post('/api/v1/items', {
      code: 'T-1',
      categoryId: category.id,
      nameZh: '测试',
      nameEn: 'Test',
      unitZh: '个',
      unitEn: 'pc',
      tracking: 'lot',
      storageTempMinC: 30,
      storageTempMaxC: 5,
    });
    expect(bad.statusCode).toBe(400);
    const created = await post('/api/v1/items', {
      code: 'T-1',
      categoryId: category.id,
      nameZh: '测试',
      nameEn: 'Test',
      unitZh: '个',
      unitEn: 'pc',
      tracking: 'lot',
      shelfLifeMonths: 12,
    });
    expect(created.statusCode).toBe(201);
    const updated = await patch(`/api/v1/items/${created.json().id}`, { inspectionIntervalDays: 30, safetyCritical: true });
    expect(updated.json()).toMatchObject({ inspectionIntervalDays: 30, safetyCritical: true, shelfLifeMonths: 12 });
  });

  it('publishes OpenAPI and the browsable docs without sign-in', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/nodes', '/api/v1/items', '/api/v1/organisations', '/api/v1/health']),
    );
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});

describeEachDatabase('scope', (kind) => {
  const ctx = useTestApp(kind);

  it('shows a keeper only the node in their scope and hides the others', async () => {
    const token = await ctx.login('zs1.keeper');
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/nodes?limit=500', headers: bearer(token) })).json();
    expect(list.items.map((n: { code: string }) => n.code)).toEqual(['LPS-SW-ZS1']);
    const [other] = await ctx.db.query<{ id: string }>("SELECT id FROM node WHERE code = 'LPS-BASE'");
    const hidden = await ctx.app.inject({ method: 'GET', url: `/api/v1/nodes/${other!.id}`, headers: bearer(token) });
    expect(hidden.statusCode).toBe(404);
  });

  it('lets a logistics officer change nodes of the detachment but not of another detachment', async () => {
    const token = await ctx.login('lps.logistics');
    const [own] = await ctx.db.query<{ id: string }>("SELECT id FROM node WHERE code = 'LPS-SW-PZ1'");
    const ok = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/nodes/${own!.id}`,
      payload: { is24h: true },
      headers: bearer(token),
    });
    expect(ok.statusCode).toBe(200);
    const [bijie] = await ctx.db.query<{ id: string }>("SELECT id FROM organisation WHERE code = 'GZ-BJ'");
    const outside = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/nodes',
      payload: {
        code: 'BJ-X',
        organisationId: bijie!.id,
        type: 'station',
        nameZh: '毕节',
        nameEn: 'Bijie',
        lat: 27.3,
        lng: 105.3,
      },
      headers: bearer(token),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('FORBIDDEN_SCOPE');
  });

  it('refuses role actions a role does not have', async () => {
    const token = await ctx.login('lps.viewer');
    const [own] = await ctx.db.query<{ id: string }>("SELECT id FROM node WHERE code = 'LPS-SW-PZ1'");
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/nodes/${own!.id}`,
      payload: { is24h: true },
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(token) })).statusCode).toBe(403);
  });
});
