import type { Queryable } from '../db/database.ts';
import { buildWhere, where, type ListRequest } from '../db/list-query.ts';
import { AppError } from '../http/app-error.ts';

/** Above this many matching rows a list reports the planner's estimate instead of counting them all. */
export const EXACT_TOTAL_CAP = 10_000;

/**
 * The deepest OFFSET a ledger list accepts. Deeper pages are read with the list's cursor, which
 * seeks in the sort index instead of walking and discarding every row before the page.
 */
export const MAX_LEDGER_OFFSET = 5_000;

export type LedgerListRequest = ListRequest & {
  /** Further sort columns after `orderBy` and `tieBreaker`, in the same direction, so the order is total. */
  thenBy?: readonly string[];
  /** Keyset: only rows after the one whose sort values (orderBy, tieBreaker, …thenBy) these are. */
  after?: readonly unknown[] | null;
  /** A lighter FROM with the same rows for counting them: only the joins the conditions need. */
  countFrom?: string;
  /**
   * Set when `orderBy` reads only `countFrom`'s tables (a quantity, not a joined code): the page's
   * last sort value is first found there, and the page query joins only rows at or beyond it.
   */
  thresholdFirst?: boolean;
};

/**
 * A page of a large ledger list (stock, assets) without `count(*) OVER ()`, which makes PostgreSQL
 * join and count every matching row (a million assets: ~0.8 s) before it can return 50. The total is
 * exact when the page itself proves it (a short page) or when at most EXACT_TOTAL_CAP rows match
 * (a count stopped at the cap); otherwise it is the planner's row estimate, flagged `totalIsEstimate`.
 */
export async function listLedgerPage<Row>(
  db: Queryable,
  req: LedgerListRequest,
): Promise<{ rows: Row[]; total: number; totalIsEstimate: boolean }> {
  if (req.offset > MAX_LEDGER_OFFSET) {
    throw new AppError(
      'VALIDATION_FAILED',
      `offset may be at most ${MAX_LEDGER_OFFSET}: page deeper with the cursor of the previous page`,
      { field: 'offset', max: MAX_LEDGER_OFFSET },
    );
  }
  const { whereSql, params } = buildWhere(req.conditions);
  const dir = req.order === 'desc' ? 'DESC' : 'ASC';
  const sortColumns = [req.orderBy, req.tieBreaker, ...(req.thenBy ?? [])];
  // The row comparison is exact; the bound on the first column alone lets the planner start an
  // index scan (or a nested loop over the first sort column) at the cursor instead of filtering.
  const [cmp, bound] = dir === 'DESC' ? ['<', '<='] : ['>', '>='];
  const seek = req.after
    ? buildWhere([
        ...req.conditions,
        where(`${sortColumns[0]} ${bound} ?`, req.after[0]),
        where(`(${sortColumns.join(', ')}) ${cmp} (${sortColumns.map(() => '?').join(', ')})`, ...req.after),
      ])
    : req.thresholdFirst
      ? await withThreshold(db, req, dir, whereSql, params)
      : { whereSql, params };
  const rows = await db.query<Row>(
    `SELECT ${req.select} FROM ${req.from} ${seek.whereSql}
     ORDER BY ${sortColumns.map((c) => `${c} ${dir}`).join(', ')} LIMIT $${seek.params.length + 1} OFFSET $${seek.params.length + 2}`,
    [...seek.params, req.limit, req.offset],
  );
  if (!req.after && rows.length < req.limit && (rows.length > 0 || req.offset === 0))
    return { rows, total: req.offset + rows.length, totalIsEstimate: false };
  const [capped] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${req.countFrom ?? req.from} ${whereSql} LIMIT ${EXACT_TOTAL_CAP + 1}) t`,
    params,
  );
  const counted = Number(capped?.n ?? 0);
  if (counted <= EXACT_TOTAL_CAP) return { rows, total: counted, totalIsEstimate: false };
  const [plan] = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${req.countFrom ?? req.from} ${whereSql}`,
    params,
  );
  const estimate = Math.round(Number(plan?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'] ?? 0));
  const seen = req.offset + rows.length + (rows.length === req.limit ? 1 : 0);
  return { rows, total: Math.max(estimate, seen, EXACT_TOTAL_CAP + 1), totalIsEstimate: true };
}

/**
 * Sorting by a quantity, every matching row would be joined to its node and item before the sort
 * keeps 50 of them. Instead the value of the page's last row is read from the lighter FROM first
 * (one integer per row, a top-N sort), and the page query keeps only rows at or before it in the
 * sort — the same rows, ties included, so the page is exactly the one the plain query returns.
 */
async function withThreshold(
  db: Queryable,
  req: LedgerListRequest,
  dir: 'ASC' | 'DESC',
  whereSql: string,
  params: unknown[],
): Promise<{ whereSql: string; params: unknown[] }> {
  const [last] = await db.query<{ v: number | string | null }>(
    `SELECT ${req.orderBy} AS v FROM ${req.countFrom ?? req.from} ${whereSql}
     ORDER BY 1 ${dir} LIMIT 1 OFFSET $${params.length + 1}`,
    [...params, req.offset + req.limit - 1],
  );
  if (!last || last.v === null) return { whereSql, params };
  return buildWhere([...req.conditions, where(`${req.orderBy} ${dir === 'DESC' ? '>=' : '<='} ?`, last.v)]);
}
