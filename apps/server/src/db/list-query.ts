import type { Queryable } from './database.ts';

/** A filter clause with its parameters written as `?`, numbered on assembly. */
export type Condition = { sql: string; params: unknown[] };

export const where = (sql: string, ...params: unknown[]): Condition => ({ sql, params });

export type ListRequest = {
  /** FROM clause, e.g. `node n`. */
  from: string;
  /** Column list, e.g. `n.*`. */
  select: string;
  conditions: (Condition | null | undefined | false | '')[];
  /** SQL expression to sort by, chosen from an allow-list by the caller (never user text). */
  orderBy: string;
  order: 'asc' | 'desc';
  /** Unique column appended to the sort so pages are stable. */
  tieBreaker: string;
  limit: number;
  offset: number;
};

/** Joins the conditions that apply into one WHERE clause, numbering their `?` placeholders as $1, $2, … */
export function buildWhere(conditions: ListRequest['conditions']): { whereSql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses = conditions
    .filter((c): c is Condition => Boolean(c))
    .map((c) => {
      let i = 0;
      const sql = c.sql.replace(/\?/g, () => {
        params.push(c.params[i++]);
        return `$${params.length}`;
      });
      return `(${sql})`;
    });
  return { whereSql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One round trip for a page and its total: `count(*) OVER ()` rides along on every row. */
export async function listPage<Row>(db: Queryable, req: ListRequest): Promise<{ rows: Row[]; total: number }> {
  const { whereSql, params } = buildWhere(req.conditions);
  const dir = req.order === 'desc' ? 'DESC' : 'ASC';
  params.push(req.limit, req.offset);
  const rows = await db.query<Row & { total_count: number }>(
    `SELECT ${req.select}, count(*) OVER () AS total_count FROM ${req.from} ${whereSql}
     ORDER BY ${req.orderBy} ${dir}, ${req.tieBreaker} ${dir} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  if (rows.length === 0 && req.offset > 0) {
    const countParams = params.slice(0, -2);
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${req.from} ${whereSql}`, countParams);
    return { rows: [], total: count?.n ?? 0 };
  }
  return { rows, total: rows[0]?.total_count ?? 0 };
}

/** Escapes LIKE wildcards so a search for "50%" matches the text, not everything. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A LIKE pattern matching text that starts with `text` (wildcards in it escaped). */
export const prefixPattern = (text: string): string => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
