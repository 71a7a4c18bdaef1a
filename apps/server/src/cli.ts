import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig } from './config/config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { systemClock } from './deps.ts';
import { StartupError, startServer } from './main.ts';
import { seedDemo } from './seed/seed-demo.ts';

const USAGE = `Usage: zhanqin <command> [options]

Commands:
  serve                 start the HTTP API and web app (migrates; seeds the demo on an empty database)
  migrate               apply pending database migrations
  seed                  seed the Liupanshui demo data into an empty database
  ledger verify         recompute every balance from the movements and list differences (exit 1 if any)
  audit verify          re-hash the audit chain and name the first broken entry (exit 1 if any)
  import opening-stock FILE.xlsx [--post]
                        check an opening-stock workbook (the template of the web import) row by row;
                        with --post, post it as one batch of receipts, all or none (exit 1 on problems)
  solve --input FILE|-  solve a DispatchProblem (JSON) and print the DispatchPlan
  help                  show this text

Configuration comes from the environment; see .env.example.`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve() {
    const config = parseConfig(process.env);
    const running = await startServer(config);
    const stop = async (signal: string) => {
      console.log(`\n${signal} received; shutting down`);
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    return new Promise<number>(() => undefined);
  },
  async migrate() {
    const config = parseConfig(process.env);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const { applied } = await migrate(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
      return 0;
    } finally {
      await db.close();
    }
  },
  async seed() {
    const config = parseConfig(process.env);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const report = await seedDemo({ db, clock: systemClock, config });
      if (!report.seeded) {
        console.log('The database already holds network data; the demo was not seeded.');
        return 0;
      }
      console.log(
        `Seeded: ${Object.entries(report.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
      );
      console.log(`Demo users: ${report.demoUsers.map((u) => `${u.username} (${u.role})`).join(', ')}`);
      if (report.demoPasswordGenerated) console.log(`Demo password (shown once): ${report.demoPassword}`);
      return 0;
    } finally {
      await db.close();
    }
  },
  async ledger(args) {
    if (args[0] !== 'verify') {
      console.error('Usage: zhanqin ledger verify');
      return 2;
    }
    const config = parseConfig(process.env);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const { verifyLedger } = await import('./ledger/ledger.repository.ts');
      const result = await verifyLedger(db);
      console.log(`Checked ${result.balancesChecked} balances against ${result.movementsChecked} movements.`);
      for (const d of result.danglingReferences)
        console.log(`  ${d.rows} row(s) of ${d.table} name a ${d.column} that does not exist`);
      if (result.differences.length === 0 && result.danglingReferences.length === 0) {
        console.log('No difference: every balance equals the sum of its movements.');
        return 0;
      }
      console.log(`${result.differences.length} difference(s):`);
      for (const d of result.differences)
        console.log(
          `  node ${d.nodeId} item ${d.itemId} unit ${d.stockKey} ${d.bucket}: stored ${d.stored}, movements ${d.fromMovements}`,
        );
      return 1;
    } finally {
      await db.close();
    }
  },
  async audit(args) {
    if (args[0] !== 'verify') {
      console.error('Usage: zhanqin audit verify');
      return 2;
    }
    const config = parseConfig(process.env);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const { verifyAudit } = await import('./audit/audit.repository.ts');
      const verdict = await verifyAudit(db);
      if (verdict.ok) {
        console.log(`Audit chain intact: ${verdict.checked} entries.`);
        return 0;
      }
      console.log(
        `Audit chain broken at entry ${verdict.firstBrokenSeq} (${verdict.reason}); ${verdict.checked} entries before it are intact.`,
      );
      return 1;
    } finally {
      await db.close();
    }
  },
  async import(args) {
    const [what, file, ...rest] = args;
    const post = rest.includes('--post');
    if (what !== 'opening-stock' || !file || rest.some((a) => a !== '--post')) {
      console.error('Usage: zhanqin import opening-stock FILE.xlsx [--post]');
      return 2;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      console.error(`Cannot read ${file}: ${(error as Error).message}`);
      return 2;
    }
    const config = parseConfig(process.env);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const [{ importOpeningStock }, { systemActor }, { AppError }] = await Promise.all([
        import('./excel/import-opening-stock.ts'),
        import('./auth/actor.ts'),
        import('./http/app-error.ts'),
      ]);
      try {
        const result = await importOpeningStock({ db, clock: systemClock }, systemActor('cli import'), bytes, { dryRun: !post });
        console.log(`${result.rows} row(s) read, ${result.errorCount} problem(s).`);
        for (const e of result.errors) console.log(`  row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
        for (const r of result.receipts)
          console.log(
            `  ${r.number ?? (post ? '' : 'would post')} ${r.nodeCode}: ${r.lines} line(s), ${r.units} unit(s), ${r.assets} asset(s)`.trimStart(),
          );
        if (!result.ok) return 1;
        console.log(post ? 'Posted.' : 'Dry run: nothing was posted (add --post to post).');
        return 0;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const details = error.details as { errors?: { row: number; column: string | null; message: string }[] } | undefined;
        console.error(`${error.code}: ${error.message}`);
        for (const e of details?.errors ?? []) console.error(`  row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
        return 1;
      }
    } finally {
      await db.close();
    }
  },
  async solve(args) {
    const { runSolveCommand } = await import('./dispatch/solve-command.ts');
    const index = args.indexOf('--input');
    const input = index >= 0 ? args[index + 1] : undefined;
    if (!input) {
      console.error('solve needs --input FILE or --input - (standard input)');
      return 2;
    }
    const text = input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8');
    const { exitCode, output } = runSolveCommand(text);
    (exitCode === 0 ? process.stdout : process.stderr).write(`${output}\n`);
    return exitCode;
  },
  async help() {
    console.log(USAGE);
    return 0;
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      console.error(error.message);
      return 1;
    }
    if ((error as { code?: string }).code === 'ENOENT') {
      console.error(`File not found: ${(error as { path?: string }).path}`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
