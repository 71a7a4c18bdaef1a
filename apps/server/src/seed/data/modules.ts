import type { ModuleSeed } from './types.ts';

/** Litres of drinking water in one case of WATER-BOTTLED (24 × 550 mL). */
export const WATER_CASE_LITRES = 13.2;
/** Drinking and cooking water per person per day, litres (DOMAIN §6.2: 3–5 L [U]). */
export const WATER_LITRES_PER_PERSON_DAY = 4;
/** Meals per person per day (DOMAIN §6.2). */
export const MEALS_PER_PERSON_DAY = 3;

/** Cases of bottled water for `people` over `hours`, rounded up. */
function waterCases(people: number, hours: number): number {
  return Math.ceil((people * WATER_LITRES_PER_PERSON_DAY * hours) / 24 / WATER_CASE_LITRES);
}

/** Meals for `people` over `hours`, rounded up. */
function meals(people: number, hours: number): number {
  return Math.ceil((people * MEALS_PER_PERSON_DAY * hours) / 24);
}

/**
 * The nine demo support modules of DOMAIN §6.3 with their packing lists. Contents are the "core
 * contents" column; food and water are computed from the per-person rules above. Vehicles and
 * partner machinery named in §6.3 are not lines: vehicles are nodes, machinery is called off.
 */
export const modules: readonly ModuleSeed[] = [
  {
    code: 'FIRE-LONG',
    kitItemCode: 'MOD-FIRE-LONG',
    nameZh: '长时间灭火保障模块',
    nameEn: 'Long-duration structure fire',
    description:
      'Air, hose, suits, foam, light and power for a long structure fire, with water and food for 50 firefighters for 12 h. An air-supply truck or the mobile air-supply unit refills cylinders on scene.',
    triggers: 'Alarm level ≥3, or expected duration ≥2 h',
    scaleUp: '×2 per additional 50 firefighters',
    lines: [
      { itemCode: 'CYL-6.8-30', qty: 40 },
      { itemCode: 'AIR-SUPPLY-MOBILE', qty: 1 },
      { itemCode: 'HOSE-65-20', qty: 20 },
      { itemCode: 'PPE-SUIT-STRUCT', qty: 10 },
      { itemCode: 'FOAM-AFFF-3', qty: 10 }, // 10 × 200 L drums ≈ 2 t
      { itemCode: 'LIGHT-TOWER', qty: 1 },
      { itemCode: 'GEN-PORT-5KW', qty: 1 },
      { itemCode: 'WATER-BOTTLED', qty: waterCases(50, 12) },
      { itemCode: 'MEAL-SELFHEAT', qty: meals(50, 12) },
    ],
  },
  {
    code: 'HAZMAT',
    kitItemCode: 'MOD-HAZMAT',
    nameZh: '危化品泄漏保障模块',
    nameEn: 'Hazardous-chemical leak',
    description: 'Chemical protection, detection, leak sealing, transfer and decontamination for a hazardous-goods site.',
    triggers: 'Hazardous-goods site; alarm level ≥2',
    scaleUp: 'Add a decontamination module when more than 50 people are exposed',
    lines: [
      { itemCode: 'PPE-CHEM-L1', qty: 6 },
      { itemCode: 'PPE-CHEM-L2', qty: 10 },
      { itemCode: 'DET-GAS-TOXIC', qty: 2 },
      { itemCode: 'DET-GAS-COMB', qty: 2 },
      { itemCode: 'KIT-LEAK-SEAL', qty: 2 },
      { itemCode: 'PUMP-TRANSFER-EX', qty: 1 },
      { itemCode: 'DECON-TENT', qty: 1 },
      { itemCode: 'FOAM-ARAFFF-3', qty: 10 }, // ≈ 2 t
      { itemCode: 'KIT-CORDON', qty: 1 },
    ],
  },
  {
    code: 'QUAKE-HEAVY',
    kitItemCode: 'MOD-QUAKE-HEAVY',
    nameZh: '地震（重型）救援保障模块',
    nameEn: 'Earthquake and collapse (heavy team)',
    description:
      'Detection, forcible entry, life saving, lighting and support for a heavy earthquake team (the six categories of [S40]), with 72 h of food and water for 60 people.',
    triggers: 'Earthquake, building collapse',
    scaleUp: 'A light team takes about half [U]',
    lines: [
      { itemCode: 'DET-LIFE-RADAR', qty: 2 },
      { itemCode: 'DET-LIFE-AUDIO', qty: 2 },
      { itemCode: 'KIT-HYD-RESCUE', qty: 3 },
      { itemCode: 'BREAKER', qty: 4 },
      { itemCode: 'KIT-SHORING', qty: 2 },
      { itemCode: 'KIT-ROPE-RESCUE', qty: 1 },
      { itemCode: 'GEN-PORT-5KW', qty: 3 },
      { itemCode: 'LIGHT-TOWER', qty: 4 },
      { itemCode: 'TENT-12M2', qty: 10 },
      { itemCode: 'WATER-BOTTLED', qty: waterCases(60, 72) },
      { itemCode: 'MEAL-SELFHEAT', qty: meals(60, 72) },
    ],
  },
  {
    code: 'GEO-SLIDE',
    kitItemCode: 'MOD-GEO-SLIDE',
    nameZh: '山体滑坡救援保障模块',
    nameEn: 'Landslide with burial',
    description:
      'Search (life detectors, UAV, probing poles), hand digging, shelter, light and power with 72 h living support for 40 people. Excavators and loaders come from the machinery partner by call-off, as in the 2019 Shuicheng rescue [S51b].',
    triggers: 'Landslide or debris flow with people buried',
    scaleUp: 'Add partner machinery per work zone; add LIVING modules per 50 people',
    lines: [
      { itemCode: 'DET-LIFE-RADAR', qty: 2 },
      { itemCode: 'DET-LIFE-AUDIO', qty: 1 },
      { itemCode: 'UAV-QUAD', qty: 1 },
      { itemCode: 'PROBE-POLE', qty: 20 },
      { itemCode: 'SHOVEL', qty: 40 },
      { itemCode: 'TENT-12M2', qty: 6 },
      { itemCode: 'LIGHT-TOWER', qty: 2 },
      { itemCode: 'GEN-PORT-5KW', qty: 2 },
      { itemCode: 'WATER-BOTTLED', qty: waterCases(40, 72) },
      { itemCode: 'MEAL-SELFHEAT', qty: meals(40, 72) },
    ],
  },
  {
    code: 'WATER',
    kitItemCode: 'MOD-WATER',
    nameZh: '水域救援保障模块',
    nameEn: 'Flood and swift-water rescue',
    description: 'Boats, flotation, water PPE, throw bags, pumps and lighting for flood and swift-water rescue.',
    triggers: 'Flood warning, water rescue',
    scaleUp: 'One module per flooded district',
    lines: [
      { itemCode: 'BOAT-INFLATABLE', qty: 4 },
      { itemCode: 'LIFEJACKET', qty: 60 },
      { itemCode: 'PPE-WATER', qty: 20 },
      { itemCode: 'THROW-BAG', qty: 20 },
      { itemCode: 'PUMP-PORTABLE', qty: 2 },
      { itemCode: 'LIGHT-TOWER', qty: 1 },
    ],
  },
  {
    code: 'MOUNTAIN',
    kitItemCode: 'MOD-MOUNTAIN',
    nameZh: '山岳救援保障模块',
    nameEn: 'Mountain and high-angle rescue',
    description: 'Rope rescue, casualty transport, headlamps and satellite link, with 24 h of food and water for 20 people.',
    triggers: 'Mountain or high-angle rescue',
    scaleUp: '—',
    lines: [
      { itemCode: 'KIT-ROPE-RESCUE', qty: 3 },
      { itemCode: 'STRETCHER', qty: 4 },
      { itemCode: 'HEADLAMP', qty: 20 },
      { itemCode: 'SAT-TERMINAL', qty: 1 },
      { itemCode: 'RADIO-HANDHELD', qty: 6 },
      { itemCode: 'WATER-BOTTLED', qty: waterCases(20, 24) },
      { itemCode: 'MEAL-SELFHEAT', qty: meals(20, 24) },
    ],
  },
  {
    code: 'UNDERGROUND',
    kitItemCode: 'MOD-UNDERGROUND',
    nameZh: '地下建筑/隧道保障模块',
    nameEn: 'Underground building and tunnel',
    description: 'Long-duration breathing apparatus, thermal cameras, guide lines, smoke extraction and a radio repeater for underground fires or collapses.',
    triggers: 'Underground building or tunnel fire or collapse',
    scaleUp: '—',
    lines: [
      { itemCode: 'SCBA-RHZKF6.8-2', qty: 6 },
      { itemCode: 'CYL-6.8-30', qty: 12 },
      { itemCode: 'THERMAL-CAMERA', qty: 3 },
      { itemCode: 'GUIDE-LINE', qty: 6 },
      { itemCode: 'SMOKE-EJECTOR', qty: 3 },
      { itemCode: 'COMMS-REPEATER', qty: 1 },
    ],
  },
  {
    code: 'LIVING',
    kitItemCode: 'MOD-LIVING',
    nameZh: '生活保障模块',
    nameEn: 'Living support (50 people)',
    description: 'Field kitchen, shelter, bedding, water, meals, hygiene and first aid for 50 people for 24 h.',
    triggers: 'Any deployment longer than 6 h',
    scaleUp: 'One module per 50 people; one more per further day for water and meals',
    lines: [
      { itemCode: 'KITCHEN-FIELD', qty: 1 },
      { itemCode: 'TENT-INFLATABLE', qty: 1 },
      { itemCode: 'TENT-12M2', qty: 6 },
      { itemCode: 'CAMP-BED', qty: 50 },
      { itemCode: 'QUILT', qty: 50 },
      { itemCode: 'WATER-BOTTLED', qty: waterCases(50, 24) },
      { itemCode: 'MEAL-SELFHEAT', qty: meals(50, 24) },
      { itemCode: 'HYGIENE-KIT', qty: 50 },
      { itemCode: 'MED-KIT-FIRSTAID', qty: 2 },
    ],
  },
  {
    code: 'SECURITY-STANDBY',
    kitItemCode: 'MOD-SECURITY-STANDBY',
    nameZh: '执勤安保备勤模块',
    nameEn: 'Security-duty standby',
    description:
      'What goes with one engine and one equipment truck on standby at a planned event: first aid, water, extinguishers, radios and a cordon kit. The vehicles themselves come from the nearest station.',
    triggers: 'Planned event, festival or tourism peak',
    scaleUp: 'One per standby point',
    lines: [
      { itemCode: 'MED-KIT-FIRSTAID', qty: 2 },
      { itemCode: 'WATER-BOTTLED', qty: 10 },
      { itemCode: 'EXT-POWDER-4KG', qty: 10 },
      { itemCode: 'RADIO-HANDHELD', qty: 4 },
      { itemCode: 'KIT-CORDON', qty: 1 },
    ],
  },
];
