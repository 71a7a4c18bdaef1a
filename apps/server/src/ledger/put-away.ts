import { randomUUID } from 'node:crypto';
import { NO_STOCK_KEY } from '@zhanqin/domain';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { loadItems, nodeInScope, type ItemInfo } from './stock-context.ts';

export type Slot = { id: string; code: string; zone: string; rack: string; level: string; position: string };

/** Creates the slots of a node's zones (zone-rack-level-position codes), as many as each zone declares. */
export async function createSlotsForZones(
  tx: Queryable,
  node: { id: string; organisationId: string; zones: { code: string; slots: number }[] },
): Promise<number> {
  let created = 0;
  for (const zone of node.zones) {
    const rows = Array.from({ length: zone.slots }, (_, i) => {
      const rack = String(Math.floor(i / 12) + 1).padStart(2, '0');
      const level = String(Math.floor((i % 12) / 4) + 1);
      const position = String((i % 4) + 1).padStart(2, '0');
      return { id: randomUUID(), zone: zone.code, rack, level, position, code: `${zone.code}-${rack}-${level}-${position}` };
    });
    if (!rows.length) continue;
    await tx.query(
      `INSERT INTO slot (id, organisation_id, node_id, zone, rack, level, position, code)
       SELECT s.id, $1, $2, s.zone, s.rack, s.level, s.position, s.code
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS s(id, zone, rack, level, position, code)
       ON CONFLICT (node_id, code) DO NOTHING`,
      [
        node.organisationId,
        node.id,
        rows.map((r) => r.id),
        rows.map((r) => r.zone),
        rows.map((r) => r.rack),
        rows.map((r) => r.level),
        rows.map((r) => r.position),
        rows.map((r) => r.code),
      ],
    );
    created += rows.length;
  }
  return created;
}

/**
 * Suggests a slot for an item at a node: where the item (same lot first) already is; otherwise the
 * first free slot in a zone whose temperature range fits the item's storage range; otherwise any
 * free slot. Null when the node has no free slot.
 */
export async function suggestSlot(
  db: Queryable,
  nodeId: string,
  item: ItemInfo,
  lotId: string | null,
): Promise<(Slot & { why: 'same-lot' | 'same-item' | 'fitting-zone' | 'free-slot' }) | null> {
  const existing = await db.query<Slot & { same_lot: boolean }>(
    `SELECT s.id, s.code, s.zone, s.rack, s.level, s.position, (p.stock_key = $3) AS same_lot FROM slot_placement p JOIN slot s ON s.id = p.slot_id
      WHERE p.node_id = $1 AND p.item_id = $2
     UNION ALL
     SELECT s.id, s.code, s.zone, s.rack, s.level, s.position, false FROM asset a JOIN slot s ON s.id = a.slot_id WHERE a.node_id = $1 AND a.item_id = $2
     ORDER BY same_lot DESC, code LIMIT 1`,
    [nodeId, item.id, lotId ?? NO_STOCK_KEY],
  );
  if (existing[0]) {
    const { same_lot, ...slot } = existing[0];
    return { ...slot, why: same_lot ? 'same-lot' : 'same-item' };
  }
  const [node] = await db.query<{ zones: { code: string; tempMinC?: number; tempMaxC?: number }[] }>(
    'SELECT zones FROM node WHERE id = $1',
    [nodeId],
  );
  const fits = (zone: { tempMinC?: number; tempMaxC?: number }) =>
    (item.storageTempMinC === null || zone.tempMinC === undefined || zone.tempMinC >= item.storageTempMinC) &&
    (item.storageTempMaxC === null || zone.tempMaxC === undefined || zone.tempMaxC <= item.storageTempMaxC);
  const fitting = (node?.zones ?? []).filter(fits).map((z) => z.code);
  const free = await db.query<Slot & { fitting: boolean }>(
    `SELECT s.id, s.code, s.zone, s.rack, s.level, s.position, s.zone = ANY ($2::text[]) AS fitting FROM slot s
      WHERE s.node_id = $1 AND NOT EXISTS (SELECT 1 FROM slot_placement p WHERE p.slot_id = s.id) AND NOT EXISTS (SELECT 1 FROM asset a WHERE a.slot_id = s.id)
      ORDER BY fitting DESC, s.code LIMIT 1`,
    [nodeId, fitting],
  );
  if (!free[0]) return null;
  const { fitting: isFitting, ...slot } = free[0];
  return { ...slot, why: isFitting ? 'fitting-zone' : 'free-slot' };
}

export type PutAwayInput = {
  nodeId: string;
  assignments: { slotId: string; itemId: string; lotId?: string; assetIds?: string[] }[];
};

/** Records where received stock was put: assets get their slot (and a history entry), lots and bulk a placement. */
export async function putAway(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: PutAwayInput) {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const node = await nodeInScope(tx, actor, input.nodeId, 'stock.write');
    await loadItems(
      tx,
      input.assignments.map((a) => a.itemId),
    );
    const slotIds = [...new Set(input.assignments.map((a) => a.slotId))];
    const slots = await tx.query<{ id: string; code: string }>(
      'SELECT id, code FROM slot WHERE node_id = $1 AND id = ANY ($2::uuid[])',
      [node.id, slotIds],
    );
    const missing = slotIds.filter((id) => !slots.some((s) => s.id === id));
    if (missing.length) throw new AppError('REFERENCE_NOT_FOUND', 'Some slots are not slots of this node', { slots: missing });
    let assets = 0;
    for (const [index, a] of input.assignments.entries()) {
      if (a.assetIds?.length) {
        const moved = await tx.query<{ id: string }>(
          'UPDATE asset SET slot_id = $1, updated_at = $4 WHERE id = ANY ($2::uuid[]) AND node_id = $3 AND item_id = $5 RETURNING id',
          [a.slotId, a.assetIds, node.id, now, a.itemId],
        );
        if (moved.length !== a.assetIds.length)
          throw new AppError('UNPROCESSABLE', `Assignment ${index}: some assets are not ${a.itemId} units at this node`, {
            assignment: index,
          });
        await tx.query(
          `INSERT INTO asset_event (organisation_id, asset_id, at, kind, node_id, details) SELECT $1, x, $2, 'put-away', $3, jsonb_build_object('slot', $4::text) FROM unnest($5::uuid[]) AS x`,
          [node.organisationId, now, node.id, slots.find((s) => s.id === a.slotId)!.code, a.assetIds],
        );
        assets += moved.length;
      } else {
        await tx.query(
          `INSERT INTO slot_placement (organisation_id, node_id, slot_id, item_id, stock_key, placed_at) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (slot_id, item_id, stock_key) DO UPDATE SET placed_at = excluded.placed_at`,
          [node.organisationId, node.id, a.slotId, a.itemId, a.lotId ?? NO_STOCK_KEY, now],
        );
      }
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'stock.put-away',
        entityType: 'node',
        entityId: node.id,
        organisationId: node.organisationId,
        summary: { assignments: input.assignments.length, assets },
      },
      now,
    );
    return { assignments: input.assignments.length, assets };
  });
}

export async function listSlots(db: Queryable, nodeId: string) {
  const rows = await db.query<Slot & { items: string[] | null }>(
    `SELECT s.id, s.code, s.zone, s.rack, s.level, s.position,
       (SELECT array_agg(DISTINCT i.code) FROM item i WHERE i.id IN (SELECT item_id FROM slot_placement p WHERE p.slot_id = s.id UNION SELECT item_id FROM asset a WHERE a.slot_id = s.id)) AS items
     FROM slot s WHERE s.node_id = $1 ORDER BY s.code`,
    [nodeId],
  );
  return rows.map((r) => ({ ...r, items: r.items ?? [] }));
}

/** A suggested slot for every line of a receipt, worked out when the keeper asks (not while posting). */
export async function suggestForReceipt(db: Queryable, actor: Actor, documentId: string) {
  const [doc] = await db.query<{
    node_id: string;
    kind: string;
    lines: { itemId: string; qty: number; lotId: string | null; assetIds?: string[] }[];
  }>('SELECT node_id, kind, lines FROM stock_document WHERE id = $1', [documentId]);
  if (!doc || doc.kind !== 'receipt') throw new AppError('NOT_FOUND', `Receipt ${documentId} does not exist`);
  await nodeInScope(db, actor, doc.node_id, 'stock.read');
  const items = await loadItems(
    db,
    doc.lines.map((l) => l.itemId),
  );
  const lines = [];
  for (const line of doc.lines) {
    const slot = await suggestSlot(db, doc.node_id, items.get(line.itemId)!, line.lotId);
    lines.push({
      itemId: line.itemId,
      lotId: line.lotId,
      qty: line.qty,
      assetIds: line.assetIds ?? [],
      suggestedSlot: slot ? { id: slot.id, code: slot.code, why: slot.why } : null,
    });
  }
  return { nodeId: doc.node_id, lines };
}
