import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashAuditEntry, verifyAuditChain, type AuditEntry } from './audit-chain.ts';

function chain(n: number) {
  let prev = GENESIS_HASH;
  const entries: (AuditEntry & { prevHash: string; hash: string })[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const e: AuditEntry = {
      seq,
      organisationId: null,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorUserId: null,
      actorUsername: 'u',
      actorRole: 'admin',
      action: 'x.y',
      entityType: 'node',
      entityId: String(seq),
      summary: { n: seq },
      clientAddress: '127.0.0.1',
    };
    const hash = hashAuditEntry(prev, e);
    entries.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return { entries, head: { seq: n, hash: prev } };
}

describe('audit chain', () => {
  it('hashes objects the same whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('accepts an intact chain and names the first altered, removed or relinked entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.constantFrom('alter', 'remove', 'relink'), (n, pick, how) => {
        const { entries, head } = chain(n);
        expect(verifyAuditChain(entries, head)).toEqual({ ok: true, checked: n });
        const i = pick % (n - 1);
        const broken = entries.map((e) => ({ ...e }));
        if (how === 'alter') broken[i]!.summary = { n: -1 };
        if (how === 'remove') broken.splice(i, 1);
        if (how === 'relink') broken[i]!.prevHash = 'f'.repeat(64);
        const verdict = verifyAuditChain(broken, head);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.firstBrokenSeq).toBe(i + 1);
      }),
    );
  });

  it('notices entries cut off the end through the head', () => {
    const { entries, head } = chain(5);
    expect(verifyAuditChain(entries.slice(0, 4), head)).toMatchObject({ ok: false, reason: 'head-mismatch' });
  });
});
