import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import { likePattern, listPage, where } from '../db/list-query.ts';
import { hashAuditEntry, verifyAuditChain, type AuditEntry, type ChainVerdict } from './audit-chain.ts';

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string | null;
  organisationId: string | null;
  /** Before/after summary of the change: small, never secrets. */
  summary: Record<string, unknown>;
};

/**
 * Appends one entry to the hash chain inside the caller's transaction. The head row is locked
 * until that transaction ends, so concurrent writers queue and the chain stays linear.
 */
export async function appendAudit(tx: Queryable, actor: Actor, input: AuditInput, now: Date): Promise<void> {
  await appendAuditEntries(tx, actor, [input], now);
}

/**
 * Appends several entries, in order, with one read of the head, one INSERT and one update of the
 * head: the chain is the same as appending them one by one.
 */
export async function appendAuditEntries(tx: Queryable, actor: Actor, inputs: readonly AuditInput[], now: Date): Promise<void> {
  if (inputs.length === 0) return;
  const [head] = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE');
  if (!head) throw new Error('audit_head row is missing');
  let seq = Number(head.seq);
  let prevHash = head.hash;
  // The entries travel as one JSON text (a jsonb[] literal of summaries costs far more to escape and
  // parse); rows are written as literals, without object spread, since a batch appends hundreds.
  const rows: {
    seq: number;
    organisation_id: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    summary: unknown;
    prev_hash: string;
    hash: string;
  }[] = [];
  const at = now.toISOString();
  for (const input of inputs) {
    const entry: AuditEntry = {
      seq: ++seq,
      organisationId: input.organisationId,
      at,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      actorRole: actor.role,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      // As stored: what a jsonb round trip gives back is what the hash covers.
      summary: JSON.parse(JSON.stringify(input.summary)) as unknown,
      clientAddress: actor.clientAddress,
    };
    const hash = hashAuditEntry(prevHash, entry);
    rows.push({
      seq: entry.seq,
      organisation_id: entry.organisationId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
  }
  // The entries and the new head in one statement.
  await tx.query(
    `WITH inserted AS (
     INSERT INTO audit_event (seq, organisation_id, at, actor_user_id, actor_username, actor_role, action, entity_type,
       entity_id, summary, client_address, prev_hash, hash)
     SELECT e.seq, e.organisation_id, $1::timestamptz, $2::uuid, $3::text, $4::text, e.action, e.entity_type, e.entity_id, e.summary,
            $5::text, e.prev_hash, e.hash
       FROM jsonb_to_recordset($6::jsonb)
            AS e(seq bigint, organisation_id uuid, action text, entity_type text, entity_id text, summary jsonb, prev_hash text, hash text)
      ORDER BY e.seq
     RETURNING 1)
     UPDATE audit_head SET seq = $7::bigint, hash = $8::text WHERE id = 1`,
    [at, actor.userId, actor.username, actor.role, actor.clientAddress, JSON.stringify(rows), seq, prevHash],
  );
}

type AuditRow = {
  seq: number;
  organisation_id: string | null;
  at: Date;
  actor_user_id: string | null;
  actor_username: string;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: unknown;
  client_address: string | null;
  prev_hash: string;
  hash: string;
};

const toEntry = (r: AuditRow) => ({
  seq: Number(r.seq),
  organisationId: r.organisation_id,
  at: r.at.toISOString(),
  actorUserId: r.actor_user_id,
  actorUsername: r.actor_username,
  actorRole: r.actor_role,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  summary: r.summary,
  clientAddress: r.client_address,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export type AuditQuery = {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
};

/** Newest first. `organisationPaths` null = every entry; otherwise entries of those subtrees only. */
export async function listAudit(db: Queryable, q: AuditQuery, organisationPaths: readonly string[] | null) {
  const { rows, total } = await listPage<AuditRow>(db, {
    from: 'audit_event a LEFT JOIN organisation o ON o.id = a.organisation_id',
    select: 'a.*',
    conditions: [
      q.actor && where('a.actor_username ILIKE ?', likePattern(q.actor)),
      q.entityType && where('a.entity_type = ?', q.entityType),
      q.entityId && where('a.entity_id = ?', q.entityId),
      q.action && where('a.action = ?', q.action),
      q.from && where('a.at >= ?', q.from),
      q.to && where('a.at < ?', q.to),
      organisationPaths &&
        where(
          'o.path LIKE ANY (?)',
          organisationPaths.map((p) => `${p}%`),
        ),
    ],
    orderBy: 'a.seq',
    order: 'desc',
    tieBreaker: 'a.seq',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(toEntry), total };
}

/** Reads the whole chain in pages of 5,000 and verifies it against the head. */
export async function verifyAudit(db: Queryable): Promise<ChainVerdict> {
  const [head] = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
  const pageSize = 5000;
  async function* entries() {
    let after = 0;
    for (;;) {
      const rows = await db.query<AuditRow>('SELECT * FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2', [after, pageSize]);
      for (const r of rows) yield toEntry(r);
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }
  const all: ReturnType<typeof toEntry>[] = [];
  for await (const e of entries()) all.push(e);
  return verifyAuditChain(all, { seq: Number(head?.seq ?? 0), hash: head?.hash ?? '' });
}
