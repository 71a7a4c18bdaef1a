import type { CategorySeed, ItemSeed } from './types.ts';

/**
 * The demo equipment catalogue: categories A–K of DOMAIN §5.2 (vehicles, group L, are nodes, not items)
 * plus M for sealed support modules, and the item types of §5.2 rows 1–60 with the extra items the
 * support packages of §6.3 need. Category codes are our own hierarchical codes in the spirit of
 * GB/T 38565 (linear classification); they are not the standard's codes.
 */
export const categories: readonly CategorySeed[] = [
  { code: 'A', parentCode: null, nameZh: '个人防护', nameEn: 'Personal protection' },
  { code: 'A01', parentCode: 'A', nameZh: '躯体防护', nameEn: 'Body protection' },
  { code: 'A02', parentCode: 'A', nameZh: '头部、手部、足部防护', nameEn: 'Head, hand and foot protection' },
  { code: 'A03', parentCode: 'A', nameZh: '随身携带装备', nameEn: 'Personal carried equipment' },
  { code: 'B', parentCode: null, nameZh: '呼吸保护', nameEn: 'Breathing protection' },
  { code: 'B01', parentCode: 'B', nameZh: '呼吸器', nameEn: 'Breathing apparatus' },
  { code: 'B02', parentCode: 'B', nameZh: '气瓶及供气', nameEn: 'Cylinders and air supply' },
  { code: 'C', parentCode: null, nameZh: '灭火器材及灭火剂', nameEn: 'Firefighting equipment and agents' },
  { code: 'C01', parentCode: 'C', nameZh: '水带、水枪及分水器', nameEn: 'Hose, branches and breechings' },
  { code: 'C02', parentCode: 'C', nameZh: '灭火剂', nameEn: 'Extinguishing agents' },
  { code: 'C03', parentCode: 'C', nameZh: '灭火器及泵', nameEn: 'Extinguishers and pumps' },
  { code: 'D', parentCode: null, nameZh: '侦检及警戒', nameEn: 'Detection and warning' },
  { code: 'D01', parentCode: 'D', nameZh: '气体侦检', nameEn: 'Gas detection' },
  { code: 'D02', parentCode: 'D', nameZh: '搜索及生命探测', nameEn: 'Search and life detection' },
  { code: 'D03', parentCode: 'D', nameZh: '警戒及航空器材', nameEn: 'Cordon and aerial equipment' },
  { code: 'E', parentCode: null, nameZh: '破拆及救生', nameEn: 'Forcible entry, lifting and rescue' },
  { code: 'E01', parentCode: 'E', nameZh: '破拆器材', nameEn: 'Forcible-entry tools' },
  { code: 'E02', parentCode: 'E', nameZh: '起重及支撑', nameEn: 'Lifting and shoring' },
  { code: 'E03', parentCode: 'E', nameZh: '绳索救援及转运', nameEn: 'Rope rescue and casualty transport' },
  { code: 'E04', parentCode: 'E', nameZh: '挖掘工具', nameEn: 'Digging tools' },
  { code: 'E05', parentCode: 'E', nameZh: '工程机械', nameEn: 'Construction machinery' },
  { code: 'F', parentCode: null, nameZh: '堵漏、输转及洗消', nameEn: 'Hazmat: leak sealing, transfer, decontamination' },
  { code: 'F01', parentCode: 'F', nameZh: '堵漏器材', nameEn: 'Leak sealing' },
  { code: 'F02', parentCode: 'F', nameZh: '输转器材', nameEn: 'Transfer' },
  { code: 'F03', parentCode: 'F', nameZh: '洗消器材', nameEn: 'Decontamination' },
  { code: 'G', parentCode: null, nameZh: '照明排烟及动力', nameEn: 'Power, lighting and smoke extraction' },
  { code: 'G01', parentCode: 'G', nameZh: '动力', nameEn: 'Power' },
  { code: 'G02', parentCode: 'G', nameZh: '照明', nameEn: 'Lighting' },
  { code: 'G03', parentCode: 'G', nameZh: '排烟', nameEn: 'Smoke extraction' },
  { code: 'H', parentCode: null, nameZh: '水域救援', nameEn: 'Water rescue' },
  { code: 'H01', parentCode: 'H', nameZh: '舟艇及排水', nameEn: 'Craft and pumps' },
  { code: 'H02', parentCode: 'H', nameZh: '水域防护及抛投', nameEn: 'Water PPE and throwing equipment' },
  { code: 'I', parentCode: null, nameZh: '通信', nameEn: 'Communications' },
  { code: 'I01', parentCode: 'I', nameZh: '无线通信', nameEn: 'Radio' },
  { code: 'I02', parentCode: 'I', nameZh: '卫星及中继', nameEn: 'Satellite and relay' },
  { code: 'J', parentCode: null, nameZh: '生活保障', nameEn: 'Living support' },
  { code: 'J01', parentCode: 'J', nameZh: '宿营', nameEn: 'Shelter and bedding' },
  { code: 'J02', parentCode: 'J', nameZh: '饮食', nameEn: 'Food and water' },
  { code: 'J03', parentCode: 'J', nameZh: '卫生用品', nameEn: 'Hygiene' },
  { code: 'K', parentCode: null, nameZh: '油料及卫勤', nameEn: 'Fuel and medical' },
  { code: 'K01', parentCode: 'K', nameZh: '油料', nameEn: 'Fuel' },
  { code: 'K02', parentCode: 'K', nameZh: '卫勤', nameEn: 'Medical' },
  { code: 'M', parentCode: null, nameZh: '保障模块', nameEn: 'Support modules' },
];

/** Fields an item row may leave out: these defaults apply. */
type ItemDefaults =
  | 'baseUnitsPerUnit'
  | 'serviceLifeMonths'
  | 'shelfLifeMonths'
  | 'inspectionIntervalDays'
  | 'safetyCritical'
  | 'storageTempMinC'
  | 'storageTempMaxC'
  | 'weightKg'
  | 'volumeL'
  | 'backupRatio'
  | 'standardRefs'
  | 'domainRow'
  | 'note';

function item(row: Omit<ItemSeed, ItemDefaults> & Partial<Pick<ItemSeed, ItemDefaults>>): ItemSeed {
  return {
    baseUnitsPerUnit: 1,
    serviceLifeMonths: null,
    shelfLifeMonths: null,
    inspectionIntervalDays: null,
    safetyCritical: false,
    storageTempMinC: null,
    storageTempMaxC: null,
    weightKg: null,
    volumeL: null,
    backupRatio: null,
    standardRefs: [],
    domainRow: null,
    note: null,
    ...row,
  };
}

const NFPA_1851 = 'NFPA 1851 (US, 10-year retirement)';
const GA_621 = 'GA 621-2013';

/** Item types. Values DOMAIN marks [U] are demo defaults and are named in each row's `note`. */
export const items: readonly ItemSeed[] = [
  // A. Personal protection
  item({ code: 'PPE-SUIT-STRUCT', categoryCode: 'A01', nameZh: '灭火防护服', nameEn: 'Structural firefighting suit', unitZh: '套', unitEn: 'set', tracking: 'serialised', serviceLifeMonths: 120, inspectionIntervalDays: 365, safetyCritical: true, weightKg: 3, volumeL: 25, standardRefs: [GA_621, NFPA_1851], domainRow: 1, note: 'Unverified defaults: service life (US 10 y used), yearly advanced inspection, weight.' }),
  item({ code: 'PPE-HELMET', categoryCode: 'A02', nameZh: '消防头盔', nameEn: 'Fire helmet', unitZh: '顶', unitEn: 'piece', tracking: 'serialised', serviceLifeMonths: 120, weightKg: 1.45, volumeL: 12, standardRefs: [GA_621, NFPA_1851], domainRow: 2, note: 'Unverified default: weight.' }),
  item({ code: 'PPE-GLOVES', categoryCode: 'A02', nameZh: '消防手套', nameEn: 'Firefighting gloves', unitZh: '副', unitEn: 'pair', tracking: 'lot', serviceLifeMonths: 120, weightKg: 0.3, volumeL: 1, standardRefs: [GA_621], domainRow: 3, note: 'Unverified defaults: weight, volume.' }),
  item({ code: 'PPE-BOOTS', categoryCode: 'A02', nameZh: '消防靴', nameEn: 'Firefighting boots', unitZh: '双', unitEn: 'pair', tracking: 'lot', serviceLifeMonths: 120, weightKg: 2.5, volumeL: 12, standardRefs: [GA_621], domainRow: 4, note: 'Unverified defaults: weight, volume.' }),
  item({ code: 'PPE-PASS', categoryCode: 'A03', nameZh: '呼救器（方位灯）', nameEn: 'Distress signal unit with locator light', unitZh: '个', unitEn: 'piece', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 0.25, backupRatio: '5:1', standardRefs: [GA_621], domainRow: 5, note: 'Unverified default: monthly battery check.' }),
  item({ code: 'PPE-ROPE-LIGHT', categoryCode: 'A03', nameZh: '消防轻型安全绳', nameEn: 'Light safety rope', unitZh: '根', unitEn: 'piece', tracking: 'serialised', serviceLifeMonths: 120, inspectionIntervalDays: 90, safetyCritical: true, weightKg: 1.2, backupRatio: '4:1', standardRefs: [GA_621, 'NFPA 1858'], domainRow: 6, note: 'Inspect before and after each use [E10]; the 90-day calendar check and weight are unverified defaults.' }),
  item({ code: 'GUIDE-LINE', categoryCode: 'A03', nameZh: '导向绳（50 m）', nameEn: 'Search guide line (50 m)', unitZh: '根', unitEn: 'piece', tracking: 'serialised', serviceLifeMonths: 120, inspectionIntervalDays: 90, safetyCritical: true, weightKg: 3, note: 'Added for the UNDERGROUND module; life, inspection interval and weight are unverified defaults.' }),
  item({ code: 'PPE-AXE', categoryCode: 'A03', nameZh: '消防腰斧', nameEn: 'Firefighter belt axe', unitZh: '把', unitEn: 'piece', tracking: 'serialised', weightKg: 1, backupRatio: '5:1', standardRefs: [GA_621], domainRow: 7, note: 'Unverified default: weight.' }),
  item({ code: 'PPE-SUIT-PROX', categoryCode: 'A01', nameZh: '隔热服', nameEn: 'Heat-reflective proximity suit', unitZh: '套', unitEn: 'set', tracking: 'serialised', serviceLifeMonths: 96, inspectionIntervalDays: 365, safetyCritical: true, weightKg: 4, volumeL: 30, backupRatio: '4:1', standardRefs: [GA_621], domainRow: 8, note: 'Unverified defaults: service life, inspection interval, weight (DOMAIN: follow the manufacturer). Backup 4:1 is the general-station figure.' }),
  item({ code: 'PPE-SUIT-ENTRY', categoryCode: 'A01', nameZh: '避火服', nameEn: 'Fire-entry suit', unitZh: '套', unitEn: 'set', tracking: 'serialised', serviceLifeMonths: 96, inspectionIntervalDays: 365, safetyCritical: true, weightKg: 8, volumeL: 40, standardRefs: [GA_621], domainRow: 9, note: 'Unverified defaults: service life, inspection interval, weight.' }),
  item({ code: 'PPE-CHEM-L2', categoryCode: 'A01', nameZh: '二级化学防护服', nameEn: 'Chemical protective suit (grade 2)', unitZh: '套', unitEn: 'set', tracking: 'serialised', serviceLifeMonths: 60, inspectionIntervalDays: 180, safetyCritical: true, weightKg: 3, volumeL: 20, backupRatio: '4:1', standardRefs: [GA_621], domainRow: 10, note: 'Unverified defaults: service life, 180-day gas-tightness check, weight.' }),
  item({ code: 'PPE-CHEM-L1', categoryCode: 'A01', nameZh: '重型防化服（一级）', nameEn: 'Heavy gas-tight chemical suit (grade 1)', unitZh: '套', unitEn: 'set', tracking: 'serialised', serviceLifeMonths: 60, inspectionIntervalDays: 180, safetyCritical: true, weightKg: 8, volumeL: 40, standardRefs: [GA_621], domainRow: 11, note: 'Unverified defaults: service life, 180-day pressure test, weight.' }),
  item({ code: 'PPE-INSUL', categoryCode: 'A01', nameZh: '电绝缘装具', nameEn: 'Electrical insulation kit', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 180, safetyCritical: true, weightKg: 5, standardRefs: [GA_621], domainRow: 12, note: 'Unverified defaults: 180-day dielectric test, weight.' }),

  // B. Breathing protection
  item({ code: 'SCBA-RHZKF6.8', categoryCode: 'B01', nameZh: '正压式消防空气呼吸器 RHZKF6.8/30', nameEn: 'Positive-pressure air SCBA RHZKF6.8/30', unitZh: '具', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 365, safetyCritical: true, weightKg: 12, volumeL: 40, backupRatio: '5:1', standardRefs: ['GA 124-2013', 'NFPA 1852'], domainRow: 13, note: 'Yearly whole-unit test is sourced [S24]; weight and the 5:1 backup ratio are unverified defaults (monthly inspection [U] is left to maintenance plans).' }),
  item({ code: 'SCBA-RHZKF6.8-2', categoryCode: 'B01', nameZh: '正压式消防空气呼吸器（双瓶）RHZKF6.8/30-2', nameEn: 'Long-duration twin-cylinder air SCBA RHZKF6.8/30-2', unitZh: '具', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 365, safetyCritical: true, weightKg: 17, volumeL: 50, standardRefs: ['GA 124-2013'], domainRow: 13, note: 'Twin-cylinder variant ("-2" [S25]) for underground work; weight is an unverified default.' }),
  item({ code: 'CYL-6.8-30', categoryCode: 'B02', nameZh: '碳纤维复合气瓶 6.8L/30MPa', nameEn: 'Carbon-fibre composite cylinder 6.8 L / 30 MPa', unitZh: '只', unitEn: 'cylinder', tracking: 'serialised', serviceLifeMonths: 180, inspectionIntervalDays: 1095, safetyCritical: true, weightKg: 3.8, volumeL: 12, standardRefs: ['GA 124-2013', '49 CFR 180.205'], domainRow: 14, note: '3-yearly periodic test is sourced [S24]; 15-year life follows US DOT (CN 15 y unverified); weight is an unverified default.' }),
  item({ code: 'SCBA-MASK', categoryCode: 'B01', nameZh: '空气呼吸器面罩', nameEn: 'SCBA face mask', unitZh: '个', unitEn: 'piece', tracking: 'serialised', safetyCritical: true, weightKg: 0.6, standardRefs: ['GA 124-2013'], domainRow: 15, note: 'Unverified default: weight.' }),
  item({ code: 'AIR-SUPPLY-MOBILE', categoryCode: 'B02', nameZh: '移动供气源', nameEn: 'Mobile air-supply unit', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 365, safetyCritical: true, weightKg: 120, volumeL: 400, domainRow: 16, note: 'Unverified defaults: yearly inspection, weight, volume.' }),
  item({ code: 'OXY-REBREATHER', categoryCode: 'B01', nameZh: '正压式消防氧气呼吸器（240 min）', nameEn: 'Positive-pressure oxygen rebreather (240 min)', unitZh: '具', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 365, safetyCritical: true, weightKg: 14, volumeL: 40, standardRefs: ['XF 632-2006'], domainRow: 17, note: 'Unverified defaults: yearly inspection, weight.' }),

  // C. Firefighting equipment and agents
  item({ code: 'HOSE-65-20', categoryCode: 'C01', nameZh: '有衬里消防水带 65mm×20m', nameEn: 'Lined fire hose 65 mm × 20 m', unitZh: '盘', unitEn: 'roll', tracking: 'serialised', serviceLifeMonths: 120, inspectionIntervalDays: 365, safetyCritical: true, weightKg: 7, volumeL: 20, standardRefs: ['NFPA 1962'], domainRow: 18, note: 'Yearly service test and 10-year maximum are US practice [E5]; weight is an unverified default.' }),
  item({ code: 'NOZZLE-MULTI', categoryCode: 'C01', nameZh: '多功能水枪', nameEn: 'Multi-function branch pipe', unitZh: '支', unitEn: 'piece', tracking: 'serialised', weightKg: 2.5, domainRow: 19, note: 'Unverified default: weight.' }),
  item({ code: 'BREECHING', categoryCode: 'C01', nameZh: '分水器', nameEn: 'Dividing breeching', unitZh: '个', unitEn: 'piece', tracking: 'serialised', weightKg: 4, domainRow: 20, note: 'Unverified default: weight.' }),
  item({ code: 'MONITOR-PORT', categoryCode: 'C01', nameZh: '移动遥控水炮', nameEn: 'Portable remote-controlled monitor', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 180, weightKg: 25, volumeL: 120, domainRow: 21, note: 'Unverified defaults: inspection interval, weight.' }),
  item({ code: 'FOAM-AFFF-3', categoryCode: 'C02', nameZh: '水成膜泡沫液 3%（200 L桶）', nameEn: 'AFFF foam concentrate 3% (200 L drum)', unitZh: '桶', unitEn: 'drum', tracking: 'lot', shelfLifeMonths: 120, inspectionIntervalDays: 365, storageTempMinC: 0, storageTempMaxC: 45, weightKg: 210, volumeL: 220, standardRefs: ['GB 15308-2006', 'NFPA 11'], domainRow: 22, note: 'Shelf life is a manufacturer claim [E8]; drum size and weight are unverified defaults.' }),
  item({ code: 'FOAM-ARAFFF-3', categoryCode: 'C02', nameZh: '抗溶性水成膜泡沫液 AR-AFFF 3%/6%（200 L桶）', nameEn: 'AR-AFFF foam concentrate 3%/6% (200 L drum)', unitZh: '桶', unitEn: 'drum', tracking: 'lot', shelfLifeMonths: 120, inspectionIntervalDays: 365, storageTempMinC: 0, storageTempMaxC: 45, weightKg: 210, volumeL: 220, standardRefs: ['GB 15308-2006', 'NFPA 11'], domainRow: 22, note: 'As FOAM-AFFF-3: shelf life is a manufacturer claim; drum size and weight unverified.' }),
  item({ code: 'FOAM-AFFF-BULK', categoryCode: 'C02', nameZh: '水成膜泡沫液 3%（罐装）', nameEn: 'AFFF foam concentrate 3% (tank, bulk)', unitZh: '升', unitEn: 'L', tracking: 'bulk', shelfLifeMonths: 120, inspectionIntervalDays: 365, storageTempMinC: 0, storageTempMaxC: 45, weightKg: 1.05, volumeL: 1, standardRefs: ['GB 15308-2006', 'NFPA 11'], domainRow: 22, note: 'Bulk variant for tanks (foam-supply truck); density 1.05 kg/L is an unverified default.' }),
  item({ code: 'FOAM-CLASSA', categoryCode: 'C02', nameZh: 'A类泡沫液（25 kg桶）', nameEn: 'Class A foam concentrate (25 kg pail)', unitZh: '桶', unitEn: 'pail', tracking: 'lot', shelfLifeMonths: 120, inspectionIntervalDays: 365, storageTempMinC: 0, storageTempMaxC: 45, weightKg: 25, volumeL: 27, standardRefs: ['GB 27897-2011'], domainRow: 23, note: 'Shelf life is a manufacturer claim [E8]; pail size and storage range unverified.' }),
  item({ code: 'POWDER-ABC', categoryCode: 'C02', nameZh: 'ABC干粉灭火剂（25 kg袋）', nameEn: 'ABC dry-powder agent (25 kg bag)', unitZh: '袋', unitEn: 'bag', tracking: 'lot', shelfLifeMonths: 60, weightKg: 25, volumeL: 25, domainRow: 24, note: 'Keep dry [S27]; the 5-year shelf life and bag size are unverified defaults.' }),
  item({ code: 'EXT-POWDER-4KG', categoryCode: 'C03', nameZh: '手提式干粉灭火器 4 kg', nameEn: 'Portable dry-powder extinguisher 4 kg', unitZh: '具', unitEn: 'unit', tracking: 'serialised', serviceLifeMonths: 120, inspectionIntervalDays: 730, weightKg: 6.5, volumeL: 8, standardRefs: ['GA 95-2015'], domainRow: 25, note: 'Scrap at 10 y and 2-yearly maintenance are sourced [S27] (first service at 5 y is left to maintenance plans); weight unverified.' }),

  // D. Detection and warning
  item({ code: 'DET-GAS-TOXIC', categoryCode: 'D01', nameZh: '有毒气体探测仪', nameEn: 'Toxic-gas detector', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 180, weightKg: 0.5, domainRow: 26, note: 'Unverified default: 180-day calibration (follow the manufacturer).' }),
  item({ code: 'DET-GAS-COMB', categoryCode: 'D01', nameZh: '可燃气体探测仪', nameEn: 'Combustible-gas detector', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 180, weightKg: 0.5, domainRow: 27, note: 'Unverified default: 180-day calibration.' }),
  item({ code: 'DET-LIFE-RADAR', categoryCode: 'D02', nameZh: '雷达生命探测仪', nameEn: 'Radar life detector', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 6, volumeL: 30, domainRow: 28, note: 'Unverified defaults: monthly function check, weight.' }),
  item({ code: 'DET-LIFE-AUDIO', categoryCode: 'D02', nameZh: '音视频生命探测仪', nameEn: 'Audio/video life detector', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 10, volumeL: 40, domainRow: 28, note: 'Unverified defaults: monthly function check, weight.' }),
  item({ code: 'THERMAL-CAMERA', categoryCode: 'D02', nameZh: '消防热像仪', nameEn: 'Thermal imaging camera', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 90, weightKg: 1.2, note: 'Added for the UNDERGROUND module; inspection interval and weight are unverified defaults.' }),
  item({ code: 'PROBE-POLE', categoryCode: 'D02', nameZh: '探测杆', nameEn: 'Probing pole', unitZh: '根', unitEn: 'piece', tracking: 'serialised', weightKg: 1.5, note: 'Added for the GEO-SLIDE module; weight unverified.' }),
  item({ code: 'KIT-CORDON', categoryCode: 'D03', nameZh: '警戒器材箱', nameEn: 'Cordon kit', unitZh: '套', unitEn: 'kit', tracking: 'kit', weightKg: 15, volumeL: 60, domainRow: 29, note: 'Unverified default: weight.' }),
  item({ code: 'UAV-QUAD', categoryCode: 'D03', nameZh: '侦察无人机', nameEn: 'Reconnaissance UAV', unitZh: '架', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 7, volumeL: 60, domainRow: 30, note: 'Unverified defaults: monthly check (plus before-flight checklist), weight.' }),

  // E. Forcible entry, lifting and rescue
  item({ code: 'KIT-HYD-RESCUE', categoryCode: 'E01', nameZh: '液压破拆工具组', nameEn: 'Hydraulic rescue set (power unit, spreader, cutter, ram)', unitZh: '套', unitEn: 'set', tracking: 'kit', inspectionIntervalDays: 365, weightKg: 75, volumeL: 300, domainRow: 31, note: 'Yearly pressure and valve checks [E7]; weight is an unverified default.' }),
  item({ code: 'HYD-MANUAL', categoryCode: 'E01', nameZh: '手动液压破拆工具', nameEn: 'Manual hydraulic tools', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 25, domainRow: 32, note: 'Monthly check from a weak source [S61]; weight unverified.' }),
  item({ code: 'SAW-RESCUE', categoryCode: 'E01', nameZh: '无齿锯', nameEn: 'Rescue saw', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 10, domainRow: 33, note: 'Unverified defaults: monthly engine run, weight.' }),
  item({ code: 'BREAKER', categoryCode: 'E01', nameZh: '破碎镐', nameEn: 'Demolition breaker', unitZh: '台', unitEn: 'unit', tracking: 'serialised', weightKg: 25, domainRow: 34, note: 'Unverified default: weight.' }),
  item({ code: 'AIRBAG-LIFT', categoryCode: 'E02', nameZh: '起重气垫', nameEn: 'Lifting air-bag set', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 365, weightKg: 30, domainRow: 35, note: 'Unverified defaults: yearly inspection, weight.' }),
  item({ code: 'KIT-SHORING', categoryCode: 'E02', nameZh: '救援支撑组件', nameEn: 'Rescue shoring set', unitZh: '套', unitEn: 'set', tracking: 'kit', weightKg: 90, volumeL: 400, domainRow: 36, note: 'Unverified default: weight.' }),
  item({ code: 'KIT-ROPE-RESCUE', categoryCode: 'E03', nameZh: '绳索救援器材组', nameEn: 'Rope-rescue kit', unitZh: '套', unitEn: 'kit', tracking: 'kit', serviceLifeMonths: 120, inspectionIntervalDays: 90, safetyCritical: true, weightKg: 35, volumeL: 120, standardRefs: ['NFPA 1858', 'NFPA 1983'], domainRow: 37, note: 'Ropes ~10 y and inspection after each use [E10]; the 90-day calendar check and weight are unverified.' }),
  item({ code: 'STRETCHER', categoryCode: 'E03', nameZh: '多功能担架', nameEn: 'Rescue stretcher', unitZh: '副', unitEn: 'piece', tracking: 'serialised', weightKg: 8, volumeL: 80, note: 'Added for the MOUNTAIN module; weight unverified.' }),
  item({ code: 'SHOVEL', categoryCode: 'E04', nameZh: '铁锹', nameEn: 'Shovel', unitZh: '把', unitEn: 'piece', tracking: 'lot', weightKg: 2, note: 'Added for the GEO-SLIDE module; weight unverified.' }),
  item({ code: 'MACH-EXCAVATOR', categoryCode: 'E05', nameZh: '液压挖掘机（20 t级）', nameEn: 'Hydraulic excavator (20 t class)', unitZh: '台', unitEn: 'unit', tracking: 'serialised', weightKg: 20000, note: 'Held by the machinery partner (2019 Shuicheng rescue used excavators [S51b]); weight is a class figure.' }),
  item({ code: 'MACH-LOADER', categoryCode: 'E05', nameZh: '轮式装载机', nameEn: 'Wheel loader', unitZh: '台', unitEn: 'unit', tracking: 'serialised', weightKg: 17000, note: 'Held by the machinery partner; weight is a class figure.' }),

  // F. Hazmat
  item({ code: 'KIT-LEAK-SEAL', categoryCode: 'F01', nameZh: '堵漏工具组', nameEn: 'Leak-sealing kit', unitZh: '套', unitEn: 'kit', tracking: 'kit', inspectionIntervalDays: 365, weightKg: 40, volumeL: 150, domainRow: 38, note: 'Unverified defaults: yearly seal check, weight.' }),
  item({ code: 'PUMP-TRANSFER-EX', categoryCode: 'F02', nameZh: '防爆输转泵', nameEn: 'Explosion-proof transfer pump', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 180, weightKg: 45, volumeL: 150, domainRow: 39, note: 'Unverified defaults: inspection interval, weight.' }),
  item({ code: 'DECON-TENT', categoryCode: 'F03', nameZh: '洗消帐篷', nameEn: 'Decontamination tent and shower', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 180, weightKg: 80, volumeL: 400, domainRow: 40, note: 'Unverified defaults: dry and inspect after use plus 180-day check, weight.' }),

  // G. Power, lighting, smoke
  item({ code: 'GEN-PORT-5KW', categoryCode: 'G01', nameZh: '移动发电机 5 kW（柴油）', nameEn: 'Portable diesel generator 5 kW', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 90, volumeL: 300, domainRow: 41, note: 'Unverified defaults: monthly run, weight; burns ~1.5–3 L/h [U].' }),
  item({ code: 'LIGHT-TOWER', categoryCode: 'G02', nameZh: '移动照明灯组', nameEn: 'Mobile lighting tower', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 60, volumeL: 250, domainRow: 42, note: 'Unverified defaults: monthly run, weight.' }),
  item({ code: 'HEADLAMP', categoryCode: 'G02', nameZh: '头灯', nameEn: 'Headlamp', unitZh: '个', unitEn: 'piece', tracking: 'lot', weightKg: 0.2, note: 'Added for the MOUNTAIN module; weight unverified.' }),
  item({ code: 'SMOKE-EJECTOR', categoryCode: 'G03', nameZh: '正压排烟机', nameEn: 'Positive-pressure smoke ejector', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 90, weightKg: 40, volumeL: 200, domainRow: 43, note: 'Unverified defaults: inspection interval, weight.' }),

  // H. Water rescue
  item({ code: 'BOAT-INFLATABLE', categoryCode: 'H01', nameZh: '冲锋舟（含舷外机）', nameEn: 'Inflatable rescue boat with outboard', unitZh: '艘', unitEn: 'boat', tracking: 'serialised', inspectionIntervalDays: 90, weightKg: 150, volumeL: 1500, domainRow: 44, note: 'Unverified defaults: engine service interval, weight.' }),
  item({ code: 'PUMP-PORTABLE', categoryCode: 'H01', nameZh: '手抬机动泵', nameEn: 'Portable fire pump', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 70, volumeL: 200, note: 'Added for the WATER module; monthly run and weight are unverified defaults.' }),
  item({ code: 'LIFEJACKET', categoryCode: 'H02', nameZh: '救生衣', nameEn: 'Life jacket', unitZh: '件', unitEn: 'piece', tracking: 'lot', serviceLifeMonths: 60, inspectionIntervalDays: 365, weightKg: 0.8, volumeL: 10, domainRow: 45, note: 'Unverified defaults: service life, yearly inspection, weight.' }),
  item({ code: 'PPE-WATER', categoryCode: 'H02', nameZh: '水域救援防护套装', nameEn: 'Water-rescue PPE set (helmet, dry suit)', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 365, safetyCritical: true, weightKg: 4, domainRow: 46, note: 'Unverified defaults: yearly inspection, weight.' }),
  item({ code: 'THROW-BAG', categoryCode: 'H02', nameZh: '抛绳包', nameEn: 'Throw bag', unitZh: '个', unitEn: 'piece', tracking: 'serialised', serviceLifeMonths: 120, safetyCritical: true, weightKg: 1, standardRefs: ['NFPA 1858'], domainRow: 47, note: 'Rope life ~10 y [E10]; weight unverified.' }),

  // I. Communications
  item({ code: 'RADIO-HANDHELD', categoryCode: 'I01', nameZh: '手持对讲机', nameEn: 'Handheld radio', unitZh: '部', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 0.4, domainRow: 48, note: 'Unverified default: monthly charge cycle.' }),
  item({ code: 'SAT-TERMINAL', categoryCode: 'I02', nameZh: '便携式卫星站', nameEn: 'Portable satellite terminal', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 15, volumeL: 80, domainRow: 49, note: 'Unverified defaults: monthly link test, weight.' }),
  item({ code: 'COMMS-REPEATER', categoryCode: 'I02', nameZh: '便携式中继台', nameEn: 'Portable radio repeater', unitZh: '台', unitEn: 'unit', tracking: 'serialised', inspectionIntervalDays: 30, weightKg: 8, note: 'Added for the UNDERGROUND module; monthly check and weight unverified.' }),

  // J. Living support
  item({ code: 'TENT-12M2', categoryCode: 'J01', nameZh: '12m²单帐篷', nameEn: 'Single tent 12 m²', unitZh: '顶', unitEn: 'tent', tracking: 'serialised', weightKg: 35, volumeL: 150, standardRefs: ['GA 1052.1-2013'], domainRow: 50, note: '3.7 m × 3.2 m pattern [S33]; packed weight and volume are unverified defaults.' }),
  item({ code: 'TENT-INFLATABLE', categoryCode: 'J01', nameZh: '充气帐篷（指挥/宿营）', nameEn: 'Inflatable command / accommodation tent', unitZh: '顶', unitEn: 'tent', tracking: 'serialised', weightKg: 60, volumeL: 300, domainRow: 51, note: 'Unverified defaults: weight, volume.' }),
  item({ code: 'CAMP-BED', categoryCode: 'J01', nameZh: '折叠床', nameEn: 'Folding camp bed', unitZh: '张', unitEn: 'piece', tracking: 'lot', weightKg: 6, volumeL: 40, domainRow: 52, note: 'Unverified defaults: weight, volume.' }),
  item({ code: 'QUILT', categoryCode: 'J01', nameZh: '棉被（2×1.8 m）', nameEn: 'Quilt 2 × 1.8 m', unitZh: '床', unitEn: 'piece', tracking: 'bulk', weightKg: 2.5, volumeL: 30, domainRow: 53, note: 'Quilt size from [S35]; weight and volume unverified.' }),
  item({ code: 'MEAL-SELFHEAT', categoryCode: 'J02', nameZh: '自热米饭', nameEn: 'Self-heating rice meal', unitZh: '份', unitEn: 'meal', tracking: 'lot', shelfLifeMonths: 9, storageTempMinC: 0, storageTempMaxC: 30, weightKg: 0.4, volumeL: 1, domainRow: 54, note: 'Unverified defaults: 9-month shelf life (CN 6–12 months [U]), storage range, weight.' }),
  item({ code: 'BISCUIT-COMP', categoryCode: 'J02', nameZh: '压缩饼干', nameEn: 'Compressed biscuits', unitZh: '箱', unitEn: 'case', tracking: 'lot', shelfLifeMonths: 24, storageTempMinC: 0, storageTempMaxC: 30, weightKg: 10, volumeL: 20, domainRow: 55, note: 'Shelf life within 2–3 y [S36]; case size and storage range unverified.' }),
  item({ code: 'WATER-BOTTLED', categoryCode: 'J02', nameZh: '瓶装饮用水（24×550 mL）', nameEn: 'Bottled drinking water (24 × 550 mL)', unitZh: '箱', unitEn: 'case', tracking: 'lot', shelfLifeMonths: 18, storageTempMinC: 0, storageTempMaxC: 35, weightKg: 13.5, volumeL: 16, domainRow: 56, note: 'Unverified defaults: 18-month shelf life (12–24 [U]), case size, storage range.' }),
  item({ code: 'KITCHEN-FIELD', categoryCode: 'J02', nameZh: '野战炊事装备', nameEn: 'Field kitchen set', unitZh: '套', unitEn: 'set', tracking: 'serialised', inspectionIntervalDays: 90, weightKg: 300, volumeL: 2000, domainRow: 57, note: 'The kitchen vehicle is a node; this is the transportable kit. Inspection interval and weight unverified.' }),
  item({ code: 'HYGIENE-KIT', categoryCode: 'J03', nameZh: '个人卫生用品包', nameEn: 'Personal hygiene kit', unitZh: '包', unitEn: 'kit', tracking: 'lot', shelfLifeMonths: 36, weightKg: 0.8, volumeL: 2, note: 'Added for the LIVING module; shelf life and weight unverified.' }),

  // K. Fuel and medical
  item({ code: 'DIESEL-0', categoryCode: 'K01', nameZh: '0号柴油', nameEn: 'Diesel 0#', unitZh: '升', unitEn: 'L', tracking: 'bulk', baseUnitsPerUnit: 10, shelfLifeMonths: 12, inspectionIntervalDays: 365, storageTempMinC: -10, storageTempMaxC: 40, weightKg: 0.84, volumeL: 1, standardRefs: ['NFPA 110 §8.3.7'], domainRow: 58, note: 'Yearly fuel-quality test is sourced [E9a]; 12-month rotation and storage range are unverified defaults (life varies widely [E9c][E9d]).' }),
  item({ code: 'PETROL-92', categoryCode: 'K01', nameZh: '92号汽油', nameEn: 'Petrol 92', unitZh: '升', unitEn: 'L', tracking: 'bulk', baseUnitsPerUnit: 10, shelfLifeMonths: 6, storageTempMinC: -10, storageTempMaxC: 35, weightKg: 0.74, volumeL: 1, domainRow: 59, note: 'Unverified defaults: rotate within 6 months, storage range.' }),
  item({ code: 'MED-KIT-FIRSTAID', categoryCode: 'K02', nameZh: '急救箱', nameEn: 'First-aid / medical kit', unitZh: '个', unitEn: 'kit', tracking: 'lot', shelfLifeMonths: 24, inspectionIntervalDays: 30, storageTempMinC: 2, storageTempMaxC: 30, weightKg: 3, volumeL: 10, domainRow: 60, note: 'Unverified defaults: 24-month lot expiry (shortest drug), monthly expiry check, storage range.' }),

  // M. Sealed support modules (packing lists in modules.ts).
  item({ code: 'MOD-FIRE-LONG', categoryCode: 'M', nameZh: '长时间灭火保障模块', nameEn: 'Long-duration fire support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module (DOMAIN §6.3); 90-day module check is an unverified default.' }),
  item({ code: 'MOD-HAZMAT', categoryCode: 'M', nameZh: '危化品事故保障模块', nameEn: 'Hazmat support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
  item({ code: 'MOD-QUAKE-HEAVY', categoryCode: 'M', nameZh: '地震（重型）保障模块', nameEn: 'Earthquake (heavy) support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
  item({ code: 'MOD-GEO-SLIDE', categoryCode: 'M', nameZh: '山体滑坡保障模块', nameEn: 'Landslide support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
  item({ code: 'MOD-WATER', categoryCode: 'M', nameZh: '水域救援保障模块', nameEn: 'Flood and water-rescue support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
  item({ code: 'MOD-MOUNTAIN', categoryCode: 'M', nameZh: '山岳救援保障模块', nameEn: 'Mountain and high-angle support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
  item({ code: 'MOD-UNDERGROUND', categoryCode: 'M', nameZh: '地下建筑/隧道保障模块', nameEn: 'Underground building and tunnel support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
  item({ code: 'MOD-LIVING', categoryCode: 'M', nameZh: '生活保障模块', nameEn: 'Living support module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
  item({ code: 'MOD-SECURITY-STANDBY', categoryCode: 'M', nameZh: '执勤安保备勤模块', nameEn: 'Security-duty standby module', unitZh: '套', unitEn: 'module', tracking: 'kit', inspectionIntervalDays: 90, note: 'Demo module; 90-day check unverified.' }),
];
