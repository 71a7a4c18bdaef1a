import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers. */
export type AuditEntry = {
  seq: number;
  organisationId: string | null;
  at: string;
  actorUserId: string | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  clientAddress: string | null;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = sha256(prevHash ‖ canonical entry): changing or removing any entry breaks every later link. */
export function hashAuditEntry(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson([
        entry.seq,
        entry.organisationId,
        entry.at,
        entry.actorUserId,
        entry.actorUsername,
        entry.actorRole,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.summary,
        entry.clientAddress,
      ]),
    )
    .digest('hex');
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      firstBrokenSeq: number;
      reason: 'hash-mismatch' | 'missing-entry' | 'link-mismatch' | 'head-mismatch';
    };

/** Walks entries in seq order and names the first one whose hash, link or position is wrong. */
export function verifyAuditChain(
  entries: Iterable<AuditEntry & { prevHash: string; hash: string }>,
  head: { seq: number; hash: string },
): ChainVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'missing-entry' };
    if (entry.prevHash !== prevHash) return { ok: false, checked, firstBrokenSeq: entry.seq, reason: 'link-mismatch' };
    if (hashAuditEntry(prevHash, entry) !== entry.hash)
      return { ok: false, checked, firstBrokenSeq: entry.seq, reason: 'hash-mismatch' };
    prevHash = entry.hash;
    expectedSeq++;
    checked++;
  }
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, checked, firstBrokenSeq: Math.min(head.seq, expectedSeq), reason: 'head-mismatch' };
  }
  return { ok: true, checked };
}
