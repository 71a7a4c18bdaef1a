import { describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Category, ItemCreate, ModuleKit, NodeCreate, OrganisationCreate } from '@zhanqin/contracts';
import {
  categories,
  countySeats,
  incidentTypes,
  items,
  liupanshuiBounds,
  modules,
  nodes,
  organisations,
  prePlans,
  SEED_REFERENCE_DATE,
  stockLevels,
} from './index.ts';

const FAKE_ID = '00000000-0000-4000-8000-000000000000';

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** Great-circle distance in km. */
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function contractErrors(schema: TSchema, value: unknown): string[] {
  return [...Value.Errors(schema, value)].map((e) => `${e.instancePath} ${e.message}`);
}

const orgByCode = new Map(organisations.map((o) => [o.code, o]));
const nodeByCode = new Map(nodes.map((n) => [n.code, n]));
const itemByCode = new Map(items.map((i) => [i.code, i]));
const categoryCodes = new Set(categories.map((c) => c.code));
const moduleCodes = new Set(modules.map((m) => m.code));
const incidentCodes = new Set(incidentTypes.map((t) => t.code));

/** The battalion an organisation belongs to (itself if it is one). */
function battalionOf(code: string): string | undefined {
  let org = orgByCode.get(code);
  while (org && org.kind !== 'battalion') org = org.parentCode === null ? undefined : orgByCode.get(org.parentCode);
  return org?.code;
}

describe('seed data: codes', () => {
  it('has unique codes in every collection', () => {
    expect(duplicates(organisations.map((o) => o.code))).toEqual([]);
    expect(duplicates(nodes.map((n) => n.code))).toEqual([]);
    expect(duplicates(categories.map((c) => c.code))).toEqual([]);
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(modules.map((m) => m.code))).toEqual([]);
    expect(duplicates(incidentTypes.map((t) => t.code))).toEqual([]);
    expect(duplicates(prePlans.map((p) => p.code))).toEqual([]);
    expect(duplicates(stockLevels.map((s) => `${s.nodeCode}|${s.itemCode}`))).toEqual([]);
    expect(duplicates(stockLevels.flatMap((s) => s.lots.map((l) => `${s.itemCode}|${l.lotNo}`)))).toEqual([]);
  });
});

describe('seed data: organisations', () => {
  it('forms one tree of corps → detachment → battalion → station', () => {
    const parentKind = { corps: null, detachment: 'corps', battalion: 'detachment', station: 'battalion' } as const;
    for (const org of organisations) {
      const parent = org.parentCode === null ? undefined : orgByCode.get(org.parentCode);
      if (org.parentCode !== null) expect(parent, `${org.code} parent ${org.parentCode}`).toBeDefined();
      expect(parent?.kind ?? null, org.code).toBe(parentKind[org.kind]);
    }
    expect(organisations.filter((o) => o.parentCode === null)).toHaveLength(1);
  });

  it('has the four west-Guizhou detachments as real units and marks invented stations as demo', () => {
    const detachments = organisations.filter((o) => o.kind === 'detachment');
    expect(detachments.map((d) => d.code).sort()).toEqual(['GZ-AS', 'GZ-BJ', 'GZ-LPS', 'GZ-QXN']);
    expect(detachments.every((d) => !d.isDemo)).toBe(true);
    expect(organisations.filter((o) => o.kind === 'station').every((s) => s.isDemo)).toBe(true);
  });

  it('fits the organisation contract', () => {
    for (const org of organisations) {
      const body = { code: org.code, parentId: org.parentCode === null ? null : FAKE_ID, kind: org.kind, nameZh: org.nameZh, nameEn: org.nameEn };
      expect(contractErrors(OrganisationCreate, body), org.code).toEqual([]);
    }
  });
});

describe('seed data: nodes', () => {
  it('has the 1+8+N shape: 1 base, 8 sub-warehouses, partners, 4 vehicles, micro stations, a closed staging template', () => {
    const ofType = (type: string) => nodes.filter((n) => n.type === type);
    expect(ofType('base')).toHaveLength(1);
    expect(ofType('sub-warehouse')).toHaveLength(8);
    expect(ofType('partner').length).toBeGreaterThanOrEqual(4);
    expect(ofType('vehicle')).toHaveLength(4);
    expect(ofType('micro-station').length).toBeGreaterThanOrEqual(2);
    const staging = ofType('staging');
    expect(staging).toHaveLength(1);
    expect(staging[0]?.status).toBe('closed');
  });

  it('spreads the sub-warehouses Zhongshan ×2, Shuicheng ×2, Panzhou ×2, Liuzhi ×1, high-tech zone ×1', () => {
    const perBattalion: Record<string, number> = {};
    for (const sw of nodes.filter((n) => n.type === 'sub-warehouse')) {
      const battalion = battalionOf(sw.organisationCode) ?? 'none';
      perBattalion[battalion] = (perBattalion[battalion] ?? 0) + 1;
      expect(orgByCode.get(sw.organisationCode)?.kind, sw.code).toBe('station');
    }
    expect(perBattalion).toEqual({ 'GZ-LPS-ZS': 2, 'GZ-LPS-SC': 2, 'GZ-LPS-PZ': 2, 'GZ-LPS-LZ': 1, 'GZ-LPS-GX': 1 });
  });

  it('gives every partner depot an agreement whose items are in the catalogue, and no agreement elsewhere', () => {
    for (const node of nodes) {
      if (node.type !== 'partner') {
        expect(node.agreement, node.code).toBeNull();
        continue;
      }
      expect(node.agreement, node.code).not.toBeNull();
      for (const code of node.agreement?.itemCodes ?? []) expect(itemByCode.has(code), `${node.code} → ${code}`).toBe(true);
      const { validFrom, validUntil } = node.agreement ?? {};
      expect(validFrom !== undefined && validUntil !== undefined && validFrom < validUntil, node.code).toBe(true);
    }
    const partners = nodes.filter((n) => n.type === 'partner').map((n) => n.code);
    expect(partners).toEqual(expect.arrayContaining(['LPS-PT-FUEL', 'LPS-PT-FOOD', 'LPS-PT-MACH', 'LPS-PT-HOSP']));
  });

  it('refers to existing organisations of the Liupanshui detachment, and vehicles to a home base', () => {
    for (const node of nodes) {
      expect(orgByCode.has(node.organisationCode), `${node.code} → ${node.organisationCode}`).toBe(true);
      expect(battalionOf(node.organisationCode)?.startsWith('GZ-LPS-'), node.code).toBe(true);
      if (node.type === 'vehicle') {
        expect(node.vehicle, node.code).not.toBeNull();
        expect(nodeByCode.get(node.vehicle?.homeNodeCode ?? '')?.type, node.code).toBe('base');
      } else {
        expect(node.vehicle, node.code).toBeNull();
      }
    }
  });

  it('places every node inside Liupanshui', () => {
    const { latMin, latMax, lngMin, lngMax } = liupanshuiBounds;
    for (const node of nodes) {
      expect(node.lat >= latMin && node.lat <= latMax && node.lng >= lngMin && node.lng <= lngMax, `${node.code} at ${node.lat}, ${node.lng}`).toBe(true);
    }
  });

  it('places station and micro-station nodes near their own county seat', () => {
    const citySeat = countySeats.find((s) => s.divisionCode === '520200');
    expect(citySeat).toBeDefined();
    for (const node of nodes) {
      const battalion = orgByCode.get(battalionOf(node.organisationCode) ?? '');
      const seat = countySeats.find((s) => s.divisionCode === battalion?.divisionCode) ?? citySeat;
      if (!seat) continue;
      // Panzhou and Shuicheng are large and rugged; 60 km covers them. Support-battalion nodes sit by the city.
      const limitKm = battalion?.divisionCode ? 60 : 25;
      expect(distanceKm(node, seat), `${node.code} vs ${seat.nameEn}`).toBeLessThanOrEqual(limitKm);
    }
  });

  it('fits the node contract', () => {
    for (const node of nodes) {
      const { organisationCode: _org, isDemo: _demo, vehicle: _vehicle, ...fields } = node;
      expect(contractErrors(NodeCreate, { ...fields, organisationId: FAKE_ID }), node.code).toEqual([]);
      for (const zone of node.zones) {
        if (zone.tempMinC !== undefined && zone.tempMaxC !== undefined) expect(zone.tempMinC).toBeLessThanOrEqual(zone.tempMaxC);
      }
    }
  });
});

describe('seed data: catalogue', () => {
  it('has a category tree whose parents exist', () => {
    for (const c of categories) if (c.parentCode !== null) expect(categoryCodes.has(c.parentCode), c.code).toBe(true);
    for (const c of categories) {
      expect(contractErrors(Category, { id: FAKE_ID, code: c.code, parentId: c.parentCode === null ? null : FAKE_ID, nameZh: c.nameZh, nameEn: c.nameEn })).toEqual([]);
    }
  });

  it('has at least 60 item types, covering every row 1–60 of DOMAIN §5.2', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    const rows = new Set(items.map((i) => i.domainRow));
    const missing = Array.from({ length: 60 }, (_, i) => i + 1).filter((row) => !rows.has(row));
    expect(missing).toEqual([]);
  });

  it('gives every item an existing category and values that fit the item contract', () => {
    for (const item of items) {
      expect(categoryCodes.has(item.categoryCode), `${item.code} → ${item.categoryCode}`).toBe(true);
      const { categoryCode: _c, domainRow: _r, note: _n, ...fields } = item;
      expect(contractErrors(ItemCreate, { ...fields, categoryId: FAKE_ID }), item.code).toEqual([]);
      if (item.storageTempMinC !== null && item.storageTempMaxC !== null) expect(item.storageTempMinC, item.code).toBeLessThanOrEqual(item.storageTempMaxC);
      if (item.tracking !== 'bulk') expect(item.baseUnitsPerUnit, item.code).toBe(1);
    }
  });

  it('marks SCBA, cylinders, ropes, hose and suits safety-critical', () => {
    for (const code of ['SCBA-RHZKF6.8', 'CYL-6.8-30', 'PPE-ROPE-LIGHT', 'HOSE-65-20', 'PPE-SUIT-STRUCT', 'PPE-CHEM-L1', 'PPE-CHEM-L2', 'KIT-ROPE-RESCUE']) {
      expect(itemByCode.get(code)?.safetyCritical, code).toBe(true);
    }
  });

  it('keeps diesel in tenths of a litre and foam at 0–45 °C', () => {
    expect(itemByCode.get('DIESEL-0')).toMatchObject({ tracking: 'bulk', baseUnitsPerUnit: 10, unitEn: 'L' });
    expect(itemByCode.get('FOAM-AFFF-3')).toMatchObject({ storageTempMinC: 0, storageTempMaxC: 45 });
  });
});

describe('seed data: modules and pre-plans', () => {
  it('has the nine packages of DOMAIN §6.3, each stocked as a kit item', () => {
    expect([...moduleCodes].sort()).toEqual(
      ['FIRE-LONG', 'GEO-SLIDE', 'HAZMAT', 'LIVING', 'MOUNTAIN', 'QUAKE-HEAVY', 'SECURITY-STANDBY', 'UNDERGROUND', 'WATER'].sort(),
    );
    for (const m of modules) expect(itemByCode.get(m.kitItemCode)?.tracking, m.code).toBe('kit');
  });

  it('has packing lines that refer to catalogue items, with whole positive quantities and no repeats', () => {
    for (const m of modules) {
      expect(m.lines.length, m.code).toBeGreaterThan(0);
      expect(duplicates(m.lines.map((l) => l.itemCode)), m.code).toEqual([]);
      for (const line of m.lines) {
        expect(itemByCode.has(line.itemCode), `${m.code} → ${line.itemCode}`).toBe(true);
        expect(Number.isInteger(line.qty) && line.qty >= 1, `${m.code} ${line.itemCode}`).toBe(true);
        expect(line.itemCode, `${m.code} must not contain itself`).not.toBe(m.kitItemCode);
      }
      const kit = { id: FAKE_ID, code: m.code, nameZh: m.nameZh, nameEn: m.nameEn, description: m.description, kitItemId: FAKE_ID, kitItemCode: m.kitItemCode, lines: m.lines.map((l) => ({ itemId: FAKE_ID, ...l })) };
      expect(contractErrors(ModuleKit, kit), m.code).toEqual([]);
    }
  });

  it('has an incident taxonomy whose parents exist', () => {
    for (const t of incidentTypes) if (t.parentCode !== null) expect(incidentCodes.has(t.parentCode), t.code).toBe(true);
    for (const code of ['fire.high-rise', 'fire.underground', 'rescue.earthquake', 'rescue.landslide', 'rescue.hazmat-leak', 'rescue.flood', 'rescue.mountain', 'security.duty']) {
      expect(incidentCodes.has(code), code).toBe(true);
    }
  });

  it('has pre-plans that refer to incident types, modules and items, one per type and level', () => {
    expect(duplicates(prePlans.map((p) => `${p.incidentTypeCode}@${p.minAlarmLevel}`))).toEqual([]);
    for (const plan of prePlans) {
      expect(incidentCodes.has(plan.incidentTypeCode), plan.code).toBe(true);
      expect(plan.minAlarmLevel >= 1 && plan.minAlarmLevel <= 5, plan.code).toBe(true);
      for (const m of plan.modules) expect(moduleCodes.has(m.moduleCode) && m.qty >= 1, `${plan.code} → ${m.moduleCode}`).toBe(true);
      for (const rule of plan.rules) {
        expect(itemByCode.has(rule.itemCode), `${plan.code} → ${rule.itemCode}`).toBe(true);
        expect(rule.qtyPerBasis, plan.code).toBeGreaterThan(0);
      }
    }
    const used = new Set(prePlans.flatMap((p) => p.modules.map((m) => m.moduleCode)));
    expect([...moduleCodes].filter((code) => !used.has(code))).toEqual([]);
  });

  it('plans two cylinders per wearer-hour and water as cases of 13.2 L', () => {
    const rules = prePlans.flatMap((p) => p.rules);
    expect(rules.find((r) => r.itemCode === 'CYL-6.8-30')).toMatchObject({ basis: 'scba-wearer-hour', qtyPerBasis: 2 });
    expect(rules.find((r) => r.itemCode === 'WATER-BOTTLED')?.qtyPerBasis).toBeCloseTo(4 / 13.2);
    expect(rules.find((r) => r.itemCode === 'DIESEL-0')).toMatchObject({ basis: 'generator-hour', qtyPerBasis: 2.5 });
  });
});

describe('seed data: stock levels', () => {
  it('has a few hundred rows referring to existing nodes and items', () => {
    expect(stockLevels.length).toBeGreaterThanOrEqual(200);
    expect(stockLevels.length).toBeLessThanOrEqual(600);
    for (const s of stockLevels) {
      expect(nodeByCode.has(s.nodeCode), s.nodeCode).toBe(true);
      expect(itemByCode.has(s.itemCode), s.itemCode).toBe(true);
    }
  });

  it('keeps 0 ≤ min reserve ≤ target and whole, non-negative on-hand counts', () => {
    for (const s of stockLevels) {
      const label = `${s.nodeCode} ${s.itemCode}`;
      expect(Number.isInteger(s.onHand) && s.onHand >= 0, label).toBe(true);
      expect(Number.isInteger(s.minReserve) && Number.isInteger(s.target), label).toBe(true);
      expect(s.minReserve >= 0 && s.minReserve <= s.target, label).toBe(true);
    }
  });

  it('includes some shortfalls below the minimum reserve, for a realistic demo', () => {
    expect(stockLevels.some((s) => s.onHand < s.minReserve)).toBe(true);
  });

  it('gives lot items lots that add up to on hand, and no lots to other items', () => {
    for (const s of stockLevels) {
      const item = itemByCode.get(s.itemCode);
      const label = `${s.nodeCode} ${s.itemCode}`;
      if (item?.tracking === 'lot' && s.onHand > 0) {
        expect(s.lots.length, label).toBeGreaterThan(0);
        expect(s.lots.reduce((sum, l) => sum + l.qty, 0), label).toBe(s.onHand);
        for (const lot of s.lots) {
          expect(lot.qty, label).toBeGreaterThan(0);
          expect(lot.producedOn <= SEED_REFERENCE_DATE, label).toBe(true);
          if (item.shelfLifeMonths === null) expect(lot.expiresOn, label).toBeNull();
          else expect(lot.expiresOn !== null && lot.expiresOn > lot.producedOn, label).toBe(true);
        }
      } else {
        expect(s.lots, label).toEqual([]);
      }
    }
  });

  it('has a few lots already expired and a few expiring within 60 days of the reference date', () => {
    const lots = stockLevels.flatMap((s) => s.lots);
    const soon = new Date(Date.parse(SEED_REFERENCE_DATE) + 60 * 86_400_000).toISOString().slice(0, 10);
    const expired = lots.filter((l) => l.expiresOn !== null && l.expiresOn <= SEED_REFERENCE_DATE);
    const expiring = lots.filter((l) => l.expiresOn !== null && l.expiresOn > SEED_REFERENCE_DATE && l.expiresOn <= soon);
    expect(expired.length).toBeGreaterThan(0);
    expect(expiring.length).toBeGreaterThan(0);
    expect(expired.length).toBeLessThan(lots.length / 4);
  });

  it('stocks partners only with what their agreement covers, and every covered item', () => {
    for (const partner of nodes.filter((n) => n.type === 'partner')) {
      const stocked = stockLevels.filter((s) => s.nodeCode === partner.code).map((s) => s.itemCode).sort();
      expect(stocked, partner.code).toEqual([...(partner.agreement?.itemCodes ?? [])].sort());
    }
  });

  it('stocks every sub-warehouse and vehicle, holds every module somewhere, and nothing at the staging template', () => {
    for (const node of nodes.filter((n) => n.type === 'sub-warehouse' || n.type === 'vehicle')) {
      expect(stockLevels.some((s) => s.nodeCode === node.code), node.code).toBe(true);
    }
    for (const m of modules) expect(stockLevels.some((s) => s.itemCode === m.kitItemCode && s.onHand > 0), m.code).toBe(true);
    expect(stockLevels.filter((s) => nodeByCode.get(s.nodeCode)?.type === 'staging')).toEqual([]);
  });
});
