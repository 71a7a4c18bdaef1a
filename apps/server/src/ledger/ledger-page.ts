import type { Queryable } from '../db/database.ts';
import { buildWhere, type ListRequest } from '../db/list-query.ts';

/** Above this many matching rows a list reports the planner's estimate instead of counting them all. */
export const EXACT_TOTAL_CAP = 10_000;

/**
 * A page of a large ledger list (stock, assets) without `count(*) OVER ()`, which makes PostgreSQL
 * join and count every matching row (a million assets: ~0.8 s) before it can return 50. The total is
 * exact when the page itself proves it (a short page) or when at most EXACT_TOTAL_CAP rows match
 * (a count stopped at the cap); otherwise it is the planner's row estimate, flagged `totalIsEstimate`.
 */
export async function listLedgerPage<Row>(
  db: Queryable,
  req: ListRequest,
): Promise<{ rows: Row[]; total: number; totalIsEstimate: boolean }> {
  const { whereSql, params } = buildWhere(req.conditions);
  const dir = req.order === 'desc' ? 'DESC' : 'ASC';
  const rows = await db.query<Row>(
    `SELECT ${req.select} FROM ${req.from} ${whereSql}
     ORDER BY ${req.orderBy} ${dir}, ${req.tieBreaker} ${dir} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, req.limit, req.offset],
  );
  if (rows.length < req.limit && (rows.length > 0 || req.offset === 0))
    return { rows, total: req.offset + rows.length, totalIsEstimate: false };
  const [capped] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${req.from} ${whereSql} LIMIT ${EXACT_TOTAL_CAP + 1}) t`,
    params,
  );
  const counted = Number(capped?.n ?? 0);
  if (counted <= EXACT_TOTAL_CAP) return { rows, total: counted, totalIsEstimate: false };
  const [plan] = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${req.from} ${whereSql}`,
    params,
  );
  const estimate = Math.round(Number(plan?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'] ?? 0));
  const seen = req.offset + rows.length + (rows.length === req.limit ? 1 : 0);
  return { rows, total: Math.max(estimate, seen, EXACT_TOTAL_CAP + 1), totalIsEstimate: true };
}
