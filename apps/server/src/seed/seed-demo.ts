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
import { categories, items, modules, nodes, organisations } from './data/index.ts';

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
    }

    const categoryIds = new Map<string, string>();
    for (const c of categories) {
      const id = randomUUID();
      await insertCategory(tx, { id, organisationId: rootId, parentId: c.parentCode ? categoryIds.get(c.parentCode)! : null, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn });
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
      await tx.query('INSERT INTO module_kit (id, organisation_id, code, name_zh, name_en, description) VALUES ($1,$2,$3,$4,$5,$6)', [
        id,
        rootId,
        m.code,
        m.nameZh,
        m.nameEn,
        m.description,
      ]);
      for (const line of m.lines) {
        await tx.query('INSERT INTO module_line (module_id, item_id, organisation_id, qty) VALUES ($1,$2,$3,$4)', [
          id,
          itemIds.get(line.itemCode)!,
          rootId,
          line.qty,
        ]);
      }
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'demo.seed',
        entityType: 'system',
        entityId: null,
        organisationId: rootId,
        summary: { organisations: organisations.length, nodes: nodes.length, categories: categories.length, items: items.length, modules: modules.length },
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
    const nodeIds = u.role === 'driver' ? vehicleNodeIds : (u.nodeCodes ?? []).map((c) => ids.nodeIds.get(c)).filter((x): x is string => Boolean(x));
    await createUser(deps, actor, { username: u.username, password: demoPassword, displayName: u.displayName, role: u.role, organisationIds, nodeIds, isDemo: true });
    demoUsers.push({ username: u.username, role: u.role, scope: [...(u.organisationCodes ?? []), ...(u.role === 'driver' ? ['vehicles'] : (u.nodeCodes ?? []))].join(', ') });
  }
  return {
    seeded: true,
    counts: { organisations: organisations.length, nodes: nodes.length, categories: categories.length, items: items.length, modules: modules.length, users: demoUsers.length },
    demoUsers,
    demoPassword,
    demoPasswordGenerated,
  };
}
