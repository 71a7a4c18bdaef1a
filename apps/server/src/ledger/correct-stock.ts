import { randomUUID } from 'node:crypto';
import type { AdjustmentCreate, QuarantineCreate } from '@zhanqin/contracts';
import { movementsFor } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { withIdempotency, type Posted } from './idempotency.ts';
import { refusePackedKits } from './kits.ts';
import { appendMovements, insertDocument } from './ledger.repository.ts';
import { toMovementRows } from './movement-rows.ts';
import { resolveStockLines, toStockLines } from './resolve-stock-lines.ts';
import { loadItems, localDate, nodeInScope } from './stock-context.ts';
import { moveAssets } from './asset-moves.ts';

/**
 * Posts an adjustment with a reason: signed corrections of stock on hand. Removals must name
 * stock that is free (not reserved or quarantined); additions of serialised units go through a
 * receipt, since each needs its own code.
 */
export async function postAdjustment(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: AdjustmentCreate,
  idempotencyKey?: string,
): Promise<Posted> {
  return withIdempotency(deps.db, idempotencyKey, input, (key) =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const node = await nodeInScope(tx, actor, input.nodeId, 'stock.write');
      const items = await loadItems(
        tx,
        input.lines.map((l) => l.itemId),
      );
      const additions = input.lines.filter((l) => l.qty > 0);
      for (const [i, l] of additions.entries()) {
        const item = items.get(l.itemId)!;
        if (item.tracking === 'serialised' || l.assetId)
          throw new AppError('VALIDATION_FAILED', `Line ${i}: add serialised units with a receipt, which gives each a code`);
        if (item.tracking === 'lot' && !l.lotId)
          throw new AppError('VALIDATION_FAILED', `Line ${i}: ${item.code} is tracked by lot; name the lot (lotId)`);
      }
      const removals = await resolveStockLines(
        tx,
        node.id,
        input.lines.filter((l) => l.qty < 0).map((l) => ({ ...l, qty: -l.qty })),
        items,
        { today: '0000-01-01' },
      );
      await refusePackedKits(
        tx,
        removals.map((u) => u.assetId),
        'adjust',
      );
      const units = [
        ...additions.map((l) => ({ itemId: l.itemId, qty: l.qty, lotId: l.lotId ?? null, assetId: null })),
        ...toStockLines(removals).map((u) => ({ ...u, qty: -u.qty })),
      ];
      const id = randomUUID();
      const document = await insertDocument(tx, {
        id,
        organisationId: node.organisationId,
        kind: 'adjustment',
        nodeId: node.id,
        state: 'posted',
        reason: input.reason,
        lines: units,
        idempotencyKey: key?.key ?? null,
        requestHash: key?.hash ?? null,
        createdBy: actor.userId,
        createdByName: actor.username,
        now,
      });
      await appendMovements(tx, id, toMovementRows(movementsFor.adjust(node.id, units), units), now);
      await moveAssets(tx, removals, {
        status: 'lost',
        nodeId: null,
        eventKind: 'adjusted-out',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
        details: { reason: input.reason },
      });
      await appendAudit(
        tx,
        actor,
        {
          action: 'adjustment.post',
          entityType: 'stock_document',
          entityId: id,
          organisationId: node.organisationId,
          summary: { number: document.number, reason: input.reason, lines: units.length },
        },
        now,
      );
      return document;
    }),
  );
}

/** Blocks stock (quarantine) or frees it again (release): it stays on hand but cannot be promised. */
export async function postQuarantine(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: QuarantineCreate,
  direction: 'quarantine' | 'release',
  idempotencyKey?: string,
): Promise<Posted> {
  return withIdempotency(deps.db, idempotencyKey, { direction, ...input }, (key) =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const node = await nodeInScope(tx, actor, input.nodeId, 'stock.write');
      const items = await loadItems(
        tx,
        input.lines.map((l) => l.itemId),
      );
      const units = await resolveStockLines(tx, node.id, input.lines, items, {
        today: '0000-01-01',
        fromQuarantine: direction === 'release',
      });
      if (direction === 'quarantine')
        await refusePackedKits(
          tx,
          units.map((u) => u.assetId),
          'quarantine',
        );
      const lines = toStockLines(units);
      const id = randomUUID();
      const document = await insertDocument(tx, {
        id,
        organisationId: node.organisationId,
        kind: direction,
        nodeId: node.id,
        state: 'posted',
        reason: input.reason,
        lines,
        idempotencyKey: key?.key ?? null,
        requestHash: key?.hash ?? null,
        createdBy: actor.userId,
        createdByName: actor.username,
        now,
      });
      const movements =
        direction === 'quarantine' ? movementsFor.quarantine(node.id, lines) : movementsFor.release(node.id, lines);
      await appendMovements(tx, id, toMovementRows(movements, units), now);
      await moveAssets(tx, units, {
        status: direction === 'quarantine' ? 'quarantined' : 'in-stock',
        eventKind: direction === 'quarantine' ? 'quarantined' : 'released',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
        details: { reason: input.reason },
      });
      await appendAudit(
        tx,
        actor,
        {
          action: `${direction}.post`,
          entityType: 'stock_document',
          entityId: id,
          organisationId: node.organisationId,
          summary: { number: document.number, reason: input.reason, units: lines.reduce((s, l) => s + l.qty, 0) },
        },
        now,
      );
      return document;
    }),
  );
}

/**
 * Moves every expired lot's free units into quarantine, one document per node. Run at start-up,
 * daily, and on demand; idempotent because only free units of expired lots are picked up.
 */
export async function quarantineExpiredLots(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<{ documents: number; units: number }> {
  const today = localDate(deps.clock.now());
  const rows = await deps.db.query<{ node_id: string; item_id: string; lot_id: string; free: number }>(
    `SELECT b.node_id, b.item_id, b.lot_id, b.on_hand - b.reserved - b.quarantined AS free
       FROM stock_balance b JOIN lot l ON l.id = b.lot_id
      WHERE l.expires_on < $1::date AND b.asset_id IS NULL AND b.on_hand - b.reserved - b.quarantined > 0
      ORDER BY b.node_id`,
    [today],
  );
  const byNode = new Map<string, { itemId: string; qty: number; lotId: string }[]>();
  for (const r of rows) {
    const list = byNode.get(r.node_id) ?? [];
    list.push({ itemId: r.item_id, qty: Number(r.free), lotId: r.lot_id });
    byNode.set(r.node_id, list);
  }
  let units = 0;
  for (const [nodeId, lines] of byNode) {
    try {
      await postQuarantine(deps, actor, { nodeId, reason: `expired lots (${today}) 过期批次自动隔离`, lines }, 'quarantine');
      units += lines.reduce((s, l) => s + l.qty, 0);
    } catch (error) {
      // stock moved meanwhile: the next run picks up what is left
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { documents: byNode.size, units };
}
