import type { CountySeat, OrganisationSeed } from './types.ts';

/**
 * Organisation tree for the demo: Guizhou corps → four west-Guizhou detachments → Liupanshui's
 * battalions → the stations that host the eight sub-warehouses.
 * Real: the corps and the four detachments (DOMAIN §1, §4.3 [S38]) and the county battalions
 * (one per county-level unit; Shuicheng's is named in [S41]). Invented: every station, the
 * high-tech-zone battalion and the support battalion's name — no public station list exists (DOMAIN §8.3).
 */
export const organisations: readonly OrganisationSeed[] = [
  {
    code: 'GZ',
    parentCode: null,
    kind: 'corps',
    nameZh: '贵州省消防救援总队',
    nameEn: 'Guizhou Fire and Rescue Corps',
    isDemo: false,
    divisionCode: '520000',
    note: 'Real unit [S37].',
  },
  {
    code: 'GZ-LPS',
    parentCode: 'GZ',
    kind: 'detachment',
    nameZh: '六盘水市消防救援支队',
    nameEn: 'Liupanshui Fire and Rescue Detachment',
    isDemo: false,
    divisionCode: '520200',
    note: 'Real unit; owns the 1+8+N network (the 2025 article).',
  },
  {
    code: 'GZ-BJ',
    parentCode: 'GZ',
    kind: 'detachment',
    nameZh: '毕节市消防救援支队',
    nameEn: 'Bijie Fire and Rescue Detachment',
    isDemo: false,
    divisionCode: '520500',
    note: 'Real unit; neighbour served by the west-Guizhou base in cross-regional operations [S38].',
  },
  {
    code: 'GZ-AS',
    parentCode: 'GZ',
    kind: 'detachment',
    nameZh: '安顺市消防救援支队',
    nameEn: 'Anshun Fire and Rescue Detachment',
    isDemo: false,
    divisionCode: '520400',
    note: 'Real unit [S38].',
  },
  {
    code: 'GZ-QXN',
    parentCode: 'GZ',
    kind: 'detachment',
    nameZh: '黔西南州消防救援支队',
    nameEn: 'Qianxinan Prefecture Fire and Rescue Detachment',
    isDemo: false,
    divisionCode: '522300',
    note: 'Real unit [S38].',
  },

  // Liupanshui battalions: one per county-level unit, plus the high-tech zone and combat-service support.
  {
    code: 'GZ-LPS-ZS',
    parentCode: 'GZ-LPS',
    kind: 'battalion',
    nameZh: '钟山区消防救援大队',
    nameEn: 'Zhongshan District Fire and Rescue Battalion',
    isDemo: false,
    divisionCode: '520201',
    note: 'One battalion per county-level unit is the standard structure; exact name not confirmed.',
  },
  {
    code: 'GZ-LPS-SC',
    parentCode: 'GZ-LPS',
    kind: 'battalion',
    nameZh: '水城区消防救援大队',
    nameEn: 'Shuicheng District Fire and Rescue Battalion',
    isDemo: false,
    divisionCode: '520204',
    note: 'Named in [S41].',
  },
  {
    code: 'GZ-LPS-PZ',
    parentCode: 'GZ-LPS',
    kind: 'battalion',
    nameZh: '盘州市消防救援大队',
    nameEn: 'Panzhou City Fire and Rescue Battalion',
    isDemo: false,
    divisionCode: '520281',
    note: 'One battalion per county-level unit is the standard structure; exact name not confirmed.',
  },
  {
    code: 'GZ-LPS-LZ',
    parentCode: 'GZ-LPS',
    kind: 'battalion',
    nameZh: '六枝特区消防救援大队',
    nameEn: 'Liuzhi Special District Fire and Rescue Battalion',
    isDemo: false,
    divisionCode: '520203',
    note: 'One battalion per county-level unit is the standard structure; exact name not confirmed.',
  },
  {
    code: 'GZ-LPS-GX',
    parentCode: 'GZ-LPS',
    kind: 'battalion',
    nameZh: '六盘水高新区消防救援大队',
    nameEn: 'Liupanshui High-Tech Zone Fire and Rescue Battalion',
    isDemo: true,
    divisionCode: null,
    note: 'Invented: whether the high-tech zone has its own battalion is not confirmed.',
  },
  {
    code: 'GZ-LPS-ZQ',
    parentCode: 'GZ-LPS',
    kind: 'battalion',
    nameZh: '六盘水市消防救援支队战勤保障大队',
    nameEn: 'Liupanshui Combat-Service-Support Battalion',
    isDemo: true,
    divisionCode: null,
    note: 'Detachments have a support battalion [S3][S4]; this one runs the base, partners and support vehicles. Name assumed.',
  },

  // Stations hosting the eight sub-warehouses. All invented (DOMAIN §8.3).
  {
    code: 'GZ-LPS-ZS-TQ',
    parentCode: 'GZ-LPS-ZS',
    kind: 'station',
    nameZh: '钟山特勤消防救援站',
    nameEn: 'Zhongshan Special-Service Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station (city centre, special-service type).',
  },
  {
    code: 'GZ-LPS-ZS-HQ',
    parentCode: 'GZ-LPS-ZS',
    kind: 'station',
    nameZh: '红桥新区消防救援站',
    nameEn: 'Hongqiao New District Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station.',
  },
  {
    code: 'GZ-LPS-SC-SS',
    parentCode: 'GZ-LPS-SC',
    kind: 'station',
    nameZh: '双水消防救援站',
    nameEn: 'Shuangshui Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station.',
  },
  {
    code: 'GZ-LPS-SC-JC',
    parentCode: 'GZ-LPS-SC',
    kind: 'station',
    nameZh: '鸡场消防救援站',
    nameEn: 'Jichang Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station in western Shuicheng (area of the 2019 Pingdi landslide [S51a]).',
  },
  {
    code: 'GZ-LPS-PZ-HG',
    parentCode: 'GZ-LPS-PZ',
    kind: 'station',
    nameZh: '红果消防救援站',
    nameEn: 'Hongguo Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station.',
  },
  {
    code: 'GZ-LPS-PZ-BG',
    parentCode: 'GZ-LPS-PZ',
    kind: 'station',
    nameZh: '柏果消防救援站',
    nameEn: 'Baiguo Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station (Baiguo–Panguan industrial and coal area).',
  },
  {
    code: 'GZ-LPS-LZ-JL',
    parentCode: 'GZ-LPS-LZ',
    kind: 'station',
    nameZh: '九龙消防救援站',
    nameEn: 'Jiulong Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station.',
  },
  {
    code: 'GZ-LPS-GX-01',
    parentCode: 'GZ-LPS-GX',
    kind: 'station',
    nameZh: '高新区消防救援站',
    nameEn: 'High-Tech Zone Fire Station',
    isDemo: true,
    divisionCode: null,
    note: 'Invented station.',
  },
];

/**
 * County-level seats of Liupanshui (DOMAIN §8.2), used to check node placements.
 * Liuzhi's seat is given there as [UNVERIFIED]; the high-tech zone is not a county and uses the city seat.
 */
export const countySeats: readonly CountySeat[] = [
  { divisionCode: '520200', nameZh: '六盘水市人民政府', nameEn: 'Liupanshui municipal government', lat: 26.5925, lng: 104.8303, confidence: 'sourced' },
  { divisionCode: '520201', nameZh: '钟山区', nameEn: 'Zhongshan District', lat: 26.5925, lng: 104.8303, confidence: 'approximate' },
  { divisionCode: '520204', nameZh: '水城区', nameEn: 'Shuicheng District', lat: 26.54608, lng: 104.95705, confidence: 'sourced' },
  { divisionCode: '520281', nameZh: '盘州市', nameEn: 'Panzhou City', lat: 25.7099, lng: 104.4716, confidence: 'sourced' },
  { divisionCode: '520203', nameZh: '六枝特区', nameEn: 'Liuzhi Special District', lat: 26.21, lng: 105.48, confidence: 'approximate' },
];

/** Liupanshui's extent, slightly padded (DOMAIN §8: 104°18′–105°42′ E, 25°19′–26°55′ N). */
export const liupanshuiBounds = { latMin: 25.3, latMax: 26.9, lngMin: 104.3, lngMax: 105.8 } as const;
