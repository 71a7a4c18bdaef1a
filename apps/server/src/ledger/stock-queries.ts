import type { AssetListQuery, DocumentListQuery, StockListQuery } from '@zhanqin/contracts';
import { requireAction, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import { likePattern, listPage, prefixPattern, where } from '../db/list-query.ts';
import { listLedgerPage } from './ledger-page.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { toDocument, type StockDocumentRow } from './ledger.repository.ts';
import { localDate, nodeInScope } from './stock-context.ts';

/** SQL condition limiting rows to nodes (alias `n`, organisation alias `o`) the actor may see. */
export function nodeScopeCondition(actor: Actor) {
  if (actor.unrestricted) return null;
  return where(
    '(o.path LIKE ANY (?) OR n.id = ANY (?::uuid[]))',
    actor.organisationPaths.map((p) => `${p}%`),
    [...actor.nodeIds],
  );
}

const STOCK_SORT = {
  node: 'n.code',
  item: 'i.code',
  available: '(s.on_hand - s.reserved - s.quarantined)',
  onHand: 's.on_hand',
} as const;

type StockSort = keyof typeof STOCK_SORT;

/** The sort values of a stock row, in the order of the list's sort columns: what a cursor carries. */
const stockSortValues = (sort: StockSort, r: Record<string, unknown>): (string | number)[] => {
  const node = r.node_code as string;
  const item = r.item_code as string;
  switch (sort) {
    case 'node':
      return [node, item];
    case 'item':
      return [item, node];
    case 'available':
      return [Number(r.on_hand) - Number(r.reserved) - Number(r.quarantined), item, node];
    case 'onHand':
      return [Number(r.on_hand), item, node];
  }
};

/** An opaque cursor: the last row's sort values, bound to the sort and order it was made for. */
const encodeCursor = (sort: StockSort, order: 'asc' | 'desc', values: (string | number)[]) =>
  Buffer.from(JSON.stringify({ sort, order, after: values })).toString('base64url');

function decodeCursor(cursor: string, sort: StockSort, order: 'asc' | 'desc'): (string | number)[] {
  const refuse = (why: string): never => {
    throw new AppError('VALIDATION_FAILED', `cursor ${why}: pass the nextCursor of the previous page unchanged`, {
      field: 'cursor',
    });
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return refuse('is not a cursor of this list');
  }
  const c = parsed as { sort?: unknown; order?: unknown; after?: unknown };
  const types = sort === 'node' || sort === 'item' ? ['string', 'string'] : ['number', 'string', 'string'];
  if (
    typeof c !== 'object' ||
    c === null ||
    !Array.isArray(c.after) ||
    c.after.length !== types.length ||
    !c.after.every((v, i) => typeof v === types[i] && (typeof v !== 'number' || Number.isSafeInteger(v)))
  )
    return refuse('is not a cursor of this list');
  if (c.sort !== sort || c.order !== order)
    return refuse(`was made for another sort or order (${String(c.sort)}, ${String(c.order)})`);
  return c.after as (string | number)[];
}

/**
 * Stock per node × item with availability and the reserve standard, in scope, filtered and paged —
 * by offset (up to MAX_LEDGER_OFFSET) or, at any depth, by the cursor each page hands out.
 */
export async function listStock(deps: Pick<Deps, 'db'>, actor: Actor, q: StockListQuery) {
  requireAction(actor, 'stock.read');
  const sort = q.sort ?? 'node';
  const order = q.order ?? 'asc';
  if (q.cursor && q.offset)
    throw new AppError('VALIDATION_FAILED', 'Give either cursor or offset, not both', { field: 'cursor' });
  const after = q.cursor ? decodeCursor(q.cursor, sort, order) : null;
  const limit = q.limit ?? 50;
  // Every join is 1:1 (a summary row has one node, organisation, item and at most one standard), so
  // counting needs only the joins the conditions read.
  const scope = nodeScopeCondition(actor);
  const needsNode = Boolean(scope || q.nodeType || q.q);
  const needsItem = Boolean(q.categoryId || q.q);
  const { rows, total, totalIsEstimate } = await listLedgerPage<Record<string, unknown>>(deps.db, {
    from: `stock_summary s JOIN node n ON n.id = s.node_id JOIN organisation o ON o.id = n.organisation_id JOIN item i ON i.id = s.item_id
           LEFT JOIN reserve_standard r ON r.node_id = s.node_id AND r.item_id = s.item_id`,
    countFrom: `stock_summary s${needsNode ? ' JOIN node n ON n.id = s.node_id JOIN organisation o ON o.id = n.organisation_id' : ''}${needsItem ? ' JOIN item i ON i.id = s.item_id' : ''}
           LEFT JOIN reserve_standard r ON r.node_id = s.node_id AND r.item_id = s.item_id`,
    select: `s.node_id, n.code AS node_code, n.name_zh AS node_name_zh, n.name_en AS node_name_en, n.type AS node_type,
             s.item_id, i.code AS item_code, i.name_zh AS item_name_zh, i.name_en AS item_name_en, i.unit_zh, i.unit_en, i.tracking,
             s.on_hand, s.reserved, s.in_transit, s.quarantined, r.min_reserve, r.target`,
    conditions: [
      where('(s.on_hand > 0 OR s.in_transit > 0 OR r.min_reserve IS NOT NULL)'),
      q.nodeId && where('s.node_id = ?', q.nodeId),
      q.itemId && where('s.item_id = ?', q.itemId),
      q.nodeType && where('n.type = ?', q.nodeType),
      q.categoryId &&
        where(
          `i.category_id IN (WITH RECURSIVE sub AS (SELECT id FROM category WHERE id = ? UNION ALL SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
          q.categoryId,
        ),
      q.q &&
        where(
          '(i.code ILIKE ? OR i.name_zh ILIKE ? OR i.name_en ILIKE ? OR n.code ILIKE ? OR n.name_zh ILIKE ?)',
          ...Array(5).fill(likePattern(q.q)),
        ),
      q.belowMinimum && where('r.min_reserve IS NOT NULL AND s.on_hand - s.reserved - s.quarantined < r.min_reserve'),
      q.quarantined && where('s.quarantined > 0'),
      scope,
    ],
    orderBy: STOCK_SORT[sort],
    order,
    tieBreaker: sort === 'item' ? 'n.code' : 'i.code',
    thenBy: sort === 'available' || sort === 'onHand' ? ['n.code'] : [],
    thresholdFirst: sort === 'available' || sort === 'onHand',
    after,
    limit,
    offset: q.offset ?? 0,
  });
  const last = rows.at(-1);
  return {
    items: rows.map((r) => {
      const onHand = Number(r.on_hand);
      const reserved = Number(r.reserved);
      const quarantined = Number(r.quarantined);
      return {
        nodeId: r.node_id as string,
        nodeCode: r.node_code as string,
        nodeNameZh: r.node_name_zh as string,
        nodeNameEn: r.node_name_en as string,
        nodeType: r.node_type as string,
        itemId: r.item_id as string,
        itemCode: r.item_code as string,
        itemNameZh: r.item_name_zh as string,
        itemNameEn: r.item_name_en as string,
        unitZh: r.unit_zh as string,
        unitEn: r.unit_en as string,
        tracking: r.tracking as string,
        onHand,
        reserved,
        inTransit: Number(r.in_transit),
        quarantined,
        available: onHand - reserved - quarantined,
        minReserve: r.min_reserve === null ? null : Number(r.min_reserve),
        target: r.target === null ? null : Number(r.target),
        isPartnerStock: r.node_type === 'partner',
      };
    }),
    total,
    totalIsEstimate,
    nextCursor: last && rows.length === limit ? encodeCursor(sort, order, stockSortValues(sort, last)) : null,
  };
}

/**
 * Availability of one item at one node for every other function: on hand − reserved − quarantined,
 * and the reasons behind what cannot be sent (reserved, quarantined, expired, inspection overdue or failed).
 */
export async function availabilityOf(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, nodeId: string, itemId: string) {
  await nodeInScope(deps.db, actor, nodeId, 'stock.read');
  const today = localDate(deps.clock.now());
  const [row] = await deps.db.query<Record<string, number | null>>(
    `SELECT coalesce(sum(b.on_hand), 0) AS on_hand, coalesce(sum(b.reserved), 0) AS reserved, coalesce(sum(b.in_transit), 0) AS in_transit,
            coalesce(sum(b.quarantined), 0) AS quarantined,
            coalesce(sum(b.on_hand - b.reserved - b.quarantined) FILTER (WHERE l.expires_on < $3::date), 0) AS expired,
            coalesce(sum(b.on_hand - b.reserved - b.quarantined) FILTER (WHERE a.last_inspection_result = 'fail'), 0) AS inspection_failed,
            coalesce(sum(b.on_hand - b.reserved - b.quarantined) FILTER (WHERE a.next_inspection_due < $3::date AND a.last_inspection_result IS DISTINCT FROM 'fail'), 0) AS inspection_overdue
       FROM stock_balance b LEFT JOIN lot l ON l.id = b.lot_id LEFT JOIN asset a ON a.id = b.asset_id
      WHERE b.node_id = $1 AND b.item_id = $2`,
    [nodeId, itemId, today],
  );
  const onHand = Number(row?.on_hand ?? 0);
  const reserved = Number(row?.reserved ?? 0);
  const quarantined = Number(row?.quarantined ?? 0);
  const expired = Number(row?.expired ?? 0);
  const inspectionFailed = Number(row?.inspection_failed ?? 0);
  const inspectionOverdue = Number(row?.inspection_overdue ?? 0);
  const available = onHand - reserved - quarantined;
  return {
    nodeId,
    itemId,
    onHand,
    reserved,
    inTransit: Number(row?.in_transit ?? 0),
    quarantined,
    available,
    dispatchable: Math.max(0, available - expired - inspectionFailed - inspectionOverdue),
    notDispatchable: { reserved, quarantined, expired, inspectionFailed, inspectionOverdue },
  };
}

type AssetRow = {
  id: string;
  code: string;
  item_id: string;
  item_code: string;
  serial_no: string;
  rfid_epc: string | null;
  manufactured_on: string | null;
  lot_id: string | null;
  status: string;
  node_id: string | null;
  slot_code: string | null;
  holder: string | null;
  next_inspection_due: string | null;
  last_inspection_result: string | null;
  container_asset_id: string | null;
};
const toAsset = (r: AssetRow) => ({
  id: r.id,
  code: r.code,
  itemId: r.item_id,
  itemCode: r.item_code,
  serialNo: r.serial_no,
  rfidEpc: r.rfid_epc,
  manufacturedOn: r.manufactured_on,
  lotId: r.lot_id,
  status: r.status,
  nodeId: r.node_id,
  slotCode: r.slot_code,
  holder: r.holder,
  nextInspectionDue: r.next_inspection_due,
  lastInspectionResult: r.last_inspection_result,
  containerAssetId: r.container_asset_id,
});
const ASSET_SELECT = `a.id, a.code, a.item_id, i.code AS item_code, a.serial_no, a.rfid_epc, a.manufactured_on, a.lot_id, a.status, a.node_id,
  s.code AS slot_code, a.holder, a.next_inspection_due, a.last_inspection_result, a.container_asset_id`;

/** Serialised assets in scope; a node filter is required for actors without organisation-wide scope. */
export async function listAssets(deps: Pick<Deps, 'db'>, actor: Actor, q: AssetListQuery) {
  requireAction(actor, 'stock.read');
  const { rows, total, totalIsEstimate } = await listLedgerPage<AssetRow>(deps.db, {
    from: 'asset a JOIN item i ON i.id = a.item_id LEFT JOIN slot s ON s.id = a.slot_id LEFT JOIN node n ON n.id = a.node_id LEFT JOIN organisation o ON o.id = n.organisation_id',
    select: ASSET_SELECT,
    conditions: [
      q.nodeId && where('a.node_id = ?', q.nodeId),
      q.itemId && where('a.item_id = ?', q.itemId),
      q.status && where('a.status = ?', q.status),
      // codes are typed or scanned from their beginning: prefix matches use the text_pattern_ops indexes
      q.q &&
        where(
          '(a.code LIKE ? OR a.serial_no LIKE ? OR a.rfid_epc = upper(?))',
          prefixPattern(q.q.toUpperCase()),
          prefixPattern(q.q),
          q.q,
        ),
      q.after && where(q.order === 'desc' ? 'a.code < ?' : 'a.code > ?', q.after),
      nodeScopeCondition(actor),
    ],
    orderBy: 'a.code',
    order: q.order ?? 'asc',
    tieBreaker: 'a.id',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(toAsset), total, totalIsEstimate };
}

export async function getAsset(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  requireAction(actor, 'stock.read');
  const rows = await deps.db.query<AssetRow & { org_path: string | null }>(
    `SELECT ${ASSET_SELECT}, o.path AS org_path FROM asset a JOIN item i ON i.id = a.item_id LEFT JOIN slot s ON s.id = a.slot_id
       LEFT JOIN node n ON n.id = a.node_id LEFT JOIN organisation o ON o.id = n.organisation_id WHERE a.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound('Asset', id);
  if (row.node_id)
    await nodeInScope(deps.db, actor, row.node_id, 'stock.read').catch(() => {
      throw notFound('Asset', id);
    });
  const history = await deps.db.query<{
    at: Date;
    kind: string;
    document_id: string | null;
    node_id: string | null;
    details: unknown;
    number: string | null;
  }>(
    `SELECT e.at, e.kind, e.document_id, e.node_id, e.details, d.number FROM asset_event e LEFT JOIN stock_document d ON d.id = e.document_id
      WHERE e.asset_id = $1 ORDER BY e.at, e.id`,
    [id],
  );
  return {
    ...toAsset(row),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      kind: h.kind,
      documentId: h.document_id,
      documentNumber: h.number,
      nodeId: h.node_id,
      details: h.details,
    })),
  };
}

/** Looks up any printed or scanned code: asset code, RFID EPC, serial number, lot number, node or item code, document number. */
export async function lookupCode(deps: Pick<Deps, 'db'>, actor: Actor, code: string) {
  requireAction(actor, 'stock.read');
  const text = code.trim();
  if (!text || text.length > 200) throw new AppError('VALIDATION_FAILED', 'Give a code of 1–200 characters');
  const asset = await deps.db.query<{ id: string }>('SELECT id FROM asset WHERE code = $1 OR rfid_epc = upper($1) LIMIT 1', [
    text,
  ]);
  if (asset[0]) return { kind: 'asset' as const, asset: await getAsset(deps, actor, asset[0].id) };
  const serial = await deps.db.query<{ id: string }>('SELECT id FROM asset WHERE serial_no = $1 ORDER BY code LIMIT 2', [text]);
  if (serial.length === 1) return { kind: 'asset' as const, asset: await getAsset(deps, actor, serial[0]!.id) };
  const lots = await deps.db.query<{
    id: string;
    item_id: string;
    lot_no: string;
    produced_on: string | null;
    expires_on: string | null;
  }>('SELECT id, item_id, lot_no, produced_on, expires_on FROM lot WHERE lot_no = $1 ORDER BY id LIMIT 20', [text]);
  if (lots.length)
    return {
      kind: 'lot' as const,
      lots: lots.map((l) => ({
        id: l.id,
        itemId: l.item_id,
        lotNo: l.lot_no,
        producedOn: l.produced_on,
        expiresOn: l.expires_on,
      })),
    };
  const item = await deps.db.query<{ id: string }>('SELECT id FROM item WHERE code = $1', [text]);
  if (item[0]) return { kind: 'item' as const, itemId: item[0].id };
  const node = await deps.db.query<{ id: string }>('SELECT id FROM node WHERE code = $1', [text]);
  if (node[0]) return { kind: 'node' as const, nodeId: node[0].id };
  // A document number, as printed (and QR-coded) on transfer notes.
  const document = await deps.db.query<{ id: string }>('SELECT id FROM stock_document WHERE number = $1', [text.toUpperCase()]);
  if (document[0]) return { kind: 'document' as const, document: await getDocument(deps, actor, document[0].id) };
  throw new AppError('NOT_FOUND', `No asset, lot, item, node or document has the code ${text}`);
}

/** Beijing midnight starting a 'YYYY-MM-DD' day, as an instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The filters and scope of the document list, shared by the list and its Excel export. */
export function documentConditions(actor: Actor, q: Omit<DocumentListQuery, 'limit' | 'offset' | 'order'>) {
  return [
    q.kind && where('d.kind = ?', q.kind),
    q.state && where('d.state = ?', q.state),
    q.number && where('d.number LIKE ?', prefixPattern(q.number.trim().toUpperCase())),
    q.nodeId && where('(d.node_id = ? OR d.to_node_id = ?)', q.nodeId, q.nodeId),
    q.createdFrom && where('d.created_at >= ?', dayStart(q.createdFrom)),
    q.createdTo && where('d.created_at < ?', new Date(dayStart(q.createdTo).getTime() + 86_400_000)),
    actor.unrestricted
      ? null
      : where(
          '(o.path LIKE ANY (?) OR d.node_id = ANY (?::uuid[]) OR d.to_node_id = ANY (?::uuid[]))',
          actor.organisationPaths.map((p) => `${p}%`),
          [...actor.nodeIds],
          [...actor.nodeIds],
        ),
  ];
}

export const DOCUMENTS_FROM = 'stock_document d JOIN node n ON n.id = d.node_id JOIN organisation o ON o.id = n.organisation_id';

/** Stock documents of nodes in scope, newest first. */
export async function listDocuments(deps: Pick<Deps, 'db'>, actor: Actor, q: DocumentListQuery) {
  requireAction(actor, 'stock.read');
  const { rows, total } = await listPage<StockDocumentRow>(deps.db, {
    from: DOCUMENTS_FROM,
    select: 'd.*',
    conditions: documentConditions(actor, q),
    orderBy: 'd.created_at',
    order: q.order ?? 'desc',
    tieBreaker: 'd.number',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(toDocument), total };
}

export async function getDocument(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  requireAction(actor, 'stock.read');
  const rows = await deps.db.query<StockDocumentRow>('SELECT * FROM stock_document WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) throw notFound('Document', id);
  const doc = toDocument(row);
  const visible = async (nodeId: string | null) =>
    nodeId
      ? nodeInScope(deps.db, actor, nodeId, 'stock.read').then(
          () => true,
          () => false,
        )
      : false;
  if (!(await visible(doc.nodeId)) && !(await visible(doc.toNodeId))) throw notFound('Document', id);
  return doc;
}

export type { Queryable };
