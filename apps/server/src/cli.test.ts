import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './cli.ts';

/** Runs the CLI in-process with its own environment and captures what it prints. */
async function run(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const write = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  const writeErr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, output: out.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    writeErr.mockRestore();
    process.env = saved;
  }
}

describe('the zhanqin command', () => {
  let dir = '';
  let env: Record<string, string> = {};
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zq-cli-'));
    env = { ZHANQIN_DATA_DIR: path.join(dir, 'data'), ZHANQIN_DEMO_PASSWORD: 'Demo-Cli-Pass-1', LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds the demo once, and verifies the ledger and the audit chain', async () => {
    expect((await run(['migrate'], env)).output).toContain('Applied: 0001_foundation');
    const seeded = await run(['seed'], env);
    expect(seeded.code).toBe(0);
    expect(seeded.output).toMatch(/Seeded: .*22 nodes/);
    expect((await run(['seed'], env)).output).toContain('already holds network data');
    const ledger = await run(['ledger', 'verify'], env);
    expect(ledger.code).toBe(0);
    expect(ledger.output).toContain('No difference');
    const audit = await run(['audit', 'verify'], env);
    expect(audit.code).toBe(0);
    expect(audit.output).toContain('Audit chain intact');
  }, 120_000);

  it('checks an opening-stock workbook, posts it only with --post, and names bad rows', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { OPENING_SHEET } = await import('./excel/read-opening-stock.ts');
    const workbook = async (rows: (string | number)[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(OPENING_SHEET);
      sheet.addRow(['nodeCode', 'itemCode', 'qty', 'lotNo', 'producedOn', 'expiresOn', 'serials']);
      for (const row of rows) sheet.addRow(row);
      const file = path.join(dir, `opening-${rows.length}-${String(rows[0]?.[2])}.xlsx`);
      writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
      return file;
    };
    const good = await workbook([
      ['LPS-BASE', 'DIESEL-0', 120],
      ['LPS-SW-ZS1', 'DIESEL-0', 30],
    ]);
    const dry = await run(['import', 'opening-stock', good], env);
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('2 row(s) read, 0 problem(s).');
    expect(dry.output).toContain('nothing was posted');
    const posted = await run(['import', 'opening-stock', good, '--post'], env);
    expect(posted.code).toBe(0);
    expect(posted.output).toMatch(/RC-\d{4}-\d{6} LPS-BASE: 1 line\(s\), 120 unit\(s\)/);
    expect((await run(['ledger', 'verify'], env)).code).toBe(0);

    const bad = await workbook([
      ['LPS-BASE', 'NO-SUCH-ITEM', 1],
      ['LPS-BASE', 'DIESEL-0', -4],
    ]);
    const refused = await run(['import', 'opening-stock', bad, '--post'], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('row 2');
    expect(refused.output).toContain('row 3');
    expect((await run(['import', 'opening-stock', path.join(dir, 'missing.xlsx')], env)).code).toBe(2);
    expect((await run(['import', 'stock', good], env)).code).toBe(2);
    const notExcel = path.join(dir, 'not-excel.xlsx');
    writeFileSync(notExcel, 'hello');
    const garbage = await run(['import', 'opening-stock', notExcel], env);
    expect(garbage.code).toBe(1);
    expect(garbage.output).toMatch(/^[A-Z_]+: /m);
  }, 120_000);

  it('solves a problem file and prints the plan, or the problems found', async () => {
    const file = path.join(dir, 'problem.json');
    writeFileSync(
      file,
      JSON.stringify({
        sources: [{ id: 's', stock: { cyl: 5 } }],
        incidents: [{ id: 'i', demand: { cyl: 7 } }],
        travelMinutes: { s: { i: 12 } },
      }),
    );
    const ok = await run(['solve', '--input', file], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.output)).toMatchObject({
      lines: [{ source: 's', incident: 'i', item: 'cyl', qty: 5, minutes: 12 }],
      shortfalls: [{ qty: 2 }],
    });
    writeFileSync(file, JSON.stringify({ sources: [{ id: 's', stock: { cyl: -1 } }], incidents: [], travelMinutes: {} }));
    const bad = await run(['solve', '--input', file], env);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('INVALID_PROBLEM');
    expect((await run(['solve', '--input', path.join(dir, 'missing.json')], env)).code).toBe(2);
    expect((await run(['nonsense'], env)).code).toBe(2);
  });

  it('fails at start with the list of bad variables', async () => {
    const bad = await run(['migrate'], { ...env, PORT: 'abc', DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('PORT');
    expect(bad.output).toContain('DATABASE_URL');
  });
});
