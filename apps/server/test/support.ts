import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { parseConfig, type Config } from '../src/config/config.ts';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Clock, Deps } from '../src/deps.ts';
import { buildApp, type App, type RouteModule } from '../src/http/app.ts';
import { ensureFirstAdmin } from '../src/auth/bootstrap.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { DEMO_ROAD_GRAPH_PATH, loadRoadGraphFile } from '../src/travel/load-road-graph.ts';
import { createTravelModel } from '../src/travel/travel-model.ts';

export const ADMIN_PASSWORD = 'Admin-Test-Pass-1';
export const DEMO_PASSWORD = 'Demo-Test-Pass-1';

/** The PostgreSQL server the server suites also run against (an admin connection that may create databases). */
export const postgresUrl = process.env.ZHANQIN_TEST_DATABASE_URL ?? null;
const requireAll = process.env.ZHANQIN_REQUIRE_ALL === '1';

/** The databases every server suite runs on: PGlite always, PostgreSQL when configured. */
export function databaseKinds(): DatabaseKind[] {
  if (!postgresUrl && requireAll) throw new Error('ZHANQIN_REQUIRE_ALL=1 but ZHANQIN_TEST_DATABASE_URL is not set');
  return postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server dropped afterwards. */
export async function createTestDatabase(
  kind: DatabaseKind,
): Promise<{ db: Database; url: string | null; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return { db, url: null, drop: () => db.close() };
  }
  if (!postgresUrl) throw new Error('ZHANQIN_TEST_DATABASE_URL is not set');
  const name = `zq_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { maxConnections: 50 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    ZHANQIN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ZHANQIN_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    ZHANQIN_WEB_DIST: '/nonexistent-web-dist',
    ...overrides,
  });
}

/** A clock tests can move. */
export function testClock(start = new Date('2026-11-29T08:00:00Z')): Clock & { advance(ms: number): void; set(d: Date): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms), set: (d) => void (now = d.getTime()) };
}

export type TestContext = {
  kind: DatabaseKind;
  app: App;
  db: Database;
  deps: Deps;
  /** Bearer token of the demo administrator. */
  adminToken: string;
  login(username: string, password?: string): Promise<string>;
};

/**
 * Registers hooks that build a fresh app on a fresh database (with the demo network when `demo`)
 * before the suite and tear it down after; the returned object is filled in by then.
 */
export function useTestApp(
  kind: DatabaseKind,
  options: { demo?: boolean; config?: Record<string, string>; clock?: Clock; extraRoutes?: RouteModule[] } = {},
): TestContext {
  const ctx = { kind } as TestContext;
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const created = await createTestDatabase(kind);
    drop = created.drop;
    const config = testConfig(options.config);
    const graph = await loadRoadGraphFile(DEMO_ROAD_GRAPH_PATH);
    if (!graph.ok) throw new Error(graph.error.join('\n'));
    const deps: Deps = {
      db: created.db,
      clock: options.clock ?? { now: () => new Date() },
      config,
      travel: createTravelModel(graph.value),
    };
    if (options.demo ?? true) await seedDemo(deps);
    await ensureFirstAdmin(deps);
    const app = await buildApp(deps, { extraRoutes: options.extraRoutes });
    await app.ready();
    ctx.app = app;
    ctx.db = created.db;
    ctx.deps = deps;
    ctx.login = async (username, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    };
    ctx.adminToken = await ctx.login('admin');
  });
  afterAll(async () => {
    await ctx.app?.close();
    await drop?.();
  });
  return ctx;
}

/** `describe` once per database kind, titled with the kind. */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  for (const kind of databaseKinds()) describe(`${title} [${kind}]`, () => body(kind));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
