import { randomUUID } from 'node:crypto';
import type { TransferCreate, TransferReceive } from '@zhanqin/contracts';
import { movementsFor, nextTransferState, type TransferEvent, type TransferState } from '@zhanqin/domain';
import { appendAuditEntries } from '../audit/audit.repository.ts';
import { requireNodeScope, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findNodes, type NodeRecord } from '../nodes/nodes.repository.ts';
import { moveAssetsOf } from './asset-moves.ts';
import { withIdempotency, withIdempotentBatch, type KeyedRequest, type Posted, type RequestKey } from './idempotency.ts';
import { packedContentsOf } from './kits.repository.ts';
import { openArrivedKitsIn } from './kits.ts';
import {
  appendDocumentMovements,
  findDocumentsForUpdate,
  insertDocuments,
  updateDocumentStates,
  type MovementRow,
  type NewDocument,
  type StockDocument,
} from './ledger.repository.ts';
import { toDocumentMovementRows } from './movement-rows.ts';
import { resolveStockLines, toStockLines, type LineLocation, type ResolvedUnit } from './resolve-stock-lines.ts';
import { findItems, localDate } from './stock-context.ts';

type TransferLine = { itemId: string; qty: number; lotId: string | null; assetId: string | null };

/** The most transfers one batch request may carry. */
export const MAX_TRANSFERS_PER_BATCH = 200;

/** Where a transfer sits in a batch request (undefined for a request of one). */
type Indexed = { index?: number | undefined };

/** Names the transfer of a batch in an error: "Transfer 3: …" with `{ transfer: 3, … }`. */
function inTransfer(target: Indexed, error: unknown): unknown {
  if (target.index === undefined || !(error instanceof AppError)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new AppError(error.code, `Transfer ${target.index}: ${error.message}`, { transfer: target.index, ...details });
}

/** Runs `work`, naming the transfer of a batch in any error it throws. */
async function about<T>(target: Indexed, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw inTransfer(target, error);
  }
}

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
  return withIdempotency(deps.db, idempotencyKey, input, async (key) => {
    const [document] = await deps.db.transaction((tx) =>
      createTransfersIn(tx, actor, [{ ...input, key }], { kind: 'transfer', action: 'stock.write' }, deps.clock.now()),
    );
    return document!;
  });
}

/**
 * Creates several transfers in one transaction, all or none (errors name the transfer and line):
 * replenishment for a whole district, or a queue of transfers a handheld kept while offline. Each
 * may carry its own idempotency key; transfers created before with the same key are replayed.
 */
export async function createTransfers(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  requests: readonly KeyedRequest<TransferCreate>[],
): Promise<Posted[]> {
  if (requests.length === 0 || requests.length > MAX_TRANSFERS_PER_BATCH)
    throw new AppError('VALIDATION_FAILED', `A batch holds 1 to ${MAX_TRANSFERS_PER_BATCH} transfers`);
  const batch = requests.length > 1;
  return withIdempotentBatch(deps.db, requests, (fresh) =>
    deps.db.transaction((tx) =>
      createTransfersIn(
        tx,
        actor,
        fresh.map((f) => ({ ...f.input, key: f.key, index: batch ? f.index : undefined })),
        { kind: 'transfer', action: 'stock.write' },
        deps.clock.now(),
      ),
    ),
  );
}

export type TransferToCreate = TransferCreate &
  Indexed & {
    key?: RequestKey | null;
    meta?: Record<string, unknown>;
  };

/**
 * Creates transfers (or dispatches, which are transfers to a forward depot) inside a caller's
 * transaction, reserving their stock at the sources; throws INSUFFICIENT_STOCK naming every short
 * line when the stock is not there. Transfers drawing on one node are resolved together, so two of
 * them never pick the same unit; the writes are a fixed number of statements for the whole batch.
 */
export async function createTransfersIn(
  tx: Queryable,
  actor: Actor,
  requests: readonly TransferToCreate[],
  options: {
    kind: 'transfer' | 'dispatch';
    action: 'stock.write' | 'dispatch.confirm';
    /** Leave out units overdue for, or failing, an inspection, and boxes holding such units. */
    dispatchableOnly?: boolean;
  },
  now: Date,
): Promise<StockDocument[]> {
  if (requests.length === 0) return [];
  for (const r of requests) {
    if (r.fromNodeId === r.toNodeId)
      throw inTransfer(r, new AppError('VALIDATION_FAILED', 'A transfer needs two different nodes'));
  }
  // Every node of the batch in one query; the sources checked against the actor's rights.
  const nodes = await findNodes(
    tx,
    requests.flatMap((r) => [r.fromNodeId, r.toNodeId]),
  );
  const sources = new Map<string, NodeRecord>();
  for (const r of requests) {
    const from = nodes.get(r.fromNodeId);
    if (!from)
      throw inTransfer(
        r,
        new AppError('REFERENCE_NOT_FOUND', `Node ${r.fromNodeId} (fromNodeId) does not exist`, {
          field: 'fromNodeId',
          nodeId: r.fromNodeId,
        }),
      );
    await about(r, () => requireNodeScope(actor, options.action, from));
    sources.set(from.id, from);
  }
  const items = await findItems(
    tx,
    requests.flatMap((r) => r.lines.map((l) => l.itemId)),
  );
  for (const r of requests) {
    if (!nodes.has(r.toNodeId))
      throw inTransfer(
        r,
        new AppError('REFERENCE_NOT_FOUND', `Node ${r.toNodeId} (toNodeId) does not exist`, { field: 'toNodeId' }),
      );
    const missing = r.lines.flatMap((l, line) => (items.has(l.itemId) ? [] : [{ line, itemId: l.itemId }]));
    if (missing.length)
      throw inTransfer(r, new AppError('REFERENCE_NOT_FOUND', 'Some lines name items that do not exist', { lines: missing }));
  }

  // Resolve the lines of every transfer from one node together, nodes in id order (the lock order).
  const unitsOf: ResolvedUnit[][] = requests.map(() => []);
  const bySource = new Map<string, number[]>();
  requests.forEach((r, i) => bySource.set(r.fromNodeId, [...(bySource.get(r.fromNodeId) ?? []), i]));
  const short: unknown[] = [];
  for (const nodeId of [...bySource.keys()].sort()) {
    const origin: { request: number; line: number }[] = [];
    const lines = bySource.get(nodeId)!.flatMap((i) =>
      requests[i]!.lines.map((l, line) => {
        origin.push({ request: i, line });
        return l;
      }),
    );
    const locate = (k: number): LineLocation => {
      const { request, line } = origin[k]!;
      const index = requests[request]!.index;
      return index === undefined
        ? { label: `Line ${line}`, at: { line } }
        : { label: `Transfer ${index}, line ${line}`, at: { transfer: index, line } };
    };
    try {
      const units = await resolveStockLines(tx, nodeId, lines, items, {
        today: localDate(now),
        dispatchableOnly: options.dispatchableOnly,
        preferPackedKits: true,
        locate,
      });
      for (const u of units) unitsOf[origin[u.line]!.request]!.push({ ...u, line: origin[u.line]!.line });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INSUFFICIENT_STOCK') throw error;
      short.push(...(error.details as { short: unknown[] }).short);
    }
  }
  if (short.length) throw new AppError('INSUFFICIENT_STOCK', `Not enough free stock for ${short.length} line(s)`, { short });

  const documents: NewDocument[] = requests.map((r, i) => ({
    id: randomUUID(),
    organisationId: sources.get(r.fromNodeId)!.organisationId,
    kind: options.kind,
    nodeId: r.fromNodeId,
    toNodeId: r.toNodeId,
    state: 'draft',
    reference: r.reference ?? '',
    lines: toStockLines(unitsOf[i]!),
    meta: r.meta,
    idempotencyKey: r.key?.key ?? null,
    requestHash: r.key?.hash ?? null,
    createdBy: actor.userId,
    createdByName: actor.username,
    now,
  }));
  const posted = await insertDocuments(tx, documents);
  await appendDocumentMovements(
    tx,
    requests.flatMap((r, i) =>
      toDocumentMovementRows(documents[i]!.id, movementsFor.reserve(r.fromNodeId, toStockLines(unitsOf[i]!)), unitsOf[i]!),
    ),
    now,
  );
  await moveAssetsOf(
    tx,
    documents.map((d, i) => ({
      units: unitsOf[i]!,
      change: { status: 'reserved', eventKind: 'reserved', documentId: d.id, organisationId: d.organisationId, at: now },
    })),
  );
  await appendAuditEntries(
    tx,
    actor,
    requests.map((r, i) => ({
      action: `${options.kind}.create`,
      entityType: 'stock_document',
      entityId: documents[i]!.id,
      organisationId: documents[i]!.organisationId,
      summary: {
        number: posted[i]!.number,
        from: sources.get(r.fromNodeId)!.code,
        to: r.toNodeId,
        units: unitsOf[i]!.reduce((s, u) => s + u.qty, 0),
      },
    })),
    now,
  );
  return posted;
}

/** Transfers by id, locked, in the order asked; 404 naming the one that is not a transfer. */
async function loadTransfers(tx: Queryable, targets: readonly ({ id: string } & Indexed)[]): Promise<StockDocument[]> {
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.id)) throw inTransfer(t, new AppError('VALIDATION_FAILED', `Transfer ${t.id} is named twice`, { id: t.id }));
    seen.add(t.id);
  }
  const docs = await findDocumentsForUpdate(
    tx,
    targets.map((t) => t.id),
  );
  return targets.map((t) => {
    const doc = docs.get(t.id);
    if (!doc || (doc.kind !== 'transfer' && doc.kind !== 'dispatch')) throw inTransfer(t, notFound('Transfer', t.id));
    return doc;
  });
}

function advance(doc: StockDocument, event: TransferEvent): TransferState {
  const next = nextTransferState(doc.state as TransferState, event);
  if (!next) throw new AppError('INVALID_STATE', `A transfer in state ${doc.state} cannot ${event}`, { state: doc.state, event });
  return next;
}

type TransferAction = 'stock.write' | 'dispatch.confirm' | 'shipment.drive';

/** Moves a transfer along its state machine: start-picking, ship or cancel. */
export async function advanceTransfer(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  event: 'start-picking' | 'ship' | 'cancel',
): Promise<StockDocument> {
  return deps.db.transaction((tx) => advanceTransferIn(tx, actor, id, event, deps.clock.now()));
}

/**
 * Moves several transfers along at once, all or none (errors name the transfer): a truck leaving
 * with every transfer picked for its round, or the cancellation of a whole proposal.
 */
export async function advanceTransfers(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  ids: readonly string[],
  event: 'start-picking' | 'ship' | 'cancel',
): Promise<StockDocument[]> {
  checkBatchSize(ids.length);
  return deps.db.transaction((tx) =>
    advanceTransfersIn(
      tx,
      actor,
      ids.map((id, index) => ({ id, index: ids.length > 1 ? index : undefined })),
      event,
      deps.clock.now(),
    ),
  );
}

function checkBatchSize(n: number) {
  if (n === 0 || n > MAX_TRANSFERS_PER_BATCH)
    throw new AppError('VALIDATION_FAILED', `A batch holds 1 to ${MAX_TRANSFERS_PER_BATCH} transfers`);
}

/** The same inside a caller's transaction; `action` lets a driver ship a dispatch they carry. */
export async function advanceTransferIn(
  tx: Queryable,
  actor: Actor,
  id: string,
  event: 'start-picking' | 'ship' | 'cancel',
  now: Date,
  action: TransferAction = 'stock.write',
): Promise<StockDocument> {
  return (await advanceTransfersIn(tx, actor, [{ id }], event, now, action))[0]!;
}

async function advanceTransfersIn(
  tx: Queryable,
  actor: Actor,
  targets: readonly ({ id: string } & Indexed)[],
  event: 'start-picking' | 'ship' | 'cancel',
  now: Date,
  action: TransferAction = 'stock.write',
): Promise<StockDocument[]> {
  const docs = await loadTransfers(tx, targets);
  const nodes = await findNodes(
    tx,
    docs.map((d) => d.nodeId),
  );
  const steps: { doc: StockDocument; from: NodeRecord; next: TransferState; lines: TransferLine[] }[] = [];
  for (const [i, doc] of docs.entries()) {
    const target = targets[i]!;
    const from = nodes.get(doc.nodeId)!;
    // A driver moves what they carry wherever it comes from; the shipment checked that they carry it.
    if (action !== 'shipment.drive') await about(target, () => requireNodeScope(actor, action, from));
    steps.push({ doc, from, next: await about(target, () => advance(doc, event)), lines: doc.lines as TransferLine[] });
  }
  const movements: (MovementRow & { documentId: string })[] = [];
  const assetMoves: Parameters<typeof moveAssetsOf>[1][number][] = [];
  const of = (rows: (MovementRow & { documentId: string })[]) => {
    for (const r of rows) movements.push(r);
  };
  if (event === 'ship') {
    // Packed kits travel sealed: their contents leave the source's reserve and are in transit with the box.
    const contents = await packedContentsOf(
      tx,
      steps.flatMap((s) => s.lines.map((l) => l.assetId)),
    );
    for (const { doc, from, lines } of steps) {
      const boxes = new Set(lines.map((l) => l.assetId));
      const inside = contents.filter((c) => boxes.has(c.kitAssetId));
      const change = {
        nodeId: doc.toNodeId,
        eventKind: 'shipped',
        documentId: doc.id,
        organisationId: from.organisationId,
        at: now,
      };
      of(toDocumentMovementRows(doc.id, movementsFor.ship(from.id, doc.toNodeId!, lines), lines));
      of(toDocumentMovementRows(doc.id, movementsFor.ship(from.id, doc.toNodeId!, inside), inside));
      assetMoves.push({ units: lines, change: { ...change, status: 'in-transit' } });
      assetMoves.push({ units: inside, change: { ...change, status: 'in-transit', details: { inKit: true } } });
    }
  }
  if (event === 'cancel') {
    for (const { doc, from, lines } of steps) {
      of(toDocumentMovementRows(doc.id, movementsFor.unreserve(from.id, lines), lines));
      assetMoves.push({
        units: lines,
        change: {
          status: 'in-stock',
          eventKind: 'reservation-cancelled',
          documentId: doc.id,
          organisationId: from.organisationId,
          at: now,
        },
      });
    }
  }
  await appendDocumentMovements(tx, movements, now);
  await moveAssetsOf(tx, assetMoves);
  const updated = await updateDocumentStates(
    tx,
    steps.map(({ doc, next }) => ({
      doc,
      state: next,
      meta: { ...doc.meta, [`${event}At`]: now.toISOString(), [`${event}By`]: actor.username },
    })),
    now,
  );
  await appendAuditEntries(
    tx,
    actor,
    steps.map(({ doc, from, next }) => ({
      action: `${doc.kind}.${event}`,
      entityType: 'stock_document',
      entityId: doc.id,
      organisationId: from.organisationId,
      summary: { number: doc.number, before: doc.state, after: next },
    })),
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

/** Receives several shipped transfers at once, all or none (a station taking in a delivery round). */
export async function receiveTransfers(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  requests: readonly ({ id: string } & TransferReceive)[],
): Promise<StockDocument[]> {
  checkBatchSize(requests.length);
  return deps.db.transaction((tx) =>
    receiveTransfersIn(
      tx,
      actor,
      requests.map(({ id, ...input }, index) => ({ id, input, index: requests.length > 1 ? index : undefined })),
      deps.clock.now(),
    ),
  );
}

export async function receiveTransferIn(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TransferReceive,
  now: Date,
  action: 'stock.write' | 'dispatch.confirm' = 'stock.write',
): Promise<StockDocument> {
  return (await receiveTransfersIn(tx, actor, [{ id, input }], now, action))[0]!;
}

/** What of a shipped transfer arrived and what is missing, from the receiver's report (none: all arrived). */
function splitArrival(
  shipped: readonly TransferLine[],
  input: TransferReceive,
): { arrived: TransferLine[]; missing: TransferLine[] } {
  const arrived: TransferLine[] = [];
  const missing: TransferLine[] = [];
  if (!input.lines) return { arrived: [...shipped], missing };
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
  return { arrived, missing };
}

async function receiveTransfersIn(
  tx: Queryable,
  actor: Actor,
  targets: readonly ({ id: string; input: TransferReceive } & Indexed)[],
  now: Date,
  action: 'stock.write' | 'dispatch.confirm' = 'stock.write',
): Promise<StockDocument[]> {
  const docs = await loadTransfers(tx, targets);
  const nodes = await findNodes(
    tx,
    docs.map((d) => d.toNodeId!),
  );
  const steps: {
    doc: StockDocument;
    to: NodeRecord;
    target: (typeof targets)[number];
    next: TransferState;
    arrived: TransferLine[];
    missing: TransferLine[];
  }[] = [];
  for (const [i, doc] of docs.entries()) {
    const target = targets[i]!;
    const to = nodes.get(doc.toNodeId!)!;
    await about(target, () => requireNodeScope(actor, action, to));
    const { arrived, missing } = await about(target, () => splitArrival(doc.lines as TransferLine[], target.input));
    const next = await about(target, () => advance(doc, missing.length ? 'receive-part' : 'receive-all'));
    steps.push({ doc, to, target, next, arrived, missing });
  }
  // A kit box arrives sealed: its contents arrive with it and stay packed (reserved) at the destination;
  // a box that did not arrive takes its contents with it.
  const contents = await packedContentsOf(
    tx,
    steps.flatMap((s) => [...s.arrived, ...s.missing].map((l) => l.assetId)),
  );
  const movements: (MovementRow & { documentId: string })[] = [];
  const assetMoves: Parameters<typeof moveAssetsOf>[1][number][] = [];
  const kitsToOpen: { step: (typeof steps)[number]; kitAssetIds: string[] }[] = [];
  for (const step of steps) {
    const { doc, to, arrived, missing } = step;
    const of = (rows: (MovementRow & { documentId: string })[]) => {
      for (const r of rows) movements.push(r);
    };
    const inBoxes = (lines: TransferLine[]) => {
      const boxes = new Set(lines.map((l) => l.assetId));
      return contents.filter((c) => boxes.has(c.kitAssetId));
    };
    const arrivedContents = inBoxes(arrived);
    const missingContents = inBoxes(missing);
    of(toDocumentMovementRows(doc.id, movementsFor.arrive(to.id, arrived), arrived));
    of(toDocumentMovementRows(doc.id, movementsFor.loseInTransit(to.id, missing), missing));
    of(
      toDocumentMovementRows(
        doc.id,
        [
          ...movementsFor.arrive(to.id, arrivedContents),
          ...movementsFor.reserve(to.id, arrivedContents),
          ...movementsFor.loseInTransit(to.id, missingContents),
        ],
        [...arrivedContents, ...missingContents],
      ),
    );
    const change = { documentId: doc.id, organisationId: to.organisationId, at: now };
    assetMoves.push(
      { units: arrived, change: { ...change, status: 'in-stock', nodeId: to.id, eventKind: 'received' } },
      { units: missing, change: { ...change, status: 'lost', nodeId: null, eventKind: 'lost-in-transit' } },
      {
        units: arrivedContents,
        change: { ...change, status: 'reserved', nodeId: to.id, eventKind: 'received', details: { inKit: true } },
      },
      {
        units: missingContents,
        change: { ...change, status: 'lost', nodeId: null, eventKind: 'lost-in-transit', details: { inKit: true } },
      },
    );
    // A dispatch goes to a forward depot, which works with loose stock: its boxes are opened on arrival.
    if (doc.kind === 'dispatch' && arrivedContents.length)
      kitsToOpen.push({ step, kitAssetIds: arrivedContents.map((c) => c.kitAssetId) });
  }
  await appendDocumentMovements(tx, movements, now);
  await moveAssetsOf(tx, assetMoves);
  for (const { step, kitAssetIds } of kitsToOpen)
    await openArrivedKitsIn(tx, actor, kitAssetIds, step.to, now, {
      incidentId: step.doc.meta.incidentId ?? null,
      dispatchDocumentId: step.doc.id,
      sourceNodeId: step.doc.nodeId,
    });
  const updated = await updateDocumentStates(
    tx,
    steps.map(({ doc, next, missing, target }) => ({
      doc,
      state: next,
      meta: { ...doc.meta, receivedAt: now.toISOString(), receivedBy: actor.username, missing, note: target.input.note ?? null },
    })),
    now,
  );
  await appendAuditEntries(
    tx,
    actor,
    steps.map(({ doc, to, next, arrived, missing }) => ({
      action: 'transfer.receive',
      entityType: 'stock_document',
      entityId: doc.id,
      organisationId: to.organisationId,
      summary: {
        number: doc.number,
        state: next,
        receivedUnits: arrived.reduce((s, l) => s + l.qty, 0),
        missingUnits: missing.reduce((s, l) => s + l.qty, 0),
      },
    })),
    now,
  );
  return updated;
}

export type { ResolvedUnit };
