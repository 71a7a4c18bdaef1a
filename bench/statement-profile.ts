/**
 * Counts and times every statement a use case sends, grouped by its first words: wrap a database,
 * switch recording on around the work to look at, print the heaviest statements.
 * EXPLAIN=<sql fragment> prints the plan (EXPLAIN ANALYZE, BUFFERS) of matching statements while recording;
 * with `explainReplaces` the explained run stands in for the statement (its result rows are lost, so
 * only for statements whose result is not read), otherwise the statement runs again after it.
 */
import { performance } from 'node:perf_hooks';
import type { Database, Queryable } from '../apps/server/src/db/database.ts';

export type StatementProfiler = {
  db: Database;
  /** Records between start() and stop(). */
  start(): void;
  stop(): void;
  recording(): boolean;
  /** Prints `== title: wall, statements, database time` and the heaviest statements, divided by `runs`; then forgets them. */
  report(title: string, wallMs: number, options?: { runs?: number; top?: number; perDoc?: number }): void;
};

export function profileStatements(inner: Database, options: { explainReplaces?: boolean } = {}): StatementProfiler {
  const stats = new Map<string, { n: number; ms: number }>();
  let on = false;
  const key = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);
  const wrap = (q: Queryable): Queryable => ({
    async query(sql, params) {
      if (on && process.env.EXPLAIN && sql.includes(process.env.EXPLAIN)) {
        const plan = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
        if (options.explainReplaces) return [];
      }
      const s = performance.now();
      try {
        return await q.query(sql, params);
      } finally {
        if (on) {
          const e = stats.get(key(sql)) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += performance.now() - s;
          stats.set(key(sql), e);
        }
      }
    },
    exec: (sql) => q.exec(sql),
  });
  return {
    db: {
      ...wrap(inner),
      kind: inner.kind,
      close: () => inner.close(),
      transaction: (work, o) => inner.transaction((tx) => work(wrap(tx)), o),
    },
    start: () => void (on = true),
    stop: () => void (on = false),
    recording: () => on,
    report(title, wallMs, { runs = 1, top = 16, perDoc } = {}) {
      const rows = [...stats.entries()].map(([k, v]) => [k, { n: v.n / runs, ms: v.ms / runs }] as const);
      rows.sort((a, b) => b[1].ms - a[1].ms);
      const total = rows.reduce((s, [, v]) => s + v.ms, 0);
      const count = rows.reduce((s, [, v]) => s + v.n, 0);
      const wall = wallMs / runs;
      const per = perDoc ? `, ${(wall / perDoc).toFixed(2)} ms/doc` : '';
      console.log(`\n== ${title}: ${wall.toFixed(1)} ms wall${per}, ${count} statements, ${total.toFixed(1)} ms in the database`);
      for (const [k, v] of rows.slice(0, top)) console.log(`${v.ms.toFixed(1).padStart(8)} ms ${String(v.n).padStart(5)}× ${k}`);
      stats.clear();
    },
  };
}
