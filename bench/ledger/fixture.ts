/**
 * Databases and a minimal network for the ledger benchmarks: a fresh, migrated PGlite (in memory)
 * or a scratch database on the PostgreSQL server, dropped afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../../apps/server/src/db/database.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDatabase = { kind: DatabaseKind; db: Database; drop(): Promise<void> };

export async function createBenchDatabase(
  kind: DatabaseKind,
  adminUrl = process.env.ZHANQIN_BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL,
): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return { kind, db, drop: () => db.close() };
  }
  const name = `zq_bench_ledger_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { maxConnections: 4 });
  await migrate(db);
  return {
    kind,
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** True when the PostgreSQL server answers; the benchmark then runs on both databases. */
export async function postgresReachable(
  adminUrl = process.env.ZHANQIN_BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL,
): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export type Network = {
  organisationId: string;
  /** Four hex digits that make this network's codes unique: organisation BENCH-<tag>, assets BENCH-<tag>-…. */
  tag: string;
  categoryId: string;
  nodeIds: string[];
  bulkItemIds: string[];
  lotItemIds: string[];
  serialItemIds: string[];
};

/**
 * One organisation, `nodes` nodes (a base, sub-warehouses, then stations) and items of each
 * tracking kind, inserted set-based.
 */
export async function createNetwork(
  db: Database,
  size: { nodes: number; bulkItems: number; lotItems: number; serialItems: number },
): Promise<Network> {
  const organisationId = randomUUID();
  const categoryId = randomUUID();
  // Codes are unique per network, so several networks can share one database.
  const tag = randomBytes(2).toString('hex').toUpperCase();
  await db.query(
    `INSERT INTO organisation (id, organisation_id, path, code, kind, name_zh, name_en) VALUES ($1::uuid, $1::uuid, '/' || $1::text || '/', 'BENCH-' || $2, 'corps', '基准', 'Bench corps')`,
    [organisationId, tag],
  );
  await db.query(
    `INSERT INTO category (id, organisation_id, code, name_zh, name_en) VALUES ($1, $2, 'BENCH-CAT-' || $3, '基准', 'Bench')`,
    [categoryId, organisationId, tag],
  );
  const nodeIds = (
    await db.query<{ id: string }>(
      `INSERT INTO node (id, organisation_id, code, type, name_zh, name_en, lat, lng)
       SELECT gen_random_uuid(), $1, 'BN-' || $3 || '-' || lpad(g::text, 4, '0'),
              CASE WHEN g = 1 THEN 'base' WHEN g <= 9 THEN 'sub-warehouse' ELSE 'station' END,
              '节点' || g, 'Node ' || g, 26.5 + g / 10000.0, 104.8 + g / 10000.0
         FROM generate_series(1, $2::int) g ORDER BY g RETURNING id`,
      [organisationId, size.nodes, tag],
    )
  ).map((r) => r.id);
  const items = async (tracking: string, prefix: string, n: number) =>
    n === 0
      ? []
      : (
          await db.query<{ id: string }>(
            `INSERT INTO item (id, organisation_id, category_id, code, name_zh, name_en, unit_zh, unit_en, tracking, inspection_interval_days)
             SELECT gen_random_uuid(), $1, $2, $3 || lpad(g::text, 4, '0'), '器材' || $3 || g, 'Item ' || $3 || g, '件', 'pc', $4,
                    CASE WHEN $4 = 'serialised' THEN 365 END
               FROM generate_series(1, $5::int) g ORDER BY g RETURNING id`,
            [organisationId, categoryId, `${prefix}${tag}-`, tracking, n],
          )
        ).map((r) => r.id);
  return {
    organisationId,
    tag,
    categoryId,
    nodeIds,
    bulkItemIds: await items('bulk', 'BB-', size.bulkItems),
    lotItemIds: await items('lot', 'BL-', size.lotItems),
    serialItemIds: await items('serialised', 'BS-', size.serialItems),
  };
}
