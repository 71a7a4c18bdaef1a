import type { Queryable } from '../db/database.ts';
import type { Role } from './actor.ts';

export type SessionUser = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationIds: string[];
  nodeIds: string[];
  organisationPaths: string[];
  mustChangePassword: boolean;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
};

/** The live session for a token hash, with its user's scope; null when unknown, expired, revoked or disabled. */
export async function findLiveSession(db: Queryable, tokenHash: string, now: Date): Promise<SessionUser | null> {
  const rows = await db.query<{
    user_id: string;
    username: string;
    display_name: string;
    role: Role;
    organisation_id: string;
    organisation_ids: string[];
    node_ids: string[];
    paths: string[] | null;
    must_change_password: boolean;
    csrf_token: string;
    expires_at: Date;
    last_seen_at: Date;
  }>(
    `SELECT s.user_id, u.username, u.display_name, u.role, u.organisation_id, u.organisation_ids, u.node_ids,
            u.must_change_password, s.csrf_token, s.expires_at, s.last_seen_at,
            (SELECT array_agg(o.path) FROM organisation o WHERE o.id = ANY (u.organisation_ids)) AS paths
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
    [tokenHash, now],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    organisationId: r.organisation_id,
    organisationIds: r.organisation_ids,
    nodeIds: r.node_ids,
    organisationPaths: r.paths ?? [],
    mustChangePassword: r.must_change_password,
    csrfToken: r.csrf_token,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at,
  };
}

export async function insertSession(
  db: Queryable,
  s: {
    tokenHash: string;
    userId: string;
    organisationId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    clientAddress: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO user_session (token_hash, organisation_id, user_id, csrf_token, created_at, expires_at, last_seen_at, client_address)
     VALUES ($1, $2, $3, $4, $5, $6, $5, $7)`,
    [s.tokenHash, s.organisationId, s.userId, s.csrfToken, s.now, s.expiresAt, s.clientAddress],
  );
}

export async function touchSession(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.query('UPDATE user_session SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, now]);
}

export async function revokeSession(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.query('UPDATE user_session SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now]);
}

/** Revokes every session of a user, except optionally the one making the request. */
export async function revokeUserSessions(db: Queryable, userId: string, now: Date, exceptTokenHash: string | null = null) {
  await db.query(
    'UPDATE user_session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $3',
    [userId, now, exceptTokenHash],
  );
}

type AttemptRow = { failures: number; window_started_at: Date; locked_until: Date | null };

export async function findAttempts(db: Queryable, subjects: string[]): Promise<Map<string, AttemptRow>> {
  const rows = await db.query<AttemptRow & { subject: string }>('SELECT * FROM login_attempt WHERE subject = ANY ($1)', [
    subjects,
  ]);
  return new Map(rows.map((r) => [r.subject, r]));
}

/** Counts one failure for a subject; opens a new window when the old one has passed; locks at the threshold. */
export async function recordFailure(
  db: Queryable,
  subject: string,
  now: Date,
  policy: { windowMinutes: number; maxFailures: number; lockMinutes: number },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const rows = await db.query<{ failures: number; locked_until: Date | null }>(
    `INSERT INTO login_attempt AS a (subject, failures, window_started_at) VALUES ($1, 1, $2)
     ON CONFLICT (subject) DO UPDATE SET
       failures = CASE WHEN a.window_started_at < $2::timestamptz - make_interval(mins => $3) THEN 1 ELSE a.failures + 1 END,
       window_started_at = CASE WHEN a.window_started_at < $2::timestamptz - make_interval(mins => $3) THEN $2 ELSE a.window_started_at END
     RETURNING failures, locked_until`,
    [subject, now, policy.windowMinutes],
  );
  const row = rows[0]!;
  if (row.failures >= policy.maxFailures) {
    const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
    await db.query('UPDATE login_attempt SET locked_until = $2 WHERE subject = $1', [subject, lockedUntil]);
    return { failures: row.failures, lockedUntil };
  }
  return { failures: row.failures, lockedUntil: row.locked_until };
}

export async function clearFailures(db: Queryable, subject: string): Promise<void> {
  await db.query('DELETE FROM login_attempt WHERE subject = $1', [subject]);
}
