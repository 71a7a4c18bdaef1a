import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Anything SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';
export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

/**
 * One PostgreSQL dialect over two drivers: embedded PGlite or a PostgreSQL server through `pg`.
 * Both return the same JavaScript values: int8 and numeric as numbers, date as 'YYYY-MM-DD',
 * timestamptz as Date, json/jsonb parsed.
 */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: { isolation?: IsolationLevel }): Promise<T>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

const parseInt8 = (value: string): number => Number(value);
const parseNumeric = (value: string): number => Number(value);
const keepDate = (value: string): string => value;

export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined, {
    parsers: { [INT8_OID]: parseInt8, [NUMERIC_OID]: parseNumeric, [DATE_OID]: keepDate },
  });
  const asQueryable = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(db),
    // PGlite has one connection and queues transactions, so every isolation level behaves as serial.
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    close: () => db.close(),
  };
}

let pgTypesAligned = false;
function alignPgTypes(): void {
  if (pgTypesAligned) return;
  pg.types.setTypeParser(INT8_OID, parseInt8);
  pg.types.setTypeParser(NUMERIC_OID, parseNumeric);
  pg.types.setTypeParser(DATE_OID, keepDate);
  pgTypesAligned = true;
}

/** Serialisation failures and deadlocks: the transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<Database> {
  alignPgTypes();
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  pool.on('error', () => {
    /* idle client errors are reported on the next query */
  });
  const client = await pool.connect();
  client.release();
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async transaction(work, { isolation = 'read committed' } = {}) {
      for (let attempt = 1; ; attempt++) {
        const conn = await pool.connect();
        try {
          await conn.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
          const tx: Queryable = {
            async query<T>(sql: string, params: readonly unknown[] = []) {
              const result = await conn.query(sql, params as unknown[]);
              return result.rows as T[];
            },
            async exec(sql: string) {
              await conn.query(sql);
            },
          };
          const value = await work(tx);
          await conn.query('COMMIT');
          return value;
        } catch (error) {
          await conn.query('ROLLBACK').catch(() => undefined);
          const code = (error as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < 5) {
            await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 10)));
            continue;
          }
          throw error;
        } finally {
          conn.release();
        }
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Opens the configured database: PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (null = in memory). */
export function openDatabase(options: { databaseUrl: string | null; dataDir: string | null }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
