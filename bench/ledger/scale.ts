/**
 * Queries at scale: a ledger of many serialised assets and lots, built set-based straight into the
 * tables (movements go through the real trigger, which builds balances and summaries), then
 * p50/p95 of the stock and asset list queries, availability and ledger verify.
 */
import { randomUUID } from 'node:crypto';
import { systemActor } from '../../apps/server/src/auth/actor.ts';
import type { Database, Queryable } from '../../apps/server/src/db/database.ts';
import { verifyLedger } from '../../apps/server/src/ledger/ledger.repository.ts';
import { MAX_LEDGER_OFFSET } from '../../apps/server/src/ledger/ledger-page.ts';
import { availabilityOf, listAssets, listStock } from '../../apps/server/src/ledger/stock-queries.ts';
import { createNetwork, type Network } from './fixture.ts';
import { elapsedMs, log, percentile } from './stats.ts';

export type ScaleSize = { assets: number; lots: number; nodes: number; serialItems: number; lotItems: number };
export const FULL_SCALE: ScaleSize = { assets: 1_000_000, lots: 200_000, nodes: 200, serialItems: 250, lotItems: 250 };

export type ScaleBuild = { net: Network; buildSeconds: number; movements: number; balances: number; summaries: number };

/** Inserts lots, assets and their opening movements in chunks; the movement trigger builds balances. */
export async function buildLedger(db: Database, size: ScaleSize, label: string): Promise<ScaleBuild> {
  const start = process.hrtime.bigint();
  const net = await createNetwork(db, {
    nodes: size.nodes,
    bulkItems: 0,
    lotItems: size.lotItems,
    serialItems: size.serialItems,
  });
  const CHUNK = 100_000;
  const today = '2026-11-29';
  const openingDocument = async (tx: Queryable, nodeId: string) => {
    const id = randomUUID();
    await tx.query(
      `INSERT INTO stock_document (id, organisation_id, kind, number, node_id, state, lines, created_by_name, created_at, updated_at)
       VALUES ($1, $2, 'opening', 'OB-BENCH-' || nextval('stock_document_no_seq'), $3, 'posted', '[]', 'ledger-benchmark', now(), now())`,
      [id, net.organisationId, nodeId],
    );
    return id;
  };
  for (let from = 1; from <= size.lots; from += CHUNK) {
    const to = Math.min(size.lots, from + CHUNK - 1);
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO lot (id, organisation_id, item_id, lot_no, produced_on, expires_on, supplier)
         SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + g % cardinality($2::uuid[])], 'BL' || lpad(g::text, 7, '0'),
                $5::date - 1200 + g % 600, $5::date - 60 + g % 1500, 'Bench supplier'
           FROM generate_series($3::int, $4::int) g`,
        [net.organisationId, net.lotItemIds, from, to, today],
      );
      const doc = await openingDocument(tx, net.nodeIds[0]!);
      // Each lot is stocked at one node (spread round the network), 1–100 units.
      await tx.query(
        `INSERT INTO stock_movement (organisation_id, document_id, node_id, item_id, lot_id, asset_id, stock_key, bucket, delta, at)
         SELECT l.organisation_id, $1, ($2::uuid[])[1 + (substr(l.lot_no, 3)::int / 3) % cardinality($2::uuid[])], l.item_id, l.id, NULL, l.id,
                'on_hand', 1 + substr(l.lot_no, 3)::int % 100, now()
           FROM lot l WHERE l.lot_no BETWEEN 'BL' || lpad($3::text, 7, '0') AND 'BL' || lpad($4::text, 7, '0') AND l.organisation_id = $5`,
        [doc, net.nodeIds, from, to, net.organisationId],
      );
    });
    log(
      `${label} build: lots ${to.toLocaleString('en')} / ${size.lots.toLocaleString('en')} (${(elapsedMs(start) / 1000).toFixed(0)} s)`,
    );
  }
  for (let from = 1; from <= size.assets; from += CHUNK) {
    const to = Math.min(size.assets, from + CHUNK - 1);
    await db.transaction(async (tx) => {
      // Codes like the real ones (organisation prefix + base-36 sequence); assets of one item are spread over all nodes.
      await tx.query(
        `INSERT INTO asset (id, organisation_id, item_id, code, serial_no, status, node_id, next_inspection_due, last_inspection_result, created_at, updated_at)
         SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + g % cardinality($2::uuid[])], 'BENCH-' || $7 || '-S' || lpad(upper(to_hex(g)), 7, '0'),
                'SN' || g, 'in-stock', ($3::uuid[])[1 + (g / cardinality($2::uuid[])) % cardinality($3::uuid[])],
                $6::date - 30 + g % 400, CASE WHEN g % 97 = 0 THEN 'fail' ELSE 'pass' END, now(), now()
           FROM generate_series($4::int, $5::int) g`,
        [net.organisationId, net.serialItemIds, net.nodeIds, from, to, today, net.tag],
      );
      const doc = await openingDocument(tx, net.nodeIds[0]!);
      await tx.query(
        `INSERT INTO stock_movement (organisation_id, document_id, node_id, item_id, lot_id, asset_id, stock_key, bucket, delta, at)
         SELECT a.organisation_id, $1, a.node_id, a.item_id, NULL, a.id, a.id, 'on_hand', 1, now()
           FROM asset a WHERE a.code BETWEEN 'BENCH-' || $4 || '-S' || lpad(upper(to_hex($2::int)), 7, '0') AND 'BENCH-' || $4 || '-S' || lpad(upper(to_hex($3::int)), 7, '0')`,
        [doc, from, to, net.tag],
      );
    });
    log(
      `${label} build: assets ${to.toLocaleString('en')} / ${size.assets.toLocaleString('en')} (${(elapsedMs(start) / 1000).toFixed(0)} s)`,
    );
  }
  await db.exec('VACUUM ANALYZE');
  const [counts] = await db.query<{ movements: number; balances: number; summaries: number }>(
    'SELECT (SELECT count(*) FROM stock_movement)::int AS movements, (SELECT count(*) FROM stock_balance)::int AS balances, (SELECT count(*) FROM stock_summary)::int AS summaries',
  );
  const buildSeconds = elapsedMs(start) / 1000;
  log(
    `${label} build done in ${buildSeconds.toFixed(0)} s: ${counts!.movements} movements, ${counts!.balances} balances, ${counts!.summaries} summaries`,
  );
  return { net, buildSeconds, ...counts! };
}

export type QueryTiming = {
  query: string;
  goalMs: number | null;
  p50Ms: number;
  p95Ms: number;
  samples: number;
  rows: number;
  total: number | null;
  note?: string;
};

/** Times each query `samples` times (after two warm-ups), with parameters varied across samples. */
let keysetAfter: string | null = null;

export async function benchmarkQueries(
  db: Database,
  build: ScaleBuild,
  options: { samples: number; verifySamples: number; label: string },
): Promise<QueryTiming[]> {
  keysetAfter = null; // each database has its own codes
  const deps = { db, clock: { now: () => new Date('2026-11-29T08:00:00Z') } };
  const actor = systemActor('ledger-benchmark');
  const { net } = build;
  const node = (i: number) => net.nodeIds[(i * 37) % net.nodeIds.length]!;
  // Node × item pairs that hold stock, so the filtered queries return real pages.
  const stocked = async (itemIds: string[]) =>
    db.query<{ node_id: string; item_id: string }>(
      'SELECT node_id, item_id FROM stock_summary WHERE item_id = ANY ($1::uuid[]) AND on_hand > 0 ORDER BY md5(node_id::text || item_id::text) LIMIT 50',
      [itemIds],
    );
  const serialPairs = await stocked(net.serialItemIds);
  const lotPairs = await stocked(net.lotItemIds);
  const serialPair = (i: number) => serialPairs[i % serialPairs.length]!;
  const lotPair = (i: number) => lotPairs[i % lotPairs.length]!;
  const [{ n: assetsTotal } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM asset');
  const deepStock = Math.floor(build.summaries / 2);
  const deepAsset = Math.floor(assetsTotal / 2);
  // Offsets stop at MAX_LEDGER_OFFSET; deeper pages follow the cursor.
  const deepOffsetStock = Math.min(MAX_LEDGER_OFFSET, deepStock);
  const deepOffsetAsset = Math.min(MAX_LEDGER_OFFSET, deepAsset);
  let stockCursor: string | undefined;
  const stockCursorAt = async (depth: number): Promise<string> => {
    let cursor: string | undefined;
    for (let seen = 0; seen < depth;) {
      const limit = Math.min(500, depth - seen);
      const p = await listStock(deps, actor, { limit, ...(cursor ? { cursor } : {}) });
      seen += p.items.length;
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    return cursor ?? '';
  };
  // A code prefix (4,096 matches at full size), fragments, and one full code.
  const searches = [`${net.tag}-S00A1`, '3F2', `${net.tag}-S01`, 'B7C', `BENCH-${net.tag}-S00F00F0`.slice(0, 18)];
  type Case = { query: string; goalMs: number | null; run(i: number): Promise<{ rows: number; total: number | null }> };
  const page = (r: { items: unknown[]; total: number }) => ({ rows: r.items.length, total: r.total });
  const cases: Case[] = [
    {
      query: 'listStock, page 1 (50 rows), no filter',
      goalMs: 50,
      run: async () => page(await listStock(deps, actor, { limit: 50 })),
    },
    {
      query: `listStock, deepest offset allowed (${deepOffsetStock.toLocaleString('en')}), no filter`,
      goalMs: 50,
      run: async () => page(await listStock(deps, actor, { limit: 50, offset: deepOffsetStock })),
    },
    {
      query: `listStock, cursor page at depth ${deepStock.toLocaleString('en')}, no filter`,
      goalMs: 50,
      // the cursor is what the previous page handed out; walking there (in the warm-up) is not timed
      run: async () => {
        stockCursor ??= await stockCursorAt(deepStock);
        return page(await listStock(deps, actor, { limit: 50, cursor: stockCursor }));
      },
    },
    {
      query: 'listStock, page 1, node filter',
      goalMs: 50,
      run: async (i) => page(await listStock(deps, actor, { limit: 50, nodeId: node(i) })),
    },
    {
      query: 'listStock, deep page (offset 400), node filter',
      goalMs: 50,
      run: async (i) => page(await listStock(deps, actor, { limit: 50, offset: 400, nodeId: node(i) })),
    },
    {
      query: 'listStock, page 1, sorted by available',
      goalMs: 50,
      run: async () => page(await listStock(deps, actor, { limit: 50, sort: 'available', order: 'desc' })),
    },
    {
      query: 'listAssets, page 1, node + item',
      goalMs: 50,
      run: async (i) =>
        page(await listAssets(deps, actor, { limit: 50, nodeId: serialPair(i).node_id, itemId: serialPair(i).item_id })),
    },
    {
      query: 'listAssets, page 1, node only',
      goalMs: 50,
      run: async (i) => page(await listAssets(deps, actor, { limit: 50, nodeId: serialPair(i).node_id })),
    },
    { query: 'listAssets, page 1, no filter', goalMs: 50, run: async () => page(await listAssets(deps, actor, { limit: 50 })) },
    {
      query: 'listAssets, text search on code (q)',
      goalMs: 50,
      run: async (i) => page(await listAssets(deps, actor, { limit: 50, q: searches[i % searches.length]! })),
    },
    {
      query: `listAssets, deepest offset allowed (${deepOffsetAsset.toLocaleString('en')}), no filter`,
      goalMs: 50,
      run: async () => page(await listAssets(deps, actor, { limit: 50, offset: deepOffsetAsset })),
    },
    {
      query: `listAssets, keyset page at the same depth (after the ${deepAsset.toLocaleString('en')}th code), no filter`,
      goalMs: 50,
      // the cursor is what the previous page returned; finding it here (in the warm-up) is not timed
      run: async () => {
        keysetAfter ??=
          (await db.query<{ code: string }>('SELECT code FROM asset ORDER BY code OFFSET $1 LIMIT 1', [deepAsset - 1]))[0]
            ?.code ?? '';
        return page(await listAssets(deps, actor, { limit: 50, after: keysetAfter }));
      },
    },
    {
      query: 'availabilityOf, serialised item at a node',
      goalMs: null,
      run: async (i) => (
        await availabilityOf(deps, actor, serialPair(i).node_id, serialPair(i).item_id),
        { rows: 1, total: null }
      ),
    },
    {
      query: 'availabilityOf, lot item at a node',
      goalMs: null,
      run: async (i) => (await availabilityOf(deps, actor, lotPair(i).node_id, lotPair(i).item_id), { rows: 1, total: null }),
    },
  ];
  const results: QueryTiming[] = [];
  for (const c of cases) {
    await c.run(100);
    await c.run(101);
    const times: number[] = [];
    let last = { rows: 0, total: null as number | null };
    for (let i = 0; i < options.samples; i++) {
      const start = process.hrtime.bigint();
      last = await c.run(i);
      times.push(elapsedMs(start));
    }
    const timing = {
      query: c.query,
      goalMs: c.goalMs,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      samples: options.samples,
      ...last,
    };
    log(
      `${options.label} ${c.query}: p50 ${timing.p50Ms.toFixed(1)} ms, p95 ${timing.p95Ms.toFixed(1)} ms (${last.rows} rows, total ${last.total})`,
    );
    results.push(timing);
  }
  const verifyTimes: number[] = [];
  let verdict = { differences: [] as unknown[], movementsChecked: 0 };
  for (let i = 0; i < options.verifySamples; i++) {
    const start = process.hrtime.bigint();
    verdict = await verifyLedger(db);
    verifyTimes.push(elapsedMs(start));
  }
  if (verdict.differences.length)
    throw new Error(`${options.label}: ledger verify found ${verdict.differences.length} differences`);
  results.push({
    query: `verifyLedger (${verdict.movementsChecked.toLocaleString('en')} movements, no differences)`,
    goalMs: null,
    p50Ms: percentile(verifyTimes, 50),
    p95Ms: percentile(verifyTimes, 95),
    samples: options.verifySamples,
    rows: 0,
    total: null,
  });
  log(`${options.label} verifyLedger: p50 ${percentile(verifyTimes, 50).toFixed(0)} ms`);
  return results;
}
