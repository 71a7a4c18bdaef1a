import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openPglite, type Database } from '../src/db/database.ts';
import { verifyLedger } from '../src/ledger/ledger.repository.ts';
import { createTestDatabase, describeEachDatabase } from './support.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/post-large-receipt.ts');
const UNITS = 10_000;

/** Starts the fixture, kills it with SIGKILL `delayMs` after it begins posting, and says whether it had finished. */
function postAndKill(target: string, delayMs: number, mode: Mode): Promise<{ finished: boolean; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, target, String(UNITS), mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('posting') && !out.includes('armed')) {
        out += 'armed';
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== null && code !== 0 && signal === null) reject(new Error(`fixture failed: ${err}`));
      else resolve({ finished: out.includes('done'), killed: signal === 'SIGKILL' });
    });
  });
}

type Mode = 'single' | 'batch' | 'transfers';

/** A batch of ten transfers is all ten, each reserving its whole tenth, or none of them; nothing else is reserved. */
async function transfersWholeOrNothing(db: Database) {
  const docs = await db.query<{ id: string }>("SELECT id FROM stock_document WHERE reference = 'CRASH-TRANSFERS'");
  expect(docs.length % 10).toBe(0);
  for (const doc of docs) {
    const [m] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM stock_movement WHERE document_id = $1 AND bucket = 'reserved' AND delta = 1",
      [doc.id],
    );
    expect(m!.n).toBe(UNITS / 10);
  }
  const [reserved] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM asset a JOIN item i ON i.id = a.item_id WHERE i.code = 'CRASH-ITEM' AND a.status = 'reserved'",
  );
  expect(reserved!.n).toBe(docs.length * (UNITS / 10));
  expect((await verifyLedger(db)).differences).toEqual([]);
}

/** Every document is whole, and a batch is all ten of its receipts or none of them. */
async function wholeOrNothing(db: Database, mode: Mode) {
  if (mode === 'transfers') return transfersWholeOrNothing(db);
  const docs = await db.query<{ id: string }>('SELECT id FROM stock_document WHERE reference = $1', [
    mode === 'batch' ? 'CRASH-BATCH' : 'CRASH-TEST',
  ]);
  const perDoc = mode === 'batch' ? UNITS / 10 : UNITS;
  if (mode === 'batch') expect(docs.length % 10).toBe(0);
  for (const doc of docs) {
    const [m] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement WHERE document_id = $1', [doc.id]);
    expect(m!.n).toBe(perDoc);
  }
  const [assets] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM asset a JOIN item i ON i.id = a.item_id WHERE i.code = 'CRASH-ITEM'",
  );
  expect(assets!.n).toBe(docs.length * perDoc);
  expect((await verifyLedger(db)).differences).toEqual([]);
  return docs.length;
}

describeEachDatabase('a process killed while posting a large receipt', (kind) => {
  for (const [mode, what] of [
    ['single', 'the whole document or none of it'],
    ['batch', 'a whole batch of ten receipts or none of it'],
    ['transfers', 'a whole batch of ten transfers or none of it'],
  ] as const) {
    it(`leaves ${what}`, async () => {
      const outcomes: string[] = [];
      if (kind === 'pglite') {
        const dir = mkdtempSync(path.join(tmpdir(), 'zq-crash-'));
        try {
          for (const delay of [50, 400]) {
            const result = await postAndKill(path.join(dir, 'db'), delay, mode);
            outcomes.push(result.finished ? 'finished' : 'killed');
            const db = await openPglite(path.join(dir, 'db'));
            try {
              await wholeOrNothing(db, mode);
            } finally {
              await db.close();
            }
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      } else {
        const created = await createTestDatabase('postgres');
        try {
          for (const delay of [50, 400]) {
            const result = await postAndKill(created.url!, delay, mode);
            outcomes.push(result.finished ? 'finished' : 'killed');
            await wholeOrNothing(created.db, mode);
          }
        } finally {
          await created.drop();
        }
      }
      // at least one run must really have been cut off mid-document, or the test proves nothing
      expect(outcomes).toContain('killed');
    }, 120_000);
  }
});
