#!/usr/bin/env node
// `npm test`: runs every suite once. Suites that need the PostgreSQL server or Chromium run when
// those are reachable and are reported as skipped (with the reason) when not. With
// ZHANQIN_REQUIRE_ALL=1 (CI) a skipped suite is a failure. Ends with "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const requireAll = process.env.ZHANQIN_REQUIRE_ALL === '1';
const env = { ...process.env };
const skipped = [];

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgUrl = env.ZHANQIN_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
if (await postgresReachable(pgUrl)) {
  env.ZHANQIN_TEST_DATABASE_URL = pgUrl;
  console.log(`PostgreSQL suites: on (${pgUrl.replace(/\/\/[^@]*@/, '//…@')})`);
} else {
  delete env.ZHANQIN_TEST_DATABASE_URL;
  skipped.push(`PostgreSQL suites: no server at ${pgUrl} (set ZHANQIN_TEST_DATABASE_URL)`);
}

const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium';
if (env.ZHANQIN_BROWSER_TESTS !== '0' && existsSync(chromium)) {
  env.ZHANQIN_BROWSER_TESTS = '1';
  env.CHROMIUM_PATH = chromium;
  console.log(`Browser suites: on (${chromium})`);
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    console.log('Building the web app for the browser suites…');
    const build = spawnSync('npm', ['run', 'build', '-w', '@zhanqin/web'], { cwd: root, stdio: 'inherit', env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
} else {
  env.ZHANQIN_BROWSER_TESTS = '0';
  skipped.push(`Browser suites: Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

if (requireAll && skipped.length) {
  console.error(`ZHANQIN_REQUIRE_ALL=1 and some suites cannot run:\n  - ${skipped.join('\n  - ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
const reportFile = path.join(root, 'test-artifacts', 'vitest-report.json');
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
let skippedTests = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests;
  failed =
    report.numFailedTests +
    (report.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  skippedTests = report.numPendingTests + report.numTodoTests;
} catch {
  failed = Math.max(1, failed);
}
if (skipped.length) console.log(`\nSkipped on this machine:\n  - ${skipped.join('\n  - ')}`);
const exitCode = run.status !== 0 || failed > 0 || (requireAll && skippedTests > 0) ? 1 : 0;
if (requireAll && skippedTests > 0)
  console.error(`${skippedTests} tests were skipped, which ZHANQIN_REQUIRE_ALL=1 does not allow`);
console.log(`\n${passed} passed, ${failed} failed${skippedTests ? `, ${skippedTests} skipped` : ''}`);
process.exit(exitCode);
