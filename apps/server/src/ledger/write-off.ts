import { randomUUID } from 'node:crypto';
import type { WriteOffCreate } from '@zhanqin/contracts';
import { movementsFor } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireAction, type Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { withIdempotency, type Posted } from './idempotency.ts';
import { refusePackedKits } from './kits.ts';
import { appendMovements, findDocument, insertDocument, updateDocument, type StockDocument } from './ledger.repository.ts';
import { toMovementRows } from './movement-rows.ts';
import { resolveStockLines, toStockLines, type ResolvedUnit } from './resolve-stock-lines.ts';
import { loadItems, nodeInScope } from './stock-context.ts';
import { moveAssets } from './asset-moves.ts';

type WriteOffLine = { itemId: string; qty: number; lotId: string | null; assetId: string | null; fromQuarantine: boolean };

/**
 * Requests a write-off or scrap (报废). Nothing moves yet: the units are set aside in quarantine
 * (if not there already) and the document waits for an approver with the right to approve.
 */
export async function requestWriteOff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: WriteOffCreate,
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
      // Quarantined units first; whatever is not quarantined must be free and is quarantined now.
      // The whole request from quarantine when it is all there, else line by line, so a request
      // mixing quarantined and free stock takes each line from where it is.
      const resolve = (lines: WriteOffCreate['lines'], fromQuarantine: boolean) =>
        resolveStockLines(tx, node.id, lines, items, { today: '0000-01-01', fromQuarantine });
      const fromQuarantine: ResolvedUnit[] = [];
      const fromFree: ResolvedUnit[] = [];
      const insufficient = (error: unknown) => error instanceof AppError && error.code === 'INSUFFICIENT_STOCK';
      try {
        fromQuarantine.push(...(await resolve(input.lines, true)));
      } catch (error) {
        if (!insufficient(error)) throw error;
        for (const line of input.lines) {
          try {
            fromQuarantine.push(...(await resolve([line], true)));
          } catch (lineError) {
            if (!insufficient(lineError)) throw lineError;
            fromFree.push(...(await resolve([line], false)));
          }
        }
      }
      await refusePackedKits(
        tx,
        [...fromQuarantine, ...fromFree].map((u) => u.assetId),
        'write off',
      );
      const id = randomUUID();
      const lines: WriteOffLine[] = [
        ...toStockLines(fromQuarantine).map((l) => ({ ...l, fromQuarantine: true })),
        ...toStockLines(fromFree).map((l) => ({ ...l, fromQuarantine: true })),
      ];
      const document = await insertDocument(tx, {
        id,
        organisationId: node.organisationId,
        kind: 'write-off',
        nodeId: node.id,
        state: 'pending-approval',
        source: input.kind,
        reason: input.reason,
        lines,
        idempotencyKey: key?.key ?? null,
        requestHash: key?.hash ?? null,
        createdBy: actor.userId,
        createdByName: actor.username,
        now,
      });
      if (fromFree.length) {
        const free = toStockLines(fromFree);
        await appendMovements(tx, id, toMovementRows(movementsFor.quarantine(node.id, free), fromFree), now);
        await moveAssets(tx, fromFree, {
          status: 'quarantined',
          eventKind: 'quarantined',
          documentId: id,
          organisationId: node.organisationId,
          at: now,
          details: { reason: `${input.kind} requested` },
        });
      }
      await appendAudit(
        tx,
        actor,
        {
          action: 'write-off.request',
          entityType: 'stock_document',
          entityId: id,
          organisationId: node.organisationId,
          summary: {
            number: document.number,
            kind: input.kind,
            reason: input.reason,
            units: lines.reduce((s, l) => s + l.qty, 0),
          },
        },
        now,
      );
      return document;
    }),
  );
}

/** Approves (posts the removal, retires the assets) or rejects (releases the units) a write-off. Not by its requester. */
export async function decideWriteOff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  approve: boolean,
  note?: string,
): Promise<StockDocument> {
  requireAction(actor, 'stock.approve');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const doc = await findDocument(tx, id, { forUpdate: true });
    if (!doc || doc.kind !== 'write-off') throw notFound('Write-off', id);
    const node = await nodeInScope(tx, actor, doc.nodeId, 'stock.approve');
    if (doc.state !== 'pending-approval') throw new AppError('INVALID_STATE', `This write-off is already ${doc.state}`);
    const [{ created_by: requester } = { created_by: null }] = await tx.query<{ created_by: string | null }>(
      'SELECT created_by FROM stock_document WHERE id = $1',
      [id],
    );
    if (requester !== null && requester === actor.userId && !actor.unrestricted)
      throw new AppError('FORBIDDEN', 'A write-off needs an approver other than its requester');
    const lines = doc.lines as WriteOffLine[];
    if (approve) {
      await refusePackedKits(
        tx,
        lines.map((l) => l.assetId),
        'write off',
      );
      await appendMovements(tx, id, toMovementRows(movementsFor.writeOff(node.id, lines), lines), now);
      await moveAssets(tx, lines, {
        status: 'retired',
        nodeId: null,
        eventKind: doc.source === 'scrap' ? 'scrapped' : 'written-off',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
        details: { reason: doc.reason },
      });
    } else {
      await appendMovements(tx, id, toMovementRows(movementsFor.release(node.id, lines), lines), now);
      await moveAssets(tx, lines, {
        status: 'in-stock',
        eventKind: 'write-off-rejected',
        documentId: id,
        organisationId: node.organisationId,
        at: now,
      });
    }
    const updated = await updateDocument(
      tx,
      id,
      {
        state: approve ? 'approved' : 'rejected',
        approvedByName: actor.username,
        meta: { ...doc.meta, decisionNote: note ?? null, decidedAt: now.toISOString() },
      },
      now,
    );
    await appendAudit(
      tx,
      actor,
      {
        action: approve ? 'write-off.approve' : 'write-off.reject',
        entityType: 'stock_document',
        entityId: id,
        organisationId: node.organisationId,
        summary: { number: doc.number, note: note ?? null },
      },
      now,
    );
    return updated;
  });
}
