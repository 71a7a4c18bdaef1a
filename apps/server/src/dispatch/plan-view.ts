import type { Queryable } from '../db/database.ts';
import type { StoredPlan } from './dispatch-plans.repository.ts';

/** A plan as the console shows it: every line and shortfall with names, reasons in words and ETAs. */
export async function presentPlan(db: Queryable, plan: StoredPlan, now: Date) {
  const nodeIds = [...new Set([...plan.problem.sources.map((s) => s.id), ...plan.transport.vehicles.map((v) => v.vehicle)])];
  const itemIds = [...new Set(plan.problem.incidents.flatMap((i) => Object.keys(i.demand)))];
  const nodes = new Map(
    (
      await db.query<{
        id: string;
        code: string;
        name_zh: string;
        name_en: string;
        type: string;
        lat: number;
        lng: number;
        plate: string | null;
      }>(
        'SELECT n.id, n.code, n.name_zh, n.name_en, n.type, n.lat, n.lng, v.plate FROM node n LEFT JOIN vehicle v ON v.node_id = n.id WHERE n.id = ANY ($1::uuid[])',
        [nodeIds],
      )
    ).map((n) => [n.id, n]),
  );
  const items = new Map(
    (
      await db.query<{ id: string; code: string; name_zh: string; name_en: string; unit_zh: string; unit_en: string }>(
        'SELECT id, code, name_zh, name_en, unit_zh, unit_en FROM item WHERE id = ANY ($1::uuid[])',
        [itemIds],
      )
    ).map((i) => [i.id, i]),
  );
  const incidents = new Map(
    (
      await db.query<{
        id: string;
        number: string;
        lat: number;
        lng: number;
        priority: number;
        type_code: string;
        alarm_level: number;
        is_exercise: boolean;
      }>('SELECT id, number, lat, lng, priority, type_code, alarm_level, is_exercise FROM incident WHERE id = ANY ($1::uuid[])', [
        plan.incidentIds,
      ])
    ).map((i) => [i.id, i]),
  );
  const node = (id: string) => {
    const n = nodes.get(id);
    return {
      id,
      code: n?.code ?? '',
      nameZh: n?.name_zh ?? '',
      nameEn: n?.name_en ?? '',
      type: n?.type ?? '',
      lat: n?.lat ?? 0,
      lng: n?.lng ?? 0,
    };
  };
  const item = (id: string) => {
    const i = items.get(id);
    return {
      id,
      code: i?.code ?? '',
      nameZh: i?.name_zh ?? '',
      nameEn: i?.name_en ?? '',
      unitZh: i?.unit_zh ?? '',
      unitEn: i?.unit_en ?? '',
    };
  };
  const base = plan.confirmedAt ? new Date(plan.confirmedAt) : now;
  return {
    id: plan.id,
    number: plan.number,
    state: plan.state,
    replacedBy: plan.replacedBy,
    createdAt: plan.createdAt,
    createdByName: plan.createdByName,
    confirmedAt: plan.confirmedAt,
    confirmedByName: plan.confirmedByName,
    timings: { buildMs: plan.buildMs, solveMs: plan.solveMs },
    policy: plan.problem.policy ?? null,
    incidents: plan.incidentIds.map((id) => {
      const i = incidents.get(id);
      const demand = plan.demand.find((d) => d.incidentId === id);
      return {
        id,
        number: i?.number ?? '',
        lat: i?.lat ?? 0,
        lng: i?.lng ?? 0,
        priority: i?.priority ?? 3,
        typeCode: i?.type_code ?? '',
        alarmLevel: i?.alarm_level ?? 0,
        isExercise: i?.is_exercise ?? false,
        prePlanCode: demand?.prePlanCode ?? null,
        note: demand?.note ?? null,
        demand: (demand?.lines ?? []).map((l) => ({ item: item(l.itemId), qty: l.qty, why: l.why })),
      };
    }),
    lines: plan.plan.lines.map((line) => {
      const reason = plan.explanation.lineReasons.find(
        (r) => r.source === line.source && r.incident === line.incident && r.item === line.item,
      );
      const packed = plan.explanation.packedKits?.find(
        (p) => p.source === line.source && p.incident === line.incident && p.item === line.item,
      );
      return {
        source: node(line.source),
        incidentId: line.incident,
        item: item(line.item),
        qty: line.qty,
        minutes: line.minutes,
        fromReserve: line.fromReserve,
        eta: new Date(base.getTime() + line.minutes * 60_000).toISOString(),
        reason: reason ? { code: reason.code, nearerSources: reason.nearerSources } : null,
        // sealed module boxes this line sends (complete against the packing list or not), as the stock stood at planning
        packedModules: packed ? { complete: packed.complete, incomplete: packed.incomplete } : null,
      };
    }),
    shortfalls: plan.plan.shortfalls.map((s) => {
      const reason = plan.explanation.shortfallReasons.find((r) => r.incident === s.incident && r.item === s.item);
      return { incidentId: s.incident, item: item(s.item), qty: s.qty, reason: reason ?? null };
    }),
    objective: plan.plan.objective,
    transport: {
      ...plan.transport,
      routes: plan.transport.routes.map((r) => ({ ...r, source: node(r.source) })),
      vehicles: plan.transport.vehicles.map((v) => ({
        ...v,
        plate: nodes.get(v.vehicle)?.plate ?? null,
        nodeCode: nodes.get(v.vehicle)?.code ?? '',
      })),
    },
  };
}
