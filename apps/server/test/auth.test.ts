import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, describeEachDatabase, testClock, useTestApp } from './support.ts';

/** A concrete URL for a route pattern: every `:param` becomes a valid UUID that does not exist. */
const concreteUrl = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describeEachDatabase('authentication', (kind) => {
  const ctx = useTestApp(kind);

  it('answers 401 on every route but health, login and the API docs, enumerated from the route table', async () => {
    const apiRoutes = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(15);
    const publicRoutes = apiRoutes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.url}`);
    for (const route of publicRoutes) {
      expect(
        route === 'GET /api/v1/health' ||
          route === 'POST /api/v1/auth/login' ||
          route.includes('/api/docs') ||
          route === 'GET /api/openapi.json',
      ).toBe(true);
    }
    for (const route of apiRoutes.filter((r) => !r.isPublic)) {
      const res = await ctx.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('accepts a bearer token and a session cookie, and refuses a forged token', async () => {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json();
    expect(user.role).toBe('admin');
    const cookie = login.cookies.find((c) => c.name === 'zq_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { zq_session: cookie!.value } })).statusCode,
    ).toBe(200);
    const forged = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer('A'.repeat(43)) });
    expect(forged.statusCode).toBe(401);
  });

  it('requires the CSRF header for cookie-authenticated changes but not for bearer tokens', async () => {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lps.logistics', password: 'Demo-Test-Pass-1' },
    });
    const { csrfToken } = login.json();
    const session = login.cookies.find((c) => c.name === 'zq_session')!.value;
    const nodes = await ctx.app.inject({ method: 'GET', url: '/api/v1/nodes?limit=1', cookies: { zq_session: session } });
    const nodeId = nodes.json().items[0].id;
    const patch = { method: 'PATCH' as const, url: `/api/v1/nodes/${nodeId}`, payload: { address: '测试地址' } };
    const without = await ctx.app.inject({ ...patch, cookies: { zq_session: session } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_REJECTED');
    const wrong = await ctx.app.inject({ ...patch, cookies: { zq_session: session }, headers: { 'x-csrf-token': 'nope' } });
    expect(wrong.statusCode).toBe(403);
    const right = await ctx.app.inject({ ...patch, cookies: { zq_session: session }, headers: { 'x-csrf-token': csrfToken } });
    expect(right.statusCode).toBe(200);
  });

  it('logs out by revoking the session', async () => {
    const token = await ctx.login('lps.viewer');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('changes a password only with the current one, and revokes the other sessions', async () => {
    const first = await ctx.login('truck.driver');
    const second = await ctx.login('truck.driver');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: bearer(first),
      payload: { currentPassword: 'wrong-one-1', newPassword: 'New-Driver-Pass-9' },
    });
    expect(wrong.statusCode).toBe(422);
    const weak = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: bearer(first),
      payload: { currentPassword: 'Demo-Test-Pass-1', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: bearer(first),
      payload: { currentPassword: 'Demo-Test-Pass-1', newPassword: 'New-Driver-Pass-9' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(first) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(second) })).statusCode).toBe(401);
    await expect(ctx.login('truck.driver', 'New-Driver-Pass-9')).resolves.toBeTypeOf('string');
  });

  it('stores passwords as memory-hard scrypt hashes, never in clear', async () => {
    const rows = await ctx.db.query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE username = 'admin'");
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0]!.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('sets security headers and keeps CORS closed', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describeEachDatabase('sign-in throttling', (kind) => {
  const clock = testClock();
  const ctx = useTestApp(kind, { clock, config: { ZHANQIN_LOGIN_MAX_FAILURES: '3', ZHANQIN_LOGIN_LOCK_MINUTES: '15' } });
  const attempt = (password: string, username = 'lps.viewer') =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('refuses with 429 at the Nth failure and keeps the right password out during the lock', async () => {
    expect((await attempt('wrong-1')).statusCode).toBe(401);
    expect((await attempt('wrong-2')).statusCode).toBe(401);
    const third = await attempt('wrong-3');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('TOO_MANY_REQUESTS');
    expect(third.headers['retry-after']).toBe(String(15 * 60));
    const right = await attempt('Demo-Test-Pass-1');
    expect(right.statusCode).toBe(429);
    expect(right.json().details.retryAfterSeconds).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await attempt('Demo-Test-Pass-1')).statusCode).toBe(200);
  });

  it('does not reveal whether a user exists', async () => {
    const unknown = await attempt('whatever-1', 'no.such.user');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toBe('Wrong user name or password, or the account is disabled');
  });
});

describe('the test databases', () => {
  it('include PostgreSQL when ZHANQIN_TEST_DATABASE_URL is set', async () => {
    const { databaseKinds } = await import('./support.ts');
    expect(databaseKinds()).toContain('pglite');
    if (process.env.ZHANQIN_TEST_DATABASE_URL) expect(databaseKinds()).toContain('postgres');
  });
});
