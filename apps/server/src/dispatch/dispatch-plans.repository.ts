import type { PlanRequest } from '@zhanqin/contracts';
import type { DispatchExplanation, DispatchPlan, DispatchProblem } from '@zhanqin/domain';
import type { Queryable } from '../db/database.ts';

export type IncidentDemand = {
  incidentId: string;
  prePlanCode: string | null;
  lines: { itemId: string; itemCode: string; qty: number; why: string }[];
  note: string | null;
};

export type Transport = {
  routes: {
    source: string;
    incident: string;
    loads: number;
    lowerBound: number;
    weightKg: number;
    volumeM3: number;
    minutes: number;
  }[];
  vehicles: { vehicle: string; trips: string[]; minutes: number }[];
  makespanMinutes: number | null;
  makespanLowerBound: number | null;
  capacity: { weightKg: number; volumeM3: number };
  note: string | null;
};

/**
 * How many of a plan line's kit units the source held as packed boxes when the plan was made
 * (complete ones first, as confirmation picks them); the rest go as loose boxes.
 */
export type PackedKitsNote = { source: string; incident: string; item: string; complete: number; incomplete: number };

export type StoredPlan = {
  id: string;
  organisationId: string;
  number: string;
  incidentIds: string[];
  state: 'draft' | 'confirmed' | 'stale' | 'superseded';
  request: PlanRequest;
  problem: DispatchProblem;
  plan: DispatchPlan;
  explanation: DispatchExplanation & { packedKits?: PackedKitsNote[] };
  demand: IncidentDemand[];
  transport: Transport;
  buildMs: number;
  solveMs: number;
  createdByName: string;
  createdAt: string;
  confirmedByName: string | null;
  confirmedAt: string | null;
  replacedBy: string | null;
};

type Row = {
  id: string;
  organisation_id: string;
  number: string;
  incident_ids: string[];
  state: StoredPlan['state'];
  request: PlanRequest;
  problem: DispatchProblem;
  plan: DispatchPlan;
  explanation: StoredPlan['explanation'];
  demand: IncidentDemand[];
  transport: Transport;
  build_ms: number;
  solve_ms: number;
  created_by_name: string;
  created_at: Date;
  confirmed_by_name: string | null;
  confirmed_at: Date | null;
  replaced_by: string | null;
};

const toPlan = (r: Row): StoredPlan => ({
  id: r.id,
  organisationId: r.organisation_id,
  number: r.number,
  incidentIds: r.incident_ids,
  state: r.state,
  request: r.request,
  problem: r.problem,
  plan: r.plan,
  explanation: r.explanation,
  demand: r.demand,
  transport: r.transport,
  buildMs: Number(r.build_ms),
  solveMs: Number(r.solve_ms),
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  confirmedByName: r.confirmed_by_name,
  confirmedAt: r.confirmed_at?.toISOString() ?? null,
  replacedBy: r.replaced_by,
});

export async function insertPlan(
  db: Queryable,
  p: Omit<StoredPlan, 'number' | 'confirmedByName' | 'confirmedAt' | 'replacedBy' | 'state'>,
): Promise<StoredPlan> {
  const [seq] = await db.query<{ n: number }>("SELECT nextval('dispatch_plan_no_seq') AS n");
  const number = `DP-${p.createdAt.slice(0, 4)}-${String(seq!.n).padStart(6, '0')}`;
  const rows = await db.query<Row>(
    `INSERT INTO dispatch_plan (id, organisation_id, number, incident_ids, state, problem, plan, explanation, demand, transport, build_ms, solve_ms, created_by_name, created_at, request)
     VALUES ($1,$2,$3,$4::uuid[],'draft',$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING *`,
    [
      p.id,
      p.organisationId,
      number,
      p.incidentIds,
      JSON.stringify(p.problem),
      JSON.stringify(p.plan),
      JSON.stringify(p.explanation),
      JSON.stringify(p.demand),
      JSON.stringify(p.transport),
      p.buildMs,
      p.solveMs,
      p.createdByName,
      p.createdAt,
      JSON.stringify(p.request),
    ],
  );
  return toPlan(rows[0]!);
}

export async function findPlan(db: Queryable, id: string, forUpdate = false): Promise<StoredPlan | null> {
  const rows = await db.query<Row>(`SELECT * FROM dispatch_plan WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toPlan(rows[0]) : null;
}

export async function listPlansForIncident(db: Queryable, incidentId: string): Promise<StoredPlan[]> {
  const rows = await db.query<Row>(
    'SELECT * FROM dispatch_plan WHERE $1 = ANY (incident_ids) ORDER BY created_at DESC LIMIT 50',
    [incidentId],
  );
  return rows.map(toPlan);
}

export async function setPlanState(
  db: Queryable,
  id: string,
  state: StoredPlan['state'],
  extra: { confirmedByName?: string; confirmedAt?: Date; replacedBy?: string } = {},
) {
  await db.query(
    'UPDATE dispatch_plan SET state = $2, confirmed_by_name = COALESCE($3, confirmed_by_name), confirmed_at = COALESCE($4, confirmed_at), replaced_by = COALESCE($5, replaced_by) WHERE id = $1',
    [id, state, extra.confirmedByName ?? null, extra.confirmedAt ?? null, extra.replacedBy ?? null],
  );
}
