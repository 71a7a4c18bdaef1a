import { randomUUID } from 'node:crypto';
import type { CountCreate, CountRecord } from '@zhanqin/contracts';
import { movementsFor } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireAction, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { appendMovements, findDocument, insertDocument, updateDocument, type StockDocument } from './ledger.repository.ts';
import { toMovementRows } from './movement-rows.ts';
import { refusePackedKits } from './kits.ts';
import { loadItems, nodeInScope } from './stock-context.ts';
import { moveAssets } from './asset-moves.ts';

const OPEN_STATES = ['counting', 'submitted'];

/**
 * Opens a count session (盘点) at a node: expected quantities are frozen now. Only one open count
 * per node at a time — two started together cannot both open (the node row is locked).
 */
export async function startCount(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: CountCreate): Promise<StockDocument> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const node = await nodeInScope(tx, actor, input.nodeId, 'stock.write');
    await tx.query('SELECT id FROM node WHERE id = $1 FOR UPDATE', [node.id]);
    const open = await tx.query<{ number: string }>(
      'SELECT number FROM stock_document WHERE kind = $1 AND node_id = $2 AND state = ANY ($3)',
      ['count', node.id, OPEN_STATES],
    );
    if (open[0])
      throw new AppError('CONFLICT', `Count ${open[0].number} is still open at this node; finish or cancel it first`, {
        open: open[0].number,
      });
    if (input.itemIds) await loadItems(tx, input.itemIds);
    const id = randomUUID();
    const document = await insertDocument(tx, {
      id,
      organisationId: node.organisationId,
      kind: 'count',
      nodeId: node.id,
      state: 'counting',
      reason: input.note ?? '',
      lines: [],
      meta: { itemIds: input.itemIds ?? null },
      createdBy: actor.userId,
      createdByName: actor.username,
      now,
    });
    await tx.query(
      `INSERT INTO stock_count_line (document_id, organisation_id, item_id, stock_key, lot_id, asset_id, expected)
       SELECT $1, $2, b.item_id, b.stock_key, b.lot_id, b.asset_id, b.on_hand FROM stock_balance b
        WHERE b.node_id = $3 AND b.on_hand > 0 AND ($4::uuid[] IS NULL OR b.item_id = ANY ($4::uuid[]))`,
      [id, node.organisationId, node.id, input.itemIds ?? null],
    );
    await appendAudit(
      tx,
      actor,
      {
        action: 'count.start',
        entityType: 'stock_document',
        entityId: id,
        organisationId: node.organisationId,
        summary: { number: document.number, nodeCode: node.code },
      },
      now,
    );
    return document;
  });
}

async function loadCount(db: Queryable, id: string, forUpdate = false) {
  const doc = await findDocument(db, id, { forUpdate });
  if (!doc || doc.kind !== 'count') throw notFound('Count', id);
  return doc;
}

/** Records counted quantities; units found that were not expected are added as new lines. */
export async function recordCount(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: CountRecord,
): Promise<CountView> {
  await deps.db.transaction(async (tx) => {
    const doc = await loadCount(tx, id, true);
    const node = await nodeInScope(tx, actor, doc.nodeId, 'stock.write');
    if (doc.state !== 'counting') throw new AppError('INVALID_STATE', `Count ${doc.number} is ${doc.state}; counting is closed`);
    const items = await loadItems(
      tx,
      input.lines.map((l) => l.itemId),
    );
    for (const [i, line] of input.lines.entries()) {
      if (items.get(line.itemId)!.tracking === 'serialised' && !line.assetId && line.counted > 0) {
        throw new AppError('VALIDATION_FAILED', `Line ${i}: count serialised units by asset (assetId, counted 0 or 1)`);
      }
      if (line.assetId && line.counted > 1) throw new AppError('VALIDATION_FAILED', `Line ${i}: an asset counts 0 or 1`);
    }
    await tx.query(
      `INSERT INTO stock_count_line AS c (document_id, organisation_id, item_id, stock_key, lot_id, asset_id, expected, counted)
       SELECT $1, $2, l.item_id, coalesce(l.asset_id, l.lot_id, '00000000-0000-0000-0000-000000000000'::uuid), l.lot_id, l.asset_id, 0, l.counted
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[]) AS l(item_id, lot_id, asset_id, counted)
       ON CONFLICT (document_id, item_id, stock_key) DO UPDATE SET counted = excluded.counted`,
      [
        id,
        node.organisationId,
        input.lines.map((l) => l.itemId),
        input.lines.map((l) => l.lotId ?? null),
        input.lines.map((l) => l.assetId ?? null),
        input.lines.map((l) => l.counted),
      ],
    );
  });
  return getCount(deps, actor, id);
}

export type CountView = StockDocument & {
  countLines: {
    itemId: string;
    itemCode: string;
    lotId: string | null;
    assetId: string | null;
    expected: number;
    counted: number | null;
    difference: number | null;
  }[];
};

export async function getCount(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<CountView> {
  const doc = await loadCount(deps.db, id);
  await nodeInScope(deps.db, actor, doc.nodeId, 'stock.read');
  const rows = await deps.db.query<{
    item_id: string;
    code: string;
    lot_id: string | null;
    asset_id: string | null;
    expected: number;
    counted: number | null;
  }>(
    `SELECT c.item_id, i.code, c.lot_id, c.asset_id, c.expected, c.counted FROM stock_count_line c JOIN item i ON i.id = c.item_id
      WHERE c.document_id = $1 ORDER BY i.code, c.stock_key`,
    [id],
  );
  return {
    ...doc,
    countLines: rows.map((r) => ({
      itemId: r.item_id,
      itemCode: r.code,
      lotId: r.lot_id,
      assetId: r.asset_id,
      expected: Number(r.expected),
      counted: r.counted === null ? null : Number(r.counted),
      difference: r.counted === null ? null : Number(r.counted) - Number(r.expected),
    })),
  };
}

/** Closes counting; lines never counted are taken as counted = expected (not seen as missing). */
export async function submitCount(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<CountView> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const doc = await loadCount(tx, id, true);
    const node = await nodeInScope(tx, actor, doc.nodeId, 'stock.write');
    if (doc.state !== 'counting') throw new AppError('INVALID_STATE', `Count ${doc.number} is ${doc.state}`);
    await updateDocument(tx, id, { state: 'submitted' }, now);
    await appendAudit(
      tx,
      actor,
      {
        action: 'count.submit',
        entityType: 'stock_document',
        entityId: id,
        organisationId: node.organisationId,
        summary: { number: doc.number },
      },
      now,
    );
  });
  return getCount(deps, actor, id);
}

/**
 * Approves a submitted count and posts its discrepancies as count corrections (counted − expected,
 * added to whatever moved since the count began). Approving twice is refused.
 */
export async function approveCount(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  approve: boolean,
): Promise<CountView> {
  requireAction(actor, 'stock.approve');
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const doc = await loadCount(tx, id, true);
    const node = await nodeInScope(tx, actor, doc.nodeId, 'stock.approve');
    if (doc.state !== 'submitted')
      throw new AppError('INVALID_STATE', `Count ${doc.number} is ${doc.state}; only a submitted count can be decided`);
    const diffs = await tx.query<{ item_id: string; lot_id: string | null; asset_id: string | null; diff: number }>(
      'SELECT item_id, lot_id, asset_id, counted - expected AS diff FROM stock_count_line WHERE document_id = $1 AND counted IS NOT NULL AND counted <> expected',
      [id],
    );
    const lines = diffs.map((d) => ({ itemId: d.item_id, qty: Number(d.diff), lotId: d.lot_id, assetId: d.asset_id }));
    if (approve && lines.length) {
      // A box counted missing, or a unit counted missing from inside one, would leave the packed kit inconsistent.
      const missingAssets = lines.filter((l) => l.assetId && l.qty < 0).map((l) => l.assetId);
      const containers = missingAssets.length
        ? await tx.query<{ container_asset_id: string }>(
            'SELECT container_asset_id FROM asset WHERE id = ANY ($1::uuid[]) AND container_asset_id IS NOT NULL',
            [missingAssets],
          )
        : [];
      await refusePackedKits(tx, [...missingAssets, ...containers.map((c) => c.container_asset_id)], 'count');
      await appendMovements(tx, id, toMovementRows(movementsFor.adjust(node.id, lines), lines), now);
      const lost = lines.filter((l) => l.assetId && l.qty < 0);
      const found = lines.filter((l) => l.assetId && l.qty > 0);
      await moveAssets(tx, lost, {
        status: 'lost',
        nodeId: null,
        eventKind: 'count-missing',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
      });
      await moveAssets(tx, found, {
        status: 'in-stock',
        nodeId: node.id,
        eventKind: 'count-found',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
      });
    }
    await updateDocument(tx, id, { state: approve ? 'approved' : 'rejected', approvedByName: actor.username, lines }, now);
    await appendAudit(
      tx,
      actor,
      {
        action: approve ? 'count.approve' : 'count.reject',
        entityType: 'stock_document',
        entityId: id,
        organisationId: node.organisationId,
        summary: { number: doc.number, corrections: lines.length },
      },
      now,
    );
  });
  return getCount(deps, actor, id);
}
