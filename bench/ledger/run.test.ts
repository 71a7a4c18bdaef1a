import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBenchDatabase, type BenchDatabase } from './fixture.ts';
import { benchmarkPosting } from './posting.ts';
import { benchmarkQueries, buildLedger, FULL_SCALE } from './scale.ts';

describe('ledger benchmark (smoke, PGlite)', () => {
  let bench: BenchDatabase;
  beforeAll(async () => {
    bench = await createBenchDatabase('pglite');
  });
  afterAll(async () => {
    await bench?.drop();
  });

  it('posts every document shape and measures the raw reference', async () => {
    const results = await benchmarkPosting(bench.db, {
      runs: 1,
      label: 'smoke',
      docs: {
        'receipt-1-unit': 2,
        'receipt-20-lines': 2,
        'receipt-200-serials': 1,
        'transfer-10-lines': 2,
        'batch-20-transfers-10-lines': 20,
        'batch-200-transfers-10-lines': 200,
        'batch-500-receipts-1-unit': 500,
        'batch-50-receipts-20-lines': 50,
        'batch-5-receipts-200-serials': 5,
      },
    });
    expect(results.map((r) => r.shape)).toEqual([
      'receipt-1-unit',
      'receipt-20-lines',
      'receipt-200-serials',
      'transfer-10-lines',
      'batch-20-transfers-10-lines',
      'batch-200-transfers-10-lines',
      'batch-500-receipts-1-unit',
      'batch-50-receipts-20-lines',
      'batch-5-receipts-200-serials',
    ]);
    for (const r of results) {
      expect(r.docsPerSecond).toBeGreaterThan(0);
      expect(r.rawRowsPerSecond).toBeGreaterThan(0);
      expect(r.rowsWrittenPerDoc).toBeGreaterThan(r.movementRowsPerDoc);
      expect(r.rawReplayDocsPerSecond).toBeGreaterThan(0);
    }
    const byShape = new Map(results.map((r) => [r.shape, r]));
    expect(byShape.get('receipt-200-serials')?.movementRowsPerDoc).toBe(200);
    // One bulk unit: document + movement + audit entry + one balance and one summary row.
    expect(byShape.get('receipt-1-unit')?.rowsWrittenPerDoc).toBe(5);
    // 200 serials: document, 200 assets, 200 events, 200 movements, 200 balances, 1 summary, audit entry.
    expect(byShape.get('receipt-200-serials')?.rowsWrittenPerDoc).toBe(803);
    expect(byShape.get('batch-5-receipts-200-serials')?.docsPerTransaction).toBe(5);
    // A transfer of 10 bulk lines: 10 reservations, 30 shipping (reserve and on hand out, in transit in) and 20 arriving.
    expect(byShape.get('transfer-10-lines')?.movementRowsPerDoc).toBe(60);
    expect(byShape.get('batch-20-transfers-10-lines')?.movementRowsPerDoc).toBe(60);
    expect(byShape.get('batch-200-transfers-10-lines')?.docsPerTransaction).toBe(200);
  });

  it('builds a small ledger set-based and times every query; verify finds no difference', async () => {
    const build = await buildLedger(
      bench.db,
      { ...FULL_SCALE, assets: 2_000, lots: 400, nodes: 12, serialItems: 10, lotItems: 10 },
      'smoke',
    );
    expect(build.balances).toBeGreaterThanOrEqual(2_400); // the posting test above shares the database
    const timings = await benchmarkQueries(bench.db, build, { samples: 2, verifySamples: 1, label: 'smoke' });
    expect(timings.length).toBeGreaterThan(10);
    expect(timings.find((t) => t.query.startsWith('listAssets, page 1, node + item'))?.rows).toBeGreaterThan(0);
  });
});
