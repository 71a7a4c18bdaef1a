import type { Incident, IncidentListQuery } from '@zhanqin/contracts';
import type { Queryable } from '../db/database.ts';
import { listPage, where } from '../db/list-query.ts';

type IncidentRow = {
  id: string;
  organisation_id: string;
  organisation_path: string;
  number: string;
  type_code: string;
  type_name_zh: string;
  type_name_en: string;
  alarm_level: number;
  priority: number;
  title: string;
  lat: number;
  lng: number;
  address: string;
  people_committed: number | null;
  scba_wearers: number | null;
  expected_duration_hours: number | null;
  state: Incident['state'];
  is_exercise: boolean;
  staging_node_id: string | null;
  reported_at: Date;
  closed_at: Date | null;
  created_by_name: string;
  report: unknown;
};

export type IncidentRecord = Incident & { organisationPath: string };

const toRecord = (r: IncidentRow): IncidentRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationPath: r.organisation_path,
  number: r.number,
  typeCode: r.type_code,
  typeNameZh: r.type_name_zh,
  typeNameEn: r.type_name_en,
  alarmLevel: r.alarm_level,
  priority: r.priority,
  title: r.title,
  lat: r.lat,
  lng: r.lng,
  address: r.address,
  peopleCommitted: r.people_committed,
  scbaWearers: r.scba_wearers,
  expectedDurationHours: r.expected_duration_hours === null ? null : Number(r.expected_duration_hours),
  state: r.state,
  isExercise: r.is_exercise,
  stagingNodeId: r.staging_node_id,
  reportedAt: r.reported_at.toISOString(),
  closedAt: r.closed_at ? r.closed_at.toISOString() : null,
  createdByName: r.created_by_name,
  report: r.report ?? null,
});

const SELECT = `i.*, o.path AS organisation_path, t.name_zh AS type_name_zh, t.name_en AS type_name_en`;
const FROM = `incident i JOIN organisation o ON o.id = i.organisation_id JOIN incident_type t ON t.code = i.type_code`;

export async function findIncident(db: Queryable, id: string, forUpdate = false): Promise<IncidentRecord | null> {
  const rows = await db.query<IncidentRow>(
    `SELECT ${SELECT} FROM ${FROM} WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function listIncidents(db: Queryable, q: IncidentListQuery, visiblePaths: readonly string[] | null) {
  const { rows, total } = await listPage<IncidentRow>(db, {
    from: FROM,
    select: SELECT,
    conditions: [
      q.state && where('i.state = ?', q.state),
      q.typeCode && where('(i.type_code = ? OR i.type_code LIKE ?)', q.typeCode, `${q.typeCode}.%`),
      q.isExercise !== undefined && where('i.is_exercise = ?', q.isExercise),
      visiblePaths &&
        where(
          'o.path LIKE ANY (?)',
          visiblePaths.map((p) => `${p}%`),
        ),
    ],
    orderBy: 'i.reported_at',
    order: q.order ?? 'desc',
    tieBreaker: 'i.number',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(toRecord), total };
}

export async function insertIncident(
  db: Queryable,
  i: Omit<
    IncidentRecord,
    'number' | 'typeNameZh' | 'typeNameEn' | 'organisationPath' | 'closedAt' | 'report' | 'stagingNodeId' | 'state'
  >,
): Promise<void> {
  const [seq] = await db.query<{ n: number }>("SELECT nextval('incident_no_seq') AS n");
  const number = `${i.isExercise ? 'EX' : 'JJ'}-${i.reportedAt.slice(0, 4)}-${String(seq!.n).padStart(5, '0')}`;
  await db.query(
    `INSERT INTO incident (id, organisation_id, number, type_code, alarm_level, priority, title, lat, lng, address, people_committed, scba_wearers,
       expected_duration_hours, state, is_exercise, reported_at, created_by_name)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,'open',$14,$15,$16)`,
    [
      i.id,
      i.organisationId,
      number,
      i.typeCode,
      i.alarmLevel,
      i.priority,
      i.title,
      i.lat,
      i.lng,
      i.address,
      i.peopleCommitted,
      i.scbaWearers,
      i.expectedDurationHours,
      i.isExercise,
      i.reportedAt,
      i.createdByName,
    ],
  );
}

export async function updateIncident(db: Queryable, id: string, patch: Record<string, unknown>): Promise<void> {
  const columns: Record<string, string> = {
    alarmLevel: 'alarm_level',
    priority: 'priority',
    title: 'title',
    peopleCommitted: 'people_committed',
    scbaWearers: 'scba_wearers',
    expectedDurationHours: 'expected_duration_hours',
    state: 'state',
    stagingNodeId: 'staging_node_id',
    closedAt: 'closed_at',
    report: 'report',
  };
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(patch)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    params.push(key === 'report' ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length) await db.query(`UPDATE incident SET ${sets.join(', ')} WHERE id = $1`, params);
}
