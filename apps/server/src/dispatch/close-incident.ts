import { nextIncidentState, proposeReplenishment, shortfallAgainst } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { requireOrganisationScope } from '../auth/actor.ts';
import { notFound } from '../http/app-error.ts';
import { findIncident, updateIncident } from '../incidents/incidents.repository.ts';
import { depotOf, depotStock, returnFromScene } from './forward-depot.ts';
import { cancelShipmentIn } from './shipments.ts';

type DocLine = { itemId: string; qty: number; fromIssued?: boolean; condition?: string };

export type ConsumptionReport = {
  incidentNumber: string;
  isExercise: boolean;
  closedAt: string;
  items: {
    itemId: string;
    itemCode: string;
    itemNameZh: string;
    itemNameEn: string;
    dispatched: number;
    consumed: number;
    issued: number;
    returnedOk: number;
    returnedForInspection: number;
    notReturned: number;
  }[];
  shipments: { delivered: number; cancelled: number };
  replenishment: { fromNodeId: string | null; toNodeId: string; itemId: string; qty: number; note: string }[];
};

/** Adds up what went to the scene, what was used, issued and brought back, per item. */
async function buildReport(
  tx: Queryable,
  incidentId: string,
): Promise<
  Omit<ConsumptionReport, 'incidentNumber' | 'isExercise' | 'closedAt' | 'replenishment' | 'shipments'> & {
    sentBySource: Map<string, Map<string, number>>;
    returnedTo: Map<string, Map<string, number>>;
  }
> {
  const docs = await tx.query<{
    kind: string;
    node_id: string;
    state: string;
    lines: DocLine[];
    meta: { sourceNodeId?: string; kitItemId?: string };
  }>("SELECT kind, node_id, state, lines, meta FROM stock_document WHERE meta ->> 'incidentId' = $1", [incidentId]);
  const totals = new Map<
    string,
    { dispatched: number; consumed: number; issued: number; returnedOk: number; returnedForInspection: number }
  >();
  const sentBySource = new Map<string, Map<string, number>>();
  const returnedTo = new Map<string, Map<string, number>>();
  const bump = (
    itemId: string,
    field: 'dispatched' | 'consumed' | 'issued' | 'returnedOk' | 'returnedForInspection',
    qty: number,
  ) => {
    const t = totals.get(itemId) ?? { dispatched: 0, consumed: 0, issued: 0, returnedOk: 0, returnedForInspection: 0 };
    t[field] += qty;
    totals.set(itemId, t);
  };
  const send = (sourceId: string, itemId: string, qty: number) => {
    bump(itemId, 'dispatched', qty);
    const m = sentBySource.get(sourceId) ?? new Map<string, number>();
    m.set(itemId, (m.get(itemId) ?? 0) + qty);
    sentBySource.set(sourceId, m);
  };
  for (const doc of docs) {
    // A packed box opened at the depot was only the container: what it held counts as sent by the box's source.
    if (doc.kind === 'kit-unpack' && doc.meta.sourceNodeId && doc.meta.kitItemId)
      send(doc.meta.sourceNodeId, doc.meta.kitItemId, -1);
    for (const line of doc.lines) {
      if (doc.kind === 'dispatch' && (doc.state === 'received' || doc.state === 'partially-received'))
        send(doc.node_id, line.itemId, line.qty);
      if (doc.kind === 'kit-unpack' && doc.meta.sourceNodeId) send(doc.meta.sourceNodeId, line.itemId, line.qty);
      if (doc.kind === 'consumption') bump(line.itemId, 'consumed', line.qty);
      if (doc.kind === 'issue') bump(line.itemId, 'issued', line.qty);
      if (doc.kind === 'return') {
        bump(line.itemId, line.condition === 'ok' ? 'returnedOk' : 'returnedForInspection', line.qty);
        const m = returnedTo.get(doc.node_id) ?? new Map<string, number>();
        m.set(line.itemId, (m.get(line.itemId) ?? 0) + line.qty);
        returnedTo.set(doc.node_id, m);
      }
    }
  }
  const items = new Map(
    (
      await tx.query<{ id: string; code: string; name_zh: string; name_en: string }>(
        'SELECT id, code, name_zh, name_en FROM item WHERE id = ANY ($1::uuid[])',
        [[...totals.keys()]],
      )
    ).map((i) => [i.id, i]),
  );
  return {
    items: [...totals.entries()]
      .filter(([, t]) => Object.values(t).some((n) => n !== 0))
      .map(([itemId, t]) => ({
        itemId,
        itemCode: items.get(itemId)?.code ?? '',
        itemNameZh: items.get(itemId)?.name_zh ?? '',
        itemNameEn: items.get(itemId)?.name_en ?? '',
        ...t,
        notReturned: Math.max(0, t.dispatched - t.consumed - t.returnedOk - t.returnedForInspection),
      }))
      .sort((a, b) => (a.itemCode < b.itemCode ? -1 : 1)),
    sentBySource,
    returnedTo,
  };
}

/**
 * Closes an incident: cancels shipments that never left, returns what the depot still holds (when
 * told where), closes the depot, and produces the consumption report with replenishment proposals —
 * "consume a batch, replenish a batch": each source gets back what it sent and did not get back.
 */
export async function closeIncident(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  incidentId: string,
  options: { returnRemainingTo?: string } = {},
): Promise<ConsumptionReport> {
  const plain = await findIncident(deps.db, incidentId);
  if (plain && !plain.stagingNodeId) return closeWithoutDepot(deps, actor, incidentId);
  if (options.returnRemainingTo) {
    const { incident, depotId } = await depotOf(deps.db, actor, incidentId);
    const remaining = incident.isExercise ? [] : await depotStock(deps.db, depotId);
    const lines = remaining.filter((r) => r.available > 0);
    const assets = await deps.db.query<{ id: string; item_id: string }>(
      "SELECT id, item_id FROM asset WHERE node_id = $1 AND status = 'in-stock'",
      [depotId],
    );
    const serialised = new Set(assets.map((a) => a.item_id));
    const returnLines = [
      ...lines
        .filter((l) => !serialised.has(l.itemId))
        .map((l) => ({ itemId: l.itemId, qty: l.available, condition: 'ok' as const })),
      ...[...serialised].map((itemId) => {
        const ids = assets.filter((a) => a.item_id === itemId).map((a) => a.id);
        return { itemId, qty: ids.length, assetIds: ids, condition: 'ok' as const };
      }),
    ];
    if (returnLines.length)
      await returnFromScene(deps, actor, incidentId, { toNodeId: options.returnRemainingTo, lines: returnLines });
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { incident, depotId } = await depotOf(tx, actor, incidentId, true);
    const next = nextIncidentState(incident.state, 'close');
    if (!next) throw new AppError('INVALID_STATE', `Incident ${incident.number} is ${incident.state}`);
    const shipments = await tx.query<{ id: string; document_id: string | null; state: string; number: string }>(
      'SELECT id, document_id, state, number FROM shipment WHERE incident_id = $1 FOR UPDATE',
      [incident.id],
    );
    const moving = shipments.filter((s) => s.state === 'in-transit');
    if (moving.length)
      throw new AppError('INVALID_STATE', 'Shipments are still on the road; confirm their arrival first', {
        shipments: moving.map((s) => s.number),
      });
    let cancelled = 0;
    for (const s of shipments) if (await cancelShipmentIn(tx, actor, s, now)) cancelled++;
    if (!incident.isExercise) {
      const left = (await depotStock(tx, depotId)).filter((r) => r.onHand > 0 || r.inTransit > 0);
      if (left.length) {
        throw new AppError(
          'INVALID_STATE',
          'The forward depot still holds stock: return it (or send returnRemainingTo) before closing',
          { remaining: left.map((r) => ({ itemCode: r.itemCode, onHand: r.onHand })) },
        );
      }
    }
    const report = await buildReport(tx, incident.id);
    // Replenishment: each source is short of what it sent minus what came back to it.
    const shortfalls = [];
    for (const [nodeId, sent] of report.sentBySource) {
      for (const [itemId, qty] of sent) {
        const back = report.returnedTo.get(nodeId)?.get(itemId) ?? 0;
        if (qty - back > 0) shortfalls.push(shortfallAgainst({ nodeId, itemId, minReserve: 0, target: qty - back }, 0));
      }
    }
    const nodes = await tx.query<{ id: string; type: string; lat: number; lng: number }>(
      "SELECT id, type, lat, lng FROM node WHERE status = 'open' AND type IN ('base', 'sub-warehouse')",
    );
    const nearest = (from: { lat: number; lng: number } | undefined, type: string) =>
      from
        ? (nodes
            .filter((n) => n.type === type)
            .sort(
              (a, b) => (a.lat - from.lat) ** 2 + (a.lng - from.lng) ** 2 - ((b.lat - from.lat) ** 2 + (b.lng - from.lng) ** 2),
            )[0]?.id ?? null)
        : null;
    const sources = new Map(
      (
        await tx.query<{ id: string; type: string; lat: number; lng: number }>(
          'SELECT id, type, lat, lng FROM node WHERE id = ANY ($1::uuid[])',
          [[...report.sentBySource.keys()]],
        )
      ).map((n) => [n.id, n]),
    );
    const supplierOf = (nodeId: string) => {
      const node = sources.get(nodeId);
      if (!node || node.type === 'base' || node.type === 'partner') return null;
      return node.type === 'sub-warehouse' ? nearest(node, 'base') : nearest(node, 'sub-warehouse');
    };
    const free = await tx.query<{ node_id: string; item_id: string; free: number }>(
      `SELECT s.node_id, s.item_id, (s.on_hand - s.reserved - s.quarantined) - coalesce(r.min_reserve, 0) AS free
         FROM stock_summary s LEFT JOIN reserve_standard r ON r.node_id = s.node_id AND r.item_id = s.item_id`,
    );
    const freeMap = new Map(free.map((f) => [`${f.node_id}|${f.item_id}`, Number(f.free)]));
    const proposals = proposeReplenishment(shortfalls, supplierOf, (n, i) => freeMap.get(`${n}|${i}`) ?? 0);
    const covered = new Map<string, number>();
    for (const p of proposals) covered.set(`${p.toNodeId}|${p.itemId}`, (covered.get(`${p.toNodeId}|${p.itemId}`) ?? 0) + p.qty);
    const replenishment: ConsumptionReport['replenishment'] = [
      ...proposals.map((p) => ({ ...p, note: 'transfer from the supplier node 上级调拨' })),
      ...shortfalls
        .map((s) => ({ toNodeId: s.nodeId, itemId: s.itemId, qty: s.toTarget - (covered.get(`${s.nodeId}|${s.itemId}`) ?? 0) }))
        .filter((s) => s.qty > 0)
        .map((s) => ({
          fromNodeId: null,
          ...s,
          note: 'purchase or partner call-off: no supplier can spare it 需采购或联勤补充',
        })),
    ];
    const result: ConsumptionReport = {
      incidentNumber: incident.number,
      isExercise: incident.isExercise,
      closedAt: now.toISOString(),
      items: report.items,
      shipments: { delivered: shipments.filter((s) => s.state === 'delivered').length, cancelled },
      replenishment,
    };
    await updateIncident(tx, incident.id, { state: next, closedAt: now, report: result });
    await tx.query("UPDATE node SET status = 'closed', updated_at = now() WHERE id = $1", [depotId]);
    await appendAudit(
      tx,
      actor,
      {
        action: 'incident.close',
        entityType: 'incident',
        entityId: incident.id,
        organisationId: incident.organisationId,
        summary: { number: incident.number, items: result.items.length, replenishment: replenishment.length },
      },
      now,
    );
    return result;
  });
}

/** An incident the warehouses never supplied (e.g. alarm level 1–2) closes with an empty report. */
async function closeWithoutDepot(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, incidentId: string): Promise<ConsumptionReport> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const incident = await findIncident(tx, incidentId, true);
    if (!incident) throw notFound('Incident', incidentId);
    requireOrganisationScope(actor, 'incident.write', { id: incident.organisationId, path: incident.organisationPath });
    const next = nextIncidentState(incident.state, 'close');
    if (!next) throw new AppError('INVALID_STATE', `Incident ${incident.number} is ${incident.state}`);
    const report: ConsumptionReport = {
      incidentNumber: incident.number,
      isExercise: incident.isExercise,
      closedAt: now.toISOString(),
      items: [],
      shipments: { delivered: 0, cancelled: 0 },
      replenishment: [],
    };
    await updateIncident(tx, incident.id, { state: next, closedAt: now, report });
    await appendAudit(
      tx,
      actor,
      {
        action: 'incident.close',
        entityType: 'incident',
        entityId: incident.id,
        organisationId: incident.organisationId,
        summary: { number: incident.number, items: 0 },
      },
      now,
    );
    return report;
  });
}
