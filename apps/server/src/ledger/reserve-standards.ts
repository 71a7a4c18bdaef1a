import type { ReserveStandardInput, ReserveStandardListQuery } from '@zhanqin/contracts';
import { proposeReplenishment, shortfallAgainst, type Shortfall } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import { requireAction, type Actor } from '../auth/actor.ts';
import { listPage, where } from '../db/list-query.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { nodeScopeCondition } from './stock-queries.ts';
import { loadItems, nodeInScope } from './stock-context.ts';
import { createTransfer, createTransfers, MAX_TRANSFERS_PER_BATCH } from './transfers.ts';

/** The reserve standards in scope, by node and item code, with each node's backup-ratio override. */
export async function listReserveStandards(deps: Pick<Deps, 'db'>, actor: Actor, q: ReserveStandardListQuery) {
  requireAction(actor, 'stock.read');
  const { rows, total } = await listPage<{
    node_id: string;
    node_code: string;
    node_name_zh: string;
    node_name_en: string;
    item_id: string;
    item_code: string;
    item_name_zh: string;
    item_name_en: string;
    min_reserve: number;
    target: number;
    backup_ratio: string | null;
    item_backup_ratio: string | null;
    updated_at: Date;
  }>(deps.db, {
    from: `reserve_standard r JOIN node n ON n.id = r.node_id JOIN organisation o ON o.id = n.organisation_id JOIN item i ON i.id = r.item_id`,
    select: `r.node_id, n.code AS node_code, n.name_zh AS node_name_zh, n.name_en AS node_name_en, r.item_id, i.code AS item_code,
             i.name_zh AS item_name_zh, i.name_en AS item_name_en, r.min_reserve, r.target, r.backup_ratio,
             i.backup_ratio AS item_backup_ratio, r.updated_at`,
    conditions: [
      q.nodeId && where('r.node_id = ?', q.nodeId),
      q.itemId && where('r.item_id = ?', q.itemId),
      nodeScopeCondition(actor),
    ],
    orderBy: 'n.code',
    order: q.order ?? 'asc',
    tieBreaker: 'i.code',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return {
    items: rows.map((r) => ({
      nodeId: r.node_id,
      nodeCode: r.node_code,
      nodeNameZh: r.node_name_zh,
      nodeNameEn: r.node_name_en,
      itemId: r.item_id,
      itemCode: r.item_code,
      itemNameZh: r.item_name_zh,
      itemNameEn: r.item_name_en,
      minReserve: Number(r.min_reserve),
      target: Number(r.target),
      backupRatio: r.backup_ratio,
      itemBackupRatio: r.item_backup_ratio,
      updatedAt: r.updated_at.toISOString(),
    })),
    total,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  };
}

/** Sets (or replaces) the reserve standard of one item at one node. */
export async function setReserveStandard(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: ReserveStandardInput) {
  if (input.minReserve > input.target) throw new AppError('VALIDATION_FAILED', 'minReserve cannot exceed target');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const node = await nodeInScope(tx, actor, input.nodeId, 'standard.write');
    await loadItems(tx, [input.itemId]);
    const before = await tx.query<{ min_reserve: number; target: number; backup_ratio: string | null }>(
      'SELECT min_reserve, target, backup_ratio FROM reserve_standard WHERE node_id = $1 AND item_id = $2',
      [node.id, input.itemId],
    );
    await tx.query(
      `INSERT INTO reserve_standard (organisation_id, node_id, item_id, min_reserve, target, backup_ratio, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (node_id, item_id) DO UPDATE SET min_reserve = excluded.min_reserve, target = excluded.target, backup_ratio = excluded.backup_ratio, updated_at = excluded.updated_at`,
      [node.organisationId, node.id, input.itemId, input.minReserve, input.target, input.backupRatio ?? null, now],
    );
    await appendAudit(
      tx,
      actor,
      {
        action: 'standard.set',
        entityType: 'reserve_standard',
        entityId: `${node.id}:${input.itemId}`,
        organisationId: node.organisationId,
        summary: {
          before: before[0] ?? null,
          after: { minReserve: input.minReserve, target: input.target, backupRatio: input.backupRatio ?? null },
        },
      },
      now,
    );
    return { ...input, backupRatio: input.backupRatio ?? null };
  });
}

export type ShortfallRow = Shortfall & {
  nodeCode: string;
  nodeType: string;
  itemCode: string;
  itemNameZh: string;
  itemNameEn: string;
};

/** Every node × item in scope whose available stock is below its target, worst first. */
export async function shortfallReport(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  options: { nodeId?: string; onlyBelowMinimum?: boolean } = {},
): Promise<ShortfallRow[]> {
  requireAction(actor, 'stock.read');
  const scope = nodeScopeCondition(actor);
  const params: unknown[] = [options.nodeId ?? null];
  let scopeSql = '';
  if (scope) {
    params.push(...scope.params);
    scopeSql = `AND (o.path LIKE ANY ($2) OR n.id = ANY ($3::uuid[]))`;
  }
  const rows = await deps.db.query<{
    node_id: string;
    node_code: string;
    node_type: string;
    item_id: string;
    item_code: string;
    name_zh: string;
    name_en: string;
    min_reserve: number;
    target: number;
    available: number;
  }>(
    `SELECT r.node_id, n.code AS node_code, n.type AS node_type, r.item_id, i.code AS item_code, i.name_zh, i.name_en, r.min_reserve, r.target,
            coalesce(s.on_hand - s.reserved - s.quarantined, 0) AS available
       FROM reserve_standard r JOIN node n ON n.id = r.node_id JOIN organisation o ON o.id = n.organisation_id JOIN item i ON i.id = r.item_id
       LEFT JOIN stock_summary s ON s.node_id = r.node_id AND s.item_id = r.item_id
      WHERE coalesce(s.on_hand - s.reserved - s.quarantined, 0) < r.target AND ($1::uuid IS NULL OR r.node_id = $1) ${scopeSql}`,
    params,
  );
  return rows
    .map((r) => ({
      ...shortfallAgainst(
        { nodeId: r.node_id, itemId: r.item_id, minReserve: Number(r.min_reserve), target: Number(r.target) },
        Number(r.available),
      ),
      nodeCode: r.node_code,
      nodeType: r.node_type,
      itemCode: r.item_code,
      itemNameZh: r.name_zh,
      itemNameEn: r.name_en,
    }))
    .filter((r) => !options.onlyBelowMinimum || r.belowMinimum > 0)
    .sort(
      (a, b) =>
        b.belowMinimum - a.belowMinimum ||
        b.toTarget - a.toTarget ||
        (a.nodeCode + a.itemCode < b.nodeCode + b.itemCode ? -1 : 1),
    );
}

/** Who replenishes whom (N ← 8 ← 1): stations, micro stations and vehicles from the nearest sub-warehouse, sub-warehouses from the nearest base. */
async function supplierMap(deps: Pick<Deps, 'db'>): Promise<Map<string, string | null>> {
  const nodes = await deps.db.query<{ id: string; type: string; lat: number; lng: number; status: string }>(
    'SELECT id, type, lat, lng, status FROM node',
  );
  const nearest = (from: { lat: number; lng: number }, type: string) => {
    let best: { id: string; d: number } | null = null;
    for (const n of nodes) {
      if (n.type !== type || n.status !== 'open') continue;
      const d = (n.lat - from.lat) ** 2 + ((n.lng - from.lng) * Math.cos((from.lat * Math.PI) / 180)) ** 2;
      if (!best || d < best.d || (d === best.d && n.id < best.id)) best = { id: n.id, d };
    }
    return best?.id ?? null;
  };
  const map = new Map<string, string | null>();
  for (const n of nodes) {
    if (n.type === 'sub-warehouse') map.set(n.id, nearest(n, 'base'));
    else if (n.type === 'station' || n.type === 'micro-station' || n.type === 'vehicle')
      map.set(n.id, nearest(n, 'sub-warehouse') ?? nearest(n, 'base'));
    else map.set(n.id, null);
  }
  return map;
}

/**
 * Turns the shortfalls in scope into draft transfers up the hierarchy ("consume a batch, replenish a
 * batch"). Suppliers give only what they hold above their own minimum; each transfer reserves at once.
 */
export async function proposeReplenishmentTransfers(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  options: { nodeId?: string; dryRun?: boolean } = {},
) {
  requireAction(actor, 'stock.write');
  const shortfalls = await shortfallReport(deps, actor, { nodeId: options.nodeId });
  const suppliers = await supplierMap(deps);
  const itemIds = [...new Set(shortfalls.map((s) => s.itemId))];
  const free = await deps.db.query<{ node_id: string; item_id: string; free: number }>(
    `SELECT s.node_id, s.item_id, (s.on_hand - s.reserved - s.quarantined) - coalesce(r.min_reserve, 0) AS free
       FROM stock_summary s LEFT JOIN reserve_standard r ON r.node_id = s.node_id AND r.item_id = s.item_id
      WHERE s.item_id = ANY ($1::uuid[])`,
    [itemIds],
  );
  const freeMap = new Map(free.map((f) => [`${f.node_id}|${f.item_id}`, Number(f.free)]));
  const proposals = proposeReplenishment(
    shortfalls,
    (n) => suppliers.get(n) ?? null,
    (n, i) => freeMap.get(`${n}|${i}`) ?? 0,
  );
  if (options.dryRun) return { proposals, transfers: [] as { id: string; number: string }[] };
  const grouped = new Map<string, { from: string; to: string; lines: { itemId: string; qty: number }[] }>();
  for (const p of proposals) {
    const key = `${p.fromNodeId}>${p.toNodeId}`;
    const g = grouped.get(key) ?? { from: p.fromNodeId, to: p.toNodeId, lines: [] };
    g.lines.push({ itemId: p.itemId, qty: p.qty });
    grouped.set(key, g);
  }
  const transfers: { id: string; number: string }[] = [];
  const failures: { from: string; to: string; code: string; message: string }[] = [];
  const requests = [...grouped.values()].map((g) => ({
    input: { fromNodeId: g.from, toNodeId: g.to, reference: 'replenishment 补充', lines: g.lines },
  }));
  // The round in as few transactions as a batch allows; suppliers shared by several stations are resolved together.
  for (let i = 0; i < requests.length; i += MAX_TRANSFERS_PER_BATCH) {
    const chunk = requests.slice(i, i + MAX_TRANSFERS_PER_BATCH);
    try {
      for (const { document } of await createTransfers(deps, actor, chunk))
        transfers.push({ id: document.id, number: document.number });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Something moved since the report: create what still can be, one by one, and name what cannot.
      for (const { input } of chunk) {
        try {
          const { document } = await createTransfer(deps, actor, input);
          transfers.push({ id: document.id, number: document.number });
        } catch (failure) {
          if (!(failure instanceof AppError)) throw failure;
          failures.push({ from: input.fromNodeId, to: input.toNodeId, code: failure.code, message: failure.message });
        }
      }
    }
  }
  await deps.db.transaction((tx) =>
    appendAudit(
      tx,
      actor,
      {
        action: 'replenishment.propose',
        entityType: 'stock_document',
        entityId: null,
        organisationId: null,
        summary: { proposals: proposals.length, transfers: transfers.length, failures: failures.length },
      },
      deps.clock.now(),
    ),
  );
  return { proposals, transfers, failures };
}
