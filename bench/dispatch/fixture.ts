/**
 * Databases and networks for the one-click dispatch benchmark (issue #6): a fresh, migrated PGlite
 * (in memory) or a scratch database on the PostgreSQL server (dropped afterwards), filled with
 * either the Liupanshui demo network (seedDemo) or a generated province of 500 nodes × 200 items.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ReceiptCreate } from '@zhanqin/contracts';
import { systemActor } from '../../apps/server/src/auth/actor.ts';
import { ensureFirstAdmin } from '../../apps/server/src/auth/bootstrap.ts';
import { parseConfig } from '../../apps/server/src/config/config.ts';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../../apps/server/src/db/database.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import type { Deps } from '../../apps/server/src/deps.ts';
import { recordReceipt } from '../../apps/server/src/ledger/record-receipt.ts';
import { seedDemo } from '../../apps/server/src/seed/seed-demo.ts';
import { DEMO_ROAD_GRAPH_PATH, loadRoadGraphFile } from '../../apps/server/src/travel/load-road-graph.ts';
import { createTravelModel } from '../../apps/server/src/travel/travel-model.ts';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const ADMIN_PASSWORD = 'Bench-Admin-Pass-1';
const adminUrl = () => process.env.ZHANQIN_BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;

export type BenchDatabase = { kind: DatabaseKind; db: Database; drop(): Promise<void> };

export async function createBenchDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return { kind, db, drop: () => db.close() };
  }
  const name = `zq_bench_dispatch_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { maxConnections: 4 });
  await migrate(db);
  return {
    kind,
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Deps as the test harness builds them: real clock, the demo road graph, silent logs. */
export async function benchDeps(db: Database): Promise<Deps> {
  const config = parseConfig({
    ZHANQIN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ZHANQIN_DEMO_PASSWORD: 'Bench-Demo-Pass-1',
    LOG_LEVEL: 'silent',
    ZHANQIN_WEB_DIST: '/nonexistent-web-dist',
  });
  const graph = await loadRoadGraphFile(DEMO_ROAD_GRAPH_PATH);
  if (!graph.ok) throw new Error(graph.error.join('\n'));
  return { db, clock: { now: () => new Date() }, config, travel: createTravelModel(graph.value) };
}

/** A small deterministic PRNG (mulberry32), so every run generates the same province and incidents. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function pick<T>(r: () => number, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** Where incidents go and which types/organisations they get; one per scenario. */
export type IncidentTemplate = {
  organisationId: string;
  typeCode: string;
  alarmLevel: number;
  lat: number;
  lng: number;
  peopleCommitted: number;
  expectedDurationHours: number;
  label: string;
};
export type Network = {
  name: 'demo' | 'province';
  nodes: number;
  items: number;
  balances: number;
  assets: number;
  prePlans: number;
  seedSeconds: number;
  /** The n-th incident of the scenario (deterministic, varied place and type). */
  incident(n: number): IncidentTemplate;
};

const countOf = async (db: Database, sql: string) => Number((await db.query<{ n: number }>(sql))[0]!.n);

async function describeNetwork(
  db: Database,
  name: Network['name'],
  seedSeconds: number,
  incident: Network['incident'],
): Promise<Network> {
  return {
    name,
    nodes: await countOf(db, "SELECT count(*) AS n FROM node WHERE status = 'open' AND type <> 'staging'"),
    items: await countOf(
      db,
      "SELECT count(DISTINCT b.item_id) AS n FROM stock_balance b JOIN node n ON n.id = b.node_id WHERE n.status = 'open' AND b.on_hand > 0",
    ),
    balances: await countOf(
      db,
      "SELECT count(*) AS n FROM stock_balance b JOIN node n ON n.id = b.node_id WHERE n.status = 'open' AND b.on_hand > 0",
    ),
    assets: await countOf(db, "SELECT count(*) AS n FROM asset a JOIN node n ON n.id = a.node_id WHERE n.status = 'open'"),
    prePlans: await countOf(db, 'SELECT count(*) AS n FROM pre_plan'),
    seedSeconds,
    incident,
  };
}

/** Types whose demo pre-plans apply at the level given (the demo's own incidents, as a dispatcher would get them). */
const DEMO_MIX: { typeCode: string; alarmLevel: number; people: number; hours: number }[] = [
  { typeCode: 'fire.high-rise', alarmLevel: 4, people: 40, hours: 12 },
  { typeCode: 'rescue.earthquake', alarmLevel: 4, people: 60, hours: 24 },
  { typeCode: 'rescue.hazmat-leak', alarmLevel: 4, people: 30, hours: 6 },
  { typeCode: 'fire.petrochemical', alarmLevel: 3, people: 40, hours: 12 },
  { typeCode: 'fire.warehouse', alarmLevel: 3, people: 20, hours: 8 },
  { typeCode: 'rescue.landslide', alarmLevel: 3, people: 30, hours: 12 },
  { typeCode: 'fire.residential', alarmLevel: 3, people: 12, hours: 3 },
  { typeCode: 'rescue.flood', alarmLevel: 3, people: 25, hours: 12 },
];

/** The Liupanshui demo network, seeded by the real seedDemo; incidents at random places inside its nodes' bounding box. */
export async function seedDemoNetwork(deps: Deps): Promise<Network> {
  const started = performance.now();
  await seedDemo(deps);
  await ensureFirstAdmin(deps);
  const seedSeconds = (performance.now() - started) / 1000;
  const [box] = await deps.db.query<{ lat0: number; lat1: number; lng0: number; lng1: number }>(
    "SELECT min(lat) AS lat0, max(lat) AS lat1, min(lng) AS lng0, max(lng) AS lng1 FROM node WHERE type IN ('base', 'sub-warehouse', 'station', 'micro-station')",
  );
  const [lps] = await deps.db.query<{ id: string }>("SELECT id FROM organisation WHERE code = 'GZ-LPS'");
  const r = rng(6001);
  const places = Array.from({ length: 1000 }, () => ({
    lat: box!.lat0 + r() * (box!.lat1 - box!.lat0),
    lng: box!.lng0 + r() * (box!.lng1 - box!.lng0),
  }));
  return describeNetwork(deps.db, 'demo', seedSeconds, (n) => {
    const mix = DEMO_MIX[n % DEMO_MIX.length]!;
    const place = places[n % places.length]!;
    return {
      organisationId: lps!.id,
      typeCode: mix.typeCode,
      alarmLevel: mix.alarmLevel,
      lat: place.lat,
      lng: place.lng,
      peopleCommitted: mix.people,
      expectedDurationHours: mix.hours,
      label: mix.typeCode,
    };
  });
}

export type ProvinceSize = {
  detachments: number;
  nodesPerDetachment: number;
  items: number;
  prePlanTypes: number;
  prePlanItems: [number, number];
};
export const PROVINCE: ProvinceSize = {
  detachments: 4,
  nodesPerDetachment: 125,
  items: 200,
  prePlanTypes: 6,
  prePlanItems: [40, 60],
};

/** Per detachment: 1 base, 8 sub-warehouses, then stations, micro stations, partners and vehicles (125 = 1 + 8 + 45 + 50 + 12 + 9). */
const LAYOUT = (perDetachment: number) => {
  const rest = perDetachment - 9;
  const partners = Math.round(rest * 0.1);
  const vehicles = Math.round(rest * 0.08);
  const stations = Math.round(rest * 0.39);
  return [
    ['base', 1],
    ['sub-warehouse', 8],
    ['station', stations],
    ['micro-station', rest - stations - partners - vehicles],
    ['partner', partners],
    ['vehicle', vehicles],
  ] as const;
};

/**
 * A generated province: the demo seed supplies the taxonomy and users, then its nodes are closed so
 * only the province's nodes count. 4 detachments over ~300 × 300 km around 26.0 N 105.5 E, 500
 * nodes, 200 item types (bulk, lot with expiry, serialised), sparse stock posted through the real
 * recordReceipt (one opening receipt per node: balances come from movements), reserve floors at the
 * warehouses, and pre-plans that each demand 40–60 of the items.
 */
export async function seedProvince(
  deps: Deps,
  size: ProvinceSize = PROVINCE,
  log: (m: string) => void = () => {},
): Promise<Network> {
  const started = performance.now();
  const { db } = deps;
  await seedDemo(deps);
  await ensureFirstAdmin(deps);
  await db.query("UPDATE node SET status = 'closed' WHERE is_demo");
  const [root] = await db.query<{ id: string; path: string }>("SELECT id, path FROM organisation WHERE code = 'GZ'");
  const r = rng(2026);
  const CENTRE = { lat: 26.0, lng: 105.5 };
  const HALF_LAT = 150 / 111.2; // ±150 km
  const HALF_LNG = 150 / (111.2 * Math.cos((CENTRE.lat * Math.PI) / 180));

  // Organisations: one detachment per quadrant.
  const detachments: { id: string; lat: number; lng: number }[] = [];
  const quadrant = (d: number) => ({
    lat: CENTRE.lat + (d < 2 ? 0.5 : -0.5) * HALF_LAT,
    lng: CENTRE.lng + (d % 2 === 0 ? -0.5 : 0.5) * HALF_LNG,
  });
  for (let d = 0; d < size.detachments; d++) {
    const id = crypto.randomUUID();
    await db.query(
      `INSERT INTO organisation (id, organisation_id, parent_id, path, code, kind, name_zh, name_en) VALUES ($1, $1, $2, $3, $4, 'detachment', $5, $6)`,
      [id, root!.id, `${root!.path}${id}/`, `PROV-D${d + 1}`, `基准支队${d + 1}`, `Bench detachment ${d + 1}`],
    );
    detachments.push({ id, ...quadrant(d % 4) });
  }

  // Nodes, set-based. Warehouses near the detachment centre, the rest spread over its quadrant.
  type NodeRow = {
    id: string;
    org: string;
    code: string;
    type: string;
    lat: number;
    lng: number;
    agreement: string | null;
    d: number;
  };
  const nodeRows: NodeRow[] = [];
  detachments.forEach((det, d) => {
    let k = 0;
    for (const [type, count] of LAYOUT(size.nodesPerDetachment)) {
      for (let i = 0; i < count; i++) {
        const spread = type === 'base' ? 0 : type === 'sub-warehouse' ? 0.35 : 1;
        const lat = det.lat + (r() - 0.5) * HALF_LAT * spread;
        const lng = det.lng + (r() - 0.5) * HALF_LNG * spread;
        nodeRows.push({
          id: crypto.randomUUID(),
          org: det.id,
          code: `PROV-D${d + 1}-${type.toUpperCase().replace('-', '')}-${String(++k).padStart(3, '0')}`,
          type,
          lat,
          lng,
          agreement: type === 'partner' ? JSON.stringify({ responseMinutes: between(r, 45, 180), name: `Partner ${k}` }) : null,
          d,
        });
      }
    }
  });
  await db.query(
    `INSERT INTO node (id, organisation_id, code, type, name_zh, name_en, lat, lng, status, is_24h, agreement)
     SELECT n.id, n.org, n.code, n.type, '基准' || n.code, 'Bench ' || n.code, n.lat, n.lng, 'open', true, n.agreement::jsonb
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[]) AS n(id, org, code, type, lat, lng, agreement)`,
    [
      nodeRows.map((n) => n.id),
      nodeRows.map((n) => n.org),
      nodeRows.map((n) => n.code),
      nodeRows.map((n) => n.type),
      nodeRows.map((n) => n.lat),
      nodeRows.map((n) => n.lng),
      nodeRows.map((n) => n.agreement),
    ],
  );
  const vehicles = nodeRows.filter((n) => n.type === 'vehicle');
  const bases = new Map(nodeRows.filter((n) => n.type === 'base').map((n) => [n.d, n.id]));
  await db.query(
    `INSERT INTO vehicle (node_id, organisation_id, plate, kind_zh, kind_en, home_node_id, payload_kg, volume_m3)
     SELECT v.id, v.org, v.plate, '保障车', 'Support truck', v.home, v.payload, v.volume
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::numeric[], $6::numeric[]) AS v(id, org, plate, home, payload, volume)`,
    [
      vehicles.map((v) => v.id),
      vehicles.map((v) => v.org),
      vehicles.map((_, i) => `贵B·BN${String(i).padStart(3, '0')}`),
      vehicles.map((v) => bases.get(v.d)!),
      vehicles.map(() => between(r, 3, 10) * 1000),
      vehicles.map(() => between(r, 15, 35)),
    ],
  );

  // Items: 70 % bulk, 15 % lot-tracked with expiry, 15 % serialised with yearly inspection.
  const [category] = await db.query<{ id: string }>('SELECT id FROM category ORDER BY code LIMIT 1');
  const lotItems = Math.round(size.items * 0.15);
  const serialItems = Math.round(size.items * 0.15);
  const itemRows = (
    await db.query<{ id: string; code: string; tracking: string }>(
      `INSERT INTO item (id, organisation_id, category_id, code, name_zh, name_en, unit_zh, unit_en, tracking, inspection_interval_days, weight_kg, volume_l)
       SELECT gen_random_uuid(), $1, $2, 'PROV-IT-' || lpad(g::text, 3, '0'), '基准器材' || g, 'Bench item ' || g, '件', 'pc',
              CASE WHEN g <= $4 THEN 'lot' WHEN g <= $4 + $5 THEN 'serialised' ELSE 'bulk' END,
              CASE WHEN g > $4 AND g <= $4 + $5 THEN 365 END,
              round((0.5 + (g * 37 % 400) / 10.0)::numeric, 1), round((1 + (g * 53 % 800) / 10.0)::numeric, 1)
         FROM generate_series(1, $3::int) g ORDER BY g RETURNING id, code, tracking`,
      [root!.id, category!.id, size.items, lotItems, serialItems],
    )
  ).sort((a, b) => (a.code < b.code ? -1 : 1));
  const itemIndex = new Map(itemRows.map((it, i) => [it.id, i]));

  // Stock: every node holds 20–80 item types (partners bulk only), posted through recordReceipt.
  const actor = systemActor('bench-seed');
  const today = new Date();
  const iso = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const bulk = itemRows.filter((i) => i.tracking === 'bulk');
  const kinds: Record<
    string,
    { types: [number, number]; qty: [number, number]; serials: [number, number]; pool: typeof itemRows }
  > = {
    base: { types: [70, 80], qty: [100, 600], serials: [10, 30], pool: itemRows },
    'sub-warehouse': { types: [50, 80], qty: [40, 200], serials: [4, 12], pool: itemRows },
    station: { types: [30, 60], qty: [5, 60], serials: [1, 6], pool: itemRows },
    'micro-station': { types: [20, 35], qty: [2, 20], serials: [1, 3], pool: itemRows },
    partner: { types: [20, 40], qty: [50, 500], serials: [0, 0], pool: bulk },
    vehicle: { types: [20, 30], qty: [2, 30], serials: [1, 2], pool: itemRows },
  };
  let serialNo = 0;
  let done = 0;
  const holdings = new Map<string, { itemId: string; qty: number }[]>();
  for (const node of nodeRows) {
    const spec = kinds[node.type]!;
    const chosen = pick(r, spec.pool, between(r, ...spec.types)).sort((a, b) => (a.code < b.code ? -1 : 1));
    const lines: ReceiptCreate['lines'] = chosen.flatMap((item) => {
      const idx = itemIndex.get(item.id)!;
      if (item.tracking === 'serialised') {
        const n = between(r, ...spec.serials);
        return n
          ? [
              {
                itemId: item.id,
                qty: n,
                serials: Array.from({ length: n }, () => `PS${idx}-${String(++serialNo).padStart(6, '0')}`),
              },
            ]
          : [];
      }
      const qty = between(r, ...spec.qty);
      if (item.tracking === 'lot') {
        // Three lots per item shared across nodes; lot 0 expires soon, lot 2 has already expired (received into quarantine).
        const lotNo = between(r, 0, 2);
        const produced = iso(-400 - idx);
        const expires = lotNo === 2 ? iso(-10 - (idx % 20)) : iso(lotNo === 0 ? 30 + idx : 700 + idx);
        return [{ itemId: item.id, qty, lot: { lotNo: `PL${idx}-${lotNo}`, producedOn: produced, expiresOn: expires } }];
      }
      return [{ itemId: item.id, qty }];
    });
    holdings.set(
      node.id,
      lines.map((l) => ({ itemId: l.itemId, qty: l.qty })),
    );
    await recordReceipt(deps, actor, { nodeId: node.id, source: 'opening', reference: 'bench opening stock', lines });
    if (++done % 100 === 0) log(`  province stock: ${done}/${nodeRows.length} opening receipts`);
  }

  // Reserve floors at warehouses and stations (about a quarter of what they hold), set-based.
  const floors = nodeRows
    .filter((n) => n.type === 'base' || n.type === 'sub-warehouse' || n.type === 'station')
    .flatMap((n) =>
      holdings
        .get(n.id)!
        .filter(() => r() < 0.6)
        .map((h) => ({ node: n, itemId: h.itemId, min: Math.floor(h.qty / 4), target: h.qty })),
    );
  await db.query(
    `INSERT INTO reserve_standard (organisation_id, node_id, item_id, min_reserve, target)
     SELECT f.org, f.node, f.item, f.min, f.target FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int8[], $5::int8[]) AS f(org, node, item, min, target)`,
    [
      floors.map((f) => f.node.org),
      floors.map((f) => f.node.id),
      floors.map((f) => f.itemId),
      floors.map((f) => f.min),
      floors.map((f) => f.target),
    ],
  );

  // Incident types with pre-plans that each demand 40–60 of the items.
  for (let t = 1; t <= size.prePlanTypes; t++) {
    await db.query(
      "INSERT INTO incident_type (code, organisation_id, parent_code, name_zh, name_en) VALUES ($1, $2, 'rescue', $3, $4)",
      [`rescue.bench-${t}`, root!.id, `基准灾种${t}`, `Bench incident type ${t}`],
    );
    const items = pick(r, itemRows, between(r, ...size.prePlanItems)).map((it) => ({
      itemCode: it.code,
      qty: it.tracking === 'serialised' ? between(r, 1, 6) : between(r, 5, 60),
    }));
    await db.query(
      `INSERT INTO pre_plan (id, organisation_id, code, incident_type_code, min_alarm_level, name_zh, name_en, modules, items, rules, default_duration_hours)
       VALUES (gen_random_uuid(), $1, $2, $3, 3, $4, $5, '[]', $6, '[]', 12)`,
      [root!.id, `PP-BENCH-${t}`, `rescue.bench-${t}`, `基准预案${t}`, `Bench pre-plan ${t}`, JSON.stringify(items)],
    );
  }
  const seedSeconds = (performance.now() - started) / 1000;
  const ir = rng(7001);
  const places = Array.from({ length: 1000 }, () => ({
    lat: CENTRE.lat + (ir() - 0.5) * 2 * HALF_LAT,
    lng: CENTRE.lng + (ir() - 0.5) * 2 * HALF_LNG,
  }));
  return describeNetwork(db, 'province', seedSeconds, (n) => {
    const place = places[n % places.length]!;
    const d = (place.lat >= CENTRE.lat ? 0 : 2) + (place.lng >= CENTRE.lng ? 1 : 0);
    const t = (n % size.prePlanTypes) + 1;
    return {
      organisationId: detachments[d % detachments.length]!.id,
      typeCode: `rescue.bench-${t}`,
      alarmLevel: 3 + (n % 2),
      lat: place.lat,
      lng: place.lng,
      peopleCommitted: 30,
      expectedDurationHours: 12,
      label: `rescue.bench-${t}`,
    };
  });
}
