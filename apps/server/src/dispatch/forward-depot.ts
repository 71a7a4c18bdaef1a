import { randomUUID } from 'node:crypto';
import type { IssueCreate, ReturnCreate } from '@zhanqin/contracts';
import { movementsFor } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { can, isNodeInScope, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findIncident, type IncidentRecord } from '../incidents/incidents.repository.ts';
import { appendMovements, insertDocument, type StockDocument } from '../ledger/ledger.repository.ts';
import { refusePackedKits } from '../ledger/kits.ts';
import { toMovementRows } from '../ledger/movement-rows.ts';
import { resolveStockLines, toStockLines } from '../ledger/resolve-stock-lines.ts';
import { loadItems } from '../ledger/stock-context.ts';
import { moveAssets } from '../ledger/asset-moves.ts';
import { findNode } from '../nodes/nodes.repository.ts';

/** The forward depot of an incident, checked for the actor: keepers and dispatchers in scope run it. */
export async function depotOf(
  tx: Queryable,
  actor: Actor,
  incidentId: string,
  forUpdate = false,
): Promise<{ incident: IncidentRecord; depotId: string }> {
  const incident = await findIncident(tx, incidentId, forUpdate);
  if (!incident) throw notFound('Incident', incidentId);
  if (!incident.stagingNodeId)
    throw new AppError('INVALID_STATE', `Incident ${incident.number} has no forward depot yet: confirm a dispatch plan first`);
  const depot = await findNode(tx, incident.stagingNodeId);
  if (!depot || !isNodeInScope(actor, depot)) throw notFound('Incident', incidentId);
  if (!(can(actor, 'stock.write') || can(actor, 'dispatch.confirm')))
    throw new AppError('FORBIDDEN', `Role ${actor.role} cannot run a forward depot`);
  if (incident.state === 'closed' || incident.state === 'cancelled')
    throw new AppError('INVALID_STATE', `Incident ${incident.number} is ${incident.state}`);
  return { incident, depotId: depot.id };
}

/**
 * Issues depot stock to a unit or person (it leaves the depot, assets go to their holder), or
 * records consumption (it is used up). Exercises never touch stock.
 */
export async function issueFromDepot(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  incidentId: string,
  input: IssueCreate,
): Promise<StockDocument> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { incident, depotId } = await depotOf(tx, actor, incidentId);
    if (incident.isExercise) throw new AppError('UNPROCESSABLE', 'Exercises do not move stock');
    if (input.kind === 'issue' && !input.recipient)
      throw new AppError('VALIDATION_FAILED', 'Name the unit or person receiving the issue (recipient)');
    const items = await loadItems(
      tx,
      input.lines.map((l) => l.itemId),
    );
    if (input.kind === 'consumption') {
      const serialised = input.lines.filter((l) => items.get(l.itemId)!.tracking === 'serialised');
      if (serialised.length)
        throw new AppError(
          'VALIDATION_FAILED',
          'Serialised units are issued and returned, not consumed; write them off if destroyed',
        );
    }
    const units = await resolveStockLines(tx, depotId, input.lines, items, { today: '0000-01-01' });
    await refusePackedKits(
      tx,
      units.map((u) => u.assetId),
      input.kind === 'issue' ? 'issue' : 'consume',
    );
    const lines = toStockLines(units);
    const id = randomUUID();
    const document = await insertDocument(tx, {
      id,
      organisationId: incident.organisationId,
      kind: input.kind,
      nodeId: depotId,
      state: 'posted',
      reason: input.recipient ?? '',
      lines,
      meta: { incidentId: incident.id, recipient: input.recipient ?? null },
      createdBy: actor.userId,
      createdByName: actor.username,
      now,
    });
    await appendMovements(
      tx,
      id,
      toMovementRows(
        movementsFor.adjust(
          depotId,
          lines.map((l) => ({ ...l, qty: -l.qty })),
        ),
        units,
      ),
      now,
    );
    await moveAssets(tx, units, {
      status: 'issued',
      eventKind: 'issued',
      documentId: id,
      organisationId: incident.organisationId,
      at: now,
      details: { recipient: input.recipient ?? null, incident: incident.number },
    });
    if (input.recipient)
      await tx.query('UPDATE asset SET holder = $2 WHERE id = ANY ($1::uuid[])', [
        units.map((u) => u.assetId).filter(Boolean),
        input.recipient,
      ]);
    await appendAudit(
      tx,
      actor,
      {
        action: `depot.${input.kind}`,
        entityType: 'stock_document',
        entityId: id,
        organisationId: incident.organisationId,
        summary: {
          number: document.number,
          incident: incident.number,
          recipient: input.recipient ?? null,
          units: lines.reduce((s, l) => s + l.qty, 0),
        },
      },
      now,
    );
    return document;
  });
}

type Outstanding = Map<string, number>;
/** Units issued in an incident and not yet returned, per item (and per asset for serialised ones). */
async function outstandingIssues(tx: Queryable, incidentId: string): Promise<Outstanding> {
  const rows = await tx.query<{
    kind: string;
    lines: { itemId: string; qty: number; lotId: string | null; assetId: string | null; fromIssued?: boolean }[];
  }>("SELECT kind, lines FROM stock_document WHERE meta ->> 'incidentId' = $1 AND kind IN ('issue', 'return')", [incidentId]);
  const out: Outstanding = new Map();
  for (const r of rows) {
    for (const l of r.lines) {
      if (r.kind === 'return' && !l.fromIssued) continue;
      const key = l.assetId ?? `${l.itemId}|${l.lotId ?? ''}`;
      out.set(key, (out.get(key) ?? 0) + (r.kind === 'issue' ? l.qty : -l.qty));
    }
  }
  return out;
}

/**
 * Returns stock from the scene to a node with its condition: first what is still in the depot,
 * then what was issued and handed back. Used or damaged units (and used safety-critical kit such as
 * SCBA and PPE) arrive in quarantine for inspection.
 */
export async function returnFromScene(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  incidentId: string,
  input: ReturnCreate,
): Promise<StockDocument> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { incident, depotId } = await depotOf(tx, actor, incidentId);
    if (incident.isExercise) throw new AppError('UNPROCESSABLE', 'Exercises do not move stock');
    const destination = await findNode(tx, input.toNodeId);
    if (!destination) throw new AppError('REFERENCE_NOT_FOUND', `Node ${input.toNodeId} (toNodeId) does not exist`);
    if (destination.id === depotId) throw new AppError('VALIDATION_FAILED', 'Return to a node other than the forward depot');
    const items = await loadItems(
      tx,
      input.lines.map((l) => l.itemId),
    );
    const outstanding = await outstandingIssues(tx, incident.id);
    const depotFree = async (itemId: string, lotId: string | null) => {
      const [row] = await tx.query<{ free: number }>(
        'SELECT coalesce(sum(on_hand - reserved - quarantined), 0) AS free FROM stock_balance WHERE node_id = $1 AND item_id = $2 AND asset_id IS NULL AND ($3::uuid IS NULL OR lot_id = $3)',
        [depotId, itemId, lotId],
      );
      return Number(row?.free ?? 0);
    };
    type Line = {
      itemId: string;
      qty: number;
      lotId: string | null;
      assetId: string | null;
      fromIssued: boolean;
      condition: string;
    };
    const lines: Line[] = [];
    const fromDepot: { itemId: string; qty: number; lotId: string | null; assetId: string | null }[] = [];
    for (const [index, line] of input.lines.entries()) {
      const item = items.get(line.itemId)!;
      if (line.assetIds) {
        if (line.assetIds.length !== line.qty)
          throw new AppError('VALIDATION_FAILED', `Line ${index}: qty ${line.qty} but ${line.assetIds.length} assets named`);
        for (const assetId of line.assetIds) {
          const [asset] = await tx.query<{ item_id: string; status: string; node_id: string | null; lot_id: string | null }>(
            'SELECT item_id, status, node_id, lot_id FROM asset WHERE id = $1',
            [assetId],
          );
          if (!asset || asset.item_id !== line.itemId)
            throw new AppError('REFERENCE_NOT_FOUND', `Line ${index}: asset ${assetId} is not a ${item.code}`);
          if (asset.node_id !== depotId)
            throw new AppError('UNPROCESSABLE', `Line ${index}: asset ${assetId} did not come to this incident's depot`);
          const issued = asset.status === 'issued' && (outstanding.get(assetId) ?? 0) > 0;
          if (!issued && asset.status !== 'in-stock')
            throw new AppError('UNPROCESSABLE', `Line ${index}: asset ${assetId} is ${asset.status}`);
          if (!issued) fromDepot.push({ itemId: line.itemId, qty: 1, lotId: asset.lot_id, assetId });
          lines.push({
            itemId: line.itemId,
            qty: 1,
            lotId: asset.lot_id,
            assetId,
            fromIssued: issued,
            condition: line.condition,
          });
        }
        continue;
      }
      if (item.tracking === 'serialised')
        throw new AppError('VALIDATION_FAILED', `Line ${index}: name the serialised units returned (assetIds)`);
      const inDepot = Math.min(line.qty, await depotFree(line.itemId, line.lotId ?? null));
      const rest = line.qty - inDepot;
      const issuedKey = `${line.itemId}|${line.lotId ?? ''}`;
      if (rest > (outstanding.get(issuedKey) ?? 0)) {
        throw new AppError('UNPROCESSABLE', `Line ${index}: more ${item.code} returned than the depot holds or was issued`, {
          line: index,
          inDepot,
          issued: outstanding.get(issuedKey) ?? 0,
        });
      }
      if (inDepot > 0) {
        const units = await resolveStockLines(
          tx,
          depotId,
          [{ itemId: line.itemId, qty: inDepot, lotId: line.lotId ?? null }],
          items,
          { today: '0000-01-01' },
        );
        for (const u of toStockLines(units)) {
          fromDepot.push(u);
          lines.push({ ...u, fromIssued: false, condition: line.condition });
        }
      }
      if (rest > 0) {
        outstanding.set(issuedKey, (outstanding.get(issuedKey) ?? 0) - rest);
        lines.push({
          itemId: line.itemId,
          qty: rest,
          lotId: line.lotId ?? null,
          assetId: null,
          fromIssued: true,
          condition: line.condition,
        });
      }
    }
    await refusePackedKits(
      tx,
      fromDepot.map((l) => l.assetId),
      'return',
    );
    const id = randomUUID();
    const document = await insertDocument(tx, {
      id,
      organisationId: destination.organisationId,
      kind: 'return',
      nodeId: destination.id,
      toNodeId: depotId,
      state: 'posted',
      reason: 'return from the scene 战后回收',
      lines,
      meta: { incidentId: incident.id },
      createdBy: actor.userId,
      createdByName: actor.username,
      now,
    });
    // Anything used or damaged — above all PPE and SCBA — is inspected before it can be sent again.
    const toQuarantine = lines.filter((l) => l.condition !== 'ok');
    const movements = [
      ...movementsFor.adjust(
        depotId,
        fromDepot.map((l) => ({ ...l, qty: -l.qty })),
      ),
      ...movementsFor.receipt(destination.id, lines),
      ...movementsFor.quarantine(destination.id, toQuarantine),
    ];
    await appendMovements(tx, id, toMovementRows(movements, lines), now);
    await moveAssets(
      tx,
      lines.filter((l) => l.condition === 'ok'),
      {
        status: 'in-stock',
        nodeId: destination.id,
        eventKind: 'returned',
        documentId: id,
        organisationId: destination.organisationId,
        at: now,
        details: { incident: incident.number, condition: 'ok' },
      },
    );
    await moveAssets(tx, toQuarantine, {
      status: 'quarantined',
      nodeId: destination.id,
      eventKind: 'returned',
      documentId: id,
      organisationId: destination.organisationId,
      at: now,
      details: { incident: incident.number, condition: 'used or damaged: inspect before use' },
    });
    await tx.query('UPDATE asset SET holder = NULL WHERE id = ANY ($1::uuid[])', [lines.map((l) => l.assetId).filter(Boolean)]);
    await appendAudit(
      tx,
      actor,
      {
        action: 'depot.return',
        entityType: 'stock_document',
        entityId: id,
        organisationId: destination.organisationId,
        summary: {
          number: document.number,
          incident: incident.number,
          to: destination.code,
          units: lines.reduce((s, l) => s + l.qty, 0),
          quarantined: toQuarantine.reduce((s, l) => s + l.qty, 0),
        },
      },
      now,
    );
    return document;
  });
}

/** What the forward depot holds now, per item. */
export async function depotStock(db: Queryable, depotId: string) {
  const rows = await db.query<{
    item_id: string;
    code: string;
    name_zh: string;
    name_en: string;
    unit_zh: string;
    on_hand: number;
    available: number;
    in_transit: number;
  }>(
    `SELECT s.item_id, i.code, i.name_zh, i.name_en, i.unit_zh, s.on_hand, s.on_hand - s.reserved - s.quarantined AS available, s.in_transit
       FROM stock_summary s JOIN item i ON i.id = s.item_id WHERE s.node_id = $1 AND (s.on_hand > 0 OR s.in_transit > 0) ORDER BY i.code`,
    [depotId],
  );
  return rows.map((r) => ({
    itemId: r.item_id,
    itemCode: r.code,
    itemNameZh: r.name_zh,
    itemNameEn: r.name_en,
    unitZh: r.unit_zh,
    onHand: Number(r.on_hand),
    available: Number(r.available),
    inTransit: Number(r.in_transit),
  }));
}
