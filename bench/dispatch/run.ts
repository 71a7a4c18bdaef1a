/**
 * One-click dispatch benchmark (issue #6): incident → stored draft plan (planDispatch, and the HTTP
 * route that also presents it) and confirm, p50/p95 over varied incidents, on the Liupanshui demo
 * network and on a generated province (500 nodes × 200 items), each on PGlite and PostgreSQL.
 * Writes the tables into docs/benchmarks.md between the dispatch markers.
 *
 * Run from the repository root: node --import tsx bench/dispatch/run.ts  (or npm run bench:dispatch -w @zhanqin/bench)
 * Environment: ZHANQIN_BENCH_DATABASE_URL (admin URL of the PostgreSQL server, default
 * postgres://postgres@127.0.0.1:5432/test), BENCH_DISPATCH_INCIDENTS (timed incidents per path, default 30),
 * BENCH_DISPATCH_WARMUP (default 3), BENCH_DISPATCH_NETWORKS (default "demo,province"),
 * BENCH_DISPATCH_DATABASES (default "pglite,postgres"), BENCH_DISPATCH_WRITE=0 (print only).
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../../apps/server/src/db/database.ts';
import { buildApp } from '../../apps/server/src/http/app.ts';
import {
  ADMIN_PASSWORD,
  benchDeps,
  createBenchDatabase,
  postgresReachable,
  seedDemoNetwork,
  seedProvince,
  type Network,
} from './fixture.ts';
import { runScenario, type ScenarioResult, type Series } from './measure.ts';

const incidents = Number(process.env.BENCH_DISPATCH_INCIDENTS ?? 30);
const warmup = Number(process.env.BENCH_DISPATCH_WARMUP ?? 3);
const networks = (process.env.BENCH_DISPATCH_NETWORKS ?? 'demo,province').split(',') as Network['name'][];
const wanted = (process.env.BENCH_DISPATCH_DATABASES ?? 'pglite,postgres').split(',') as DatabaseKind[];
const write = process.env.BENCH_DISPATCH_WRITE !== '0';

const started = performance.now();
const log = (m: string) => process.stdout.write(`[dispatch-bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const reachable = wanted.includes('postgres') && (await postgresReachable());
const kinds = wanted.filter((k) => k === 'pglite' || reachable);
if (wanted.includes('postgres') && !reachable) log('PostgreSQL is not reachable: PGlite only');

// PostgreSQL's autovacuum analyses the tables after seeding; PGlite has no autovacuum, and the
// server never runs ANALYZE, so a PGlite deployment plans every query without statistics. Both
// databases are measured analysed (ANALYZE after seeding), and PGlite also as the server runs today.
const variants: { kind: DatabaseKind; analyse: boolean; label: string }[] = [
  ...kinds.map((kind) => ({ kind, analyse: true, label: kind })),
  ...(kinds.includes('pglite') && process.env.BENCH_DISPATCH_UNANALYSED !== '0'
    ? [{ kind: 'pglite' as const, analyse: false, label: 'pglite, never analysed' }]
    : []),
];
type Outcome = { result: ScenarioResult; network: Network; serverVersion: string; load: [number, number] };
const outcomes: Outcome[] = [];
for (const name of networks) {
  for (const { kind, analyse, label } of variants) {
    log(`${name} on ${label}: seeding`);
    const bench = await createBenchDatabase(kind);
    try {
      const deps = await benchDeps(bench.db);
      const network = name === 'demo' ? await seedDemoNetwork(deps) : await seedProvince(deps, undefined, log);
      if (analyse) await bench.db.query('ANALYZE');
      log(
        `${name} on ${label}: ${network.nodes} open nodes, ${network.items} item types in stock, ${network.balances} balances, ${network.assets} assets (seeded in ${network.seedSeconds.toFixed(1)} s)`,
      );
      const app = await buildApp(deps);
      await app.ready();
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'admin', password: ADMIN_PASSWORD },
        });
        if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
        const token = (login.json() as { token: string }).token;
        const load0 = os.loadavg()[0]!;
        const result = await runScenario(deps, app, token, network, { incidents, warmup, kind: label, log });
        const [version] = await bench.db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
        outcomes.push({ result, network, serverVersion: version!.v, load: [load0, os.loadavg()[0]!] });
        const f = (s: Series) => `${s.p50.toFixed(0)}/${s.p95.toFixed(0)}`;
        log(
          `${name} on ${label}: CPU plan ${f(result.planCpu)} confirm ${f(result.confirmCpu)}; plan ${f(result.plan)} ms (build ${f(result.build)}, solve ${f(result.solve)}, transport+store ${f(result.transportStore)}), present ${f(result.present)}, HTTP plan ${f(result.httpPlan)}, confirm ${f(result.confirm)}, HTTP confirm ${f(result.httpConfirm)} (p50/p95); errors ${result.errors.length}, ledger differences ${result.ledgerDifferences}`,
        );
        log(
          `  slowest confirms: ${result.slowestConfirms.map((c) => `${c.label} ${c.ms.toFixed(0)} ms (CPU ${c.cpuMs.toFixed(0)}, ${c.shipments} shipments, ${c.units} units)`).join('; ')}`,
        );
        for (const e of result.errors.slice(0, 5)) log(`  error: ${e}`);
      } finally {
        await app.close();
      }
    } finally {
      await bench.drop();
    }
  }
}

const totalMinutes = (performance.now() - started) / 60_000;
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ps = (s: Series) => `${ms(s.p50)} / ${ms(s.p95)}`;
const goal = (s: Series, limit: number, network: string) =>
  network === 'demo' ? (s.p95 <= limit ? 'yes' : '**NO**') : s.p95 <= limit ? '(yes)' : '(no)';
const lines: string[] = [];
const cpus = os.cpus();
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return process.env.BENCH_DISPATCH_COMMIT ?? 'unknown';
  }
})();
lines.push(
  `Measured ${new Date().toISOString().slice(0, 10)} with Node.js ${process.version} on ${process.platform}/${process.arch} (${cpus.length} CPUs, ${cpus[0]?.model ?? 'unknown CPU'}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end),`,
  `command \`node --import tsx bench/dispatch/run.ts\` (= \`npm run bench:dispatch -w @zhanqin/bench\`), whole run ${totalMinutes.toFixed(1)} min, code at commit ${commit}.`,
  `Databases: PGlite ${outcomes.find((o) => o.result.kind === 'pglite')?.serverVersion ?? '—'} in memory, PostgreSQL ${outcomes.find((o) => o.result.kind === 'postgres')?.serverVersion ?? '— (not reachable, skipped)'} server (a scratch database, dropped afterwards), one process.`,
  `Each scenario: ${warmup} warm-up incident pairs, then ${incidents} incidents per path at varied places (seeded PRNG) — the use-case path (\`planDispatch\` → \`presentPlan\` → \`confirmDispatchPlan\`, system actor)`,
  'and the HTTP path on other incidents (`app.inject` `POST /api/v1/incidents/:id/dispatch-plans` = plan + present + JSON, then `POST /api/v1/dispatch-plans/:id/confirm`, administrator bearer token).',
  'After each confirm the incident is closed (`closeIncident`): its shipments are still being picked, so closing cancels them and releases every reservation — each incident sees the same stock. The ledger verifies with no difference after every scenario.',
  'Networks: **demo** = `seedDemo` (Liupanshui); **province** = generated: 4 detachments, 500 nodes (per detachment 1 base, 8 sub-warehouses, 45 stations, 50 micro stations, 12 partners, 9 vehicles) over ~300 × 300 km around 26.0 N 105.5 E, 200 item types (140 bulk, 30 lot-tracked with expiry, 30 serialised), every node holding 20–80 of them through one opening receipt posted with `recordReceipt`, reserve floors on 60 % of warehouse/station lines, 6 pre-plans demanding 40–60 items each. Demo nodes are closed in the province database. Travel: the demo road graph with its great-circle fallback (the province has no road graph of its own).',
  '',
  '### Latency (ms, p50 / p95; goals on the demo network — the province is reported against the same figures in parentheses)',
  '',
  '| network | database | plan `planDispatch` | HTTP plan (incident → plan shown) | goal p95 ≤ 300 ms met? | confirm `confirmDispatchPlan` | HTTP confirm | goal p95 ≤ 200 ms met? | 1-min load average, start → end |',
  '|---|---|---:|---:|---|---:|---:|---|---|',
);
for (const { result: r, load } of outcomes) {
  lines.push(
    `| ${r.network} | ${r.kind} | ${ps(r.plan)} | ${ps(r.httpPlan)} | ${goal(r.httpPlan, 300, r.network)} | ${ps(r.confirm)} | ${ps(r.httpConfirm)} | ${goal(r.httpConfirm, 200, r.network)} | ${load[0].toFixed(1)} → ${load[1].toFixed(1)} |`,
  );
}
lines.push(
  '',
  '### Where the plan time goes (ms, p50 / p95, use-case path)',
  '',
  "build = live data → DispatchProblem (the plan's `timings.buildMs`); solve = exact solver + reasons (`timings.solveMs`); transport + store = vehicle loading, trip spreading and writing the draft with its audit event (planDispatch minus the two); present = `presentPlan` (names, reasons, ETAs); plan/confirm CPU = this process's CPU time (user + system) during `planDispatch` / `confirmDispatchPlan` — on PGlite the database runs in this thread, so wall time far above CPU time means the process was waiting for a CPU (or, on PostgreSQL, for the server); close = resetting the stock (not part of any goal).",
  '',
  '| network | database | build | solve | transport + store | present | plan CPU | confirm CPU | close | sources | demand items | plan lines | shortfalls | shipments | plan JSON kB | RSS after, MB | heap used, MB |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
);
for (const { result: r } of outcomes) {
  const avg = (s: Series) => ms(s.p50);
  lines.push(
    `| ${r.network} | ${r.kind} | ${ps(r.build)} | ${ps(r.solve)} | ${ps(r.transportStore)} | ${ps(r.present)} | ${ps(r.planCpu)} | ${ps(r.confirmCpu)} | ${ps(r.close)} | ${avg(r.shape.sources)} | ${avg(r.shape.demandItems)} | ${avg(r.shape.lines)} | ${avg(r.shape.shortfalls)} | ${avg(r.shape.shipments)} | ${avg(r.shape.planJsonKb)} | ${r.memory.rssMb.toFixed(0)} | ${r.memory.heapUsedMb.toFixed(0)} |`,
  );
}
lines.push(
  '',
  `Network sizes: ${outcomes
    .filter((o, i, all) => all.findIndex((x) => x.network.name === o.network.name) === i)
    .map(
      (o) =>
        `${o.network.name} ${o.network.nodes} open nodes, ${o.network.items} item types in stock, ${o.network.balances} stock balances, ${o.network.assets} assets, seeded in ${o.network.seedSeconds.toFixed(0)} s on ${o.result.kind}`,
    )
    .join(
      '; ',
    )}. Shape columns are medians per incident. Peak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`,
);
lines.push(
  '',
  '### Why the figures are what they are (profile: `node --import tsx bench/dispatch/profile.ts province pglite`, statements counted and timed; `ANALYZE=1` to analyse first, `EXPLAIN=<sql fragment>` to print a plan)',
  '',
  '- **Statistics.** PGlite has no autovacuum and the server never runs `ANALYZE`, so a PGlite deployment plans every statement — including the balance trigger behind each dispatch document — without statistics. Compare the "never analysed" rows with the analysed ones: on the province, confirm needs several times more CPU unanalysed (the confirm CPU column), nearly all of it in the ledger statements (`INSERT INTO stock_movement` and its balance trigger, asset updates) that each route of the plan makes. Remedy, outside the dispatch code: run `ANALYZE` after migrating, seeding and bulk imports, and now and then on PGlite.',
  "- **Confirm** creates every route's dispatch document (source × incident) in one `createTransfersIn` batch: one node query and one item query for all routes, stock resolution per source node (FEFO / by asset / sealed modules first), then one INSERT each for the documents, the movements (through the balance trigger, once for all routes), the asset status changes and their events, the hash-chained audit entries and the shipment rows — 84 statements for a 22-route province confirm in the profile, where one document per route took 290–343. What grows with the incident is the stock resolution (a query per serialised or lot-tracked line at each source) and the rows themselves.",
  '- **Demo confirm tail**: the confirm p95 on the demo network is set by the largest incidents of the mix (high-rise fire level 4, petrochemical fire level 3: ~500 units, most of them serialised SCBA cylinders and sealed modules, 10–11 shipments): every serialised unit is its own movement, asset status change and asset event, written set-based. Their CPU time is real work, not waiting (slowest confirms below).',
  '- **Plan**: the build is dominated by the one stock query over every source in scope (all 500 nodes, lots and assets joined for expiry and inspection), and "transport + store" by writing the draft: the stored `problem` carries every source\'s stock of the demanded items (~340 kB of JSON for a province incident in the profile) into a jsonb column. The solver itself is a few per cent of the plan time.',
  "- **Tail latency** on this shared 2-core machine follows the load: other engineers' builds, tests and benchmarks share it (see the load column; earlier runs the same day at load 6–12 gave p50 figures up to 3× and p95 figures up to 13× higher for the same code). Where a p95 misses while the p50 is well inside the goal, compare wall time with the CPU columns: a p95 far above the CPU p95 is time spent waiting for a CPU, not work.",
);
lines.push(
  '',
  `Slowest confirms (use-case path): ${outcomes.map((o) => `${o.result.network}/${o.result.kind}: ${o.result.slowestConfirms.map((c) => `${c.label} ${ms(c.ms)} ms (CPU ${ms(c.cpuMs)}, ${c.shipments} shipments, ${c.units} units)`).join(', ')}`).join('; ')}.`,
);
const errors = outcomes.flatMap((o) => o.result.errors.map((e) => `${o.result.network}/${o.result.kind}: ${e}`));
if (errors.length) lines.push('', `Errors: ${errors.slice(0, 10).join('; ')}`);

const text = lines.join('\n');
process.stdout.write(`\n${text}\n\n`);
if (write) {
  const docPath = path.join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
  const begin = '<!-- dispatch:begin -->';
  const end = '<!-- dispatch:end -->';
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  const block = `${begin}\n${text}\n${end}`;
  writeFileSync(
    docPath,
    a >= 0 && b > a
      ? doc.slice(0, a) + block + doc.slice(b + end.length)
      : `${doc.trimEnd()}\n\n## One-click dispatch\n\n${block}\n`,
  );
  log(`wrote ${path.relative(process.cwd(), docPath)}`);
}
log(`done in ${totalMinutes.toFixed(1)} min`);
if (outcomes.some((o) => o.result.ledgerDifferences > 0)) process.exitCode = 1;
