import type { Organisation, OrganisationKind, OrganisationListQuery } from '@zhanqin/contracts';
import type { Queryable } from '../db/database.ts';
import { likePattern, listPage, where } from '../db/list-query.ts';

type OrganisationRow = {
  id: string;
  parent_id: string | null;
  path: string;
  code: string;
  kind: OrganisationKind;
  name_zh: string;
  name_en: string;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
};

export type OrganisationRecord = Organisation & { path: string };

const toRecord = (r: OrganisationRow): OrganisationRecord => ({
  id: r.id,
  code: r.code,
  parentId: r.parent_id,
  kind: r.kind,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  isDemo: r.is_demo,
  path: r.path,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const SORT_COLUMNS = { code: 'o.code', nameZh: 'o.name_zh', nameEn: 'o.name_en', kind: 'o.kind' } as const;

/** Restricts a query to organisations whose path starts with one of these prefixes; null means no restriction. */
export type OrganisationFilter = { visiblePaths: readonly string[] | null };

export async function listOrganisations(db: Queryable, query: OrganisationListQuery, scope: OrganisationFilter) {
  const { rows, total } = await listPage<OrganisationRow>(db, {
    from: 'organisation o',
    select: 'o.*',
    conditions: [
      query.kind && where('o.kind = ?', query.kind),
      query.parentId && where('o.parent_id = ?', query.parentId),
      query.q && where('(o.code ILIKE ? OR o.name_zh ILIKE ? OR o.name_en ILIKE ?)', ...Array(3).fill(likePattern(query.q))),
      scope.visiblePaths &&
        where(
          'o.path LIKE ANY (?)',
          scope.visiblePaths.map((p) => `${p}%`),
        ),
    ],
    orderBy: SORT_COLUMNS[query.sort ?? 'code'],
    order: query.order ?? 'asc',
    tieBreaker: 'o.id',
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items: rows.map(toRecord), total };
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationRecord | null> {
  const rows = await db.query<OrganisationRow>('SELECT * FROM organisation WHERE id = $1', [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findOrganisationByCode(db: Queryable, code: string): Promise<OrganisationRecord | null> {
  const rows = await db.query<OrganisationRow>('SELECT * FROM organisation WHERE code = $1', [code]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function insertOrganisation(
  db: Queryable,
  o: {
    id: string;
    parentId: string | null;
    path: string;
    code: string;
    kind: OrganisationKind;
    nameZh: string;
    nameEn: string;
    isDemo: boolean;
  },
): Promise<OrganisationRecord> {
  const rows = await db.query<OrganisationRow>(
    `INSERT INTO organisation (id, organisation_id, parent_id, path, code, kind, name_zh, name_en, is_demo)
     VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [o.id, o.parentId, o.path, o.code, o.kind, o.nameZh, o.nameEn, o.isDemo],
  );
  return toRecord(rows[0]!);
}

export async function updateOrganisation(
  db: Queryable,
  id: string,
  patch: { kind?: OrganisationKind; nameZh?: string; nameEn?: string },
): Promise<OrganisationRecord | null> {
  const rows = await db.query<OrganisationRow>(
    `UPDATE organisation SET kind = COALESCE($2, kind), name_zh = COALESCE($3, name_zh), name_en = COALESCE($4, name_en),
       updated_at = now() WHERE id = $1 RETURNING *`,
    [id, patch.kind ?? null, patch.nameZh ?? null, patch.nameEn ?? null],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Moves a subtree: rewrites the path prefix of the organisation and all its descendants in one statement. */
export async function moveOrganisation(db: Queryable, id: string, oldPath: string, newPath: string, newParentId: string | null) {
  await db.query(
    `UPDATE organisation SET path = $3 || substr(path, length($2) + 1),
       parent_id = CASE WHEN id = $1 THEN $4::uuid ELSE parent_id END, updated_at = now()
     WHERE path LIKE $2 || '%'`,
    [id, oldPath, newPath, newParentId],
  );
}
