import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PlanRequest } from '@zhanqin/contracts';
import {
  choosePrePlan,
  demandFor,
  loadVehicles,
  solveDispatchExplained,
  spreadTrips,
  validateDispatchProblem,
  type DispatchProblem,
  type ModuleDefinition,
  type PrePlan,
} from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { isOrganisationInScope, requireAction, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findIncident, type IncidentRecord } from '../incidents/incidents.repository.ts';
import { hasUnfitContents, isShortBox } from '../ledger/resolve-stock-lines.ts';
import { localDate } from '../ledger/stock-context.ts';
import {
  insertPlan,
  type IncidentDemand,
  type PackedKitsNote,
  type StoredPlan,
  type Transport,
} from './dispatch-plans.repository.ts';
import { createTravelModel } from '../travel/travel-model.ts';

const DEFAULT_CAPACITY = { weightKg: 8000, volumeM3: 30 };

type SourceNode = {
  id: string;
  code: string;
  type: string;
  lat: number;
  lng: number;
  organisation_path: string;
  response_minutes: number | null;
};

async function loadPrePlans(db: Queryable) {
  const plans = await db.query<{
    code: string;
    incident_type_code: string;
    min_alarm_level: number;
    modules: PrePlan['modules'];
    items: PrePlan['items'];
    rules: PrePlan['rules'];
    default_duration_hours: number;
  }>('SELECT code, incident_type_code, min_alarm_level, modules, items, rules, default_duration_hours FROM pre_plan');
  const types = await db.query<{ code: string; parent_code: string | null }>('SELECT code, parent_code FROM incident_type');
  const modules = await db.query<{ code: string; kit_code: string | null; lines: { itemCode: string; qty: number }[] | null }>(
    `SELECT m.code, k.code AS kit_code,
       (SELECT json_agg(json_build_object('itemCode', i.code, 'qty', l.qty)) FROM module_line l JOIN item i ON i.id = l.item_id WHERE l.module_id = m.id) AS lines
     FROM module_kit m LEFT JOIN item k ON k.id = m.kit_item_id`,
  );
  const parent = new Map(types.map((t) => [t.code, t.parent_code]));
  return {
    plans: plans.map((p) => ({
      code: p.code,
      incidentTypeCode: p.incident_type_code,
      minAlarmLevel: p.min_alarm_level,
      modules: p.modules,
      items: p.items,
      rules: p.rules,
      defaultDurationHours: Number(p.default_duration_hours),
    })),
    parentOf: (code: string) => parent.get(code) ?? null,
    modules: new Map<string, ModuleDefinition>(
      modules.filter((m) => m.kit_code).map((m) => [m.code, { code: m.code, kitItemCode: m.kit_code!, lines: m.lines ?? [] }]),
    ),
  };
}

/** The incidents of a plan, each visible to the actor and still open to dispatch. */
export async function loadPlannableIncidents(
  db: Queryable,
  actor: Actor,
  incidentIds: readonly string[],
  forUpdate = false,
): Promise<IncidentRecord[]> {
  const unique = [...new Set(incidentIds)];
  const incidents: IncidentRecord[] = [];
  for (const id of [...unique].sort()) {
    const incident = await findIncident(db, id, forUpdate);
    if (!incident || !isOrganisationInScope(actor, incident.organisationPath)) throw notFound('Incident', id);
    if (incident.state === 'closed' || incident.state === 'cancelled')
      throw new AppError('INVALID_STATE', `Incident ${incident.number} is ${incident.state}`);
    incidents.push(incident);
  }
  if (new Set(incidents.map((i) => i.isExercise)).size > 1)
    throw new AppError('VALIDATION_FAILED', 'A plan cannot mix exercise and real incidents');
  return incidents;
}

/**
 * Builds the DispatchProblem from live data: demand from the pre-plans (per person, per hour),
 * what every node in scope can send (free stock, less expired lots and units failing or overdue for
 * inspection), reserve floors, partner lead times and travel minutes to each incident.
 */
export async function buildDispatchProblem(
  deps: Pick<Deps, 'db' | 'clock' | 'travel'>,
  actor: Actor,
  incidents: readonly IncidentRecord[],
  request: PlanRequest,
) {
  const { db } = deps;
  const today = localDate(deps.clock.now());
  const { plans, parentOf, modules } = await loadPrePlans(db);
  const itemRows = await db.query<{ id: string; code: string; weight_kg: number | null; volume_l: number | null }>(
    'SELECT id, code, weight_kg, volume_l FROM item',
  );
  const itemByCode = new Map(itemRows.map((i) => [i.code, i]));
  const itemById = new Map(itemRows.map((i) => [i.id, i]));

  const demand: IncidentDemand[] = incidents.map((incident) => {
    const plan = choosePrePlan(plans, incident.typeCode, incident.alarmLevel, parentOf);
    const lines = plan
      ? demandFor(
          plan,
          {
            typeCode: incident.typeCode,
            alarmLevel: incident.alarmLevel,
            peopleCommitted: incident.peopleCommitted,
            scbaWearers: incident.scbaWearers,
            expectedDurationHours: incident.expectedDurationHours,
          },
          modules,
        )
      : [];
    const resolved = lines.flatMap((l) => {
      const item = itemByCode.get(l.itemCode);
      return item ? [{ itemId: item.id, itemCode: l.itemCode, qty: l.qty, why: l.why }] : [];
    });
    for (const extra of request.extraDemand ?? []) {
      const item = itemById.get(extra.itemId);
      if (!item) throw new AppError('REFERENCE_NOT_FOUND', `Item ${extra.itemId} (extraDemand) does not exist`);
      resolved.push({ itemId: item.id, itemCode: item.code, qty: extra.qty, why: 'added by the dispatcher' });
    }
    return {
      incidentId: incident.id,
      prePlanCode: plan?.code ?? null,
      lines: resolved,
      note: plan ? null : "No pre-plan applies at this alarm level: the stations' own vehicles respond (DOMAIN §6.2).",
    };
  });
  const itemIds = [...new Set(demand.flatMap((d) => d.lines.map((l) => l.itemId)))];

  const excluded = new Set(request.excludeNodeIds ?? []);
  const scopePaths = actor.unrestricted ? null : actor.organisationPaths.map((p) => `${p}%`);
  const nodes = await db.query<SourceNode>(
    `SELECT n.id, n.code, n.type, coalesce(v.lat, n.lat) AS lat, coalesce(v.lng, n.lng) AS lng, o.path AS organisation_path,
            (n.agreement ->> 'responseMinutes')::numeric AS response_minutes
       FROM node n JOIN organisation o ON o.id = n.organisation_id LEFT JOIN vehicle v ON v.node_id = n.id
      WHERE n.status = 'open' AND n.type <> 'staging' AND ($1::text[] IS NULL OR o.path LIKE ANY ($1) OR n.id = ANY ($2::uuid[]))`,
    [scopePaths, [...actor.nodeIds]],
  );
  const sources = nodes.filter((n) => !excluded.has(n.id));
  const stock = itemIds.length
    ? await db.query<{ node_id: string; item_id: string; dispatchable: number }>(
        `SELECT b.node_id, b.item_id, sum(b.on_hand - b.reserved - b.quarantined) AS dispatchable
           FROM stock_balance b LEFT JOIN lot l ON l.id = b.lot_id LEFT JOIN asset a ON a.id = b.asset_id
          WHERE b.item_id = ANY ($1::uuid[]) AND b.node_id = ANY ($2::uuid[]) AND b.on_hand - b.reserved - b.quarantined > 0
            AND (l.expires_on IS NULL OR l.expires_on >= $3::date)
            AND (a.id IS NULL OR ((a.next_inspection_due IS NULL OR a.next_inspection_due >= $3::date) AND a.last_inspection_result IS DISTINCT FROM 'fail'))
            AND NOT EXISTS (SELECT 1 FROM kit k WHERE k.asset_id = b.asset_id AND k.unpacked_at IS NULL AND ${hasUnfitContents('$3::date')})
          GROUP BY b.node_id, b.item_id`,
        [itemIds, sources.map((s) => s.id), today],
      )
    : [];
  // Packed kit boxes among that stock (each is one sendable unit of its kit item), to say which lines send sealed modules.
  const boxes = itemIds.length
    ? await db.query<{ node_id: string; item_id: string; complete: number; incomplete: number }>(
        `SELECT b.node_id, b.item_id, count(*) FILTER (WHERE NOT ${isShortBox})::int AS complete,
                count(*) FILTER (WHERE ${isShortBox})::int AS incomplete
           FROM stock_balance b JOIN asset a ON a.id = b.asset_id JOIN kit k ON k.asset_id = a.id AND k.unpacked_at IS NULL
          WHERE b.item_id = ANY ($1::uuid[]) AND b.node_id = ANY ($2::uuid[]) AND b.on_hand - b.reserved - b.quarantined > 0
            AND (a.next_inspection_due IS NULL OR a.next_inspection_due >= $3::date) AND a.last_inspection_result IS DISTINCT FROM 'fail'
            AND NOT ${hasUnfitContents('$3::date')}
          GROUP BY b.node_id, b.item_id`,
        [itemIds, sources.map((s) => s.id), today],
      )
    : [];
  const packedBoxes = new Map(
    boxes.map((r) => [`${r.node_id}|${r.item_id}`, { complete: r.complete, incomplete: r.incomplete }]),
  );
  const floors = itemIds.length
    ? await db.query<{ node_id: string; item_id: string; min_reserve: number }>(
        'SELECT node_id, item_id, min_reserve FROM reserve_standard WHERE item_id = ANY ($1::uuid[]) AND min_reserve > 0',
        [itemIds],
      )
    : [];
  const stockByNode = new Map<string, Record<string, number>>();
  for (const s of stock) {
    const rec = stockByNode.get(s.node_id) ?? {};
    rec[s.item_id] = Number(s.dispatchable);
    stockByNode.set(s.node_id, rec);
  }
  const floorByNode = new Map<string, Record<string, number>>();
  for (const f of floors) {
    if (!stockByNode.get(f.node_id)?.[f.item_id]) continue;
    const rec = floorByNode.get(f.node_id) ?? {};
    rec[f.item_id] = Number(f.min_reserve);
    floorByNode.set(f.node_id, rec);
  }
  const holding = sources.filter((s) => stockByNode.has(s.id));
  const travel = deps.travel ?? createTravelModel(null);
  const travelMinutes: DispatchProblem['travelMinutes'] = {};
  const travelMethod: Record<string, Record<string, string>> = {};
  for (const incident of incidents) {
    const estimates = travel.minutesTo(
      { lat: incident.lat, lng: incident.lng },
      holding.map((s) => ({ id: s.id, lat: s.lat, lng: s.lng })),
    );
    for (const [sourceId, estimate] of Object.entries(estimates)) {
      if (!estimate) continue;
      (travelMinutes[sourceId] ??= {})[incident.id] = Math.round(estimate.minutes * 10) / 10;
      (travelMethod[sourceId] ??= {})[incident.id] = estimate.method;
    }
  }
  const problem: DispatchProblem = {
    sources: holding.map((s) => ({
      id: s.id,
      kind: s.type,
      leadMinutes: s.type === 'partner' ? Number(s.response_minutes ?? 60) : 0,
      stock: stockByNode.get(s.id)!,
      ...(floorByNode.has(s.id) ? { reserve: floorByNode.get(s.id)! } : {}),
    })),
    incidents: incidents.map((incident, i) => ({
      id: incident.id,
      priority: incident.priority,
      demand: Object.fromEntries(
        demand[i]!.lines.reduce((acc, l) => acc.set(l.itemId, (acc.get(l.itemId) ?? 0) + l.qty), new Map<string, number>()),
      ),
    })),
    travelMinutes,
    policy: { reserve: request.reservePolicy ?? 'soft', reservePenaltyMinutes: request.reservePenaltyMinutes ?? 120 },
  };
  return { problem, demand, itemById, packedBoxes, travelMethod, travelDescription: travel.describe() };
}

/** Which plan lines send packed boxes, drawing each source's boxes in line order, complete ones first. */
function packedKitsOf(
  lines: readonly { source: string; incident: string; item: string; qty: number }[],
  packedBoxes: ReadonlyMap<string, { complete: number; incomplete: number }>,
): PackedKitsNote[] {
  const left = new Map([...packedBoxes].map(([key, n]) => [key, { ...n }]));
  return lines.flatMap((line) => {
    const boxes = left.get(`${line.source}|${line.item}`);
    if (!boxes) return [];
    const complete = Math.min(line.qty, boxes.complete);
    const incomplete = Math.min(line.qty - complete, boxes.incomplete);
    boxes.complete -= complete;
    boxes.incomplete -= incomplete;
    return complete + incomplete > 0
      ? [{ source: line.source, incident: line.incident, item: line.item, complete, incomplete }]
      : [];
  });
}

/** Loads the plan onto vehicles (first-fit decreasing per route) and spreads the trips (longest first), with bounds. */
async function planTransport(
  db: Queryable,
  actor: Actor,
  plan: ReturnType<typeof solveDispatchExplained>['plan'],
  itemById: Map<string, { weight_kg: number | null; volume_l: number | null }>,
): Promise<Transport> {
  const scopePaths = actor.unrestricted ? null : actor.organisationPaths.map((p) => `${p}%`);
  const vehicles = await db.query<{ node_id: string; payload_kg: number; volume_m3: number }>(
    `SELECT v.node_id, v.payload_kg, v.volume_m3 FROM vehicle v JOIN node n ON n.id = v.node_id JOIN organisation o ON o.id = n.organisation_id
      WHERE n.status = 'open' AND ($1::text[] IS NULL OR o.path LIKE ANY ($1))
        AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.vehicle_node_id = v.node_id AND s.state IN ('picking', 'packed', 'in-transit'))
      ORDER BY v.plate`,
    [scopePaths],
  );
  const capacity = vehicles.length
    ? {
        weightKg: Math.max(...vehicles.map((v) => Number(v.payload_kg))),
        volumeM3: Math.max(...vehicles.map((v) => Number(v.volume_m3))),
      }
    : DEFAULT_CAPACITY;
  const byRoute = new Map<
    string,
    { source: string; incident: string; minutes: number; cargo: { item: string; qty: number }[] }
  >();
  for (const line of plan.lines) {
    const key = `${line.source}>${line.incident}`;
    const route = byRoute.get(key) ?? { source: line.source, incident: line.incident, minutes: line.minutes, cargo: [] };
    route.cargo.push({ item: line.item, qty: line.qty });
    byRoute.set(key, route);
  }
  const sizes = Object.fromEntries(
    [...itemById.entries()].map(([id, i]) => [
      id,
      {
        weightKg: Math.min(Number(i.weight_kg ?? 1), capacity.weightKg),
        volumeM3: Math.min(Number(i.volume_l ?? 1) / 1000, capacity.volumeM3),
      },
    ]),
  );
  const routes: Transport['routes'] = [];
  const trips: { id: string; minutes: number }[] = [];
  for (const route of byRoute.values()) {
    const loading = loadVehicles(route.cargo, sizes, capacity);
    if (!loading.ok) continue;
    const weightKg = loading.value.vehicles.reduce((s, v) => s + v.weightKg, 0);
    const volumeM3 = loading.value.vehicles.reduce((s, v) => s + v.volumeM3, 0);
    routes.push({
      source: route.source,
      incident: route.incident,
      loads: loading.value.vehicles.length,
      lowerBound: loading.value.lowerBound,
      weightKg: Math.round(weightKg * 10) / 10,
      volumeM3: Math.round(volumeM3 * 100) / 100,
      minutes: route.minutes,
    });
    loading.value.vehicles.forEach((_, i) =>
      trips.push({ id: `${route.source}>${route.incident}#${i + 1}`, minutes: Math.max(1, route.minutes * 2) }),
    );
  }
  if (!trips.length || !vehicles.length) {
    return {
      routes,
      vehicles: [],
      makespanMinutes: null,
      makespanLowerBound: null,
      capacity,
      note: vehicles.length ? null : 'No support vehicle is free: sources use their own transport.',
    };
  }
  const spread = spreadTrips(
    trips,
    vehicles.map((v) => v.node_id),
  );
  if (!spread.ok)
    return {
      routes,
      vehicles: [],
      makespanMinutes: null,
      makespanLowerBound: null,
      capacity,
      note: `trip planning failed: ${spread.error.code}`,
    };
  return {
    routes,
    vehicles: spread.value.vehicles.filter((s) => s.trips.length > 0),
    makespanMinutes: spread.value.makespanMinutes,
    makespanLowerBound: spread.value.lowerBoundMinutes,
    capacity,
    note: null,
  };
}

/**
 * One click (一键调度): builds the problem from live data, solves it exactly, explains every line
 * and shortfall, plans transport, and stores the result as a draft plan for confirmation.
 */
export async function planDispatch(
  deps: Pick<Deps, 'db' | 'clock' | 'travel'>,
  actor: Actor,
  incidentIds: readonly string[],
  request: PlanRequest,
): Promise<StoredPlan> {
  requireAction(actor, 'dispatch.plan');
  const started = performance.now();
  const incidents = await loadPlannableIncidents(deps.db, actor, incidentIds);
  const { problem, demand, itemById, packedBoxes } = await buildDispatchProblem(deps, actor, incidents, request);
  const built = performance.now();
  const checked = validateDispatchProblem(problem);
  if (!checked.ok)
    throw new AppError('UNPROCESSABLE', 'The live data gave an invalid dispatch problem', { issues: checked.error });
  const { plan, lineReasons, shortfallReasons } = solveDispatchExplained(problem);
  const solved = performance.now();
  const transport = await planTransport(deps.db, actor, plan, itemById);
  const now = deps.clock.now();
  const stored = await deps.db.transaction(async (tx) => {
    const saved = await insertPlan(tx, {
      id: randomUUID(),
      organisationId: incidents[0]!.organisationId,
      incidentIds: incidents.map((i) => i.id),
      request,
      problem,
      plan,
      explanation: { lineReasons, shortfallReasons, packedKits: packedKitsOf(plan.lines, packedBoxes) },
      demand,
      transport,
      buildMs: Math.round((built - started) * 10) / 10,
      solveMs: Math.round((solved - built) * 10) / 10,
      createdByName: actor.username,
      createdAt: now.toISOString(),
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'dispatch-plan.create',
        entityType: 'dispatch_plan',
        entityId: saved.id,
        organisationId: saved.organisationId,
        summary: {
          number: saved.number,
          incidents: incidents.map((i) => i.number),
          lines: plan.lines.length,
          shortfalls: plan.shortfalls.length,
          delivered: plan.objective.deliveredByPriority,
        },
      },
      now,
    );
    return saved;
  });
  return stored;
}
