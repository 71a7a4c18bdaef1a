import type { Queryable } from '../src/db/database.ts';
import { bearer, type TestContext } from './support.ts';

export async function idOf(db: Queryable, table: 'node' | 'item' | 'organisation', code: string): Promise<string> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE code = $1`, [code]);
  if (!rows[0]) throw new Error(`${table} ${code} not found`);
  return rows[0].id;
}

/** A tiny API client over inject for one signed-in user. */
export function client(ctx: TestContext, token: () => string) {
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await ctx.app.inject({
      method,
      url: `/api/v1${url}`,
      payload: payload as object,
      headers: { ...bearer(token()), ...headers },
    });
    return { status: res.statusCode, body: res.body ? res.json() : null, headers: res.headers };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) => call('POST', url, payload ?? {}, headers),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
  };
}

export async function balance(db: Queryable, nodeId: string, itemId: string) {
  const [row] = await db.query<{ on_hand: number; reserved: number; in_transit: number; quarantined: number }>(
    'SELECT coalesce(sum(on_hand),0) AS on_hand, coalesce(sum(reserved),0) AS reserved, coalesce(sum(in_transit),0) AS in_transit, coalesce(sum(quarantined),0) AS quarantined FROM stock_balance WHERE node_id = $1 AND item_id = $2',
    [nodeId, itemId],
  );
  return {
    onHand: Number(row!.on_hand),
    reserved: Number(row!.reserved),
    inTransit: Number(row!.in_transit),
    quarantined: Number(row!.quarantined),
  };
}
