import { randomUUID } from 'node:crypto';
import { nextIncidentState } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireAction, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, fromDatabaseError, notFound } from '../http/app-error.ts';
import { updateIncident, type IncidentRecord } from '../incidents/incidents.repository.ts';
import { insertNode } from '../nodes/nodes.repository.ts';
import { createTransfersIn } from '../ledger/transfers.ts';
import { findPlan, setPlanState, type StoredPlan } from './dispatch-plans.repository.ts';
import { loadPlannableIncidents, planDispatch } from './plan-dispatch.ts';

/** Opens the forward depot (前进保障点) of an incident: a staging node at the scene that receives the shipments. */
async function ensureStagingNode(tx: Queryable, incident: IncidentRecord): Promise<string> {
  if (incident.stagingNodeId) {
    await tx.query("UPDATE node SET status = 'open', updated_at = now() WHERE id = $1", [incident.stagingNodeId]);
    return incident.stagingNodeId;
  }
  const id = randomUUID();
  await insertNode(tx, id, {
    code: `STG-${incident.number}`,
    organisationId: incident.organisationId,
    type: 'staging',
    nameZh: `前进保障点 ${incident.number}`,
    nameEn: `Forward depot ${incident.number}`,
    lat: incident.lat,
    lng: incident.lng,
    address: incident.address,
    status: 'open',
    is24h: true,
  });
  await updateIncident(tx, incident.id, { stagingNodeId: id });
  return id;
}

export type ConfirmResult = { plan: StoredPlan; shipments: { id: string; number: string }[] };

/**
 * Confirms a draft plan: reserves every line or none (one transaction), opens a forward depot per
 * incident, creates one dispatch document and shipment per source and incident with a vehicle and
 * an ETA. When stock moved since planning, nothing is reserved: the plan is marked stale, a fresh
 * plan is made from what is left, and the caller gets 409 STALE_PLAN naming it.
 */
export async function confirmDispatchPlan(
  deps: Pick<Deps, 'db' | 'clock' | 'travel'>,
  actor: Actor,
  planId: string,
): Promise<ConfirmResult> {
  requireAction(actor, 'dispatch.confirm');
  try {
    return await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const plan = await findPlan(tx, planId, true);
      if (!plan) throw notFound('Dispatch plan', planId);
      if (plan.state !== 'draft') {
        throw new AppError(
          'INVALID_STATE',
          `Plan ${plan.number} is ${plan.state}${plan.replacedBy ? '; confirm its replacement' : ''}`,
          { state: plan.state, replacedBy: plan.replacedBy },
        );
      }
      const incidents = await loadPlannableIncidents(tx, actor, plan.incidentIds, true);
      const isExercise = incidents[0]!.isExercise;
      const staging = new Map<string, string>();
      for (const incident of incidents) staging.set(incident.id, await ensureStagingNode(tx, incident));
      const vehicleByRoute = new Map<string, string>();
      for (const v of plan.transport.vehicles)
        for (const trip of v.trips) vehicleByRoute.set(trip.split('#')[0]!, vehicleByRoute.get(trip.split('#')[0]!) ?? v.vehicle);
      const kinds = new Map(
        (
          await tx.query<{ id: string; type: string }>('SELECT id, type FROM node WHERE id = ANY ($1::uuid[])', [
            plan.problem.sources.map((s) => s.id),
          ])
        ).map((n) => [n.id, n.type]),
      );

      const routes = new Map<
        string,
        { source: string; incident: string; minutes: number; lines: { itemId: string; qty: number }[] }
      >();
      for (const line of plan.plan.lines) {
        const key = `${line.source}>${line.incident}`;
        const route = routes.get(key) ?? { source: line.source, incident: line.incident, minutes: line.minutes, lines: [] };
        route.lines.push({ itemId: line.item, qty: line.qty });
        routes.set(key, route);
      }
      const shipments: { id: string; number: string }[] = [];
      const [seq] = await tx.query<{ n: number }>("SELECT nextval('stock_document_no_seq') AS n");
      const ordered = [...routes.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      const incidentOf = (route: { incident: string }) => incidents.find((i) => i.id === route.incident)!;
      // Every route's dispatch document in one go: sources resolved together, written set-based.
      const documents = isExercise
        ? []
        : await createTransfersIn(
            tx,
            actor,
            ordered.map(([, route]) => ({
              fromNodeId: route.source,
              toNodeId: staging.get(route.incident)!,
              lines: route.lines,
              reference: `${plan.number} / ${incidentOf(route).number}`,
              meta: { incidentId: route.incident, planId: plan.id },
            })),
            { kind: 'dispatch', action: 'dispatch.confirm', dispatchableOnly: true },
            now,
          );
      const rows = ordered.map(([key, route], index) => {
        const incident = incidentOf(route);
        const document = documents[index];
        const row = {
          id: randomUUID(),
          organisation_id: incident.organisationId,
          number: `SH-${now.getUTCFullYear()}-${String(seq!.n).padStart(6, '0')}-${index + 1}`,
          incident_id: incident.id,
          from_node_id: route.source,
          to_node_id: staging.get(route.incident)!,
          document_id: document?.id ?? null,
          vehicle_node_id: vehicleByRoute.get(key) ?? null,
          is_call_off: kinds.get(route.source) === 'partner',
          lines: document?.lines ?? route.lines,
          travel_minutes: route.minutes,
          eta: new Date(now.getTime() + route.minutes * 60_000).toISOString(),
        };
        shipments.push({ id: row.id, number: row.number });
        return row;
      });
      if (rows.length)
        await tx.query(
          `INSERT INTO shipment (id, organisation_id, number, plan_id, incident_id, from_node_id, to_node_id, document_id, vehicle_node_id,
             is_call_off, state, lines, travel_minutes, eta, created_at)
           SELECT s.id, s.organisation_id, s.number, $2, s.incident_id, s.from_node_id, s.to_node_id, s.document_id, s.vehicle_node_id,
                  s.is_call_off, 'picking', s.lines, s.travel_minutes, s.eta, $3
             FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, organisation_id uuid, number text, incident_id uuid, from_node_id uuid,
                  to_node_id uuid, document_id uuid, vehicle_node_id uuid, is_call_off boolean, lines jsonb, travel_minutes numeric,
                  eta timestamptz)`,
          [JSON.stringify(rows), plan.id, now],
        );
      for (const incident of incidents) {
        const next = nextIncidentState(incident.state, 'dispatch');
        if (next) await updateIncident(tx, incident.id, { state: next });
      }
      await setPlanState(tx, plan.id, 'confirmed', { confirmedByName: actor.username, confirmedAt: now });
      await appendAudit(
        tx,
        actor,
        {
          action: 'dispatch-plan.confirm',
          entityType: 'dispatch_plan',
          entityId: plan.id,
          organisationId: plan.organisationId,
          summary: { number: plan.number, shipments: shipments.length, exercise: isExercise },
        },
        now,
      );
      return {
        plan: { ...plan, state: 'confirmed' as const, confirmedByName: actor.username, confirmedAt: now.toISOString() },
        shipments,
      };
    });
  } catch (error) {
    const appError = error instanceof AppError ? error : fromDatabaseError(error);
    if (appError?.code !== 'INSUFFICIENT_STOCK') throw error;
    // Stock moved since the plan was made: nothing was reserved. Replace the plan with a fresh one.
    const stale = await findPlan(deps.db, planId);
    if (!stale || stale.state !== 'draft') throw error;
    const fresh = await planDispatch(deps, actor, stale.incidentIds, stale.request);
    await setPlanState(deps.db, planId, 'stale', { replacedBy: fresh.id });
    throw new AppError(
      'STALE_PLAN',
      `Stock moved since plan ${stale.number} was made; nothing was reserved. Plan ${fresh.number} uses what is left.`,
      {
        stalePlanId: planId,
        freshPlanId: fresh.id,
        freshPlanNumber: fresh.number,
        cause: appError.details ?? null,
      },
    );
  }
}
