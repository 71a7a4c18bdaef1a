/**
 * Dispatch solver benchmark: our solver against HiGHS on the same instances, interleaved, HiGHS warmed
 * up. Writes the table into docs/benchmarks.md between the solver markers.
 * Run from the repository root: node --import tsx bench/solver/run.ts  (or npm run bench:solver)
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { solveDispatch } from '@zhanqin/domain';
import type { RealisticSize } from '../../packages/domain/src/dispatch/testing/generate-problem.ts';
import { buildReferenceModels } from '../../packages/domain/src/dispatch/testing/highs-reference.ts';
import { benchmarkProblem, runOnce } from './compare-solvers.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// Goals (SPEC §9): speed-up ≥ 30× at 500 × 50 × 5, ≥ 60× and p95 ≤ 20 ms at 2000 × 50 × 5.
type Size = RealisticSize & { goal?: { speedup: number; p95Ms?: number } };
const sizes: Size[] = [
  { sources: 500, items: 50, incidents: 1 },
  { sources: 500, items: 50, incidents: 5, goal: { speedup: 30 } },
  { sources: 2000, items: 50, incidents: 5, goal: { speedup: 60, p95Ms: 20 } },
  { sources: 2000, items: 200, incidents: 5 },
  // The same sizes with the light demand of earlier runs (few sources needed, nothing short).
  { sources: 500, items: 50, incidents: 5, demand: 'light', goal: { speedup: 30 } },
  { sources: 2000, items: 50, incidents: 5, demand: 'light', goal: { speedup: 60, p95Ms: 20 } },
];
const runs = Number(process.env.BENCH_RUNS ?? 7);
const extraOurRuns = 100; // for our p95

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};

const loadAtStart = loadavg()[0] as number;
const highs = await (await import('highs')).default();
// Warm-up: load the WASM, JIT both solvers' code paths (one incident and several).
for (const incidents of [1, 3]) {
  const warm = benchmarkProblem({ sources: 200, items: 10, incidents });
  for (let i = 0; i < 5; i++) runOnce(highs, warm);
}

type Row = {
  size: string;
  demand: string;
  lines: number;
  sourcesUsed: number;
  shortfalls: number;
  shortUnits: number;
  demandUnits: number;
  ours: number;
  oursP95: number;
  highs: number;
  speedup: number;
  same: string;
  goal: string;
  met: string;
  heapMb: number;
  highsBuildMs: number;
};
const rows: Row[] = [];
for (const size of sizes) {
  const problem = benchmarkProblem(size);
  const tb = performance.now();
  const models = buildReferenceModels(problem);
  const highsBuildMs = performance.now() - tb;
  // Warm both solvers on this very instance (JIT for its code paths, HiGHS's WASM heap) before timing.
  for (let w = 0; w < 3; w++) runOnce(highs, problem, models);
  const ours: number[] = [];
  const theirs: number[] = [];
  let allSame = true;
  for (let r = 0; r < runs; r++) {
    const sample = runOnce(highs, problem, models);
    ours.push(sample.oursMs);
    theirs.push(sample.highsMs);
    if (!sample.sameOptimum) {
      allSame = false;
      console.error(`different optimum at ${JSON.stringify(size)} run ${r}: ours ${sample.ourCost}, HiGHS ${sample.highsCost}`);
    }
  }
  const oursAll = [...ours];
  for (let r = 0; r < extraOurRuns; r++) {
    const t = performance.now();
    solveDispatch(problem);
    oursAll.push(performance.now() - t);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const plan = solveDispatch(problem);
  const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const speedup = median(theirs) / median(ours);
  const oursP95 = percentile(oursAll, 95);
  const goal = size.goal;
  const met =
    goal === undefined
      ? '—'
      : allSame && speedup >= goal.speedup && (goal.p95Ms === undefined || oursP95 <= goal.p95Ms)
        ? 'yes'
        : 'NO';
  let demandUnits = 0;
  for (const incident of problem.incidents) for (const qty of Object.values(incident.demand)) demandUnits += qty;
  const row: Row = {
    size: `${size.sources} × ${size.items} × ${size.incidents}`,
    demand: size.demand ?? 'scarce',
    lines: plan.lines.length,
    sourcesUsed: new Set(plan.lines.map((line) => line.source)).size,
    shortfalls: plan.shortfalls.length,
    shortUnits: plan.shortfalls.reduce((sum, s) => sum + s.qty, 0),
    demandUnits,
    ours: median(ours),
    oursP95,
    highs: median(theirs),
    speedup,
    same: allSame ? `yes (${runs}/${runs})` : 'NO',
    goal: goal === undefined ? '—' : `≥ ${goal.speedup}×` + (goal.p95Ms === undefined ? '' : `, p95 ≤ ${goal.p95Ms} ms`),
    met,
    heapMb,
    highsBuildMs,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}

const rssMb = process.memoryUsage().rss / 2 ** 20;
const table = [
  '| sources × items × incidents | demand | lines | sources drawn on | shortfalls (units short / wanted) | ours, median ms | ours, p95 ms | HiGHS, median ms | speed-up | same optimum | goal | met? | heap allocated by one solve, MB |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|',
  ...rows.map(
    (r) =>
      `| ${r.size} | ${r.demand} | ${r.lines} | ${r.sourcesUsed} | ${r.shortfalls} (${r.shortUnits} / ${r.demandUnits}) | ${r.ours.toFixed(2)} | ${r.oursP95.toFixed(2)} | ${r.highs.toFixed(1)} | ${r.speedup.toFixed(0)}× | ${r.same} | ${r.goal} | ${r.met} | ${r.heapMb.toFixed(1)} |`,
  ),
].join('\n');
const section = `<!-- solver:begin -->
Measured ${new Date().toISOString().slice(0, 10)} with Node.js ${process.version} on ${process.platform}/${process.arch}
(${cpus().length} CPUs; load average over 1 min ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] as number).toFixed(1)} at the end — other jobs share this machine), command \`node --import tsx bench/solver/run.ts\` (= \`npm run bench:solver\`),
${runs} interleaved runs per size (ours, then HiGHS, same instance), medians; our p95 over ${runs + extraOurRuns} runs.
Peak RSS of the whole benchmark process (HiGHS WASM heap included): ${rssMb.toFixed(0)} MB.
JavaScript time to build HiGHS's CSC arrays, excluded from its column: ${rows.map((r) => `${r.size} ${r.demand}: ${r.highsBuildMs.toFixed(0)} ms`).join('; ')}.

${table}
<!-- solver:end -->`;

const docPath = new URL('../../docs/benchmarks.md', import.meta.url);
if (!existsSync(new URL('../../docs/', import.meta.url))) mkdirSync(new URL('../../docs/', import.meta.url));
const doc = existsSync(docPath)
  ? readFileSync(docPath, 'utf8')
  : '# Benchmarks\n\n## Dispatch solver\n\n<!-- solver:begin -->\n<!-- solver:end -->\n';
const begin = doc.indexOf('<!-- solver:begin -->');
const end = doc.indexOf('<!-- solver:end -->');
if (begin < 0 || end < 0) throw new Error('docs/benchmarks.md lacks the solver markers');
writeFileSync(docPath, doc.slice(0, begin) + section + doc.slice(end + '<!-- solver:end -->'.length));
console.log(table);
