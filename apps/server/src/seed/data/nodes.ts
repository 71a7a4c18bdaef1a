import type { Contact, NodeSeed, Zone } from './types.ts';

/**
 * The Liupanshui 1+8+N network for the demo (DOMAIN §2, §8.3). Every placement is fictional:
 * no public list of the detachment's stations or of the base's site exists. Coordinates are WGS-84
 * near real town centres (county seats from §8.2; town centres approximate), addresses plausible,
 * phone numbers obviously fictional (0858-00000xx). All nodes carry `isDemo: true`.
 */

const BASE = { lat: 26.57, lng: 104.9 } as const;

/** Standard zones of a station sub-warehouse; `slots` scales with the station's size. */
function subWarehouseZones(scale: 1 | 2): Zone[] {
  return [
    { code: 'PPE', name: '个人防护装备区', slots: 12 * scale },
    { code: 'AIR', name: '呼吸器及气瓶区', tempMinC: 5, tempMaxC: 30, slots: 8 * scale },
    { code: 'EQP', name: '器材区', slots: 12 * scale },
    { code: 'AGT', name: '灭火剂区', tempMinC: 0, tempMaxC: 45, slots: 4 * scale },
    { code: 'CON', name: '消耗品及生活物资区', tempMinC: 0, tempMaxC: 30, slots: 4 * scale },
  ];
}

function stationContacts(n: number): Contact[] {
  const pad = String(n).padStart(2, '0');
  return [
    { name: '站值班室', role: '24小时值班 24 h duty desk', phone: `0858-00001${pad}` },
    { name: '器材管理员（演示）', role: '站级器材管理员 station equipment officer', phone: `0858-00002${pad}` },
  ];
}

const subWarehouses: NodeSeed[] = [
  {
    code: 'LPS-SW-ZS1',
    organisationCode: 'GZ-LPS-ZS-TQ',
    nameZh: '钟山特勤站智能化分库',
    nameEn: 'Zhongshan Special-Service Station smart sub-warehouse (demo)',
    lat: 26.5876,
    lng: 104.8412,
    address: '贵州省六盘水市钟山区荷城街道钟山中路',
    scale: 2,
    areaM2: 420,
  },
  {
    code: 'LPS-SW-ZS2',
    organisationCode: 'GZ-LPS-ZS-HQ',
    nameZh: '红桥新区站智能化分库',
    nameEn: 'Hongqiao New District Station smart sub-warehouse (demo)',
    lat: 26.6112,
    lng: 104.7905,
    address: '贵州省六盘水市钟山区红桥新区凉都大道',
    scale: 1,
    areaM2: 220,
  },
  {
    code: 'LPS-SW-SC1',
    organisationCode: 'GZ-LPS-SC-SS',
    nameZh: '双水站智能化分库',
    nameEn: 'Shuangshui Station smart sub-warehouse (demo)',
    lat: 26.5508,
    lng: 104.9486,
    address: '贵州省六盘水市水城区双水街道双水大道',
    scale: 1,
    areaM2: 240,
  },
  {
    code: 'LPS-SW-SC2',
    organisationCode: 'GZ-LPS-SC-JC',
    nameZh: '鸡场站智能化分库',
    nameEn: 'Jichang Station smart sub-warehouse (demo)',
    lat: 26.2553,
    lng: 104.6452,
    address: '贵州省六盘水市水城区鸡场镇集镇',
    scale: 1,
    areaM2: 180,
  },
  {
    code: 'LPS-SW-PZ1',
    organisationCode: 'GZ-LPS-PZ-HG',
    nameZh: '红果站智能化分库',
    nameEn: 'Hongguo Station smart sub-warehouse (demo)',
    lat: 25.7152,
    lng: 104.4648,
    address: '贵州省六盘水市盘州市亦资街道胜境大道',
    scale: 2,
    areaM2: 360,
  },
  {
    code: 'LPS-SW-PZ2',
    organisationCode: 'GZ-LPS-PZ-BG',
    nameZh: '柏果站智能化分库',
    nameEn: 'Baiguo Station smart sub-warehouse (demo)',
    lat: 25.9286,
    lng: 104.6603,
    address: '贵州省六盘水市盘州市柏果镇工业园区',
    scale: 1,
    areaM2: 200,
  },
  {
    code: 'LPS-SW-LZ1',
    organisationCode: 'GZ-LPS-LZ-JL',
    nameZh: '九龙站智能化分库',
    nameEn: 'Jiulong Station smart sub-warehouse (demo)',
    lat: 26.2128,
    lng: 105.4762,
    address: '贵州省六盘水市六枝特区九龙街道人民路',
    scale: 1,
    areaM2: 240,
  },
  {
    code: 'LPS-SW-GX1',
    organisationCode: 'GZ-LPS-GX-01',
    nameZh: '高新区站智能化分库',
    nameEn: 'High-Tech Zone Station smart sub-warehouse (demo)',
    lat: 26.6285,
    lng: 104.8702,
    address: '贵州省六盘水市钟山区德坞街道（六盘水高新区）',
    scale: 1,
    areaM2: 200,
  },
].map(({ scale, ...sw }, i): NodeSeed => {
  const zones = subWarehouseZones(scale as 1 | 2);
  return {
    ...sw,
    type: 'sub-warehouse',
    isDemo: true,
    status: 'open',
    is24h: true,
    capacitySlots: zones.reduce((sum, z) => sum + z.slots, 0),
    zones,
    contacts: stationContacts(i + 1),
    agreement: null,
    vehicle: null,
  };
});

const baseZones: Zone[] = [
  { code: 'A', name: '常温器材库 ambient equipment', slots: 160 },
  { code: 'B', name: '恒温库（泡沫液、药剂）agents', tempMinC: 5, tempMaxC: 30, slots: 40 },
  { code: 'C', name: '食品饮用水库 food and water', tempMinC: 0, tempMaxC: 25, slots: 30 },
  { code: 'D', name: '油料库 fuel store', tempMinC: -10, tempMaxC: 35, slots: 10 },
  { code: 'M', name: '模块待发区 module staging', slots: 50 },
  { code: 'W', name: '充气及维修车间 air refill and repair workshop', tempMinC: 5, tempMaxC: 30, slots: 30 },
];

const base: NodeSeed = {
  code: 'LPS-BASE',
  organisationCode: 'GZ-LPS-ZQ',
  type: 'base',
  nameZh: '黔西省级战勤保障基地智能化仓库',
  nameEn: 'West Guizhou Provincial Combat-Service-Support Base smart warehouse',
  // The base exists (the 2025 article); its site and name here are placed for the demo (§8.3).
  isDemo: true,
  lat: BASE.lat,
  lng: BASE.lng,
  address: '贵州省六盘水市水城区双水街道（杭瑞高速双水互通附近）',
  status: 'open',
  is24h: true,
  capacitySlots: baseZones.reduce((sum, z) => sum + z.slots, 0),
  areaM2: 1500,
  zones: baseZones,
  contacts: [
    { name: '基地值班室', role: '24小时值班 24 h duty desk', phone: '0858-0000001' },
    { name: '仓库保管员（演示）', role: '仓库保管员 warehouse keeper', phone: '0858-0000002' },
    { name: '基地负责人（演示）', role: '战勤保障大队长 base commander', phone: '0858-0000003' },
  ],
  agreement: null,
  vehicle: null,
};

const partners: NodeSeed[] = [
  {
    code: 'LPS-PT-FUEL',
    organisationCode: 'GZ-LPS-ZQ',
    type: 'partner',
    nameZh: '凉都石化能源油库（代储点）',
    nameEn: 'Liangdu Petro-Energy fuel depot (agent storage, demo)',
    isDemo: true,
    lat: 26.5602,
    lng: 104.9281,
    address: '贵州省六盘水市水城区双水街道油库路',
    status: 'open',
    is24h: true,
    capacitySlots: null,
    areaM2: 5000,
    zones: [{ code: 'TANK', name: '油罐区', tempMinC: -10, tempMaxC: 35, slots: 6 }],
    contacts: [{ name: '油库调度（演示）', role: '联勤单位联系人 partner contact', phone: '0858-0000301' }],
    agreement: {
      reference: 'LPS-ZQ-DC-2026-001',
      partnerName: '凉都石化能源有限公司（演示）',
      scope: '柴油、汽油代储；24小时应急加注，油罐车送油至现场。Diesel and petrol held for the detachment; 24 h emergency refuelling with tanker delivery to the scene.',
      itemCodes: ['DIESEL-0', 'PETROL-92'],
      responseMinutes: 60,
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
    },
    vehicle: null,
  },
  {
    code: 'LPS-PT-FOOD',
    organisationCode: 'GZ-LPS-ZQ',
    type: 'partner',
    nameZh: '凉都惠邻连锁超市配送中心（代储点）',
    nameEn: 'Liangdu Huilin supermarket chain distribution centre (agent storage, demo)',
    isDemo: true,
    lat: 26.6003,
    lng: 104.8524,
    address: '贵州省六盘水市钟山区凤凰街道物流园',
    status: 'open',
    is24h: false,
    capacitySlots: null,
    areaM2: 3000,
    zones: [{ code: 'DRY', name: '常温食品区', tempMinC: 0, tempMaxC: 25, slots: 40 }],
    contacts: [{ name: '配送中心经理（演示）', role: '联勤单位联系人 partner contact', phone: '0858-0000302' }],
    agreement: {
      reference: 'LPS-ZQ-DC-2026-002',
      partnerName: '凉都惠邻商贸连锁有限公司（演示）',
      scope: '自热食品、压缩饼干、瓶装水和个人卫生用品代储，按"消耗一批、补充一批"轮换。Meals, biscuits, bottled water and hygiene kits held and rotated for the detachment.',
      itemCodes: ['MEAL-SELFHEAT', 'BISCUIT-COMP', 'WATER-BOTTLED', 'HYGIENE-KIT'],
      responseMinutes: 90,
      validFrom: '2025-07-01',
      validUntil: '2027-06-30',
    },
    vehicle: null,
  },
  {
    code: 'LPS-PT-MACH',
    organisationCode: 'GZ-LPS-ZQ',
    type: 'partner',
    nameZh: '黔西工程机械服务中心（联勤点）',
    nameEn: 'Qianxi construction-machinery service centre (social linkage, demo)',
    isDemo: true,
    lat: 26.5786,
    lng: 104.8701,
    address: '贵州省六盘水市钟山区大河经济开发区',
    status: 'open',
    is24h: false,
    capacitySlots: null,
    areaM2: 8000,
    zones: [{ code: 'YARD', name: '机械停放场', slots: 20 }],
    contacts: [{ name: '服务经理（演示）', role: '联勤单位联系人 partner contact', phone: '0858-0000303' }],
    agreement: {
      reference: 'LPS-ZQ-LQ-2026-003',
      partnerName: '黔西工程机械销售服务有限公司（演示）',
      scope: '应急状态下提供挖掘机、装载机及操作手，配套移动照明与发电。Excavators and loaders with operators, plus lighting and generators, on call-off.',
      itemCodes: ['MACH-EXCAVATOR', 'MACH-LOADER', 'LIGHT-TOWER', 'GEN-PORT-5KW'],
      responseMinutes: 120,
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    },
    vehicle: null,
  },
  {
    code: 'LPS-PT-HOSP',
    organisationCode: 'GZ-LPS-ZQ',
    type: 'partner',
    nameZh: '凉都康宁医院医疗联动点',
    nameEn: 'Liangdu Kangning Hospital medical-linkage point (demo)',
    isDemo: true,
    lat: 26.5951,
    lng: 104.8362,
    address: '贵州省六盘水市钟山区凤凰街道康宁路',
    status: 'open',
    is24h: true,
    capacitySlots: null,
    areaM2: null,
    zones: [{ code: 'MED', name: '应急药械库', tempMinC: 2, tempMaxC: 25, slots: 10 }],
    contacts: [{ name: '急诊科值班（演示）', role: '卫勤联络 medical liaison', phone: '0858-0000304' }],
    agreement: {
      reference: 'LPS-ZQ-WQ-2026-004',
      partnerName: '凉都康宁医院（演示）',
      scope: '急救药械代储，重大灾害时派出医疗组随队保障。First-aid stock and stretchers held; a medical team joins major deployments.',
      itemCodes: ['MED-KIT-FIRSTAID', 'STRETCHER'],
      responseMinutes: 30,
      validFrom: '2025-01-01',
      validUntil: '2027-12-31',
    },
    vehicle: null,
  },
];

/** Support vehicles as mobile stores; plates are fictional (贵B is Liupanshui's prefix). */
const vehicles: NodeSeed[] = [
  { code: 'LPS-VEH-GB0901YJ', plate: '贵B·0901应急', kindZh: '器材消防车', kindEn: 'Equipment truck', payloadKg: 8000, cargoVolumeM3: 30, dLat: 0.0004, dLng: 0.0006 },
  { code: 'LPS-VEH-GB0902YJ', plate: '贵B·0902应急', kindZh: '供气消防车', kindEn: 'Air-supply truck', payloadKg: 5000, cargoVolumeM3: 12, dLat: 0.0004, dLng: 0.0009 },
  { code: 'LPS-VEH-GB0903YJ', plate: '贵B·0903应急', kindZh: '供液消防车', kindEn: 'Foam-supply truck', payloadKg: 10000, cargoVolumeM3: 10, dLat: 0.0004, dLng: 0.0012 },
  { code: 'LPS-VEH-GB0904YJ', plate: '贵B·0904应急', kindZh: '饮食保障车', kindEn: 'Field-kitchen / living vehicle', payloadKg: 4000, cargoVolumeM3: 18, dLat: 0.0004, dLng: 0.0015 },
].map(
  ({ code, plate, kindZh, kindEn, payloadKg, cargoVolumeM3, dLat, dLng }, i): NodeSeed => ({
    code,
    organisationCode: 'GZ-LPS-ZQ',
    type: 'vehicle',
    nameZh: `${kindZh}（${plate}）`,
    nameEn: `${kindEn} ${code.slice('LPS-VEH-'.length)} (demo)`,
    isDemo: true,
    // Parked at the base; live positions come from telemetry.
    lat: BASE.lat + dLat,
    lng: BASE.lng + dLng,
    address: '黔西省级战勤保障基地车库',
    status: 'open',
    is24h: true,
    capacitySlots: null,
    areaM2: null,
    zones: [
      { code: 'L', name: '左侧器材箱', slots: 6 },
      { code: 'R', name: '右侧器材箱', slots: 6 },
      { code: 'T', name: '后部货厢', slots: 8 },
    ],
    contacts: [{ name: '驾驶员（演示）', role: '驾驶员 driver', phone: `0858-000040${i + 1}` }],
    agreement: null,
    vehicle: { plate, homeNodeCode: 'LPS-BASE', kindZh, kindEn, payloadKg, cargoVolumeM3 },
  }),
);

const microStations: NodeSeed[] = [
  {
    code: 'LPS-MS-YYH',
    organisationCode: 'GZ-LPS-SC',
    nameZh: '野玉海景区微型消防站',
    nameEn: 'Yeyuhai Scenic Area micro fire station (demo)',
    lat: 26.4352,
    lng: 104.7861,
    address: '贵州省六盘水市水城区玉舍镇野玉海景区游客中心',
    is24h: false,
    phone: '0858-0000501',
  },
  {
    code: 'LPS-MS-MHS',
    organisationCode: 'GZ-LPS-ZS',
    nameZh: '梅花山景区微型消防站',
    nameEn: 'Meihuashan Scenic Area micro fire station (demo)',
    lat: 26.6405,
    lng: 104.7432,
    address: '贵州省六盘水市钟山区梅花山旅游景区',
    is24h: false,
    phone: '0858-0000502',
  },
  {
    code: 'LPS-MS-TL',
    organisationCode: 'GZ-LPS-PZ',
    nameZh: '妥乐古银杏村微型消防站',
    nameEn: 'Tuole Ancient Ginkgo Village micro fire station (demo)',
    lat: 25.8621,
    lng: 104.5532,
    address: '贵州省六盘水市盘州市石桥镇妥乐村',
    is24h: false,
    phone: '0858-0000503',
  },
  {
    code: 'LPS-MS-LB',
    organisationCode: 'GZ-LPS-LZ',
    nameZh: '落别乡镇微型消防站',
    nameEn: 'Luobie township micro fire station (demo)',
    lat: 26.1423,
    lng: 105.3946,
    address: '贵州省六盘水市六枝特区落别布依族彝族乡',
    is24h: true,
    phone: '0858-0000504',
  },
].map(
  ({ phone, ...ms }): NodeSeed => ({
    ...ms,
    type: 'micro-station',
    isDemo: true,
    status: 'open',
    capacitySlots: 6,
    areaM2: 30,
    zones: [{ code: 'EQP', name: '器材柜', slots: 6 }],
    contacts: [{ name: '微型站站长（演示）', role: '微型消防站 micro-station lead', phone }],
    agreement: null,
    vehicle: null,
  }),
);

/** Forward staging area template (前进保障点): closed until an incident opens a copy at the scene. */
const stagingTemplate: NodeSeed = {
  code: 'LPS-STG-TEMPLATE',
  organisationCode: 'GZ-LPS-ZQ',
  type: 'staging',
  nameZh: '前进保障点（模板）',
  nameEn: 'Forward staging area (template)',
  isDemo: true,
  lat: BASE.lat,
  lng: BASE.lng,
  address: '随事故现场设置 (set at the incident)',
  status: 'closed',
  is24h: true,
  capacitySlots: 70,
  areaM2: 2000,
  // The "equipment pool" layout of the Shenzhen/Huizhou/Dongguan drill [S13].
  zones: [
    { code: 'PPE', name: '个人防护区', slots: 10 },
    { code: 'SMK', name: '排烟照明区', slots: 10 },
    { code: 'RES', name: '破拆侦检救生区', slots: 10 },
    { code: 'FIRE', name: '灭火器材区', slots: 10 },
    { code: 'LIV', name: '生活保障区', slots: 10 },
    { code: 'MED', name: '医疗救护区', slots: 10 },
    { code: 'REP', name: '装备维修区', slots: 10 },
  ],
  contacts: [{ name: '战勤保障组组长（演示）', role: '战勤保障组组长 on-scene support leader', phone: '0858-0000601' }],
  agreement: null,
  vehicle: null,
};

export const nodes: readonly NodeSeed[] = [base, ...subWarehouses, ...partners, ...vehicles, ...microStations, stagingTemplate];
