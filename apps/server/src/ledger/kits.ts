import { randomUUID } from 'node:crypto';
import type { KitListQuery, KitPack, KitSummary, KitView } from '@zhanqin/contracts';
import { isExpired, movementsFor } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireAction, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { moveAssets } from './asset-moves.ts';
import { withIdempotency, type Posted } from './idempotency.ts';
import {
  findKit,
  findModuleForKitItem,
  insertKit,
  kitContentDetails,
  listKitsAt,
  markKitUnpacked,
  packedContentsOf,
  packingListsOf,
  type KitRecord,
} from './kits.repository.ts';
import { appendMovements, insertDocument, type MovementRow, type StockDocument } from './ledger.repository.ts';
import { toMovementRows } from './movement-rows.ts';
import { nextAssetCodes } from './record-receipt.ts';
import { resolveStockLines, toStockLines } from './resolve-stock-lines.ts';
import { loadItems, localDate, nodeInScope } from './stock-context.ts';

/**
 * Packs a kit box (封箱) at a node in one document: the box is registered as a new asset with its own
 * code (+1 on hand), and its contents — the module's packing list unless lines are given, lots
 * first-expiry-first-out, serialised units chosen automatically — move from free stock into reserve.
 * Packed contents stay on hand (they count for reserve standards) but nothing else can take them.
 * Contents that are not free → 409 INSUFFICIENT_STOCK and nothing is posted.
 */
export async function packKit(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: KitPack,
  idempotencyKey?: string,
): Promise<Posted> {
  return withIdempotency(deps.db, idempotencyKey, { pack: input }, (key) =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const node = await nodeInScope(tx, actor, input.nodeId, 'stock.write');
      const kitItem = (await loadItems(tx, [input.kitItemId])).get(input.kitItemId)!;
      if (kitItem.tracking !== 'kit')
        throw new AppError(
          'UNPROCESSABLE',
          `${kitItem.code} is tracked by ${kitItem.tracking}, not as a kit: only kit items are packed`,
          {
            kitItemId: kitItem.id,
          },
        );
      const module = await findModuleForKitItem(tx, kitItem.id);
      const requested = input.lines ?? module?.lines;
      if (!requested?.length)
        throw new AppError('UNPROCESSABLE', `${kitItem.code} has no packing list: give the contents as lines`, {
          kitItemId: kitItem.id,
        });
      const items = await loadItems(
        tx,
        requested.map((l) => l.itemId),
      );
      const units = await resolveStockLines(tx, node.id, requested, items, { today: localDate(now), dispatchableOnly: true });
      const nested = await packedContentsOf(
        tx,
        units.map((u) => u.assetId),
      );
      if (nested.length)
        throw new AppError('UNPROCESSABLE', 'A packed kit cannot go inside another kit: unpack it first', {
          kitAssetIds: [...new Set(nested.map((n) => n.kitAssetId))],
        });
      const contents = toStockLines(units);
      const [org] = await tx.query<{ code: string }>('SELECT code FROM organisation WHERE id = $1', [node.organisationId]);
      const [code] = await nextAssetCodes(tx, org!.code, 1);
      const kitAssetId = randomUUID();
      const id = randomUUID();
      const document = await insertDocument(tx, {
        id,
        organisationId: node.organisationId,
        kind: 'kit-pack',
        nodeId: node.id,
        state: 'posted',
        source: module?.code ?? null,
        lines: contents,
        meta: { kitAssetId, kitAssetCode: code, kitItemId: kitItem.id, moduleId: module?.id ?? null },
        idempotencyKey: key?.key ?? null,
        requestHash: key?.hash ?? null,
        createdBy: actor.userId,
        createdByName: actor.username,
        now,
      });
      await tx.query(
        `INSERT INTO asset (id, organisation_id, item_id, code, serial_no, status, node_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'in-stock', $6, $7, $7)`,
        [kitAssetId, node.organisationId, kitItem.id, code, input.serial ?? code, node.id, now],
      );
      await insertKit(
        tx,
        {
          assetId: kitAssetId,
          organisationId: node.organisationId,
          moduleId: module?.id ?? null,
          packDocumentId: id,
          packedAt: now,
        },
        contents,
      );
      const box: MovementRow = {
        nodeId: node.id,
        itemId: kitItem.id,
        stockKey: kitAssetId,
        lotId: null,
        assetId: kitAssetId,
        bucket: 'on_hand',
        delta: 1,
      };
      await appendMovements(tx, id, [box, ...toMovementRows(movementsFor.reserve(node.id, contents), units)], now);
      await moveAssets(tx, [{ assetId: kitAssetId }], {
        status: 'in-stock',
        eventKind: 'packed',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
        details: { module: module?.code ?? null, units: contents.reduce((s, l) => s + l.qty, 0) },
      });
      await moveAssets(tx, units, {
        status: 'reserved',
        eventKind: 'packed',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
        details: { kitAssetId, kit: code },
      });
      await appendAudit(
        tx,
        actor,
        {
          action: 'kit.pack',
          entityType: 'stock_document',
          entityId: id,
          organisationId: node.organisationId,
          summary: {
            number: document.number,
            nodeCode: node.code,
            kit: code,
            module: module?.code ?? null,
            lines: contents.length,
            units: contents.reduce((s, l) => s + l.qty, 0),
          },
        },
        now,
      );
      return document;
    }),
  );
}

/**
 * Unpacks a kit box (拆箱) in one document: its contents return to free stock at the box's node and
 * the box itself leaves stock. Only a box that is in stock and not promised to a transfer can be opened.
 */
export async function unpackKit(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  kitAssetId: string,
  idempotencyKey?: string,
): Promise<Posted> {
  return withIdempotency(deps.db, idempotencyKey, { unpack: kitAssetId }, (key) =>
    deps.db.transaction(async (tx) => {
      const kit = await findKit(tx, kitAssetId, { forUpdate: true });
      if (!kit) throw notFound('Kit', kitAssetId);
      const node = await nodeInScope(tx, actor, kit.nodeId ?? kit.packNodeId, 'stock.write').catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'FORBIDDEN_SCOPE') throw notFound('Kit', kitAssetId);
        throw error;
      });
      if (kit.unpackedAt) throw new AppError('INVALID_STATE', `Kit ${kit.code} is already unpacked`, { kitAssetId });
      if (kit.status !== 'in-stock' || kit.nodeId === null)
        throw new AppError(
          'INVALID_STATE',
          `Kit ${kit.code} is ${kit.status}: only a box in stock and not promised elsewhere can be opened`,
          {
            kitAssetId,
            status: kit.status,
          },
        );
      return openKitIn(tx, actor, kit, node, deps.clock.now(), { key });
    }),
  );
}

/**
 * Opens packed boxes that have just arrived at a node, one kit-unpack document each, inside the
 * caller's transaction (a dispatch opens its boxes on arrival at the forward depot, so that the
 * contents are loose stock there). Scope was checked by the caller; boxes already opened are skipped.
 */
export async function openArrivedKitsIn(
  tx: Queryable,
  actor: Actor,
  kitAssetIds: readonly string[],
  node: { id: string; organisationId: string; code: string },
  now: Date,
  meta: Record<string, unknown>,
): Promise<StockDocument[]> {
  const opened: StockDocument[] = [];
  for (const kitAssetId of [...new Set(kitAssetIds)].sort()) {
    const kit = await findKit(tx, kitAssetId, { forUpdate: true });
    if (!kit || kit.unpackedAt || kit.nodeId !== node.id) continue;
    opened.push(await openKitIn(tx, actor, kit, node, now, { meta }));
  }
  return opened;
}

/**
 * Posts the kit-unpack document of one packed box at its node: the box leaves stock (−1 on hand) and
 * its contents leave reserve. A box that is reserved or quarantined meanwhile makes the database refuse this.
 */
async function openKitIn(
  tx: Queryable,
  actor: Actor,
  kit: KitRecord,
  node: { id: string; organisationId: string; code: string },
  now: Date,
  options: { key?: { key: string; hash: string } | null; meta?: Record<string, unknown> },
): Promise<StockDocument> {
  const contents = await packedContentsOf(tx, [kit.assetId]);
  const lines = contents.map(({ itemId, qty, lotId, assetId }) => ({ itemId, qty, lotId, assetId }));
  const id = randomUUID();
  const document = await insertDocument(tx, {
    id,
    organisationId: node.organisationId,
    kind: 'kit-unpack',
    nodeId: node.id,
    state: 'posted',
    source: kit.moduleCode,
    lines,
    meta: {
      ...options.meta,
      kitAssetId: kit.assetId,
      kitAssetCode: kit.code,
      kitItemId: kit.itemId,
      packDocumentId: kit.packDocumentId,
    },
    idempotencyKey: options.key?.key ?? null,
    requestHash: options.key?.hash ?? null,
    createdBy: actor.userId,
    createdByName: actor.username,
    now,
  });
  const box: MovementRow = {
    nodeId: node.id,
    itemId: kit.itemId,
    stockKey: kit.assetId,
    lotId: null,
    assetId: kit.assetId,
    bucket: 'on_hand',
    delta: -1,
  };
  await appendMovements(tx, id, [box, ...toMovementRows(movementsFor.unreserve(node.id, lines), lines)], now);
  await markKitUnpacked(tx, kit.assetId, id, now);
  await moveAssets(tx, lines, {
    status: 'in-stock',
    eventKind: 'unpacked',
    documentId: id,
    organisationId: node.organisationId,
    at: now,
    details: { kitAssetId: kit.assetId, kit: kit.code },
  });
  await moveAssets(tx, [{ assetId: kit.assetId }], {
    status: 'retired',
    nodeId: null,
    eventKind: 'unpacked',
    documentId: id,
    organisationId: node.organisationId,
    at: now,
    details: { units: lines.reduce((s, l) => s + l.qty, 0) },
  });
  await appendAudit(
    tx,
    actor,
    {
      action: 'kit.unpack',
      entityType: 'stock_document',
      entityId: id,
      organisationId: node.organisationId,
      summary: { number: document.number, nodeCode: node.code, kit: kit.code, units: lines.reduce((s, l) => s + l.qty, 0) },
    },
    now,
  );
  return document;
}

/**
 * Refuses a document that would take a packed box out of stock, block it or count it away on its
 * own (write-off, adjustment, quarantine, count correction, issue): its contents would be left
 * reserved for a box that is gone. 409 INVALID_STATE naming the boxes; open them first.
 */
export async function refusePackedKits(tx: Queryable, assetIds: readonly (string | null)[], doing: string): Promise<void> {
  const packed = await packedContentsOf(tx, assetIds);
  if (!packed.length) return;
  const kitAssetIds = [...new Set(packed.map((p) => p.kitAssetId))].sort();
  const codes = await tx.query<{ code: string }>('SELECT code FROM asset WHERE id = ANY ($1::uuid[]) ORDER BY code', [
    kitAssetIds,
  ]);
  throw new AppError(
    'INVALID_STATE',
    `Kit ${codes.map((c) => c.code).join(', ')} is packed: unpack the kit first, then ${doing} what it held`,
    { kitAssetIds },
  );
}

type ContentDetail = Awaited<ReturnType<typeof kitContentDetails>>[number];

/** Checks contents against the packing list and finds what expires or falls due first inside. */
async function summarise(
  db: Queryable,
  kits: readonly KitRecord[],
  today: string,
): Promise<{ summary: KitSummary; contents: ContentDetail[]; lines: KitView['check']['lines'] }[]> {
  const details = await kitContentDetails(
    db,
    kits.map((k) => k.assetId),
  );
  const packingLists = await packingListsOf(
    db,
    kits.map((k) => k.moduleId),
  );
  return kits.map((kit) => {
    const contents = details.filter((d) => d.kitAssetId === kit.assetId);
    const lines = new Map<string, KitView['check']['lines'][number]>();
    for (const { moduleId: _, ...l } of packingLists.filter((p) => p.moduleId === kit.moduleId))
      lines.set(l.itemId, { ...l, packed: 0, short: 0 });
    for (const c of contents) {
      const line = lines.get(c.itemId) ?? {
        itemId: c.itemId,
        itemCode: c.itemCode,
        itemNameZh: c.itemNameZh,
        itemNameEn: c.itemNameEn,
        required: 0,
        packed: 0,
        short: 0,
      };
      lines.set(c.itemId, { ...line, packed: line.packed + c.qty });
    }
    const checked = [...lines.values()]
      .map((l) => ({ ...l, short: Math.max(0, l.required - l.packed) }))
      .sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0));
    const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? null;
    const earliestExpiry = earliest(contents.map((c) => c.expiresOn));
    const earliestInspectionDue = earliest(contents.map((c) => c.nextInspectionDue));
    const packed = kit.unpackedAt === null;
    return {
      summary: {
        assetId: kit.assetId,
        code: kit.code,
        serialNo: kit.serialNo,
        itemId: kit.itemId,
        itemCode: kit.itemCode,
        itemNameZh: kit.itemNameZh,
        itemNameEn: kit.itemNameEn,
        status: kit.status,
        nodeId: kit.nodeId,
        moduleId: kit.moduleId,
        moduleCode: kit.moduleCode,
        state: packed ? 'packed' : 'unpacked',
        packedAt: kit.packedAt.toISOString(),
        packDocumentId: kit.packDocumentId,
        unpackedAt: kit.unpackedAt?.toISOString() ?? null,
        complete: checked.every((l) => l.short === 0),
        earliestExpiry,
        earliestInspectionDue,
        needsAttention:
          packed &&
          (isExpired(earliestExpiry, today) ||
            (earliestInspectionDue !== null && earliestInspectionDue < today) ||
            contents.some((c) => c.lastInspectionResult === 'fail')),
      },
      contents,
      lines: checked,
    };
  });
}

/** One kit with its contents and the check against its packing list. */
export async function getKit(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, kitAssetId: string): Promise<KitView> {
  requireAction(actor, 'stock.read');
  const kit = await findKit(deps.db, kitAssetId);
  if (!kit) throw notFound('Kit', kitAssetId);
  await nodeInScope(deps.db, actor, kit.nodeId ?? kit.packNodeId, 'stock.read').catch(() => {
    throw notFound('Kit', kitAssetId);
  });
  const [view] = await summarise(deps.db, [kit], localDate(deps.clock.now()));
  return {
    kit: view!.summary,
    contents: view!.contents.map(({ kitAssetId: _, ...c }) => c),
    check: { lines: view!.lines, short: view!.lines.filter((l) => l.short > 0) },
  };
}

/** Kits at a node (packed ones unless asked otherwise), each flagged complete or not. */
export async function listKits(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, q: KitListQuery): Promise<KitSummary[]> {
  await nodeInScope(deps.db, actor, q.nodeId, 'stock.read');
  const kits = await listKitsAt(deps.db, q.nodeId, q.state ?? 'packed');
  return (await summarise(deps.db, kits, localDate(deps.clock.now()))).map((k) => k.summary);
}
