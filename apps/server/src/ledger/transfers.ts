import { randomUUID } from 'node:crypto';
import type { TransferCreate, TransferReceive } from '@zhanqin/contracts';
import { movementsFor, nextTransferState, type TransferEvent, type TransferState } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { moveAssets } from './asset-moves.ts';
import { withIdempotency, type Posted } from './idempotency.ts';
import { packedContentsOf, type KitContent } from './kits.repository.ts';
import { openArrivedKitsIn } from './kits.ts';
import { appendMovements, findDocument, insertDocument, updateDocument, type StockDocument } from './ledger.repository.ts';
import { toMovementRows } from './movement-rows.ts';
import { resolveStockLines, toStockLines, type ResolvedUnit } from './resolve-stock-lines.ts';
import { loadItems, localDate, nodeInScope } from './stock-context.ts';

type TransferLine = { itemId: string; qty: number; lotId: string | null; assetId: string | null };

/**
 * Creates a transfer between two nodes and reserves its stock at the source at once: 409
 * INSUFFICIENT_STOCK when the stock is not there. Two transfers racing for the last units cannot
 * both win — the database refuses the reservation that would over-commit a balance.
 */
export async function createTransfer(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: TransferCreate,
  idempotencyKey?: string,
): Promise<Posted> {
  if (input.fromNodeId === input.toNodeId) throw new AppError('VALIDATION_FAILED', 'A transfer needs two different nodes');
  return withIdempotency(deps.db, idempotencyKey, input, (key) =>
    deps.db.transaction((tx) =>
      createTransferIn(tx, actor, { ...input, kind: 'transfer', action: 'stock.write', key }, deps.clock.now()),
    ),
  );
}

/**
 * Creates a transfer (or a dispatch, which is a transfer to a forward depot) inside a caller's
 * transaction, reserving its stock at the source; throws INSUFFICIENT_STOCK when it is not there.
 */
export async function createTransferIn(
  tx: Queryable,
  actor: Actor,
  input: TransferCreate & {
    kind: 'transfer' | 'dispatch';
    action: 'stock.write' | 'dispatch.confirm';
    key?: { key: string; hash: string } | null;
    meta?: Record<string, unknown>;
    dispatchableOnly?: boolean;
  },
  now: Date,
): Promise<StockDocument> {
  const from = await nodeInScope(tx, actor, input.fromNodeId, input.action, 'fromNodeId');
  const to = await tx.query<{ id: string }>('SELECT id FROM node WHERE id = $1', [input.toNodeId]);
  if (!to[0]) throw new AppError('REFERENCE_NOT_FOUND', `Node ${input.toNodeId} (toNodeId) does not exist`);
  const items = await loadItems(
    tx,
    input.lines.map((l) => l.itemId),
  );
  const units = await resolveStockLines(tx, from.id, input.lines, items, {
    today: localDate(now),
    dispatchableOnly: input.dispatchableOnly,
    preferPackedKits: true,
  });
  const lines = toStockLines(units);
  const id = randomUUID();
  const document = await insertDocument(tx, {
    id,
    organisationId: from.organisationId,
    kind: input.kind,
    nodeId: from.id,
    toNodeId: input.toNodeId,
    state: 'draft',
    reference: input.reference ?? '',
    lines,
    meta: input.meta,
    idempotencyKey: input.key?.key ?? null,
    requestHash: input.key?.hash ?? null,
    createdBy: actor.userId,
    createdByName: actor.username,
    now,
  });
  await appendMovements(tx, id, from.organisationId, toMovementRows(movementsFor.reserve(from.id, lines), units), now);
  await moveAssets(tx, units, {
    status: 'reserved',
    eventKind: 'reserved',
    documentId: id,
    organisationId: from.organisationId,
    at: now,
  });
  await appendAudit(
    tx,
    actor,
    {
      action: `${input.kind}.create`,
      entityType: 'stock_document',
      entityId: id,
      organisationId: from.organisationId,
      summary: { number: document.number, from: from.code, to: input.toNodeId, units: units.reduce((s, u) => s + u.qty, 0) },
    },
    now,
  );
  return document;
}

/** The contents of the packed kits among a document's lines, as stock lines of their own. */
async function contentsOfKitsIn(tx: Queryable, lines: readonly TransferLine[]): Promise<(KitContent & TransferLine)[]> {
  return packedContentsOf(
    tx,
    lines.map((l) => l.assetId),
  );
}

async function loadTransfer(tx: Queryable, id: string): Promise<StockDocument> {
  const doc = await findDocument(tx, id, { forUpdate: true });
  if (!doc || (doc.kind !== 'transfer' && doc.kind !== 'dispatch')) throw notFound('Transfer', id);
  return doc;
}

function advance(doc: StockDocument, event: TransferEvent): TransferState {
  const next = nextTransferState(doc.state as TransferState, event);
  if (!next) throw new AppError('INVALID_STATE', `A transfer in state ${doc.state} cannot ${event}`, { state: doc.state, event });
  return next;
}

/** Moves a transfer along its state machine: start-picking, ship or cancel. */
export async function advanceTransfer(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  event: 'start-picking' | 'ship' | 'cancel',
): Promise<StockDocument> {
  return deps.db.transaction((tx) => advanceTransferIn(tx, actor, id, event, deps.clock.now()));
}

/** The same inside a caller's transaction; `action` lets a driver ship a dispatch they carry. */
export async function advanceTransferIn(
  tx: Queryable,
  actor: Actor,
  id: string,
  event: 'start-picking' | 'ship' | 'cancel',
  now: Date,
  action: 'stock.write' | 'dispatch.confirm' | 'shipment.drive' = 'stock.write',
): Promise<StockDocument> {
  const doc = await loadTransfer(tx, id);
  const from = await nodeInScope(tx, actor, doc.nodeId, action, 'fromNodeId').catch(async (error: unknown) => {
    if (action !== 'shipment.drive') throw error;
    const [node] = await tx.query<{ id: string; organisation_id: string; code: string }>(
      'SELECT id, organisation_id, code FROM node WHERE id = $1',
      [doc.nodeId],
    );
    return { id: node!.id, organisationId: node!.organisation_id, code: node!.code };
  });
  const next = advance(doc, event);
  const lines = doc.lines as TransferLine[];
  if (event === 'ship') {
    await appendMovements(
      tx,
      id,
      from.organisationId,
      toMovementRows(movementsFor.ship(from.id, doc.toNodeId!, lines), lines),
      now,
    );
    await moveAssets(tx, lines, {
      status: 'in-transit',
      nodeId: doc.toNodeId,
      eventKind: 'shipped',
      documentId: id,
      organisationId: from.organisationId,
      at: now,
    });
    // Packed kits travel sealed: their contents leave the source's reserve and are in transit with the box.
    const contents = await contentsOfKitsIn(tx, lines);
    await appendMovements(
      tx,
      id,
      from.organisationId,
      toMovementRows(movementsFor.ship(from.id, doc.toNodeId!, contents), contents),
      now,
    );
    await moveAssets(tx, contents, {
      status: 'in-transit',
      nodeId: doc.toNodeId,
      eventKind: 'shipped',
      documentId: id,
      organisationId: from.organisationId,
      at: now,
      details: { inKit: true },
    });
  }
  if (event === 'cancel') {
    await appendMovements(tx, id, from.organisationId, toMovementRows(movementsFor.unreserve(from.id, lines), lines), now);
    await moveAssets(tx, lines, {
      status: 'in-stock',
      eventKind: 'reservation-cancelled',
      documentId: id,
      organisationId: from.organisationId,
      at: now,
    });
  }
  const updated = await updateDocument(
    tx,
    id,
    { state: next, meta: { ...doc.meta, [`${event}At`]: now.toISOString(), [`${event}By`]: actor.username } },
    now,
  );
  await appendAudit(
    tx,
    actor,
    {
      action: `${doc.kind}.${event}`,
      entityType: 'stock_document',
      entityId: id,
      organisationId: from.organisationId,
      summary: { number: doc.number, before: doc.state, after: next },
    },
    now,
  );
  return updated;
}

/**
 * Receives a shipped transfer at its destination, in full or in part. What did not arrive is
 * recorded as a discrepancy and leaves the in-transit bucket, so nothing hangs in transit forever.
 */
export async function receiveTransfer(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: TransferReceive,
): Promise<StockDocument> {
  return deps.db.transaction((tx) => receiveTransferIn(tx, actor, id, input, deps.clock.now()));
}

export async function receiveTransferIn(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TransferReceive,
  now: Date,
  action: 'stock.write' | 'dispatch.confirm' = 'stock.write',
): Promise<StockDocument> {
  const doc = await loadTransfer(tx, id);
  const to = await nodeInScope(tx, actor, doc.toNodeId!, action, 'toNodeId');
  const shipped = doc.lines as TransferLine[];
  const arrived: TransferLine[] = [];
  const missing: TransferLine[] = [];
  if (!input.lines) {
    arrived.push(...shipped);
  } else {
    const reported = new Map<string, number>();
    for (const r of input.lines) {
      const key = `${r.itemId}|${r.lotId ?? ''}|${r.assetId ?? ''}`;
      reported.set(key, (reported.get(key) ?? 0) + r.qty);
    }
    for (const line of shipped) {
      const key = `${line.itemId}|${line.lotId ?? ''}|${line.assetId ?? ''}`;
      const got = Math.min(line.qty, reported.get(key) ?? 0);
      reported.set(key, (reported.get(key) ?? 0) - got);
      if (got > 0) arrived.push({ ...line, qty: got });
      if (got < line.qty) missing.push({ ...line, qty: line.qty - got });
    }
    const extra = [...reported.entries()].filter(([, qty]) => qty > 0);
    if (extra.length) {
      throw new AppError(
        'UNPROCESSABLE',
        'Some received lines were not shipped on this transfer (receive them with a receipt instead)',
        {
          lines: extra.map(([key, qty]) => ({ key, qty })),
        },
      );
    }
  }
  const next = advance(doc, missing.length ? 'receive-part' : 'receive-all');
  await appendMovements(tx, id, to.organisationId, toMovementRows(movementsFor.arrive(to.id, arrived), arrived), now);
  if (missing.length)
    await appendMovements(tx, id, to.organisationId, toMovementRows(movementsFor.loseInTransit(to.id, missing), missing), now);
  await moveAssets(tx, arrived, {
    status: 'in-stock',
    nodeId: to.id,
    eventKind: 'received',
    documentId: id,
    organisationId: to.organisationId,
    at: now,
  });
  await moveAssets(tx, missing, {
    status: 'lost',
    nodeId: null,
    eventKind: 'lost-in-transit',
    documentId: id,
    organisationId: to.organisationId,
    at: now,
  });
  // A kit box arrives sealed: its contents arrive with it and stay packed (reserved) at the destination;
  // a box that did not arrive takes its contents with it.
  const arrivedContents = await contentsOfKitsIn(tx, arrived);
  const missingContents = await contentsOfKitsIn(tx, missing);
  await appendMovements(
    tx,
    id,
    to.organisationId,
    toMovementRows(
      [
        ...movementsFor.arrive(to.id, arrivedContents),
        ...movementsFor.reserve(to.id, arrivedContents),
        ...movementsFor.loseInTransit(to.id, missingContents),
      ],
      [...arrivedContents, ...missingContents],
    ),
    now,
  );
  await moveAssets(tx, arrivedContents, {
    status: 'reserved',
    nodeId: to.id,
    eventKind: 'received',
    documentId: id,
    organisationId: to.organisationId,
    at: now,
    details: { inKit: true },
  });
  await moveAssets(tx, missingContents, {
    status: 'lost',
    nodeId: null,
    eventKind: 'lost-in-transit',
    documentId: id,
    organisationId: to.organisationId,
    at: now,
    details: { inKit: true },
  });
  // A dispatch goes to a forward depot, which works with loose stock: its boxes are opened on arrival.
  if (doc.kind === 'dispatch')
    await openArrivedKitsIn(
      tx,
      actor,
      arrivedContents.map((c) => c.kitAssetId),
      to,
      now,
      { incidentId: doc.meta.incidentId ?? null, dispatchDocumentId: id, sourceNodeId: doc.nodeId },
    );
  const updated = await updateDocument(
    tx,
    id,
    {
      state: next,
      meta: { ...doc.meta, receivedAt: now.toISOString(), receivedBy: actor.username, missing, note: input.note ?? null },
    },
    now,
  );
  await appendAudit(
    tx,
    actor,
    {
      action: 'transfer.receive',
      entityType: 'stock_document',
      entityId: id,
      organisationId: to.organisationId,
      summary: {
        number: doc.number,
        state: next,
        receivedUnits: arrived.reduce((s, l) => s + l.qty, 0),
        missingUnits: missing.reduce((s, l) => s + l.qty, 0),
      },
    },
    now,
  );
  return updated;
}

export type { ResolvedUnit };
