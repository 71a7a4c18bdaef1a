import type { Node, NodeCreate, NodeListQuery, NodeType, NodeUpdate } from '@zhanqin/contracts';
import type { Queryable } from '../db/database.ts';
import { likePattern, listPage, where } from '../db/list-query.ts';

type NodeRow = {
  id: string;
  organisation_id: string;
  organisation_path: string;
  code: string;
  type: NodeType;
  name_zh: string;
  name_en: string;
  lat: number;
  lng: number;
  address: string;
  status: 'open' | 'closed';
  is_24h: boolean;
  capacity_slots: number | null;
  area_m2: number | null;
  zones: Node['zones'];
  contacts: Node['contacts'];
  agreement: Node['agreement'];
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
};

/** A node with the path of its organisation, which scope checks need. */
export type NodeRecord = Node & { organisationPath: string };

const toRecord = (r: NodeRow): NodeRecord => ({
  id: r.id,
  code: r.code,
  organisationId: r.organisation_id,
  organisationPath: r.organisation_path,
  type: r.type,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  lat: r.lat,
  lng: r.lng,
  address: r.address,
  status: r.status,
  is24h: r.is_24h,
  capacitySlots: r.capacity_slots,
  areaM2: r.area_m2,
  zones: r.zones,
  contacts: r.contacts,
  agreement: r.agreement,
  isDemo: r.is_demo,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const SELECT = 'n.*, o.path AS organisation_path';
const FROM = 'node n JOIN organisation o ON o.id = n.organisation_id';
const SORT_COLUMNS = {
  code: 'n.code',
  nameZh: 'n.name_zh',
  nameEn: 'n.name_en',
  type: 'n.type',
  createdAt: 'n.created_at',
} as const;

/** Which nodes a caller may see: those under these organisation paths, plus these node ids. Null = all. */
export type NodeVisibility = { organisationPaths: readonly string[]; nodeIds: readonly string[] } | null;

export async function listNodes(db: Queryable, query: NodeListQuery, visible: NodeVisibility) {
  const { rows, total } = await listPage<NodeRow>(db, {
    from: FROM,
    select: SELECT,
    conditions: [
      query.type && where('n.type = ?', query.type),
      query.status && where('n.status = ?', query.status),
      query.organisationId && where("o.path LIKE (SELECT path FROM organisation WHERE id = ?) || '%'", query.organisationId),
      query.q &&
        where(
          '(n.code ILIKE ? OR n.name_zh ILIKE ? OR n.name_en ILIKE ? OR n.address ILIKE ?)',
          ...Array(4).fill(likePattern(query.q)),
        ),
      visible &&
        where(
          '(o.path LIKE ANY (?) OR n.id = ANY (?::uuid[]))',
          visible.organisationPaths.map((p) => `${p}%`),
          [...visible.nodeIds],
        ),
    ],
    orderBy: SORT_COLUMNS[query.sort ?? 'code'],
    order: query.order ?? 'asc',
    tieBreaker: 'n.id',
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items: rows.map(toRecord), total };
}

export async function findNode(db: Queryable, id: string): Promise<NodeRecord | null> {
  const rows = await db.query<NodeRow>(`SELECT ${SELECT} FROM ${FROM} WHERE n.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Several nodes by id in one query; ids that name no node are absent from the map. */
export async function findNodes(db: Queryable, ids: readonly string[]): Promise<Map<string, NodeRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<NodeRow>(`SELECT ${SELECT} FROM ${FROM} WHERE n.id = ANY ($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, toRecord(r)]));
}

export async function findNodeByCode(db: Queryable, code: string): Promise<NodeRecord | null> {
  const rows = await db.query<NodeRow>(`SELECT ${SELECT} FROM ${FROM} WHERE n.code = $1`, [code]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function insertNode(db: Queryable, id: string, n: NodeCreate & { isDemo?: boolean }): Promise<void> {
  await db.query(
    `INSERT INTO node (id, organisation_id, code, type, name_zh, name_en, lat, lng, address, status, is_24h,
       capacity_slots, area_m2, zones, contacts, agreement, is_demo)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
    [
      id,
      n.organisationId,
      n.code,
      n.type,
      n.nameZh,
      n.nameEn,
      n.lat,
      n.lng,
      n.address ?? '',
      n.status ?? 'open',
      n.is24h ?? false,
      n.capacitySlots ?? null,
      n.areaM2 ?? null,
      JSON.stringify(n.zones ?? []),
      JSON.stringify(n.contacts ?? []),
      n.agreement ? JSON.stringify(n.agreement) : null,
      n.isDemo ?? false,
    ],
  );
}

const UPDATABLE: Record<keyof NodeUpdate, { column: string; json?: boolean }> = {
  organisationId: { column: 'organisation_id' },
  type: { column: 'type' },
  nameZh: { column: 'name_zh' },
  nameEn: { column: 'name_en' },
  lat: { column: 'lat' },
  lng: { column: 'lng' },
  address: { column: 'address' },
  status: { column: 'status' },
  is24h: { column: 'is_24h' },
  capacitySlots: { column: 'capacity_slots' },
  areaM2: { column: 'area_m2' },
  zones: { column: 'zones', json: true },
  contacts: { column: 'contacts', json: true },
  agreement: { column: 'agreement', json: true },
};

/** Updates only the fields present in the patch (an explicit null clears a nullable field). */
export async function updateNode(db: Queryable, id: string, patch: NodeUpdate): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(patch) as [keyof NodeUpdate, unknown][]) {
    const spec = UPDATABLE[key];
    if (!spec || value === undefined) continue;
    params.push(spec.json && value !== null ? JSON.stringify(value) : value);
    sets.push(`${spec.column} = $${params.length}`);
  }
  if (sets.length === 0) return;
  await db.query(`UPDATE node SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
}
