import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-chain.ts';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { findDocumentByIdempotencyKey, type StockDocument } from './ledger.repository.ts';

export const requestHashOf = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

export type Posted = { document: StockDocument; replayed: boolean };

/**
 * Runs `create` once per idempotency key. A retry with the same key and the same body gets the
 * document created the first time (even when both arrive at once); the same key with another body
 * is refused, so a key can never post two different documents.
 */
export async function withIdempotency(
  db: Queryable,
  key: string | undefined,
  body: unknown,
  create: (key: { key: string; hash: string } | null) => Promise<StockDocument>,
): Promise<Posted> {
  if (!key) return { document: await create(null), replayed: false };
  if (!/^[A-Za-z0-9_.:-]{8,200}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 8–200 characters of letters, digits and _ . : -');
  }
  const hash = requestHashOf(body);
  const replay = async (): Promise<Posted | null> => {
    const existing = await findDocumentByIdempotencyKey(db, key);
    if (!existing) return null;
    if (existing.requestHash !== hash) {
      throw new AppError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was already used for a different request', {
        documentId: existing.document.id,
      });
    }
    return { document: existing.document, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return { document: await create({ key, hash }), replayed: false };
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e.code === '23505' && String(e.constraint ?? '').includes('idempotency')) {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
}
