import { err, ok, type Result } from '../result.ts';

/** The four quantities kept per node × item × stock unit. `reserved` and `quarantined` are parts of `onHand`. */
export const BUCKETS = ['on_hand', 'reserved', 'in_transit', 'quarantined'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** One stock unit at one node: a lot, a serialised asset, or the untracked remainder (`stockKey` = NO_STOCK_KEY). */
export type StockKey = { nodeId: string; itemId: string; stockKey: string };
export const NO_STOCK_KEY = '00000000-0000-0000-0000-000000000000';

export type StockMovement = StockKey & { bucket: Bucket; delta: number };
export type Balance = { onHand: number; reserved: number; inTransit: number; quarantined: number };
export type Balances = ReadonlyMap<string, Balance>;

export const keyOf = (k: StockKey): string => `${k.nodeId}|${k.itemId}|${k.stockKey}`;
export const EMPTY_BALANCE: Balance = Object.freeze({ onHand: 0, reserved: 0, inTransit: 0, quarantined: 0 });

const FIELD: Record<Bucket, keyof Balance> = {
  on_hand: 'onHand',
  reserved: 'reserved',
  in_transit: 'inTransit',
  quarantined: 'quarantined',
};

export type LedgerError =
  | { code: 'negative-balance'; key: string; bucket: Bucket; balance: Balance }
  | { code: 'over-committed'; key: string; balance: Balance }
  | { code: 'invalid-movement'; reason: string };

/** What a balance may never be: negative in any bucket, or with more reserved + quarantined than on hand. */
export function checkBalance(key: string, b: Balance): LedgerError | null {
  for (const bucket of BUCKETS) if (b[FIELD[bucket]] < 0) return { code: 'negative-balance', key, bucket, balance: b };
  if (b.reserved + b.quarantined > b.onHand) return { code: 'over-committed', key, balance: b };
  return null;
}

/**
 * Applies the movements of one document to balances, all or nothing — the same rule the database
 * enforces with its CHECK constraints. The ledger is append-only: corrections are new movements.
 */
export function applyMovements(balances: Balances, movements: readonly StockMovement[]): Result<Balances, LedgerError> {
  const next = new Map(balances);
  for (const m of movements) {
    if (!Number.isSafeInteger(m.delta) || m.delta === 0)
      return err({ code: 'invalid-movement', reason: `delta must be a non-zero integer, got ${m.delta}` });
    const key = keyOf(m);
    const current = next.get(key) ?? EMPTY_BALANCE;
    next.set(key, { ...current, [FIELD[m.bucket]]: current[FIELD[m.bucket]] + m.delta });
  }
  // Checked after the whole document, as the database checks at the end of each statement.
  for (const m of movements) {
    const key = keyOf(m);
    const problem = checkBalance(key, next.get(key)!);
    if (problem) return err(problem);
  }
  return ok(next);
}

/** Recomputes balances from the full movement history (what `ledger verify` compares with the stored ones). */
export function balancesFromMovements(movements: Iterable<StockMovement>): Map<string, Balance> {
  const result = new Map<string, Balance>();
  for (const m of movements) {
    const key = keyOf(m);
    const current = result.get(key) ?? { ...EMPTY_BALANCE };
    current[FIELD[m.bucket]] += m.delta;
    result.set(key, current);
  }
  return result;
}

/** Units that can be promised to anyone: on hand minus reserved minus quarantined. */
export const availableOf = (b: Balance): number => b.onHand - b.reserved - b.quarantined;
