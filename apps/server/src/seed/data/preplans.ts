import { MEALS_PER_PERSON_DAY, WATER_CASE_LITRES, WATER_LITRES_PER_PERSON_DAY } from './modules.ts';
import type { ConsumptionRule, IncidentTypeSeed, PrePlanSeed } from './types.ts';

/** Incident taxonomy of DOMAIN §6.1: three groups (the article's statistics) and their types. */
export const incidentTypes: readonly IncidentTypeSeed[] = [
  { code: 'fire', parentCode: null, nameZh: '火灾扑救', nameEn: 'Fire fighting' },
  { code: 'fire.residential', parentCode: 'fire', nameZh: '居民住宅火灾', nameEn: 'Residential fire' },
  { code: 'fire.high-rise', parentCode: 'fire', nameZh: '高层建筑火灾', nameEn: 'High-rise building fire' },
  { code: 'fire.underground', parentCode: 'fire', nameZh: '地下建筑火灾', nameEn: 'Underground building fire' },
  { code: 'fire.warehouse', parentCode: 'fire', nameZh: '仓库物流火灾', nameEn: 'Warehouse and logistics fire' },
  { code: 'fire.petrochemical', parentCode: 'fire', nameZh: '石油化工及危险品火灾', nameEn: 'Petrochemical and hazardous-goods fire' },
  { code: 'fire.industrial', parentCode: 'fire', nameZh: '工矿企业火灾（煤、煤化工）', nameEn: 'Industrial fire (coal, coal chemicals)' },
  { code: 'fire.vehicle', parentCode: 'fire', nameZh: '交通工具火灾', nameEn: 'Vehicle fire' },
  { code: 'fire.forest', parentCode: 'fire', nameZh: '森林草原火灾（交界域）', nameEn: 'Forest and grassland fire (interface)' },
  { code: 'rescue', parentCode: null, nameZh: '抢险救援和社会救助', nameEn: 'Rescue and social assistance' },
  { code: 'rescue.traffic', parentCode: 'rescue', nameZh: '道路交通事故', nameEn: 'Road traffic collision' },
  { code: 'rescue.collapse', parentCode: 'rescue', nameZh: '建筑坍塌', nameEn: 'Building collapse' },
  { code: 'rescue.earthquake', parentCode: 'rescue', nameZh: '地震救援', nameEn: 'Earthquake' },
  { code: 'rescue.landslide', parentCode: 'rescue', nameZh: '山体滑坡、泥石流等地质灾害', nameEn: 'Landslide, debris flow and other geological disasters' },
  { code: 'rescue.flood', parentCode: 'rescue', nameZh: '洪涝及水域救援', nameEn: 'Flood and water rescue' },
  { code: 'rescue.mountain', parentCode: 'rescue', nameZh: '山岳及高空救援', nameEn: 'Mountain and high-angle rescue' },
  { code: 'rescue.hazmat-leak', parentCode: 'rescue', nameZh: '危险化学品泄漏', nameEn: 'Hazardous-chemical leak' },
  { code: 'rescue.confined-space', parentCode: 'rescue', nameZh: '受限空间、隧道及井下救援', nameEn: 'Confined space, tunnel and underground rescue' },
  { code: 'rescue.social-assist', parentCode: 'rescue', nameZh: '社会救助（被困、动物、开锁等）', nameEn: 'Social assistance (people trapped, animals, lock-outs)' },
  { code: 'security', parentCode: null, nameZh: '执勤安保', nameEn: 'Security duty' },
  { code: 'security.duty', parentCode: 'security', nameZh: '大型活动及节假日执勤安保', nameEn: 'Standby at events, festivals and tourism peaks' },
];

/** Arithmetic rules shared by the pre-plans (DOMAIN §6.2; all [U] defaults, configurable). */
export const consumptionRules = {
  cylinders: {
    itemCode: 'CYL-6.8-30',
    basis: 'scba-wearer-hour',
    qtyPerBasis: 2,
    derivation: '6.8 L × 30 MPa ≈ 2,040 L free air; plan 30 min useful work per cylinder → 2 cylinders per wearer per hour [U]',
  },
  meals: {
    itemCode: 'MEAL-SELFHEAT',
    basis: 'person-day',
    qtyPerBasis: MEALS_PER_PERSON_DAY,
    derivation: '3 meals per person per day',
  },
  water: {
    itemCode: 'WATER-BOTTLED',
    basis: 'person-day',
    qtyPerBasis: WATER_LITRES_PER_PERSON_DAY / WATER_CASE_LITRES,
    derivation: `${WATER_LITRES_PER_PERSON_DAY} L per person per day [U] ÷ ${WATER_CASE_LITRES} L per case`,
  },
  diesel: {
    itemCode: 'DIESEL-0',
    basis: 'generator-hour',
    qtyPerBasis: 2.5,
    derivation: 'A 5–10 kW generator burns about 1.5–3 L/h; 2.5 L/h planned [U]',
  },
  hygiene: {
    itemCode: 'HYGIENE-KIT',
    basis: 'person',
    qtyPerBasis: 1,
    derivation: 'One kit per person per deployment [U]',
  },
} as const satisfies Record<string, ConsumptionRule>;

const { cylinders, meals, water, diesel, hygiene } = consumptionRules;
const LIVING_RULES: ConsumptionRule[] = [meals, water, diesel];

/**
 * Graded pre-plans: incident type × minimum alarm level → modules and per-person/per-hour items.
 * For an incident, the plan of its type with the highest `minAlarmLevel` not above the alarm level
 * applies; levels below every plan of a type need no warehouse support (station vehicles only, §6.2).
 */
export const prePlans: readonly PrePlanSeed[] = [
  { code: 'PP-FIRE-RES-3', incidentTypeCode: 'fire.residential', minAlarmLevel: 3, nameZh: '住宅火灾三级预案', nameEn: 'Residential fire, level 3', modules: [{ moduleCode: 'FIRE-LONG', qty: 1 }], rules: [cylinders], defaultDurationHours: 3, note: null },
  { code: 'PP-FIRE-HR-3', incidentTypeCode: 'fire.high-rise', minAlarmLevel: 3, nameZh: '高层建筑火灾三级预案', nameEn: 'High-rise fire, level 3', modules: [{ moduleCode: 'FIRE-LONG', qty: 1 }], rules: [cylinders, meals, water], defaultDurationHours: 6, note: null },
  { code: 'PP-FIRE-HR-4', incidentTypeCode: 'fire.high-rise', minAlarmLevel: 4, nameZh: '高层建筑火灾四级预案', nameEn: 'High-rise fire, level 4', modules: [{ moduleCode: 'FIRE-LONG', qty: 2 }, { moduleCode: 'LIVING', qty: 1 }], rules: [cylinders, ...LIVING_RULES], defaultDurationHours: 12, note: null },
  { code: 'PP-FIRE-UG-2', incidentTypeCode: 'fire.underground', minAlarmLevel: 2, nameZh: '地下建筑火灾二级预案', nameEn: 'Underground fire, level 2', modules: [{ moduleCode: 'UNDERGROUND', qty: 1 }], rules: [cylinders], defaultDurationHours: 4, note: 'Underground fires call for long-duration air from level 2 (alarm grading names underground buildings at level 2 [S30]).' },
  { code: 'PP-FIRE-UG-3', incidentTypeCode: 'fire.underground', minAlarmLevel: 3, nameZh: '地下建筑火灾三级预案', nameEn: 'Underground fire, level 3', modules: [{ moduleCode: 'UNDERGROUND', qty: 1 }, { moduleCode: 'FIRE-LONG', qty: 1 }], rules: [cylinders, meals, water], defaultDurationHours: 8, note: null },
  { code: 'PP-FIRE-WH-3', incidentTypeCode: 'fire.warehouse', minAlarmLevel: 3, nameZh: '仓库火灾三级预案', nameEn: 'Warehouse fire, level 3', modules: [{ moduleCode: 'FIRE-LONG', qty: 1 }], rules: [cylinders, meals, water], defaultDurationHours: 8, note: null },
  { code: 'PP-FIRE-PC-2', incidentTypeCode: 'fire.petrochemical', minAlarmLevel: 2, nameZh: '石化火灾二级预案', nameEn: 'Petrochemical fire, level 2', modules: [{ moduleCode: 'HAZMAT', qty: 1 }], rules: [cylinders], defaultDurationHours: 4, note: null },
  { code: 'PP-FIRE-PC-3', incidentTypeCode: 'fire.petrochemical', minAlarmLevel: 3, nameZh: '石化火灾三级预案', nameEn: 'Petrochemical fire, level 3', modules: [{ moduleCode: 'HAZMAT', qty: 1 }, { moduleCode: 'FIRE-LONG', qty: 1 }, { moduleCode: 'LIVING', qty: 1 }], rules: [cylinders, ...LIVING_RULES], defaultDurationHours: 12, note: 'Foam demand depends on fuel area and application rate: an incident input, not a rule (§6.2).' },
  { code: 'PP-FIRE-IND-3', incidentTypeCode: 'fire.industrial', minAlarmLevel: 3, nameZh: '工矿企业火灾三级预案', nameEn: 'Industrial fire, level 3', modules: [{ moduleCode: 'FIRE-LONG', qty: 1 }], rules: [cylinders, meals, water], defaultDurationHours: 8, note: null },
  { code: 'PP-FIRE-FOR-3', incidentTypeCode: 'fire.forest', minAlarmLevel: 3, nameZh: '森林草原火灾三级预案', nameEn: 'Forest interface fire, level 3', modules: [{ moduleCode: 'MOUNTAIN', qty: 1 }, { moduleCode: 'LIVING', qty: 1 }], rules: LIVING_RULES, defaultDurationHours: 24, note: null },
  { code: 'PP-RES-COL-3', incidentTypeCode: 'rescue.collapse', minAlarmLevel: 3, nameZh: '建筑坍塌三级预案', nameEn: 'Building collapse, level 3', modules: [{ moduleCode: 'QUAKE-HEAVY', qty: 1 }], rules: [meals, water, diesel], defaultDurationHours: 24, note: null },
  { code: 'PP-RES-EQ-3', incidentTypeCode: 'rescue.earthquake', minAlarmLevel: 3, nameZh: '地震救援三级预案', nameEn: 'Earthquake, level 3', modules: [{ moduleCode: 'QUAKE-HEAVY', qty: 1 }, { moduleCode: 'LIVING', qty: 1 }], rules: [...LIVING_RULES, hygiene], defaultDurationHours: 72, note: '72 h self-sufficiency, as for cross-regional deployments (§6.2).' },
  { code: 'PP-RES-EQ-5', incidentTypeCode: 'rescue.earthquake', minAlarmLevel: 5, nameZh: '地震救援五级（跨区域）预案', nameEn: 'Earthquake, level 5 (cross-regional)', modules: [{ moduleCode: 'QUAKE-HEAVY', qty: 2 }, { moduleCode: 'LIVING', qty: 2 }], rules: [...LIVING_RULES, hygiene], defaultDurationHours: 72, note: 'Mirrors the Guizhou cross-regional earthquake plan: heavy teams with 72 h support [S38].' },
  { code: 'PP-RES-SLIDE-3', incidentTypeCode: 'rescue.landslide', minAlarmLevel: 3, nameZh: '山体滑坡三级预案', nameEn: 'Landslide, level 3', modules: [{ moduleCode: 'GEO-SLIDE', qty: 1 }, { moduleCode: 'LIVING', qty: 1 }], rules: [...LIVING_RULES, hygiene], defaultDurationHours: 72, note: 'Excavators are called off from the machinery partner (2019 Shuicheng landslide [S51b]).' },
  { code: 'PP-RES-HAZ-2', incidentTypeCode: 'rescue.hazmat-leak', minAlarmLevel: 2, nameZh: '危化品泄漏二级预案', nameEn: 'Hazardous-chemical leak, level 2', modules: [{ moduleCode: 'HAZMAT', qty: 1 }], rules: [cylinders], defaultDurationHours: 4, note: null },
  { code: 'PP-RES-HAZ-4', incidentTypeCode: 'rescue.hazmat-leak', minAlarmLevel: 4, nameZh: '危化品泄漏四级预案', nameEn: 'Hazardous-chemical leak, level 4', modules: [{ moduleCode: 'HAZMAT', qty: 2 }, { moduleCode: 'LIVING', qty: 1 }], rules: [cylinders, ...LIVING_RULES], defaultDurationHours: 12, note: null },
  { code: 'PP-RES-FLOOD-3', incidentTypeCode: 'rescue.flood', minAlarmLevel: 3, nameZh: '洪涝水域救援三级预案', nameEn: 'Flood and water rescue, level 3', modules: [{ moduleCode: 'WATER', qty: 1 }, { moduleCode: 'LIVING', qty: 1 }], rules: LIVING_RULES, defaultDurationHours: 24, note: null },
  { code: 'PP-RES-MTN-2', incidentTypeCode: 'rescue.mountain', minAlarmLevel: 2, nameZh: '山岳救援二级预案', nameEn: 'Mountain rescue, level 2', modules: [{ moduleCode: 'MOUNTAIN', qty: 1 }], rules: [meals, water], defaultDurationHours: 12, note: null },
  { code: 'PP-RES-CS-2', incidentTypeCode: 'rescue.confined-space', minAlarmLevel: 2, nameZh: '受限空间及井下救援二级预案', nameEn: 'Confined space and underground rescue, level 2', modules: [{ moduleCode: 'UNDERGROUND', qty: 1 }], rules: [cylinders], defaultDurationHours: 6, note: 'Coal-mining area: mine and tunnel rescue is a local risk driver (§8.1).' },
  { code: 'PP-SEC-DUTY-1', incidentTypeCode: 'security.duty', minAlarmLevel: 1, nameZh: '执勤安保备勤预案', nameEn: 'Security duty standby', modules: [{ moduleCode: 'SECURITY-STANDBY', qty: 1 }], rules: [meals, water], defaultDurationHours: 8, note: 'Planned events; Liupanshui markets its "19 °C summer" [S41].' },
];
