import { NO_STOCK_KEY, type StockMovement } from '@zhanqin/domain';
import { arrayLiteral } from '../db/array-literal.ts';
import type { Queryable } from '../db/database.ts';
import { kitContentFindings } from './kits.repository.ts';

export type DocumentKind =
  | 'receipt'
  | 'transfer'
  | 'adjustment'
  | 'count'
  | 'quarantine'
  | 'release'
  | 'write-off'
  | 'dispatch'
  | 'issue'
  | 'consumption'
  | 'return'
  | 'opening'
  | 'kit-pack'
  | 'kit-unpack';

const PREFIX: Record<DocumentKind, string> = {
  receipt: 'RC',
  transfer: 'TR',
  adjustment: 'AD',
  count: 'CT',
  quarantine: 'QU',
  release: 'RL',
  'write-off': 'WO',
  dispatch: 'DP',
  issue: 'IS',
  consumption: 'CS',
  return: 'RT',
  opening: 'OB',
  'kit-pack': 'KP',
  'kit-unpack': 'KU',
};

export type StockDocumentRow = {
  id: string;
  organisation_id: string;
  kind: DocumentKind;
  number: string;
  node_id: string;
  to_node_id: string | null;
  state: string;
  source: string | null;
  reason: string;
  reference: string;
  lines: unknown;
  meta: Record<string, unknown>;
  idempotency_key: string | null;
  request_hash: string | null;
  created_by: string | null;
  created_by_name: string;
  approved_by_name: string | null;
  created_at: Date;
  updated_at: Date;
};

export type StockDocument = {
  id: string;
  organisationId: string;
  kind: DocumentKind;
  number: string;
  nodeId: string;
  toNodeId: string | null;
  state: string;
  source: string | null;
  reason: string;
  reference: string;
  lines: unknown;
  meta: Record<string, unknown>;
  createdByName: string;
  approvedByName: string | null;
  createdAt: string;
  updatedAt: string;
};

export const toDocument = (r: StockDocumentRow): StockDocument => ({
  id: r.id,
  organisationId: r.organisation_id,
  kind: r.kind,
  number: r.number,
  nodeId: r.node_id,
  toNodeId: r.to_node_id,
  state: r.state,
  source: r.source,
  reason: r.reason,
  reference: r.reference,
  lines: r.lines,
  meta: r.meta,
  createdByName: r.created_by_name,
  approvedByName: r.approved_by_name,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export type NewDocument = {
  id: string;
  organisationId: string;
  kind: DocumentKind;
  nodeId: string;
  toNodeId?: string | null;
  state: string;
  source?: string | null;
  reason?: string;
  reference?: string;
  lines: unknown;
  meta?: Record<string, unknown>;
  idempotencyKey?: string | null;
  requestHash?: string | null;
  createdBy: string | null;
  createdByName: string;
  now: Date;
};

export async function insertDocument(tx: Queryable, d: NewDocument): Promise<StockDocument> {
  return (await insertDocuments(tx, [d]))[0]!;
}

/** Inserts documents with their numbers (one sequence call, one INSERT), in the order given. */
export async function insertDocuments(tx: Queryable, docs: readonly NewDocument[]): Promise<StockDocument[]> {
  if (docs.length === 0) return [];
  // One JSON parameter rather than seventeen arrays: a jsonb[] array literal of many documents' lines
  // costs far more to quote and parse than one JSON text. Numbers are drawn in the same statement, row
  // by row as the function scan yields them: e.g. RC-2026-000042.
  // Each row is sent as it will be stored, with its number's prefix; the number is filled in afterwards.
  const stored = docs.map((d): StockDocumentRow & { number_prefix: string } => ({
    id: d.id,
    number: '',
    number_prefix: `${PREFIX[d.kind]}-${d.now.getUTCFullYear()}-`,
    organisation_id: d.organisationId,
    kind: d.kind,
    node_id: d.nodeId,
    to_node_id: d.toNodeId ?? null,
    state: d.state,
    source: d.source ?? null,
    reason: d.reason ?? '',
    reference: d.reference ?? '',
    lines: d.lines,
    meta: d.meta ?? {},
    idempotency_key: d.idempotencyKey ?? null,
    request_hash: d.requestHash ?? null,
    created_by: d.createdBy,
    created_by_name: d.createdByName,
    approved_by_name: null,
    created_at: d.now,
    updated_at: d.now,
  }));
  const rows = await tx.query<{ id: string; number: string }>(
    `INSERT INTO stock_document (id, organisation_id, kind, number, node_id, to_node_id, state, source, reason, reference, lines, meta,
       idempotency_key, request_hash, created_by, created_by_name, created_at, updated_at)
     SELECT d.id, d.organisation_id, d.kind, d.number_prefix || lpad(nextval('stock_document_no_seq')::text, 6, '0'), d.node_id,
            d.to_node_id, d.state, d.source, d.reason, d.reference, d.lines,
            d.meta, d.idempotency_key, d.request_hash, d.created_by, d.created_by_name, d.created_at, d.created_at
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, organisation_id uuid, kind text, number_prefix text, node_id uuid, to_node_id uuid,
            state text, source text, reason text, reference text, lines jsonb, meta jsonb, idempotency_key text, request_hash text,
            created_by uuid, created_by_name text, created_at timestamptz)
     RETURNING id, number`,
    [JSON.stringify(stored)],
  );
  // Only the numbers come back: the rest is what was sent (returning whole rows cost PGlite more than the
  // INSERT itself — 500 receipts 66 → 27 ms).
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  return stored.map((r) => {
    r.number = numbers.get(r.id)!;
    return toDocument(r);
  });
}

export async function findDocument(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StockDocument | null> {
  const rows = await db.query<StockDocumentRow>(
    `SELECT * FROM stock_document WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toDocument(rows[0]) : null;
}

export async function updateDocument(
  tx: Queryable,
  id: string,
  patch: { state?: string; lines?: unknown; meta?: Record<string, unknown>; approvedByName?: string },
  now: Date,
): Promise<StockDocument> {
  const rows = await tx.query<StockDocumentRow>(
    `UPDATE stock_document SET state = COALESCE($2, state), lines = COALESCE($3::jsonb, lines), meta = COALESCE($4::jsonb, meta),
       approved_by_name = COALESCE($5, approved_by_name), updated_at = $6 WHERE id = $1 RETURNING *`,
    [
      id,
      patch.state ?? null,
      patch.lines === undefined ? null : JSON.stringify(patch.lines),
      patch.meta ? JSON.stringify(patch.meta) : null,
      patch.approvedByName ?? null,
      now,
    ],
  );
  return toDocument(rows[0]!);
}

/** Sets the state and meta of several documents in one statement; returns them as they now are. */
export async function updateDocumentStates(
  tx: Queryable,
  patches: readonly { doc: StockDocument; state: string; meta: Record<string, unknown> }[],
  now: Date,
): Promise<StockDocument[]> {
  if (patches.length === 0) return [];
  await tx.query(
    `UPDATE stock_document d SET state = p.state, meta = p.meta, updated_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, state text, meta jsonb)
      WHERE d.id = p.id`,
    [JSON.stringify(patches.map((p) => ({ id: p.doc.id, state: p.state, meta: p.meta }))), now],
  );
  return patches.map((p) => ({ ...p.doc, state: p.state, meta: p.meta, updatedAt: now.toISOString() }));
}

/** Documents by id, locked for update in id order (so concurrent batches never deadlock on them). */
export async function findDocumentsForUpdate(db: Queryable, ids: readonly string[]): Promise<Map<string, StockDocument>> {
  const rows = await db.query<StockDocumentRow>(
    'SELECT * FROM stock_document WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, toDocument(r)]));
}

/** A movement plus what the row needs beyond the pure domain: which lot or asset the stock key is. */
export type MovementRow = StockMovement & { lotId: string | null; assetId: string | null };

/**
 * Appends movements in one set-based statement; the database's trigger updates balances in the same
 * statement and its CHECK constraints refuse the whole statement if any balance would go negative.
 */
export async function appendMovements(tx: Queryable, documentId: string, movements: readonly MovementRow[], now: Date) {
  await insertMovements(tx, movements, () => documentId, now);
}

/** Movements of several documents in one statement, so the balance trigger runs once for all of them. */
export async function appendDocumentMovements(
  tx: Queryable,
  movements: readonly (MovementRow & { documentId: string })[],
  now: Date,
) {
  await insertMovements(tx, movements, (m) => m.documentId, now);
}

async function insertMovements<M extends MovementRow>(
  tx: Queryable,
  movements: readonly M[],
  documentIdOf: (m: M) => string,
  now: Date,
) {
  if (movements.length === 0) return;
  const CHUNK = 5000;
  for (let i = 0; i < movements.length; i += CHUNK) {
    // Ids repeat from row to row (one document, two nodes, a few items, an asset as both its asset and
    // its stock key): each is sent once and rows name it by position, which halves what the database
    // parses for a batch of transfers.
    const ids: string[] = [];
    const position = new Map<string, number>();
    const ref = (id: string | null): number | null => {
      if (id === null) return null;
      let at = position.get(id);
      if (at === undefined) {
        at = ids.push(id);
        position.set(id, at);
      }
      return at;
    };
    const columns: (number | null)[][] = [[], [], [], [], [], []];
    const buckets: string[] = [];
    const deltas: number[] = [];
    for (const m of movements.slice(i, i + CHUNK)) {
      columns[0]!.push(ref(documentIdOf(m)));
      columns[1]!.push(ref(m.nodeId));
      columns[2]!.push(ref(m.itemId));
      columns[3]!.push(ref(m.lotId));
      columns[4]!.push(ref(m.assetId));
      columns[5]!.push(ref(m.stockKey));
      buckets.push(m.bucket);
      deltas.push(m.delta);
    }
    await tx.query(
      `INSERT INTO stock_movement (organisation_id, document_id, node_id, item_id, lot_id, asset_id, stock_key, bucket, delta, at)
       SELECT n.organisation_id, k.ids[m.document], k.ids[m.node], k.ids[m.item], k.ids[m.lot], k.ids[m.asset],
              k.ids[m.stock_key], m.bucket, m.delta, $1
         FROM (SELECT $2::uuid[] AS ids) k
        CROSS JOIN unnest($3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::text[], $10::bigint[])
              AS m(document, node, item, lot, asset, stock_key, bucket, delta)
         JOIN node n ON n.id = k.ids[m.node]`,
      [now, arrayLiteral(ids), ...columns.map(arrayLiteral), arrayLiteral(buckets), arrayLiteral(deltas)],
    );
  }
}

export const stockKeyOf = (lotId: string | null | undefined, assetId: string | null | undefined): string =>
  assetId ?? lotId ?? NO_STOCK_KEY;

export type BalanceDifference = {
  nodeId: string;
  itemId: string;
  stockKey: string;
  bucket: 'on_hand' | 'reserved' | 'in_transit' | 'quarantined';
  stored: number;
  fromMovements: number;
};

/**
 * Recomputes every balance (and every node × item total) from the movements and lists each
 * difference from the stored ones. An empty list is the ledger's proof of consistency.
 */
export type DanglingReference = {
  table:
    'stock_document' | 'stock_movement' | 'stock_balance' | 'stock_summary' | 'lot' | 'asset' | 'asset_event' | 'kit_content';
  column: string;
  rows: number;
};

/**
 * The ledger tables, lots, assets and asset events carry no per-row foreign keys (they cost more
 * than the rest of a document): this finds any row whose node, item, lot, asset or document does not exist.
 */
async function danglingReferences(db: Queryable): Promise<DanglingReference[]> {
  const checks: [DanglingReference['table'], string, string][] = [
    ['stock_document', 'organisation_id', 'organisation'],
    ['stock_document', 'node_id', 'node'],
    ['stock_document', 'to_node_id', 'node'],
    ['stock_movement', 'node_id', 'node'],
    ['stock_movement', 'item_id', 'item'],
    ['stock_movement', 'document_id', 'stock_document'],
    ['stock_movement', 'lot_id', 'lot'],
    ['stock_movement', 'asset_id', 'asset'],
    ['stock_movement', 'organisation_id', 'organisation'],
    ['stock_balance', 'node_id', 'node'],
    ['stock_balance', 'item_id', 'item'],
    ['stock_balance', 'lot_id', 'lot'],
    ['stock_balance', 'asset_id', 'asset'],
    ['stock_summary', 'node_id', 'node'],
    ['stock_summary', 'item_id', 'item'],
    ['lot', 'organisation_id', 'organisation'],
    ['lot', 'item_id', 'item'],
    ['asset', 'organisation_id', 'organisation'],
    ['asset', 'item_id', 'item'],
    ['asset', 'lot_id', 'lot'],
    ['asset', 'node_id', 'node'],
    ['asset_event', 'asset_id', 'asset'],
    ['asset_event', 'document_id', 'stock_document'],
    ['asset_event', 'node_id', 'node'],
    ['asset_event', 'organisation_id', 'organisation'],
  ];
  const sql = checks
    .map(
      ([table, column, target]) =>
        `SELECT '${table}' AS t, '${column}' AS c, count(*)::int AS n FROM ${table} x WHERE x.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${target} y WHERE y.id = x.${column})`,
    )
    .join(' UNION ALL ');
  const rows = await db.query<{ t: DanglingReference['table']; c: string; n: number }>(sql);
  const found = rows.filter((r) => r.n > 0).map((r) => ({ table: r.t, column: r.c, rows: r.n }));
  // A packed kit's contents must be held where the box is, and the box must still be in stock.
  for (const finding of await kitContentFindings(db)) found.push({ table: 'kit_content', ...finding });
  return found;
}

export async function verifyLedger(db: Queryable): Promise<{
  balancesChecked: number;
  movementsChecked: number;
  differences: BalanceDifference[];
  danglingReferences: DanglingReference[];
}> {
  const differences = await db.query<{
    node_id: string;
    item_id: string;
    stock_key: string;
    bucket: BalanceDifference['bucket'];
    stored: number;
    computed: number;
  }>(
    `WITH m AS (
       SELECT node_id, item_id, stock_key,
              coalesce(sum(delta) FILTER (WHERE bucket = 'on_hand'), 0) AS on_hand,
              coalesce(sum(delta) FILTER (WHERE bucket = 'reserved'), 0) AS reserved,
              coalesce(sum(delta) FILTER (WHERE bucket = 'in_transit'), 0) AS in_transit,
              coalesce(sum(delta) FILTER (WHERE bucket = 'quarantined'), 0) AS quarantined
         FROM stock_movement GROUP BY node_id, item_id, stock_key),
     joined AS (
       SELECT coalesce(m.node_id, b.node_id) AS node_id, coalesce(m.item_id, b.item_id) AS item_id, coalesce(m.stock_key, b.stock_key) AS stock_key,
              coalesce(m.on_hand, 0) AS m_on_hand, coalesce(b.on_hand, 0) AS b_on_hand,
              coalesce(m.reserved, 0) AS m_reserved, coalesce(b.reserved, 0) AS b_reserved,
              coalesce(m.in_transit, 0) AS m_in_transit, coalesce(b.in_transit, 0) AS b_in_transit,
              coalesce(m.quarantined, 0) AS m_quarantined, coalesce(b.quarantined, 0) AS b_quarantined
         FROM m FULL JOIN stock_balance b ON b.node_id = m.node_id AND b.item_id = m.item_id AND b.stock_key = m.stock_key),
     sm AS (
       SELECT node_id, item_id, '' AS k,
              sum(m_on_hand) AS m_on_hand, sum(m_reserved) AS m_reserved, sum(m_in_transit) AS m_in_transit, sum(m_quarantined) AS m_quarantined
         FROM joined GROUP BY node_id, item_id),
     summary_joined AS (
       SELECT coalesce(sm.node_id, s.node_id) AS node_id, coalesce(sm.item_id, s.item_id) AS item_id, 'total' AS stock_key,
              coalesce(sm.m_on_hand, 0) AS m_on_hand, coalesce(s.on_hand, 0) AS b_on_hand,
              coalesce(sm.m_reserved, 0) AS m_reserved, coalesce(s.reserved, 0) AS b_reserved,
              coalesce(sm.m_in_transit, 0) AS m_in_transit, coalesce(s.in_transit, 0) AS b_in_transit,
              coalesce(sm.m_quarantined, 0) AS m_quarantined, coalesce(s.quarantined, 0) AS b_quarantined
         FROM sm FULL JOIN stock_summary s ON s.node_id = sm.node_id AND s.item_id = sm.item_id),
     everything AS (
       SELECT node_id, item_id, stock_key::text AS stock_key, m_on_hand, b_on_hand, m_reserved, b_reserved, m_in_transit, b_in_transit, m_quarantined, b_quarantined FROM joined
       UNION ALL SELECT * FROM summary_joined)
     SELECT node_id, item_id, stock_key, bucket, stored, computed FROM everything
       CROSS JOIN LATERAL (VALUES ('on_hand', b_on_hand, m_on_hand), ('reserved', b_reserved, m_reserved),
                                  ('in_transit', b_in_transit, m_in_transit), ('quarantined', b_quarantined, m_quarantined)) AS v(bucket, stored, computed)
      WHERE stored <> computed
      ORDER BY node_id, item_id, stock_key, bucket
      LIMIT 1000`,
  );
  const [counts] = await db.query<{ balances: number; movements: number }>(
    'SELECT (SELECT count(*) FROM stock_balance)::int AS balances, (SELECT count(*) FROM stock_movement)::int AS movements',
  );
  return {
    danglingReferences: await danglingReferences(db),
    balancesChecked: counts?.balances ?? 0,
    movementsChecked: counts?.movements ?? 0,
    differences: differences.map((d) => ({
      nodeId: d.node_id,
      itemId: d.item_id,
      stockKey: d.stock_key,
      bucket: d.bucket,
      stored: Number(d.stored),
      fromMovements: Number(d.computed),
    })),
  };
}
