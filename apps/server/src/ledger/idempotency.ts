import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-chain.ts';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { toDocument, type StockDocument, type StockDocumentRow } from './ledger.repository.ts';

export const requestHashOf = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

export type Posted = { document: StockDocument; replayed: boolean };

/** An idempotency key and the hash of the request body it was sent with. */
export type RequestKey = { key: string; hash: string };

/** One request of a batch: its body and, optionally, its own idempotency key. */
export type KeyedRequest<T> = { input: T; idempotencyKey?: string | undefined };

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * Runs `create` once per idempotency key. A retry with the same key and the same body gets the
 * document created the first time (even when both arrive at once); the same key with another body
 * is refused, so a key can never post two different documents.
 */
export async function withIdempotency(
  db: Queryable,
  key: string | undefined,
  body: unknown,
  create: (key: RequestKey | null) => Promise<StockDocument>,
): Promise<Posted> {
  const [posted] = await withIdempotentBatch(db, [{ input: body, idempotencyKey: key }], async ([request]) => [
    await create(request!.key),
  ]);
  return posted!;
}

/**
 * The batch form: requests whose key was posted before are replayed (or refused when their body
 * differs), and `create` posts the others together, returning their documents in the order given.
 * When a concurrent request posts one of the keys meanwhile, the unique index refuses `create`'s
 * transaction and the batch is looked up again, so every key still posts exactly one document.
 */
export async function withIdempotentBatch<T>(
  db: Queryable,
  requests: readonly KeyedRequest<T>[],
  create: (fresh: { input: T; key: RequestKey | null; index: number }[]) => Promise<StockDocument[]>,
): Promise<Posted[]> {
  const batch = requests.length > 1;
  const where = (index: number) => (batch ? `Request ${index}: ` : '');
  const keys = requests.map((r, index) => {
    if (r.idempotencyKey === undefined) return null;
    if (!KEY_PATTERN.test(r.idempotencyKey)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${where(index)}Idempotency-Key must be 8–200 characters of letters, digits and _ . : -`,
        batch ? { index } : undefined,
      );
    }
    return { key: r.idempotencyKey, hash: requestHashOf(r.input) };
  });
  const firstIndex = new Map<string, number>();
  keys.forEach((k, index) => {
    if (!k) return;
    const earlier = firstIndex.get(k.key);
    if (earlier !== undefined) {
      throw new AppError('VALIDATION_FAILED', `Requests ${earlier} and ${index} carry the same idempotency key`, {
        indexes: [earlier, index],
      });
    }
    firstIndex.set(k.key, index);
  });

  const lookUp = async (): Promise<(Posted | null)[]> => {
    const wanted = keys.flatMap((k) => (k ? [k.key] : []));
    if (wanted.length === 0) return keys.map(() => null);
    const rows = await db.query<StockDocumentRow>('SELECT * FROM stock_document WHERE idempotency_key = ANY ($1::text[])', [
      wanted,
    ]);
    const byKey = new Map(rows.map((r) => [r.idempotency_key!, r]));
    return keys.map((k, index) => {
      const row = k ? byKey.get(k.key) : undefined;
      if (!k || !row) return null;
      if (row.request_hash !== k.hash) {
        throw new AppError(
          'IDEMPOTENCY_MISMATCH',
          `${where(index)}This Idempotency-Key was already used for a different request`,
          batch ? { documentId: row.id, index } : { documentId: row.id },
        );
      }
      return { document: toDocument(row), replayed: true };
    });
  };

  for (let attempt = 0; ; attempt++) {
    const earlier = await lookUp();
    const fresh = requests.flatMap((r, index) => (earlier[index] ? [] : [{ input: r.input, key: keys[index]!, index }]));
    if (fresh.length === 0) return earlier.map((p) => p!);
    try {
      const created = await create(fresh);
      const results = earlier.slice();
      fresh.forEach((f, i) => (results[f.index] = { document: created[i]!, replayed: false }));
      return results.map((p) => p!);
    } catch (error) {
      const e = error as { code?: string; constraint?: string };
      const raced = e.code === '23505' && String(e.constraint ?? '').includes('idempotency');
      if (!raced || attempt > 0) throw error;
    }
  }
}
