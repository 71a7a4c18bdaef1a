import type { Item } from '@zhanqin/contracts';
import { requireNodeScope, type Action, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { findNode, type NodeRecord } from '../nodes/nodes.repository.ts';

/** Loads a node and checks the actor may perform `action` there (403 FORBIDDEN_SCOPE otherwise). */
export async function nodeInScope(
  db: Queryable,
  actor: Actor,
  nodeId: string,
  action: Action,
  label = 'nodeId',
): Promise<NodeRecord> {
  const node = await findNode(db, nodeId);
  if (!node) throw new AppError('REFERENCE_NOT_FOUND', `Node ${nodeId} (${label}) does not exist`, { field: label, nodeId });
  requireNodeScope(actor, action, node);
  return node;
}

type ItemRow = {
  id: string;
  code: string;
  tracking: Item['tracking'];
  shelf_life_months: number | null;
  inspection_interval_days: number | null;
  safety_critical: boolean;
  storage_temp_min_c: number | null;
  storage_temp_max_c: number | null;
};
export type ItemInfo = {
  id: string;
  code: string;
  tracking: Item['tracking'];
  shelfLifeMonths: number | null;
  inspectionIntervalDays: number | null;
  safetyCritical: boolean;
  storageTempMinC: number | null;
  storageTempMaxC: number | null;
};

/** The items a document names, in one query; unknown ids are a 422 naming the line. */
export async function loadItems(db: Queryable, itemIds: readonly string[]): Promise<Map<string, ItemInfo>> {
  const items = await findItems(db, itemIds);
  const missing = itemIds.map((id, line) => ({ id, line })).filter((x) => !items.has(x.id));
  if (missing.length)
    throw new AppError('REFERENCE_NOT_FOUND', 'Some lines name items that do not exist', {
      lines: missing.map((m) => ({ line: m.line, itemId: m.id })),
    });
  return items;
}

/** The items that exist among `itemIds`, in one query. */
export async function findItems(db: Queryable, itemIds: readonly string[]): Promise<Map<string, ItemInfo>> {
  const unique = [...new Set(itemIds)];
  const rows = await db.query<ItemRow>(
    'SELECT id, code, tracking, shelf_life_months, inspection_interval_days, safety_critical, storage_temp_min_c, storage_temp_max_c FROM item WHERE id = ANY ($1::uuid[])',
    [unique],
  );
  const items = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        tracking: r.tracking,
        shelfLifeMonths: r.shelf_life_months,
        inspectionIntervalDays: r.inspection_interval_days,
        safetyCritical: r.safety_critical,
        storageTempMinC: r.storage_temp_min_c,
        storageTempMaxC: r.storage_temp_max_c,
      },
    ]),
  );
  return items;
}

/** Today as 'YYYY-MM-DD' in China Standard Time, where the detachment works. */
export const localDate = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
