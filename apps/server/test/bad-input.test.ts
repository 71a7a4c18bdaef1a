import { expect, it } from 'vitest';
import type { RouteEntry } from '../src/http/app.ts';
import { bearer, describeEachDatabase, useTestApp } from './support.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
};

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const concreteUrl = (url: string, id = UNKNOWN_ID) => url.replace(/:[A-Za-z]+/g, id);

/** Values of the wrong kind for a schema, derived from it: the generator behind every case below. */
function wrongValues(schema: JsonSchema): unknown[] {
  const types = new Set<string>();
  const collect = (s: JsonSchema) => {
    if (s.anyOf) s.anyOf.forEach(collect);
    if (Array.isArray(s.type)) s.type.forEach((t) => types.add(t));
    else if (s.type) types.add(s.type);
    if (s.const !== undefined) types.add(typeof s.const);
  };
  collect(schema);
  const values: unknown[] = [{ $gt: '' }, ['nested', ['array']]];
  if (!types.has('string')) values.push("'; DROP TABLE node; --");
  if (!types.has('number') && !types.has('integer')) values.push(12345);
  if (!types.has('boolean')) values.push(true);
  if (types.has('number') || types.has('integer')) values.push(1e308, -1e308, 0.5);
  if (types.has('string')) values.push('x'.repeat(5000), '\u0000');
  return values;
}

/** Sent as raw JSON text, so the prototype-poisoning attempt reaches the server as written. */
const hostileBodies: string[] = [
  'null',
  '[]',
  '"just a string"',
  '42',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  '{"unknownField": 1}',
];

describeEachDatabase('bad input, generated from the route schemas', (kind) => {
  const ctx = useTestApp(kind);
  const routes = () => ctx.app.routeTable.filter((r: RouteEntry) => r.url.startsWith('/api/v1/'));
  const send = (
    route: RouteEntry,
    init: { url?: string; payload?: unknown; body?: string; headers?: Record<string, string>; query?: Record<string, string> },
  ) =>
    ctx.app.inject({
      method: route.method as 'POST',
      url: init.url ?? concreteUrl(route.url),
      query: init.query,
      headers: {
        ...bearer(ctx.adminToken),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: init.body } : init.payload !== undefined ? { payload: init.payload as object } : {}),
    });
  const expectClientError = (res: { statusCode: number; json(): { code?: string } }, label: string) => {
    expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, label).toBeLessThan(500);
    expect(typeof res.json().code, label).toBe('string');
  };

  it('answers malformed JSON, wrong media types and oversized bodies with 4xx on every body route', async () => {
    const bodyRoutes = routes().filter((r) => r.schema.body);
    expect(bodyRoutes.length).toBeGreaterThan(8);
    for (const route of bodyRoutes) {
      const label = `${route.method} ${route.url}`;
      const malformed = await send(route, { body: '{"unclosed": ' });
      expectClientError(malformed, `${label} malformed`);
      expect(malformed.json().code, label).toBe('MALFORMED_JSON');
      expectClientError(await send(route, { body: 'x=1', headers: { 'content-type': 'text/plain' } }), `${label} text/plain`);
      const big = await send(route, { body: JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 10) }) });
      expect(big.statusCode, `${label} oversized`).toBe(413);
      for (const body of hostileBodies) expectClientError(await send(route, { body }), `${label} ${body}`);
    }
  });

  it('answers every wrong-typed body field with 4xx, never 500', async () => {
    for (const route of routes().filter((r) => r.schema.body)) {
      const properties = (route.schema.body as JsonSchema).properties ?? {};
      for (const [name, schema] of Object.entries(properties)) {
        for (const value of wrongValues(schema)) {
          const res = await send(route, { payload: { [name]: value } });
          expectClientError(res, `${route.method} ${route.url} ${name}=${JSON.stringify(value).slice(0, 40)}`);
        }
      }
    }
  });

  it('answers malformed and unknown ids in the path with 400 and 404', async () => {
    for (const route of routes().filter((r) => r.url.includes(':id'))) {
      const label = `${route.method} ${route.url}`;
      const malformed = await send(route, {
        url: concreteUrl(route.url, 'not-a-uuid'),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(malformed.statusCode, label).toBe(400);
      if (route.method === 'GET') {
        const unknown = await send(route, {});
        expect(unknown.statusCode, label).toBe(404);
        expect(unknown.json().code).toBe('NOT_FOUND');
      }
    }
  });

  it('answers wrong-typed and out-of-range query parameters with 400', async () => {
    for (const route of routes().filter((r) => r.schema.querystring)) {
      const properties = (route.schema.querystring as JsonSchema).properties ?? {};
      for (const [name, schema] of Object.entries(properties)) {
        const types = JSON.stringify(schema);
        const bad = types.includes('"integer"')
          ? ['abc', '99999999999', '-5']
          : types.includes('"const"')
            ? ['no-such-value']
            : types.includes('uuid')
              ? ['nope']
              : types.includes('date-time')
                ? ['yesterday']
                : ['x'.repeat(500)];
        for (const value of bad) {
          const res = await send(route, { query: { [name]: value } });
          expect(res.statusCode, `${route.url}?${name}=${value.slice(0, 20)}`).toBe(400);
        }
      }
      expect((await send(route, { query: { notAParameter: '1' } })).statusCode, route.url).toBe(400);
    }
  });

  it('rejects impossible coordinates and keeps the data intact', async () => {
    const [org] = await ctx.db.query<{ id: string }>("SELECT id FROM organisation WHERE code = 'GZ-LPS'");
    for (const [lat, lng] of [
      [91, 104],
      [-91, 104],
      [26, 181],
      [26, -181],
      ['26', 104],
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/nodes',
        headers: bearer(ctx.adminToken),
        payload: {
          code: `BAD-${String(lat)}-${String(lng)}`,
          organisationId: org!.id,
          type: 'micro-station',
          nameZh: '坏',
          nameEn: 'Bad',
          lat,
          lng,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const [count] = await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM node WHERE code LIKE 'BAD-%'");
    expect(count!.n).toBe(0);
  });
});

describeEachDatabase('bodies that are empty', (kind) => {
  const ctx = useTestApp(kind, { demo: false });
  it('treats an empty JSON body as no body, and still refuses one a route needs', async () => {
    const noBodyNeeded = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...bearer(ctx.adminToken), 'content-type': 'application/json' },
      body: '',
    });
    expect(noBodyNeeded.statusCode).toBe(204);
    const token = await ctx.login('admin');
    const needed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/nodes',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: '',
    });
    expect(needed.statusCode).toBe(400);
    expect(needed.json().code).toBe('VALIDATION_FAILED');
  });
});
