import type { Queryable } from '../db/database.ts';
import { likePattern, listPage, where } from '../db/list-query.ts';
import type { Role } from './actor.ts';

type UserRow = {
  id: string;
  organisation_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  organisation_ids: string[];
  node_ids: string[];
  disabled: boolean;
  must_change_password: boolean;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
};

export type UserRecord = {
  id: string;
  organisationId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationIds: string[];
  nodeIds: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
};

const toRecord = (r: UserRow): UserRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  organisationIds: r.organisation_ids,
  nodeIds: r.node_ids,
  disabled: r.disabled,
  mustChangePassword: r.must_change_password,
  isDemo: r.is_demo,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function findUserForLogin(db: Queryable, username: string) {
  const rows = await db.query<UserRow>('SELECT * FROM app_user WHERE username = $1', [username]);
  const r = rows[0];
  return r ? { ...toRecord(r), passwordHash: r.password_hash } : null;
}

export async function findUser(db: Queryable, id: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>('SELECT * FROM app_user WHERE id = $1', [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findPasswordHash(db: Queryable, id: string): Promise<string | null> {
  const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [id]);
  return rows[0]?.password_hash ?? null;
}

export async function countAdmins(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND NOT disabled");
  return rows[0]?.n ?? 0;
}

export async function insertUser(
  db: Queryable,
  u: {
    id: string;
    organisationId: string;
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    organisationIds: string[];
    nodeIds: string[];
    mustChangePassword?: boolean;
    isDemo?: boolean;
  },
): Promise<UserRecord> {
  const rows = await db.query<UserRow>(
    `INSERT INTO app_user (id, organisation_id, username, display_name, role, password_hash, organisation_ids, node_ids,
       must_change_password, is_demo) VALUES ($1,$2,$3,$4,$5,$6,$7::uuid[],$8::uuid[],$9,$10) RETURNING *`,
    [
      u.id,
      u.organisationId,
      u.username,
      u.displayName,
      u.role,
      u.passwordHash,
      u.organisationIds,
      u.nodeIds,
      u.mustChangePassword ?? false,
      u.isDemo ?? false,
    ],
  );
  return toRecord(rows[0]!);
}

export async function updateUser(
  db: Queryable,
  id: string,
  patch: {
    displayName?: string;
    role?: Role;
    organisationIds?: string[];
    nodeIds?: string[];
    disabled?: boolean;
    organisationId?: string;
  },
): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(
    `UPDATE app_user SET display_name = COALESCE($2, display_name), role = COALESCE($3, role),
       organisation_ids = COALESCE($4::uuid[], organisation_ids), node_ids = COALESCE($5::uuid[], node_ids),
       disabled = COALESCE($6, disabled), organisation_id = COALESCE($7, organisation_id), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      id,
      patch.displayName ?? null,
      patch.role ?? null,
      patch.organisationIds ?? null,
      patch.nodeIds ?? null,
      patch.disabled ?? null,
      patch.organisationId ?? null,
    ],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function setPasswordHash(db: Queryable, id: string, hash: string, mustChange: boolean): Promise<void> {
  await db.query('UPDATE app_user SET password_hash = $2, must_change_password = $3, updated_at = now() WHERE id = $1', [
    id,
    hash,
    mustChange,
  ]);
}

export async function listUsers(
  db: Queryable,
  q: {
    q?: string;
    role?: Role;
    disabled?: boolean;
    limit?: number;
    offset?: number;
    order?: 'asc' | 'desc';
    sort?: 'username' | 'displayName' | 'role' | 'createdAt';
  },
) {
  const sort = { username: 'u.username', displayName: 'u.display_name', role: 'u.role', createdAt: 'u.created_at' } as const;
  const { rows, total } = await listPage<UserRow>(db, {
    from: 'app_user u',
    select: 'u.*',
    conditions: [
      q.q && where('(u.username ILIKE ? OR u.display_name ILIKE ?)', likePattern(q.q), likePattern(q.q)),
      q.role && where('u.role = ?', q.role),
      q.disabled !== undefined && where('u.disabled = ?', q.disabled),
    ],
    orderBy: sort[q.sort ?? 'username'],
    order: q.order ?? 'asc',
    tieBreaker: 'u.id',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(toRecord), total };
}
