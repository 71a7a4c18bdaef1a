/**
 * Posting rate: receipts and transfers through the real use cases (system actor, audit log
 * included) against the raw batched INSERT rate of the same database into a plain table with
 * stock_movement's columns and no triggers, interleaved (reference, then ours), medians of runs.
 * Rates are compared twice: in movement rows, and in every row the posting writes (documents,
 * lots, assets and their events, movements, balance and summary rows, audit entries).
 */
import { randomUUID } from 'node:crypto';
import type { ReceiptCreate } from '@zhanqin/contracts';
import { systemActor } from '../../apps/server/src/auth/actor.ts';
import type { Database, Queryable } from '../../apps/server/src/db/database.ts';
import { verifyLedger } from '../../apps/server/src/ledger/ledger.repository.ts';
import { recordReceipt, recordReceipts } from '../../apps/server/src/ledger/record-receipt.ts';
import {
  advanceTransfer,
  advanceTransfers,
  createTransfer,
  createTransfers,
  receiveTransfer,
  receiveTransfers,
} from '../../apps/server/src/ledger/transfers.ts';
import { createNetwork, type Network } from './fixture.ts';
import { elapsedMs, log, median } from './stats.ts';

export type ShapeName =
  | 'receipt-1-unit'
  | 'receipt-20-lines'
  | 'receipt-200-serials'
  | 'transfer-10-lines'
  | 'batch-20-transfers-10-lines'
  | 'batch-200-transfers-10-lines'
  | 'batch-500-receipts-1-unit'
  | 'batch-50-receipts-20-lines'
  | 'batch-5-receipts-200-serials';

type Shape = {
  name: ShapeName;
  description: string;
  /** Documents one call posts: 1, or a batch's size (all in one transaction). */
  docsPerCall: number;
  /** Posts one document or one batch (a transfer: create, ship, receive — three transactions) and returns the units of one document. */
  post(): Promise<number>;
  /** Rows each document updates beyond inserts and balances (a transfer's document changes state twice). */
  documentUpdatesPerDoc?: number;
};

export type PostingResult = {
  shape: ShapeName;
  description: string;
  docsPerRun: number;
  /** Documents per transaction: 1, or the batch size. */
  docsPerTransaction: number;
  movementRowsPerDoc: number;
  /** Every row a document writes: inserted rows of all tables, balance and summary rows touched, document updates. */
  rowsWrittenPerDoc: number;
  rowsWrittenPerSecond: number;
  /** Rows written per second against the raw best rate. */
  ratioRowsWrittenToRaw: number;
  /** Documents per second of the raw replay: the same rows, into copies of the same tables with the same indexes. */
  rawReplayDocsPerSecond: number;
  ratioToRawReplay: number;
  unitsPerDoc: number;
  docsPerSecond: number;
  unitsPerSecond: number;
  movementRowsPerSecond: number;
  /** Best raw rate: the same number of rows in 1,000-row unnest INSERTs, one transaction. */
  rawRowsPerSecond: number;
  /** Raw rate at the document's own batch size: one INSERT of a document's rows per transaction. */
  rawSameBatchRowsPerSecond: number;
  ratioToRaw: number;
  ratioToRawSameBatch: number;
  runs: number;
};

const RAW_TABLE = `CREATE TABLE IF NOT EXISTS bench_raw_movement (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id uuid NOT NULL, document_id uuid NOT NULL, node_id uuid NOT NULL, item_id uuid NOT NULL,
  lot_id uuid, asset_id uuid, stock_key uuid NOT NULL, bucket text NOT NULL, delta bigint NOT NULL, at timestamptz NOT NULL)`;

type RawRows = {
  node: string[];
  item: string[];
  lot: (string | null)[];
  asset: (string | null)[];
  key: string[];
  bucket: string[];
  delta: number[];
};

function rawRows(net: Network, count: number): RawRows {
  const rows: RawRows = { node: [], item: [], lot: [], asset: [], key: [], bucket: [], delta: [] };
  for (let i = 0; i < count; i++) {
    const asset = i % 2 ? randomUUID() : null;
    rows.node.push(net.nodeIds[i % net.nodeIds.length]!);
    rows.item.push(net.bulkItemIds[i % net.bulkItemIds.length]!);
    rows.lot.push(null);
    rows.asset.push(asset);
    rows.key.push(asset ?? '00000000-0000-0000-0000-000000000000');
    rows.bucket.push('on_hand');
    rows.delta.push(1 + (i % 50));
  }
  return rows;
}

async function insertRaw(q: Queryable, net: Network, rows: RawRows, from: number, to: number): Promise<void> {
  await q.query(
    `INSERT INTO bench_raw_movement (organisation_id, document_id, node_id, item_id, lot_id, asset_id, stock_key, bucket, delta, at)
     SELECT $1, $2, m.node_id, m.item_id, m.lot_id, m.asset_id, m.stock_key, m.bucket, m.delta, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[], $9::text[], $10::bigint[]) AS m(node_id, item_id, lot_id, asset_id, stock_key, bucket, delta)`,
    [
      net.organisationId,
      randomUUID(),
      new Date(),
      rows.node.slice(from, to),
      rows.item.slice(from, to),
      rows.lot.slice(from, to),
      rows.asset.slice(from, to),
      rows.key.slice(from, to),
      rows.bucket.slice(from, to),
      rows.delta.slice(from, to),
    ],
  );
}

/** Rows per second of the best raw path: 1,000-row unnest INSERTs in one transaction. */
async function rawBest(db: Database, net: Network, rows: RawRows): Promise<number> {
  const start = process.hrtime.bigint();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.node.length; i += 1000) await insertRaw(tx, net, rows, i, Math.min(rows.node.length, i + 1000));
  });
  return rows.node.length / (elapsedMs(start) / 1000);
}

/** Rows per second of raw INSERTs with a document's batch size, one transaction per batch. */
async function rawSameBatch(db: Database, net: Network, rows: RawRows, batch: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.node.length; i += batch) {
    await db.transaction((tx) => insertRaw(tx, net, rows, i, Math.min(rows.node.length, i + batch)));
  }
  return rows.node.length / (elapsedMs(start) / 1000);
}

function shapes(db: Database, net: Network): Shape[] {
  const deps = { db, clock: { now: () => new Date() } };
  const actor = systemActor('ledger-benchmark');
  const [nodeA, nodeB] = net.nodeIds as [string, string];
  let seq = 0;
  const tag = randomUUID().slice(0, 8);
  const receipt = async (input: ReceiptCreate) => {
    await recordReceipt(deps, actor, input);
    return input.lines.reduce((s, l) => s + l.qty, 0);
  };
  const batch = async (inputs: ReceiptCreate[]) => {
    await recordReceipts(
      deps,
      actor,
      inputs.map((input) => ({ input })),
    );
    return inputs[0]!.lines.reduce((s, l) => s + l.qty, 0);
  };
  const oneUnit = (): ReceiptCreate => ({
    nodeId: nodeA,
    source: 'purchase',
    lines: [{ itemId: net.bulkItemIds[seq++ % net.bulkItemIds.length]!, qty: 1 }],
  });
  const twentyLines = (): ReceiptCreate => {
    const n = seq++;
    return {
      nodeId: nodeA,
      source: 'purchase',
      reference: `PO-${n}`,
      lines: [
        ...net.bulkItemIds.slice(0, 10).map((itemId, i) => ({ itemId, qty: 10 + ((n + i) % 41) })),
        ...net.lotItemIds.slice(0, 10).map((itemId, i) => ({
          itemId,
          qty: 10 + ((n + 3 * i) % 41),
          lot: { lotNo: `L-${tag}-${n}-${i}`, producedOn: '2026-01-01', expiresOn: '2031-01-01', supplier: 'Bench supplier' },
        })),
      ],
    };
  };
  const twoHundredSerials = (): ReceiptCreate => {
    const n = seq++;
    return {
      nodeId: nodeA,
      source: 'purchase',
      lines: [
        {
          itemId: net.serialItemIds[n % net.serialItemIds.length]!,
          qty: 200,
          serials: Array.from({ length: 200 }, (_, i) => `SN-${tag}-${n}-${i}`),
        },
      ],
    };
  };
  const many = (n: number, make: () => ReceiptCreate) => Array.from({ length: n }, make);
  // Transfers in batches: 20 (a truck's round), and 200, the most one batch holds (a replenishment round).
  const transferBatch = (n: 20 | 200): Shape => ({
    name: `batch-${n}-transfers-10-lines`,
    description: `batch of ${n} transfers (\`createTransfers\`, \`advanceTransfers\`, \`receiveTransfers\`), each 10 bulk lines of 3 units: create + ship + receive, 3 transactions per batch`,
    docsPerCall: n,
    documentUpdatesPerDoc: 2,
    post: async () => {
      const lines = net.bulkItemIds.slice(10, 20).map((itemId) => ({ itemId, qty: 3 }));
      const inputs = Array.from({ length: n }, () => {
        const [from, to] = seq++ % 2 ? [nodeA, nodeB] : [nodeB, nodeA];
        return { input: { fromNodeId: from, toNodeId: to, lines } };
      });
      const ids = (await createTransfers(deps, actor, inputs)).map((p) => p.document.id);
      await advanceTransfers(deps, actor, ids, 'ship');
      await receiveTransfers(
        deps,
        actor,
        ids.map((id) => ({ id })),
      );
      return 30;
    },
  });
  return [
    { name: 'receipt-1-unit', description: 'receipt, 1 bulk line of 1 unit', docsPerCall: 1, post: () => receipt(oneUnit()) },
    {
      name: 'receipt-20-lines',
      description: 'receipt, 10 bulk lines + 10 lot lines (new lots), 10–50 units each',
      docsPerCall: 1,
      post: () => receipt(twentyLines()),
    },
    {
      name: 'receipt-200-serials',
      description: 'receipt, 1 serialised line of 200 units (200 assets with codes)',
      docsPerCall: 1,
      post: () => receipt(twoHundredSerials()),
    },
    {
      name: 'transfer-10-lines',
      description: 'transfer, 10 bulk lines of 3 units: create (reserve) + ship + receive, 3 transactions',
      docsPerCall: 1,
      documentUpdatesPerDoc: 2,
      post: async () => {
        const n = seq++;
        const lines = net.bulkItemIds.slice(10, 20).map((itemId) => ({ itemId, qty: 3 }));
        const [from, to] = n % 2 ? [nodeA, nodeB] : [nodeB, nodeA];
        const { document } = await createTransfer(deps, actor, { fromNodeId: from, toNodeId: to, lines });
        await advanceTransfer(deps, actor, document.id, 'ship');
        await receiveTransfer(deps, actor, document.id, {});
        return 30;
      },
    },
    transferBatch(20),
    transferBatch(200),
    {
      name: 'batch-500-receipts-1-unit',
      description: 'batch of 500 receipts (`recordReceipts`), each 1 bulk line of 1 unit',
      docsPerCall: 500,
      post: () => batch(many(500, oneUnit)),
    },
    {
      name: 'batch-50-receipts-20-lines',
      description: 'batch of 50 receipts, each 10 bulk lines + 10 lot lines (new lots)',
      docsPerCall: 50,
      post: () => batch(many(50, twentyLines)),
    },
    {
      name: 'batch-5-receipts-200-serials',
      description: 'batch of 5 receipts, each 1 serialised line of 200 units',
      docsPerCall: 5,
      post: () => batch(many(5, twoHundredSerials)),
    },
  ];
}

type TableCounts = Record<'stock_document' | 'lot' | 'asset' | 'asset_event' | 'stock_movement' | 'audit_event', number>;

async function tableCounts(db: Database): Promise<TableCounts> {
  const [row] = await db.query<TableCounts>(
    `SELECT (SELECT count(*) FROM stock_document)::int AS stock_document, (SELECT count(*) FROM lot)::int AS lot,
            (SELECT count(*) FROM asset)::int AS asset, (SELECT count(*) FROM asset_event)::int AS asset_event,
            (SELECT count(*) FROM stock_movement)::int AS stock_movement, (SELECT count(*) FROM audit_event)::int AS audit_event`,
  );
  return row!;
}

/**
 * Rows written since `before`: inserted rows of every table, plus the balance and summary rows the
 * trigger touched — one per key per movement statement, and every statement has its own time.
 */
async function rowsWrittenSince(db: Database, before: TableCounts, lastMovementId: number): Promise<number> {
  const after = await tableCounts(db);
  const inserted = (Object.keys(after) as (keyof TableCounts)[]).reduce((sum, k) => sum + after[k] - before[k], 0);
  const [touched] = await db.query<{ balances: number; summaries: number }>(
    `SELECT count(DISTINCT (at, node_id, item_id, stock_key))::int AS balances, count(DISTINCT (at, node_id, item_id))::int AS summaries
       FROM stock_movement WHERE id > $1`,
    [lastMovementId],
  );
  return inserted + touched!.balances + touched!.summaries;
}

/** The tables a posting writes, replayed raw into copies with the same indexes (no triggers, checks or foreign keys). */
const REPLAY_TABLES = [
  'stock_document',
  'lot',
  'asset',
  'asset_event',
  'stock_movement',
  'stock_balance',
  'stock_summary',
  'audit_event',
] as const;
type ReplayTable = (typeof REPLAY_TABLES)[number];
type RunMark = { at: Date; movementId: number; eventId: number; auditSeq: number };

async function createReplayTables(db: Database): Promise<void> {
  for (const t of REPLAY_TABLES)
    await db.exec(`CREATE TABLE IF NOT EXISTS bench_replay_${t} (LIKE ${t} INCLUDING DEFAULTS INCLUDING INDEXES)`);
}

async function markRun(db: Database): Promise<RunMark> {
  const [row] = await db.query<{ movement_id: number | null; event_id: number | null; audit_seq: number | null }>(
    `SELECT (SELECT max(id) FROM stock_movement) AS movement_id, (SELECT max(id) FROM asset_event) AS event_id,
            (SELECT max(seq) FROM audit_event) AS audit_seq`,
  );
  // Timestamps of the run's rows are at or after this instant (same clock, millisecond precision).
  return {
    at: new Date(Date.now() - 1),
    movementId: Number(row!.movement_id ?? 0),
    eventId: Number(row!.event_id ?? 0),
    auditSeq: Number(row!.audit_seq ?? 0),
  };
}

/** The rows a run left in every table it wrote (balances and summaries once per key), as JSON texts. */
async function rowsOfRun(db: Database, m: RunMark): Promise<Map<ReplayTable, string[]>> {
  const touched = 'SELECT DISTINCT node_id, item_id, stock_key FROM stock_movement WHERE id > $1';
  const queries: Record<ReplayTable, [string, unknown[]]> = {
    stock_document: ['SELECT to_jsonb(t)::text AS j FROM stock_document t WHERE created_at >= $1', [m.at]],
    lot: ['SELECT to_jsonb(t)::text AS j FROM lot t WHERE created_at >= $1', [m.at]],
    asset: ['SELECT to_jsonb(t)::text AS j FROM asset t WHERE created_at >= $1', [m.at]],
    asset_event: ['SELECT to_jsonb(t)::text AS j FROM asset_event t WHERE id > $1', [m.eventId]],
    stock_movement: ['SELECT to_jsonb(t)::text AS j FROM stock_movement t WHERE id > $1', [m.movementId]],
    stock_balance: [
      `SELECT to_jsonb(t)::text AS j FROM stock_balance t WHERE (node_id, item_id, stock_key) IN (${touched})`,
      [m.movementId],
    ],
    stock_summary: [
      `SELECT to_jsonb(t)::text AS j FROM stock_summary t WHERE (node_id, item_id) IN (SELECT node_id, item_id FROM (${touched}) k)`,
      [m.movementId],
    ],
    audit_event: ['SELECT to_jsonb(t)::text AS j FROM audit_event t WHERE seq > $1', [m.auditSeq]],
  };
  const rows = new Map<ReplayTable, string[]>();
  for (const t of REPLAY_TABLES)
    rows.set(
      t,
      (await db.query<{ j: string }>(queries[t][0], queries[t][1])).map((r) => r.j),
    );
  return rows;
}

/** Milliseconds to insert those rows raw: 1,000 per INSERT, one transaction, into the empty copies. */
async function replayRaw(db: Database, rows: Map<ReplayTable, string[]>): Promise<number> {
  await db.exec(`TRUNCATE ${REPLAY_TABLES.map((t) => `bench_replay_${t}`).join(', ')}`);
  const start = process.hrtime.bigint();
  await db.transaction(async (tx) => {
    for (const [t, list] of rows)
      for (let i = 0; i < list.length; i += 1000)
        await tx.query(
          `INSERT INTO bench_replay_${t} SELECT * FROM jsonb_populate_recordset(NULL::bench_replay_${t}, $1::jsonb)`,
          [`[${list.slice(i, i + 1000).join(',')}]`],
        );
  });
  return elapsedMs(start);
}

const lastMovementId = async (db: Database) =>
  Number((await db.query<{ id: number | null }>('SELECT max(id) AS id FROM stock_movement'))[0]!.id ?? 0);

const movementCount = async (db: Database) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement'))[0]!.n;

export async function benchmarkPosting(
  db: Database,
  options: { runs: number; docs: Record<ShapeName, number>; label: string },
): Promise<PostingResult[]> {
  const net = await createNetwork(db, { nodes: 2, bulkItems: 20, lotItems: 10, serialItems: 5 });
  await db.exec(RAW_TABLE);
  await createReplayTables(db);
  // Transfer stock at both ends, so transfers run in both directions for ever.
  const actor = systemActor('ledger-benchmark');
  for (const nodeId of net.nodeIds) {
    await recordReceipt({ db, clock: { now: () => new Date() } }, actor, {
      nodeId,
      source: 'opening',
      lines: net.bulkItemIds.slice(10, 20).map((itemId) => ({ itemId, qty: 1_000_000 })),
    });
  }
  const results: PostingResult[] = [];
  for (const shape of shapes(db, net)) {
    const calls = Math.max(1, Math.round(options.docs[shape.name] / shape.docsPerCall));
    const docs = calls * shape.docsPerCall;
    // Warm-up: the document path, and learn its size in movement rows and in rows written.
    const before = await movementCount(db);
    const tablesBefore = await tableCounts(db);
    const lastId = await lastMovementId(db);
    let units = 0;
    const warmCalls = Math.max(2, Math.ceil(calls / 4));
    for (let i = 0; i < warmCalls; i++) units = await shape.post();
    const warmDocs = warmCalls * shape.docsPerCall;
    const rowsPerDoc = ((await movementCount(db)) - before) / warmDocs;
    const rowsWrittenPerDoc = (await rowsWrittenSince(db, tablesBefore, lastId)) / warmDocs + (shape.documentUpdatesPerDoc ?? 0);
    const rows = rawRows(net, Math.round(rowsPerDoc * docs));
    await rawBest(db, net, rows);
    await rawSameBatch(db, net, rows, rowsPerDoc * shape.docsPerCall);

    const ours: number[] = [];
    const raw: number[] = [];
    const rawSame: number[] = [];
    const replay: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      raw.push(await rawBest(db, net, rows));
      rawSame.push(await rawSameBatch(db, net, rows, rowsPerDoc * shape.docsPerCall));
      const mark = await markRun(db);
      const start = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) await shape.post();
      ours.push(docs / (elapsedMs(start) / 1000));
      replay.push(docs / ((await replayRaw(db, await rowsOfRun(db, mark))) / 1000));
    }
    const docsPerSecond = median(ours);
    const result: PostingResult = {
      shape: shape.name,
      description: shape.description,
      docsPerRun: docs,
      docsPerTransaction: shape.docsPerCall,
      movementRowsPerDoc: rowsPerDoc,
      rowsWrittenPerDoc,
      rowsWrittenPerSecond: docsPerSecond * rowsWrittenPerDoc,
      ratioRowsWrittenToRaw: (docsPerSecond * rowsWrittenPerDoc) / median(raw),
      rawReplayDocsPerSecond: median(replay),
      ratioToRawReplay: docsPerSecond / median(replay),
      unitsPerDoc: units,
      docsPerSecond,
      unitsPerSecond: docsPerSecond * units,
      movementRowsPerSecond: docsPerSecond * rowsPerDoc,
      rawRowsPerSecond: median(raw),
      rawSameBatchRowsPerSecond: median(rawSame),
      ratioToRaw: (docsPerSecond * rowsPerDoc) / median(raw),
      ratioToRawSameBatch: (docsPerSecond * rowsPerDoc) / median(rawSame),
      runs: options.runs,
    };
    log(
      `${options.label} ${shape.name}: ${docsPerSecond.toFixed(1)} docs/s, ${result.movementRowsPerSecond.toFixed(0)} movement rows/s (${result.ratioToRaw.toFixed(2)}× raw ${result.rawRowsPerSecond.toFixed(0)}), ${result.rowsWrittenPerSecond.toFixed(0)} rows written/s (${result.ratioRowsWrittenToRaw.toFixed(2)}×), raw replay ${result.rawReplayDocsPerSecond.toFixed(1)} docs/s (${result.ratioToRawReplay.toFixed(2)}×), raw same batch ${result.rawSameBatchRowsPerSecond.toFixed(0)} rows/s (${result.ratioToRawSameBatch.toFixed(2)}×)`,
    );
    results.push(result);
  }
  const verdict = await verifyLedger(db);
  if (verdict.differences.length)
    throw new Error(`ledger verify found ${verdict.differences.length} differences after the posting benchmark`);
  return results;
}
