import { appendAudit } from '../audit/audit.repository.ts';
import { can, isNodeInScope, requireAction, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { advanceTransferIn, receiveTransferIn } from '../ledger/transfers.ts';
import { findNode } from '../nodes/nodes.repository.ts';

export type ShipmentLine = { itemId: string; qty: number; lotId?: string | null; assetId?: string | null };
export type Shipment = {
  id: string;
  number: string;
  planId: string;
  incidentId: string;
  incidentNumber: string;
  isExercise: boolean;
  fromNodeId: string;
  fromNodeCode: string;
  fromNodeNameZh: string;
  fromNodeNameEn: string;
  fromLat: number;
  fromLng: number;
  toNodeId: string;
  toLat: number;
  toLng: number;
  documentId: string | null;
  vehicleNodeId: string | null;
  vehiclePlate: string | null;
  isCallOff: boolean;
  state: 'picking' | 'packed' | 'in-transit' | 'delivered' | 'cancelled';
  lines: (ShipmentLine & {
    itemCode: string;
    itemNameZh: string;
    itemNameEn: string;
    assetCode: string | null;
    lotNo: string | null;
    picked: boolean;
  })[];
  travelMinutes: number;
  eta: string;
  departedAt: string | null;
  arrivedAt: string | null;
};

type Row = {
  id: string;
  number: string;
  plan_id: string;
  incident_id: string;
  incident_number: string;
  is_exercise: boolean;
  from_node_id: string;
  from_code: string;
  from_name_zh: string;
  from_name_en: string;
  from_lat: number;
  from_lng: number;
  to_node_id: string;
  to_lat: number;
  to_lng: number;
  document_id: string | null;
  vehicle_node_id: string | null;
  plate: string | null;
  is_call_off: boolean;
  state: Shipment['state'];
  lines: ShipmentLine[];
  picked: string[];
  travel_minutes: number;
  eta: Date;
  departed_at: Date | null;
  arrived_at: Date | null;
  organisation_path: string;
};

const SELECT = `SELECT s.*, i.number AS incident_number, i.is_exercise, f.code AS from_code, f.name_zh AS from_name_zh, f.name_en AS from_name_en,
  f.lat AS from_lat, f.lng AS from_lng, t.lat AS to_lat, t.lng AS to_lng, v.plate, o.path AS organisation_path
  FROM shipment s JOIN incident i ON i.id = s.incident_id JOIN node f ON f.id = s.from_node_id JOIN node t ON t.id = s.to_node_id
  JOIN organisation o ON o.id = s.organisation_id LEFT JOIN vehicle v ON v.node_id = s.vehicle_node_id`;

/** Key of a line for pick tracking: the asset, else the lot, else the item. */
const lineKey = (l: ShipmentLine) => l.assetId ?? l.lotId ?? l.itemId;

async function present(db: Queryable, rows: Row[]): Promise<Shipment[]> {
  const itemIds = [...new Set(rows.flatMap((r) => r.lines.map((l) => l.itemId)))];
  const assetIds = [...new Set(rows.flatMap((r) => r.lines.map((l) => l.assetId).filter((x): x is string => Boolean(x))))];
  const lotIds = [...new Set(rows.flatMap((r) => r.lines.map((l) => l.lotId).filter((x): x is string => Boolean(x))))];
  const items = new Map(
    (
      await db.query<{ id: string; code: string; name_zh: string; name_en: string }>(
        'SELECT id, code, name_zh, name_en FROM item WHERE id = ANY ($1::uuid[])',
        [itemIds],
      )
    ).map((i) => [i.id, i]),
  );
  const assets = new Map(
    (await db.query<{ id: string; code: string }>('SELECT id, code FROM asset WHERE id = ANY ($1::uuid[])', [assetIds])).map(
      (a) => [a.id, a.code],
    ),
  );
  const lots = new Map(
    (await db.query<{ id: string; lot_no: string }>('SELECT id, lot_no FROM lot WHERE id = ANY ($1::uuid[])', [lotIds])).map(
      (l) => [l.id, l.lot_no],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    planId: r.plan_id,
    incidentId: r.incident_id,
    incidentNumber: r.incident_number,
    isExercise: r.is_exercise,
    fromNodeId: r.from_node_id,
    fromNodeCode: r.from_code,
    fromNodeNameZh: r.from_name_zh,
    fromNodeNameEn: r.from_name_en,
    fromLat: r.from_lat,
    fromLng: r.from_lng,
    toNodeId: r.to_node_id,
    toLat: r.to_lat,
    toLng: r.to_lng,
    documentId: r.document_id,
    vehicleNodeId: r.vehicle_node_id,
    vehiclePlate: r.plate,
    isCallOff: r.is_call_off,
    state: r.state,
    lines: r.lines.map((l) => ({
      ...l,
      itemCode: items.get(l.itemId)?.code ?? '',
      itemNameZh: items.get(l.itemId)?.name_zh ?? '',
      itemNameEn: items.get(l.itemId)?.name_en ?? '',
      assetCode: l.assetId ? (assets.get(l.assetId) ?? null) : null,
      lotNo: l.lotId ? (lots.get(l.lotId) ?? null) : null,
      picked: r.picked.includes(lineKey(l)),
    })),
    travelMinutes: Number(r.travel_minutes),
    eta: r.eta.toISOString(),
    departedAt: r.departed_at?.toISOString() ?? null,
    arrivedAt: r.arrived_at?.toISOString() ?? null,
  }));
}

/** Who may see a shipment: its source's or depot's scope, or the driver of its vehicle. */
async function visible(db: Queryable, actor: Actor, r: Row): Promise<boolean> {
  if (actor.unrestricted) return true;
  if (r.vehicle_node_id && actor.nodeIds.includes(r.vehicle_node_id)) return true;
  for (const nodeId of [r.from_node_id, r.to_node_id]) {
    const node = await findNode(db, nodeId);
    if (node && isNodeInScope(actor, node)) return true;
  }
  return false;
}

export async function listShipments(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  q: { incidentId?: string; fromNodeId?: string; state?: string; mine?: boolean },
) {
  requireAction(actor, 'stock.read');
  const rows = await deps.db.query<Row>(
    `${SELECT} WHERE ($1::uuid IS NULL OR s.incident_id = $1) AND ($2::uuid IS NULL OR s.from_node_id = $2) AND ($3::text IS NULL OR s.state = $3)
       AND ($4::uuid[] IS NULL OR s.vehicle_node_id = ANY ($4::uuid[]) OR s.from_node_id = ANY ($4::uuid[]))
     ORDER BY s.created_at DESC, s.number LIMIT 500`,
    [q.incidentId ?? null, q.fromNodeId ?? null, q.state ?? null, q.mine ? [...actor.nodeIds] : null],
  );
  const allowed: Row[] = [];
  for (const r of rows) if (await visible(deps.db, actor, r)) allowed.push(r);
  return present(deps.db, allowed);
}

async function load(tx: Queryable, actor: Actor, id: string): Promise<Row> {
  const rows = await tx.query<Row>(`${SELECT} WHERE s.id = $1 FOR UPDATE OF s`, [id]);
  const row = rows[0];
  if (!row || !(await visible(tx, actor, row))) throw notFound('Shipment', id);
  return row;
}

export async function getShipment(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<Shipment> {
  requireAction(actor, 'stock.read');
  const rows = await deps.db.query<Row>(`${SELECT} WHERE s.id = $1`, [id]);
  if (!rows[0] || !(await visible(deps.db, actor, rows[0]))) throw notFound('Shipment', id);
  return (await present(deps.db, rows))[0]!;
}

/** Pick actions belong to keepers of the source (or dispatchers); the source must be in scope. */
async function requireSourceScope(tx: Queryable, actor: Actor, nodeId: string) {
  const node = await findNode(tx, nodeId);
  if (!node || !isNodeInScope(actor, node) || !(can(actor, 'stock.write') || can(actor, 'dispatch.confirm'))) {
    throw new AppError('FORBIDDEN_SCOPE', 'Picking belongs to the keepers of the source node');
  }
}

/**
 * Records scanned codes against a shipment's pick list (phone or handheld). Each code must be an
 * asset on the list, or the lot number / item code of a lot or bulk line. All lines picked → packed.
 */
export async function pickShipment(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  codes: readonly string[],
): Promise<{ shipment: Shipment; accepted: string[]; rejected: { code: string; reason: string }[] }> {
  const result = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await load(tx, actor, id);
    await requireSourceScope(tx, actor, row.from_node_id);
    if (row.state !== 'picking' && row.state !== 'packed')
      throw new AppError('INVALID_STATE', `Shipment ${row.number} is ${row.state}; picking is over`);
    const [shown] = await present(tx, [row]);
    const picked = new Set(row.picked);
    const accepted: string[] = [];
    const rejected: { code: string; reason: string }[] = [];
    for (const raw of codes) {
      const code = raw.trim();
      const epc = code.toUpperCase();
      const line = shown!.lines.find((l) => !picked.has(lineKey(l)) && l.assetCode === code);
      const byEpc = line ? null : (await tx.query<{ id: string }>('SELECT id FROM asset WHERE rfid_epc = $1', [epc]))[0];
      const target =
        line ??
        (byEpc ? shown!.lines.find((l) => l.assetId === byEpc.id && !picked.has(lineKey(l))) : undefined) ??
        shown!.lines.find(
          (l) => !l.assetId && !picked.has(lineKey(l)) && (l.lotNo === code || (!l.lotId && l.itemCode === code)),
        );
      if (!target) {
        const already = shown!.lines.some(
          (l) => picked.has(lineKey(l)) && (l.assetCode === code || l.lotNo === code || l.itemCode === code),
        );
        rejected.push({ code, reason: already ? 'already picked' : 'not on this pick list' });
        continue;
      }
      picked.add(lineKey(target));
      accepted.push(code);
    }
    const allPicked = shown!.lines.every((l) => picked.has(lineKey(l)));
    const state = allPicked ? 'packed' : 'picking';
    if (row.document_id && row.state === 'picking' && row.picked.length === 0 && accepted.length > 0) {
      await advanceTransferIn(
        tx,
        actor,
        row.document_id,
        'start-picking',
        now,
        can(actor, 'stock.write') ? 'stock.write' : 'dispatch.confirm',
      );
    }
    await tx.query('UPDATE shipment SET picked = $2, state = $3 WHERE id = $1', [id, JSON.stringify([...picked]), state]);
    if (accepted.length) {
      await appendAudit(
        tx,
        actor,
        {
          action: 'shipment.pick',
          entityType: 'shipment',
          entityId: id,
          organisationId: null,
          summary: { number: row.number, accepted: accepted.length, state },
        },
        now,
      );
    }
    return { accepted, rejected };
  });
  return { shipment: await getShipment(deps, actor, id), ...result };
}

/** The driver (or the keeper) marks departure: the reserved stock leaves the source and is in transit. */
export async function departShipment(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  options: { force?: boolean } = {},
): Promise<Shipment> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await load(tx, actor, id);
    const isDriver = can(actor, 'shipment.drive') && row.vehicle_node_id !== null && actor.nodeIds.includes(row.vehicle_node_id);
    if (!isDriver) await requireSourceScope(tx, actor, row.from_node_id);
    if (row.state === 'picking' && !options.force)
      throw new AppError('INVALID_STATE', `Shipment ${row.number} is not fully picked yet (send force to leave anyway)`);
    if (row.state !== 'picking' && row.state !== 'packed')
      throw new AppError('INVALID_STATE', `Shipment ${row.number} is ${row.state}`);
    if (row.document_id)
      await advanceTransferIn(
        tx,
        actor,
        row.document_id,
        'ship',
        now,
        isDriver ? 'shipment.drive' : can(actor, 'stock.write') ? 'stock.write' : 'dispatch.confirm',
      );
    const eta = new Date(now.getTime() + Number(row.travel_minutes) * 60_000);
    await tx.query("UPDATE shipment SET state = 'in-transit', departed_at = $2, eta = $3 WHERE id = $1", [id, now, eta]);
    await appendAudit(
      tx,
      actor,
      {
        action: 'shipment.depart',
        entityType: 'shipment',
        entityId: id,
        organisationId: null,
        summary: { number: row.number, eta: eta.toISOString() },
      },
      now,
    );
  });
  return getShipment(deps, actor, id);
}

/** Arrival at the forward depot: the depot receives what arrived (all, or the lines given). */
export async function arriveShipment(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { lines?: { itemId: string; lotId?: string; assetId?: string; qty: number }[]; note?: string },
): Promise<Shipment> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await load(tx, actor, id);
    const isDriver = can(actor, 'shipment.drive') && row.vehicle_node_id !== null && actor.nodeIds.includes(row.vehicle_node_id);
    if (!isDriver) {
      const depot = await findNode(tx, row.to_node_id);
      if (!depot || !isNodeInScope(actor, depot) || !(can(actor, 'stock.write') || can(actor, 'dispatch.confirm')))
        throw new AppError('FORBIDDEN_SCOPE', 'Only the depot or the driver can confirm arrival');
    }
    if (row.state !== 'in-transit') throw new AppError('INVALID_STATE', `Shipment ${row.number} is ${row.state}, not in transit`);
    if (row.document_id)
      await receiveTransferIn(tx, { ...actor, unrestricted: true }, row.document_id, input, now, 'dispatch.confirm');
    await tx.query("UPDATE shipment SET state = 'delivered', arrived_at = $2 WHERE id = $1", [id, now]);
    await appendAudit(
      tx,
      actor,
      {
        action: 'shipment.arrive',
        entityType: 'shipment',
        entityId: id,
        organisationId: null,
        summary: { number: row.number, note: input.note ?? null },
      },
      now,
    );
  });
  return getShipment(deps, actor, id);
}

/** Cancels a shipment that has not left: its reservation is released. */
export async function cancelShipmentIn(
  tx: Queryable,
  actor: Actor,
  row: { id: string; document_id: string | null; state: string },
  now: Date,
) {
  if (row.state !== 'picking' && row.state !== 'packed') return false;
  if (row.document_id)
    await advanceTransferIn(tx, { ...actor, unrestricted: true }, row.document_id, 'cancel', now, 'dispatch.confirm');
  await tx.query("UPDATE shipment SET state = 'cancelled' WHERE id = $1", [row.id]);
  return true;
}
