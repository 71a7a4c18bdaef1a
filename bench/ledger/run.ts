/**
 * Stock ledger benchmarks (issue #4): posting rate against the raw batched INSERT rate of the same
 * database, and list/stock queries over a ledger of 1,000,000 serialised assets and 200,000 lots.
 * Writes the tables into docs/benchmarks.md between the ledger markers.
 * Run from the repository root: node --import tsx bench/ledger/run.ts  (or npm run bench:ledger -w @zhanqin/bench)
 * Environment: ZHANQIN_BENCH_DATABASE_URL (admin URL of the PostgreSQL server, default
 * postgres://postgres@127.0.0.1:5432/test), BENCH_RUNS (posting runs, default 5),
 * BENCH_LEDGER_PGLITE_ASSETS (assets in PGlite's scale run, default 100,000; 0 skips it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../../apps/server/src/db/database.ts';
import { createBenchDatabase, postgresReachable } from './fixture.ts';
import { benchmarkPosting, type PostingResult, type ShapeName } from './posting.ts';
import { benchmarkQueries, buildLedger, FULL_SCALE, type QueryTiming, type ScaleSize } from './scale.ts';
import { elapsedMs, log } from './stats.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const pgliteAssets = Number(process.env.BENCH_LEDGER_PGLITE_ASSETS ?? 100_000);
const docs: Record<ShapeName, number> = {
  'receipt-1-unit': 100,
  'receipt-20-lines': 30,
  'receipt-200-serials': 8,
  'transfer-10-lines': 15,
  'batch-20-transfers-10-lines': 200,
  'batch-200-transfers-10-lines': 1000,
  'batch-500-receipts-1-unit': 1500,
  'batch-50-receipts-20-lines': 150,
  'batch-5-receipts-200-serials': 15,
};

const started = process.hrtime.bigint();
const kinds: DatabaseKind[] = (await postgresReachable()) ? ['pglite', 'postgres'] : ['pglite'];
if (kinds.length === 1) log('PostgreSQL is not reachable: PGlite only');

const posting = new Map<DatabaseKind, PostingResult[]>();
for (const kind of kinds) {
  log(`posting benchmark on ${kind}, ${runs} interleaved runs per shape`);
  const bench = await createBenchDatabase(kind);
  try {
    posting.set(kind, await benchmarkPosting(bench.db, { runs, docs, label: kind }));
  } finally {
    await bench.drop();
  }
}

type ScaleOutcome = {
  kind: DatabaseKind;
  size: ScaleSize;
  buildSeconds: number;
  movements: number;
  balances: number;
  summaries: number;
  timings: QueryTiming[];
};
const scale: ScaleOutcome[] = [];
for (const kind of [...kinds].reverse()) {
  const size: ScaleSize =
    kind === 'postgres' ? FULL_SCALE : { ...FULL_SCALE, assets: pgliteAssets, lots: Math.round(pgliteAssets / 5) };
  if (size.assets === 0) continue;
  log(`scale benchmark on ${kind}: ${size.assets.toLocaleString('en')} assets, ${size.lots.toLocaleString('en')} lots`);
  const bench = await createBenchDatabase(kind);
  try {
    const build = await buildLedger(bench.db, size, kind);
    const timings = await benchmarkQueries(bench.db, build, {
      samples: 30,
      verifySamples: kind === 'postgres' ? 3 : 1,
      label: kind,
    });
    scale.push({
      kind,
      size,
      buildSeconds: build.buildSeconds,
      movements: build.movements,
      balances: build.balances,
      summaries: build.summaries,
      timings,
    });
  } finally {
    await bench.drop();
  }
}

const totalMinutes = elapsedMs(started) / 60_000;
const n = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines: string[] = [];
lines.push(
  `Measured ${new Date().toISOString().slice(0, 10)} with Node.js ${process.version} on ${process.platform}/${process.arch} (${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}),`,
  `command \`node --import tsx bench/ledger/run.ts\` (= \`npm run bench:ledger -w @zhanqin/bench\`), whole run ${n(totalMinutes, 1)} min.`,
  `Databases: PGlite (in memory) and PostgreSQL ${kinds.includes('postgres') ? 'server (a scratch database, dropped afterwards)' : '— not reachable, skipped'}.`,
  '',
  `### Posting rate (${runs} interleaved runs per shape: raw best, raw same batch, ours, raw replay of ours; medians)`,
  '',
  '| database | document | docs / transaction | docs per run | movement rows / doc | rows written / doc | docs/s | raw replay of the same rows, docs/s | ÷ raw replay | movement rows/s | raw best rows/s | movement rows ÷ raw best | rows written/s | rows written ÷ raw best | movement rows ÷ raw same batch | goal ≥ 0.5× of raw replay met? |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
);
for (const [kind, results] of posting) {
  for (const r of results) {
    lines.push(
      `| ${kind} | ${r.description} | ${r.docsPerTransaction} | ${r.docsPerRun} | ${n(r.movementRowsPerDoc)} | ${n(r.rowsWrittenPerDoc, 1)} | ${n(r.docsPerSecond, 1)} | ${n(r.rawReplayDocsPerSecond, 1)} | ${r.ratioToRawReplay.toFixed(2)}× | ${n(r.movementRowsPerSecond)} | ${n(r.rawRowsPerSecond)} | ${r.ratioToRaw.toFixed(3)}× | ${n(r.rowsWrittenPerSecond)} | ${r.ratioRowsWrittenToRaw.toFixed(2)}× | ${r.ratioToRawSameBatch.toFixed(2)}× | ${r.ratioToRawReplay >= 0.5 ? 'yes' : 'NO'} |`,
    );
  }
}
for (const s of scale) {
  lines.push(
    '',
    `### Queries at scale, ${s.kind}: ${n(s.size.assets)} serialised assets, ${n(s.size.lots)} lots, ${s.size.nodes} nodes, ${s.size.serialItems} + ${s.size.lotItems} items`,
    '',
    `Built set-based in ${n(s.buildSeconds)} s (${n(s.movements)} movements through the balance trigger → ${n(s.balances)} balances, ${n(s.summaries)} node × item summaries). p50/p95 over ${s.timings[0]?.samples ?? 0} samples after 2 warm-ups, parameters varied; through the use-case functions (system actor, no HTTP).`,
    '',
    '| query | rows | total | p50 ms | p95 ms | goal | met? |',
    '|---|---:|---:|---:|---:|---|---|',
  );
  for (const t of s.timings) {
    lines.push(
      `| ${t.query} | ${t.rows} | ${t.total === null ? '—' : n(t.total)} | ${n(t.p50Ms, 1)} | ${n(t.p95Ms, 1)} | ${t.goalMs ? `p95 ≤ ${t.goalMs} ms` : '—'} | ${t.goalMs ? (t.p95Ms <= t.goalMs ? 'yes' : 'NO') : '—'} |`,
    );
  }
}

const docPath = path.join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
const begin = '<!-- ledger:begin -->';
const end = '<!-- ledger:end -->';
const text = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
const block = `${begin}\n${lines.join('\n')}\n${end}`;
const a = text.indexOf(begin);
const b = text.indexOf(end);
writeFileSync(
  docPath,
  a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n## Stock ledger\n\n${block}\n`,
);
log(`wrote ${path.relative(process.cwd(), docPath)} (${n(totalMinutes, 1)} min)`);
