import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.repository.ts';
import { systemActor, type Role } from '../auth/actor.ts';
import { createUser } from '../auth/manage-users.ts';
import { generatePassword } from '../auth/password.ts';
import { insertCategory, insertItem } from '../catalogue/catalogue.repository.ts';
import type { Queryable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { insertNode } from '../nodes/nodes.repository.ts';
import { insertOrganisation } from '../organisations/organisations.repository.ts';
import { quarantineExpiredLots } from '../ledger/correct-stock.ts';
import { createSlotsForZones } from '../ledger/put-away.ts';
import { recordReceipt } from '../ledger/record-receipt.ts';
import { packKit } from '../ledger/kits.ts';
import { AppError } from '../http/app-error.ts';
import { setReserveStandard } from '../ledger/reserve-standards.ts';
import { categories, incidentTypes, items, modules, nodes, organisations, prePlans, stockLevels } from './data/index.ts';

export type SeedReport = {
  seeded: boolean;
  counts: Record<string, number>;
  demoUsers: { username: string; role: Role; scope: string }[];
  demoPassword: string | null;
  demoPasswordGenerated: boolean;
};

/** The demo users: one per role, scoped to realistic parts of the Liupanshui network. */
const DEMO_USERS: { username: string; displayName: string; role: Role; organisationCodes?: string[]; nodeCodes?: string[] }[] = [
  { username: 'lps.logistics', displayName: '张保障（演示）', role: 'logistics-officer', organisationCodes: ['GZ-LPS'] },
  { username: 'base.keeper', displayName: '李保管（演示）', role: 'warehouse-keeper', nodeCodes: ['LPS-BASE'] },
  { username: 'zs1.keeper', displayName: '王库管（演示）', role: 'warehouse-keeper', nodeCodes: ['LPS-SW-ZS1'] },
  { username: 'sc1.officer', displayName: '赵器材（演示）', role: 'station-officer', nodeCodes: ['LPS-SW-SC1'] },
  { username: 'lps.dispatcher', displayName: '陈调度（演示）', role: 'dispatcher', organisationCodes: ['GZ-LPS'] },
  { username: 'truck.driver', displayName: '刘驾驶（演示）', role: 'driver', nodeCodes: [] },
  { username: 'lps.viewer', displayName: '周查看（演示）', role: 'viewer', organisationCodes: ['GZ-LPS'] },
];

async function isSeeded(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM node');
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Seeds the Liupanshui demo network (organisations, nodes, catalogue, modules, demo users) into an
 * empty database, all in one transaction apart from the users. Does nothing when nodes exist.
 */
export async function seedDemo(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<SeedReport> {
  const empty: SeedReport = { seeded: false, counts: {}, demoUsers: [], demoPassword: null, demoPasswordGenerated: false };
  if (await isSeeded(deps.db)) return empty;
  const actor = systemActor('demo-seed');
  const ids = await deps.db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    const orgPaths = new Map<string, string>();
    // A fresh database may already hold the bootstrap root; the demo corps becomes a root of its own.
    for (const o of organisations) {
      const id = randomUUID();
      const parentPath = o.parentCode ? orgPaths.get(o.parentCode) : '/';
      if (parentPath === undefined) throw new Error(`Demo organisation ${o.code} comes before its parent ${o.parentCode}`);
      const path = `${parentPath}${id}/`;
      await insertOrganisation(tx, {
        id,
        parentId: o.parentCode ? orgIds.get(o.parentCode)! : null,
        path,
        code: o.code,
        kind: o.kind,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        isDemo: o.isDemo,
      });
      orgIds.set(o.code, id);
      orgPaths.set(o.code, path);
    }
    const rootId = orgIds.get(organisations.find((o) => o.parentCode === null)!.code)!;

    const nodeIds = new Map<string, string>();
    for (const n of nodes) {
      const id = randomUUID();
      await insertNode(tx, id, {
        code: n.code,
        organisationId: orgIds.get(n.organisationCode)!,
        type: n.type,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        lat: n.lat,
        lng: n.lng,
        address: n.address,
        status: n.status,
        is24h: n.is24h,
        capacitySlots: n.capacitySlots,
        areaM2: n.areaM2,
        zones: n.zones,
        contacts: n.contacts,
        agreement: n.agreement,
        isDemo: n.isDemo,
      });
      nodeIds.set(n.code, id);
      await createSlotsForZones(tx, { id, organisationId: orgIds.get(n.organisationCode)!, zones: n.zones });
    }

    const categoryIds = new Map<string, string>();
    for (const c of categories) {
      const id = randomUUID();
      await insertCategory(tx, {
        id,
        organisationId: rootId,
        parentId: c.parentCode ? categoryIds.get(c.parentCode)! : null,
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
      });
      categoryIds.set(c.code, id);
    }
    const itemIds = new Map<string, string>();
    for (const i of items) {
      const id = randomUUID();
      const { categoryCode, domainRow: _row, note, ...fields } = i;
      await insertItem(tx, id, rootId, { ...fields, categoryId: categoryIds.get(categoryCode)!, note: note ?? '' });
      itemIds.set(i.code, id);
    }
    for (const m of modules) {
      const id = randomUUID();
      await tx.query(
        'INSERT INTO module_kit (id, organisation_id, code, name_zh, name_en, description) VALUES ($1,$2,$3,$4,$5,$6)',
        [id, rootId, m.code, m.nameZh, m.nameEn, m.description],
      );
      for (const line of m.lines) {
        await tx.query('INSERT INTO module_line (module_id, item_id, organisation_id, qty) VALUES ($1,$2,$3,$4)', [
          id,
          itemIds.get(line.itemCode)!,
          rootId,
          line.qty,
        ]);
      }
    }
    const moduleIds = new Map<string, string>(
      (await tx.query<{ id: string; code: string }>('SELECT id, code FROM module_kit')).map((r) => [r.code, r.id]),
    );
    for (const m of modules) {
      await tx.query('UPDATE module_kit SET kit_item_id = $2 WHERE id = $1', [moduleIds.get(m.code), itemIds.get(m.kitItemCode)]);
    }
    for (const t of incidentTypes) {
      await tx.query('INSERT INTO incident_type (code, organisation_id, parent_code, name_zh, name_en) VALUES ($1,$2,$3,$4,$5)', [
        t.code,
        rootId,
        t.parentCode,
        t.nameZh,
        t.nameEn,
      ]);
    }
    for (const p of prePlans) {
      await tx.query(
        `INSERT INTO pre_plan (id, organisation_id, code, incident_type_code, min_alarm_level, name_zh, name_en, modules, rules, default_duration_hours, note)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [
          randomUUID(),
          rootId,
          p.code,
          p.incidentTypeCode,
          p.minAlarmLevel,
          p.nameZh,
          p.nameEn,
          JSON.stringify(p.modules),
          JSON.stringify(
            p.rules.map((r) => ({ itemCode: r.itemCode, basis: r.basis, qtyPerBasis: r.qtyPerBasis, derivation: r.derivation })),
          ),
          p.defaultDurationHours,
          p.note ?? '',
        ],
      );
    }
    for (const n of nodes) {
      if (!n.vehicle) continue;
      await tx.query(
        'INSERT INTO vehicle (node_id, organisation_id, plate, kind_zh, kind_en, home_node_id, payload_kg, volume_m3) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
        [
          nodeIds.get(n.code),
          orgIds.get(n.organisationCode),
          n.vehicle.plate,
          n.vehicle.kindZh,
          n.vehicle.kindEn,
          nodeIds.get(n.vehicle.homeNodeCode) ?? null,
          n.vehicle.payloadKg,
          n.vehicle.cargoVolumeM3,
        ],
      );
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'demo.seed',
        entityType: 'system',
        entityId: null,
        organisationId: rootId,
        summary: {
          organisations: organisations.length,
          nodes: nodes.length,
          categories: categories.length,
          items: items.length,
          modules: modules.length,
        },
      },
      deps.clock.now(),
    );
    return { orgIds, nodeIds, itemIds, rootId };
  });

  const demoPasswordGenerated = deps.config.demoPassword === null;
  const demoPassword = deps.config.demoPassword ?? generatePassword();
  const vehicleNodeIds = nodes.filter((n) => n.type === 'vehicle').map((n) => ids.nodeIds.get(n.code)!);
  const demoUsers: SeedReport['demoUsers'] = [];
  for (const u of DEMO_USERS) {
    const organisationIds = (u.organisationCodes ?? []).map((c) => ids.orgIds.get(c)).filter((x): x is string => Boolean(x));
    const nodeIds =
      u.role === 'driver'
        ? vehicleNodeIds
        : (u.nodeCodes ?? []).map((c) => ids.nodeIds.get(c)).filter((x): x is string => Boolean(x));
    await createUser(deps, actor, {
      username: u.username,
      password: demoPassword,
      displayName: u.displayName,
      role: u.role,
      organisationIds,
      nodeIds,
      isDemo: true,
    });
    demoUsers.push({
      username: u.username,
      role: u.role,
      scope: [...(u.organisationCodes ?? []), ...(u.role === 'driver' ? ['vehicles'] : (u.nodeCodes ?? []))].join(', '),
    });
  }
  const stock = await seedDemoStock(deps, ids);
  return {
    seeded: true,
    counts: {
      organisations: organisations.length,
      nodes: nodes.length,
      categories: categories.length,
      items: items.length,
      modules: modules.length,
      users: demoUsers.length,
      'opening receipts': stock.receipts,
      assets: stock.assets,
      'reserve standards': stock.standards,
      'packed modules': stock.kits,
    },
    demoUsers,
    demoPassword,
    demoPasswordGenerated,
  };
}

/**
 * Opening stock for the demo: one opening receipt per node (serialised items and sealed modules get
 * generated serial numbers, lots their batch dates), the reserve standards, then expired lots are
 * quarantined as they would be on any day.
 */
/** Nodes whose module boxes are packed from their own stock in the demo: the support base. */
const PACK_AT = new Set(['LPS-BASE']);

async function seedDemoStock(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  ids: { nodeIds: Map<string, string>; itemIds: Map<string, string> },
): Promise<{ receipts: number; assets: number; standards: number; kits: number }> {
  const actor = systemActor('demo-seed');
  const tracking = new Map(items.map((i) => [i.code, i]));
  const byNode = new Map<string, (typeof stockLevels)[number][]>();
  for (const row of stockLevels) byNode.set(row.nodeCode, [...(byNode.get(row.nodeCode) ?? []), row]);
  let receipts = 0;
  let assets = 0;
  // Module boxes with a packing list are packed from the node's own stock after its opening receipt
  // (modules ready to go, 储); a box whose contents the node lacks is received as a plain box.
  const packingLists = new Set(modules.map((m) => m.kitItemCode));
  const toPack: { nodeCode: string; itemCode: string; count: number }[] = [];
  for (const [nodeCode, rows] of byNode) {
    const lines = rows.flatMap((row) => {
      const item = tracking.get(row.itemCode)!;
      const itemId = ids.itemIds.get(row.itemCode)!;
      const factor = item.baseUnitsPerUnit;
      if (row.onHand <= 0) return [];
      if (item.tracking === 'kit' && packingLists.has(row.itemCode) && PACK_AT.has(nodeCode)) {
        toPack.push({ nodeCode, itemCode: row.itemCode, count: row.onHand });
        return [];
      }
      if (item.tracking === 'serialised' || item.tracking === 'kit') {
        assets += row.onHand;
        const serials = Array.from(
          { length: row.onHand },
          (_, i) => `${row.itemCode}-${nodeCode.replace(/^LPS-/, '')}-${String(i + 1).padStart(4, '0')}`,
        );
        return [{ itemId, qty: row.onHand, serials }];
      }
      if (item.tracking === 'lot' && row.lots.length) {
        return row.lots
          .filter((l) => l.qty > 0)
          .map((l) => ({
            itemId,
            qty: l.qty * factor,
            lot: { lotNo: l.lotNo, producedOn: l.producedOn, ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}) },
          }));
      }
      return [{ itemId, qty: row.onHand * factor }];
    });
    if (lines.length) {
      await recordReceipt(deps, actor, {
        nodeId: ids.nodeIds.get(nodeCode)!,
        source: 'opening',
        reference: 'demo opening stock 演示期初库存',
        lines,
      });
      receipts++;
    }
  }
  let kits = 0;
  const plainBoxes = new Map<string, { itemId: string; qty: number; serials: string[] }[]>();
  for (const { nodeCode, itemCode, count } of toPack) {
    const nodeId = ids.nodeIds.get(nodeCode)!;
    const kitItemId = ids.itemIds.get(itemCode)!;
    for (let i = 1; i <= count; i++) {
      const serial = `${itemCode}-${nodeCode.replace(/^LPS-/, '')}-${String(i).padStart(4, '0')}`;
      try {
        await packKit(deps, actor, { nodeId, kitItemId, serial });
        kits++;
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'INSUFFICIENT_STOCK') throw error;
        plainBoxes.set(nodeId, [...(plainBoxes.get(nodeId) ?? []), { itemId: kitItemId, qty: 1, serials: [serial] }]);
      }
      assets++;
    }
  }
  for (const [nodeId, lines] of plainBoxes) {
    await recordReceipt(deps, actor, { nodeId, source: 'opening', reference: 'demo module boxes 演示模块箱', lines });
    receipts++;
  }
  let standards = 0;
  for (const row of stockLevels) {
    if (row.target <= 0) continue;
    const factor = tracking.get(row.itemCode)!.baseUnitsPerUnit;
    await setReserveStandard(deps, actor, {
      nodeId: ids.nodeIds.get(row.nodeCode)!,
      itemId: ids.itemIds.get(row.itemCode)!,
      minReserve: row.minReserve * factor,
      target: row.target * factor,
    });
    standards++;
  }
  await quarantineExpiredLots(deps, actor);
  return { receipts, assets, standards, kits };
}
