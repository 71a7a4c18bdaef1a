import { items } from './catalogue.ts';
import type { ItemSeed, LotSeed, StockLevelSeed } from './types.ts';

/**
 * Demo stock per node × item. Targets are written out below as data; on-hand counts and lots come
 * from a fixed-seed generator so the numbers look lived-in (some shortfalls, lots near or past
 * expiry) yet are identical on every run. Quantities are in units of issue (see StockLevelSeed).
 */

/** "Today" for the demo: lot dates are placed relative to it. */
export const SEED_REFERENCE_DATE = '2026-03-01';

/** [itemCode, target] pairs. */
type Targets = ReadonlyArray<readonly [itemCode: string, target: number]>;

/** The base: bulk reserves, spares for the whole detachment, and one sealed module of most types. */
const baseTargets: Targets = [
  ['SCBA-RHZKF6.8', 30], ['SCBA-RHZKF6.8-2', 10], ['CYL-6.8-30', 200], ['SCBA-MASK', 40], ['AIR-SUPPLY-MOBILE', 2],
  ['OXY-REBREATHER', 6], ['PPE-SUIT-STRUCT', 120], ['PPE-HELMET', 80], ['PPE-GLOVES', 200], ['PPE-BOOTS', 150],
  ['PPE-PASS', 40], ['PPE-ROPE-LIGHT', 60], ['PPE-AXE', 30], ['PPE-SUIT-PROX', 20], ['PPE-SUIT-ENTRY', 6],
  ['PPE-CHEM-L2', 30], ['PPE-CHEM-L1', 12], ['PPE-INSUL', 6], ['GUIDE-LINE', 12],
  ['HOSE-65-20', 300], ['NOZZLE-MULTI', 30], ['BREECHING', 12], ['MONITOR-PORT', 4], ['FOAM-AFFF-3', 40],
  ['FOAM-ARAFFF-3', 30], ['FOAM-AFFF-BULK', 20000], ['FOAM-CLASSA', 60], ['POWDER-ABC', 100], ['EXT-POWDER-4KG', 100],
  ['DET-GAS-TOXIC', 8], ['DET-GAS-COMB', 8], ['DET-LIFE-RADAR', 6], ['DET-LIFE-AUDIO', 4], ['THERMAL-CAMERA', 8],
  ['PROBE-POLE', 40], ['KIT-CORDON', 6], ['UAV-QUAD', 4],
  ['KIT-HYD-RESCUE', 6], ['HYD-MANUAL', 6], ['SAW-RESCUE', 8], ['BREAKER', 8], ['AIRBAG-LIFT', 4], ['KIT-SHORING', 4],
  ['KIT-ROPE-RESCUE', 6], ['STRETCHER', 12], ['SHOVEL', 80],
  ['KIT-LEAK-SEAL', 4], ['PUMP-TRANSFER-EX', 2], ['DECON-TENT', 2],
  ['GEN-PORT-5KW', 10], ['LIGHT-TOWER', 10], ['HEADLAMP', 100], ['SMOKE-EJECTOR', 8],
  ['BOAT-INFLATABLE', 6], ['PUMP-PORTABLE', 6], ['LIFEJACKET', 150], ['PPE-WATER', 40], ['THROW-BAG', 40],
  ['RADIO-HANDHELD', 60], ['SAT-TERMINAL', 2], ['COMMS-REPEATER', 3],
  ['TENT-12M2', 60], ['TENT-INFLATABLE', 6], ['CAMP-BED', 300], ['QUILT', 300], ['MEAL-SELFHEAT', 3000],
  ['BISCUIT-COMP', 200], ['WATER-BOTTLED', 800], ['KITCHEN-FIELD', 2], ['HYGIENE-KIT', 300],
  ['DIESEL-0', 20000], ['PETROL-92', 2000], ['MED-KIT-FIRSTAID', 40],
  ['MOD-FIRE-LONG', 1], ['MOD-HAZMAT', 1], ['MOD-QUAKE-HEAVY', 1], ['MOD-GEO-SLIDE', 1], ['MOD-WATER', 1],
  ['MOD-UNDERGROUND', 1], ['MOD-LIVING', 1], ['MOD-SECURITY-STANDBY', 2],
];

/** Every sub-warehouse: first-line spares, PPE backups and consumables (targets for a normal station). */
const subWarehouseTargets: Targets = [
  ['SCBA-RHZKF6.8', 4], ['CYL-6.8-30', 20], ['SCBA-MASK', 6], ['PPE-SUIT-STRUCT', 12], ['PPE-HELMET', 8],
  ['PPE-GLOVES', 30], ['PPE-BOOTS', 20], ['PPE-PASS', 6], ['PPE-ROPE-LIGHT', 8], ['PPE-AXE', 6],
  ['PPE-SUIT-PROX', 3], ['PPE-CHEM-L2', 4], ['HOSE-65-20', 30], ['NOZZLE-MULTI', 4], ['FOAM-CLASSA', 10],
  ['FOAM-AFFF-3', 4], ['POWDER-ABC', 10], ['EXT-POWDER-4KG', 20], ['DET-GAS-COMB', 1], ['RADIO-HANDHELD', 6],
  ['HEADLAMP', 20], ['GEN-PORT-5KW', 1], ['MED-KIT-FIRSTAID', 4], ['MEAL-SELFHEAT', 120], ['WATER-BOTTLED', 40],
  ['DIESEL-0', 200], ['PETROL-92', 40],
];

/** Extra holdings by sub-warehouse, reflecting its station's speciality and local risks. */
const subWarehouseExtras: Readonly<Record<string, Targets>> = {
  // Special-service station: hazmat, fire-entry and heavy rescue.
  'LPS-SW-ZS1': [['PPE-CHEM-L1', 4], ['PPE-SUIT-ENTRY', 3], ['KIT-HYD-RESCUE', 1], ['DET-GAS-TOXIC', 2], ['THERMAL-CAMERA', 2], ['SCBA-RHZKF6.8-2', 2]],
  'LPS-SW-ZS2': [['THERMAL-CAMERA', 1], ['SMOKE-EJECTOR', 1]],
  'LPS-SW-SC1': [['DET-LIFE-RADAR', 1], ['KIT-ROPE-RESCUE', 1]],
  // Western Shuicheng: landslide country (2019 Pingdi) and mountain roads.
  'LPS-SW-SC2': [['DET-LIFE-RADAR', 1], ['SHOVEL', 20], ['PROBE-POLE', 10], ['KIT-ROPE-RESCUE', 1], ['STRETCHER', 2]],
  'LPS-SW-PZ1': [['KIT-HYD-RESCUE', 1], ['DET-GAS-TOXIC', 1], ['SCBA-RHZKF6.8-2', 2]],
  // Coal and industry around Baiguo–Panguan: gas detection and underground work.
  'LPS-SW-PZ2': [['DET-GAS-TOXIC', 2], ['GUIDE-LINE', 4], ['SCBA-RHZKF6.8-2', 2]],
  // Liuzhi: rivers (Zangke river) and coal.
  'LPS-SW-LZ1': [['LIFEJACKET', 20], ['THROW-BAG', 6], ['PPE-WATER', 4], ['DET-GAS-TOXIC', 1]],
  'LPS-SW-GX1': [['DET-GAS-TOXIC', 1], ['KIT-LEAK-SEAL', 1]],
};

/** Larger stations hold twice the standard targets. */
const subWarehouseScale: Readonly<Record<string, number>> = { 'LPS-SW-ZS1': 2, 'LPS-SW-PZ1': 2 };

/** Partner stock: exactly what each agreement covers, at the agreed quantity (the target). */
const partnerTargets: Readonly<Record<string, Targets>> = {
  'LPS-PT-FUEL': [['DIESEL-0', 50000], ['PETROL-92', 10000]],
  'LPS-PT-FOOD': [['MEAL-SELFHEAT', 2000], ['BISCUIT-COMP', 300], ['WATER-BOTTLED', 1500], ['HYGIENE-KIT', 500]],
  'LPS-PT-MACH': [['MACH-EXCAVATOR', 3], ['MACH-LOADER', 2], ['LIGHT-TOWER', 4], ['GEN-PORT-5KW', 6]],
  'LPS-PT-HOSP': [['MED-KIT-FIRSTAID', 60], ['STRETCHER', 20]],
};

/** Vehicle loads: sealed modules and what each support vehicle carries; loaded exactly. */
const vehicleLoads: Readonly<Record<string, Targets>> = {
  'LPS-VEH-GB0901YJ': [['MOD-QUAKE-HEAVY', 1], ['MOD-MOUNTAIN', 1], ['KIT-HYD-RESCUE', 1], ['LIGHT-TOWER', 1]],
  'LPS-VEH-GB0902YJ': [['CYL-6.8-30', 80], ['SCBA-RHZKF6.8', 10], ['AIR-SUPPLY-MOBILE', 1]],
  'LPS-VEH-GB0903YJ': [['FOAM-AFFF-BULK', 8000], ['FOAM-AFFF-3', 10], ['FOAM-CLASSA', 20]],
  'LPS-VEH-GB0904YJ': [['MOD-LIVING', 1], ['WATER-BOTTLED', 60], ['MEAL-SELFHEAT', 300], ['DIESEL-0', 400]],
};

/** Micro stations: a cabinet of first-response kit. */
const microStationTargets: Targets = [
  ['EXT-POWDER-4KG', 10], ['PPE-SUIT-STRUCT', 4], ['PPE-HELMET', 4], ['HOSE-65-20', 6], ['NOZZLE-MULTI', 2],
  ['MED-KIT-FIRSTAID', 1], ['RADIO-HANDHELD', 2], ['HEADLAMP', 4],
];
const microStationCodes = ['LPS-MS-YYH', 'LPS-MS-MHS', 'LPS-MS-TL', 'LPS-MS-LB'];

// ---- deterministic generator -------------------------------------------------------------------

/** FNV-1a hash of a string, used to give every row its own PRNG seed (independent of row order). */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, seeded PRNG returning numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds whole months to an ISO date (UTC), clamping the day to 28 so every month has it. */
function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)));
  return date.toISOString().slice(0, 10);
}

const itemByCode = new Map<string, ItemSeed>(items.map((i) => [i.code, i]));

function requireItem(code: string): ItemSeed {
  const found = itemByCode.get(code);
  if (!found) throw new Error(`stock-levels: unknown item code ${code}`);
  return found;
}

/** Splits `onHand` into one or two lots with production and expiry dates around the reference date. */
function makeLots(nodeCode: string, item: ItemSeed, onHand: number, rand: () => number): LotSeed[] {
  if (item.tracking !== 'lot' || onHand === 0) return [];
  const lotCount = onHand >= 10 && rand() < 0.5 ? 2 : 1;
  const shelf = item.shelfLifeMonths;
  const lots: LotSeed[] = [];
  let remaining = onHand;
  for (let n = 0; n < lotCount; n++) {
    const qty = n === lotCount - 1 ? remaining : Math.max(1, Math.round(onHand * (0.3 + 0.4 * rand())));
    remaining -= qty;
    let ageMonths: number;
    const roll = rand();
    if (shelf === null) ageMonths = 1 + Math.floor(rand() * 36);
    else if (roll < 0.08) ageMonths = shelf + 1 + Math.floor(rand() * 3); // expired 1–3 months ago: due for quarantine
    else if (roll < 0.2) ageMonths = Math.max(1, shelf - 1); // expires within a month
    else ageMonths = 1 + Math.floor(rand() * Math.max(1, Math.floor(shelf * 0.7)));
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const producedOn = `${addMonths(SEED_REFERENCE_DATE, -ageMonths).slice(0, 8)}${day}`;
    const expiresOn = shelf === null ? null : addMonths(producedOn, shelf);
    const yymm = producedOn.slice(2, 4) + producedOn.slice(5, 7);
    const nodeTag = (hashString(nodeCode) % 900) + 100;
    lots.push({ lotNo: `${item.code}-${yymm}-${nodeTag}${n + 1}`, producedOn, expiresOn, qty });
  }
  return lots;
}

type Policy = 'reserve' | 'partner' | 'loaded';

/**
 * One stock row. `reserve`: min reserve is half the target, on hand mostly 75–105 % of target with an
 * occasional shortfall; `partner`: min reserve 80 % of the agreed quantity; `loaded`: exactly as listed.
 */
function makeRow(nodeCode: string, itemCode: string, target: number, policy: Policy): StockLevelSeed {
  const item = requireItem(itemCode);
  const rand = mulberry32(hashString(`${nodeCode}|${itemCode}`));
  let onHand: number;
  let minReserve: number;
  if (policy === 'loaded' || item.tracking === 'kit') {
    onHand = target;
    minReserve = target;
  } else if (policy === 'partner') {
    onHand = Math.round(target * (0.85 + 0.2 * rand()));
    minReserve = Math.round(target * 0.8);
  } else {
    const roll = rand();
    const factor = roll < 0.08 ? 0.3 + 0.2 * rand() : 0.75 + 0.3 * rand();
    onHand = Math.round(target * factor);
    minReserve = Math.ceil(target * 0.5);
  }
  return { nodeCode, itemCode, onHand, minReserve, target, lots: makeLots(nodeCode, item, onHand, rand) };
}

function rows(nodeCode: string, targets: Targets, policy: Policy, scale = 1): StockLevelSeed[] {
  return targets.map(([itemCode, target]) => makeRow(nodeCode, itemCode, target * scale, policy));
}

/** Merges duplicate item codes (extras that repeat a standard line): the larger target wins. */
function mergeTargets(...lists: Targets[]): Targets {
  const merged = new Map<string, number>();
  for (const list of lists) for (const [code, target] of list) merged.set(code, Math.max(merged.get(code) ?? 0, target));
  return [...merged];
}

export const stockLevels: readonly StockLevelSeed[] = [
  ...rows('LPS-BASE', baseTargets, 'reserve'),
  ...Object.keys(subWarehouseExtras).flatMap((code) =>
    rows(code, mergeTargets(subWarehouseTargets, subWarehouseExtras[code] ?? []), 'reserve', subWarehouseScale[code] ?? 1),
  ),
  ...Object.entries(partnerTargets).flatMap(([code, targets]) => rows(code, targets, 'partner')),
  ...Object.entries(vehicleLoads).flatMap(([code, targets]) => rows(code, targets, 'loaded')),
  ...microStationCodes.flatMap((code) => rows(code, microStationTargets, 'reserve')),
];
