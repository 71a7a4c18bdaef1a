import {
  Incident,
  IncidentCreate,
  IncidentListQuery,
  IncidentPage,
  IncidentUpdate,
  IssueCreate,
  JointPlanRequest,
  PickScan,
  PlanRequest,
  PrePlanUpdate,
  ReturnCreate,
  StockDocument,
  TransferReceive,
} from '@zhanqin/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { solveDispatch, validateDispatchProblem } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireAction } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { actorOf } from '../http/authenticate.ts';
import { IdParams, STANDARD_ERRORS } from '../http/schemas.ts';
import {
  cancelIncident,
  changeIncident,
  createIncident,
  getVisibleIncident,
  listVisibleIncidents,
} from '../incidents/manage-incidents.ts';
import type { IncidentRecord } from '../incidents/incidents.repository.ts';
import { closeIncident } from './close-incident.ts';
import { confirmDispatchPlan } from './confirm-dispatch-plan.ts';
import { findPlan, listPlansForIncident } from './dispatch-plans.repository.ts';
import { depotStock, issueFromDepot, returnFromScene } from './forward-depot.ts';
import { planDispatch } from './plan-dispatch.ts';
import { presentPlan } from './plan-view.ts';
import { arriveShipment, departShipment, getShipment, listShipments, pickShipment } from './shipments.ts';

const present = ({ organisationPath: _p, ...incident }: IncidentRecord) => incident;
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const tags = ['投 deploy'];

export function registerDispatchRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/incident-types', { schema: { tags, summary: 'The incident taxonomy' } }, async (request) => {
    requireAction(actorOf(request), 'network.read');
    const rows = await deps.db.query<{ code: string; parent_code: string | null; name_zh: string; name_en: string }>(
      'SELECT code, parent_code, name_zh, name_en FROM incident_type ORDER BY code',
    );
    return rows.map((r) => ({ code: r.code, parentCode: r.parent_code, nameZh: r.name_zh, nameEn: r.name_en }));
  });
  app.get(
    '/pre-plans',
    { schema: { tags, summary: 'Pre-plans (预案): type × level → modules, items and rules' } },
    async (request) => {
      requireAction(actorOf(request), 'network.read');
      const rows = await deps.db.query<Record<string, unknown>>(
        'SELECT id, code, incident_type_code, min_alarm_level, name_zh, name_en, modules, items, rules, default_duration_hours, note FROM pre_plan ORDER BY incident_type_code, min_alarm_level',
      );
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        incidentTypeCode: r.incident_type_code,
        minAlarmLevel: r.min_alarm_level,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        modules: r.modules,
        items: r.items,
        rules: r.rules,
        defaultDurationHours: Number(r.default_duration_hours),
        note: r.note,
      }));
    },
  );
  app.patch(
    '/pre-plans/:id',
    { schema: { tags, summary: 'Edit a pre-plan', params: IdParams, body: PrePlanUpdate } },
    async (request) => {
      const actor = actorOf(request);
      requireAction(actor, 'standard.write');
      const body = request.body as Record<string, unknown>;
      return deps.db.transaction(async (tx) => {
        const [before] = await tx.query<Record<string, unknown>>('SELECT * FROM pre_plan WHERE id = $1 FOR UPDATE', [
          idOf(request),
        ]);
        if (!before) throw notFound('Pre-plan', idOf(request));
        const modules = body.modules as { moduleCode: string }[] | undefined;
        if (modules) {
          const known = new Set(
            (await tx.query<{ code: string }>('SELECT code FROM module_kit WHERE kit_item_id IS NOT NULL')).map((m) => m.code),
          );
          const unknown = modules.filter((m) => !known.has(m.moduleCode));
          if (unknown.length)
            throw new AppError('REFERENCE_NOT_FOUND', 'Unknown modules', { modules: unknown.map((m) => m.moduleCode) });
        }
        const codes = [
          ...((body.items as { itemCode: string }[] | undefined) ?? []),
          ...((body.rules as { itemCode: string }[] | undefined) ?? []),
        ].map((i) => i.itemCode);
        if (codes.length) {
          const known = new Set(
            (await tx.query<{ code: string }>('SELECT code FROM item WHERE code = ANY ($1)', [codes])).map((i) => i.code),
          );
          const unknown = codes.filter((c) => !known.has(c));
          if (unknown.length) throw new AppError('REFERENCE_NOT_FOUND', 'Unknown item codes', { items: unknown });
        }
        await tx.query(
          `UPDATE pre_plan SET name_zh = COALESCE($2, name_zh), name_en = COALESCE($3, name_en), modules = COALESCE($4::jsonb, modules), items = COALESCE($5::jsonb, items),
           rules = COALESCE($6::jsonb, rules), default_duration_hours = COALESCE($7, default_duration_hours), note = COALESCE($8, note), updated_at = now() WHERE id = $1`,
          [
            idOf(request),
            body.nameZh ?? null,
            body.nameEn ?? null,
            modules ? JSON.stringify(modules) : null,
            body.items ? JSON.stringify(body.items) : null,
            body.rules ? JSON.stringify(body.rules) : null,
            body.defaultDurationHours ?? null,
            body.note ?? null,
          ],
        );
        await appendAudit(
          tx,
          actor,
          {
            action: 'pre-plan.update',
            entityType: 'pre_plan',
            entityId: idOf(request),
            organisationId: before.organisation_id as string,
            summary: { code: before.code, fields: Object.keys(body) },
          },
          deps.clock.now(),
        );
        return { ok: true };
      });
    },
  );

  app.get(
    '/incidents',
    {
      schema: {
        tags,
        summary: 'Incidents in scope, newest first',
        querystring: IncidentListQuery,
        response: { 200: IncidentPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const q = request.query as IncidentListQuery;
      const page = await listVisibleIncidents(deps, actorOf(request), q);
      return { items: page.items.map(present), total: page.total, limit: q.limit ?? 50, offset: q.offset ?? 0 };
    },
  );
  app.post(
    '/incidents',
    {
      schema: {
        tags,
        summary: 'Record an incident (接警)',
        body: IncidentCreate,
        response: { 201: Incident, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(present(await createIncident(deps, actorOf(request), request.body as IncidentCreate))),
  );
  app.get(
    '/incidents/:id',
    { schema: { tags, summary: 'One incident', params: IdParams, response: { 200: Incident, ...STANDARD_ERRORS } } },
    async (request) => present(await getVisibleIncident(deps, actorOf(request), idOf(request))),
  );
  app.patch(
    '/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Update alarm level, people or duration',
        params: IdParams,
        body: IncidentUpdate,
        response: { 200: Incident, ...STANDARD_ERRORS },
      },
    },
    async (request) => present(await changeIncident(deps, actorOf(request), idOf(request), request.body as IncidentUpdate)),
  );
  app.post(
    '/incidents/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an incident never supplied',
        params: IdParams,
        response: { 200: Incident, ...STANDARD_ERRORS },
      },
    },
    async (request) => present(await cancelIncident(deps, actorOf(request), idOf(request))),
  );

  app.post(
    '/incidents/:id/dispatch-plans',
    {
      schema: {
        tags,
        summary: 'One click (一键调度): plan from live data, stored as a draft',
        params: IdParams,
        body: PlanRequest,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const plan = await planDispatch(deps, actor, [idOf(request)], (request.body ?? {}) as PlanRequest);
      return reply.status(201).send(await presentPlan(deps.db, plan, deps.clock.now()));
    },
  );
  app.get(
    '/incidents/:id/dispatch-plans',
    { schema: { tags, summary: 'Plans made for an incident, newest first', params: IdParams } },
    async (request) => {
      const actor = actorOf(request);
      await getVisibleIncident(deps, actor, idOf(request));
      const plans = await listPlansForIncident(deps.db, idOf(request));
      return Promise.all(plans.map((p) => presentPlan(deps.db, p, deps.clock.now())));
    },
  );
  app.post(
    '/dispatch-plans',
    { schema: { tags, summary: 'Plan several incidents jointly', body: JointPlanRequest } },
    async (request, reply) => {
      const { incidentIds, ...rest } = request.body as { incidentIds: string[] } & PlanRequest;
      const plan = await planDispatch(deps, actorOf(request), incidentIds, rest);
      return reply.status(201).send(await presentPlan(deps.db, plan, deps.clock.now()));
    },
  );
  app.get(
    '/dispatch-plans/:id',
    { schema: { tags, summary: 'One plan with reasons, ETAs and transport', params: IdParams } },
    async (request) => {
      const actor = actorOf(request);
      requireAction(actor, 'network.read');
      const plan = await findPlan(deps.db, idOf(request));
      if (!plan) throw notFound('Dispatch plan', idOf(request));
      for (const id of plan.incidentIds)
        await getVisibleIncident(deps, actor, id).catch(() => {
          throw notFound('Dispatch plan', idOf(request));
        });
      return presentPlan(deps.db, plan, deps.clock.now());
    },
  );
  app.post(
    '/dispatch-plans/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Reserve every line or none; create pick lists and shipments (409 STALE_PLAN with a fresh plan if stock moved)',
        params: IdParams,
      },
    },
    async (request) => {
      const result = await confirmDispatchPlan(deps, actorOf(request), idOf(request));
      return { plan: await presentPlan(deps.db, result.plan, deps.clock.now()), shipments: result.shipments };
    },
  );
  app.post(
    '/dispatch/solve',
    {
      schema: {
        tags,
        summary: 'Solve a DispatchProblem (SPEC §4 contract) and return the DispatchPlan',
        body: Type.Object({}, { additionalProperties: true, description: 'DispatchProblem' }),
      },
    },
    async (request) => {
      requireAction(actorOf(request), 'dispatch.plan');
      const checked = validateDispatchProblem(request.body);
      if (!checked.ok) throw new AppError('VALIDATION_FAILED', 'The dispatch problem is invalid', { issues: checked.error });
      // Large problems go to a worker thread when the server has a pool; small ones solve inline.
      return deps.solverPool ? deps.solverPool.solve(checked.value) : solveDispatch(checked.value);
    },
  );

  app.get(
    '/shipments',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Shipments to scenes (pick lists, loading, live status)',
        querystring: Type.Object(
          {
            incidentId: Type.Optional(Type.String({ format: 'uuid' })),
            fromNodeId: Type.Optional(Type.String({ format: 'uuid' })),
            state: Type.Optional(
              Type.Union([
                Type.Literal('picking'),
                Type.Literal('packed'),
                Type.Literal('in-transit'),
                Type.Literal('delivered'),
                Type.Literal('cancelled'),
              ]),
            ),
            mine: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => listShipments(deps, actorOf(request), request.query as { incidentId?: string }),
  );
  app.get('/shipments/:id', { schema: { tags: ['运 transport'], summary: 'One shipment', params: IdParams } }, async (request) =>
    getShipment(deps, actorOf(request), idOf(request)),
  );
  app.post(
    '/shipments/:id/pick',
    { schema: { tags: ['运 transport'], summary: 'Scan codes against the pick list', params: IdParams, body: PickScan } },
    async (request) => pickShipment(deps, actorOf(request), idOf(request), (request.body as { codes: string[] }).codes),
  );
  app.post(
    '/shipments/:id/depart',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Driver departs: stock is in transit',
        params: IdParams,
        body: Type.Object({ force: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      },
    },
    async (request) => departShipment(deps, actorOf(request), idOf(request), (request.body ?? {}) as { force?: boolean }),
  );
  app.post(
    '/shipments/:id/arrive',
    {
      schema: {
        tags: ['运 transport'],
        summary: 'Arrival at the forward depot, in full or in part',
        params: IdParams,
        body: TransferReceive,
      },
    },
    async (request) => arriveShipment(deps, actorOf(request), idOf(request), (request.body ?? {}) as { note?: string }),
  );

  app.get(
    '/incidents/:id/depot',
    { schema: { tags, summary: 'What the forward depot holds', params: IdParams } },
    async (request) => {
      const actor = actorOf(request);
      const incident = await getVisibleIncident(deps, actor, idOf(request));
      if (!incident.stagingNodeId) return { depotNodeId: null, items: [] };
      return { depotNodeId: incident.stagingNodeId, items: await depotStock(deps.db, incident.stagingNodeId) };
    },
  );
  app.post(
    '/incidents/:id/issues',
    {
      schema: {
        tags,
        summary: 'Issue to units or record consumption at the forward depot',
        params: IdParams,
        body: IssueCreate,
        response: { 201: StockDocument, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueFromDepot(deps, actorOf(request), idOf(request), request.body as IssueCreate)),
  );
  app.post(
    '/incidents/:id/returns',
    {
      schema: {
        tags,
        summary: 'Return from the scene with condition (used → quarantine)',
        params: IdParams,
        body: ReturnCreate,
        response: { 201: StockDocument, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await returnFromScene(deps, actorOf(request), idOf(request), request.body as ReturnCreate)),
  );
  app.post(
    '/incidents/:id/close',
    {
      schema: {
        tags,
        summary: 'Close: consumption report and replenishment proposals',
        params: IdParams,
        body: Type.Object({ returnRemainingTo: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
      },
    },
    async (request) =>
      closeIncident(deps, actorOf(request), idOf(request), (request.body ?? {}) as { returnRemainingTo?: string }),
  );
  app.get(
    '/vehicles',
    { schema: { tags: ['运 transport'], summary: 'Support vehicles with load limits and position' } },
    async (request) => {
      requireAction(actorOf(request), 'network.read');
      const rows = await deps.db.query<Record<string, unknown>>(
        `SELECT v.node_id, v.plate, v.kind_zh, v.kind_en, v.payload_kg, v.volume_m3, coalesce(v.lat, n.lat) AS lat, coalesce(v.lng, n.lng) AS lng, n.code, n.status,
         (SELECT s.number FROM shipment s WHERE s.vehicle_node_id = v.node_id AND s.state IN ('picking', 'packed', 'in-transit') LIMIT 1) AS on_shipment
       FROM vehicle v JOIN node n ON n.id = v.node_id ORDER BY v.plate`,
      );
      return rows.map((r) => ({
        nodeId: r.node_id,
        code: r.code,
        plate: r.plate,
        kindZh: r.kind_zh,
        kindEn: r.kind_en,
        payloadKg: Number(r.payload_kg),
        volumeM3: Number(r.volume_m3),
        lat: r.lat,
        lng: r.lng,
        status: r.status,
        onShipment: r.on_shipment,
      }));
    },
  );
}
