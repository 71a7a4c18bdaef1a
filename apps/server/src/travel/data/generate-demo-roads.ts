/**
 * Writes liupanshui-roads.schematic.geojson: a SCHEMATIC demo road graph of Liupanshui's main
 * corridors (not survey data). Each road is a list of hand-placed waypoints — town centres,
 * interchanges and the demo nodes of seed/data/nodes.ts — joined by a deterministic zigzag whose
 * length is `winding` × the straight line (mountain roads in karst country wind: 1.3–1.6).
 * Roads meet only at shared waypoints (interchanges, junctions); crossings elsewhere are bridges.
 *
 * Run: node --import tsx apps/server/src/travel/data/generate-demo-roads.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Point = readonly [lat: number, lng: number];
interface RoadClass {
  highway: string;
  speedKmh: number;
  winding: number;
  /** Target km between zigzag vertices. */
  spacingKm: number;
}

const EXPRESSWAY: RoadClass = { highway: 'motorway', speedKmh: 80, winding: 1.3, spacingKm: 3 };
const LINK: RoadClass = { highway: 'motorway_link', speedKmh: 40, winding: 1.3, spacingKm: 1 };
const NATIONAL: RoadClass = { highway: 'trunk', speedKmh: 50, winding: 1.45, spacingKm: 2 };
const PROVINCIAL: RoadClass = { highway: 'secondary', speedKmh: 40, winding: 1.5, spacingKm: 1.8 };
const COUNTY: RoadClass = { highway: 'tertiary', speedKmh: 35, winding: 1.55, spacingKm: 1.5 };
const URBAN: RoadClass = { highway: 'primary', speedKmh: 35, winding: 1.3, spacingKm: 1 };

// Waypoints [lat, lng]. Demo nodes (seed/data/nodes.ts) are used as exact waypoints.
const P = {
  // Demo nodes
  base: [26.57, 104.9],
  zs1: [26.5876, 104.8412],
  zs2: [26.6112, 104.7905],
  sc1: [26.5508, 104.9486],
  jichang: [26.2553, 104.6452],
  hongguo: [25.7152, 104.4648],
  baiguo: [25.9286, 104.6603],
  jiulong: [26.2128, 105.4762],
  gaoxin: [26.6285, 104.8702],
  fuel: [26.5602, 104.9281],
  food: [26.6003, 104.8524],
  mach: [26.5786, 104.8701],
  hosp: [26.5951, 104.8362],
  yeyuhai: [26.4352, 104.7861],
  meihuashan: [26.6405, 104.7432],
  tuole: [25.8621, 104.5532],
  luobie: [26.1423, 105.3946],
  // Towns and junctions (approximate)
  shuangshui: [26.546, 104.957],
  yushe: [26.452, 104.797],
  weining: [26.8735, 104.2866],
  // Expressway interchanges (schematic)
  icMeihuashan: [26.655, 104.735],
  icZhongshan: [26.627, 104.82],
  icDewu: [26.612, 104.882],
  icBase: [26.575, 104.908],
  icShuicheng: [26.532, 104.975],
  icJichang: [26.16, 104.722],
  icBaiguo: [25.94, 104.667],
  icHongguo: [25.727, 104.476],
  icLiuzhi: [26.226, 105.458],
} as const satisfies Record<string, Point>;

interface Road {
  nameZh: string;
  nameEn: string;
  ref?: string;
  cls: RoadClass;
  points: readonly Point[];
}

const roads: Road[] = [
  {
    nameZh: '六盘水—威宁高速（示意）',
    nameEn: 'Liupanshui–Weining expressway (schematic)',
    ref: 'S-LW',
    cls: EXPRESSWAY,
    points: [P.weining, [26.8, 104.45], [26.72, 104.62], P.icMeihuashan, P.icZhongshan],
  },
  {
    nameZh: '中心城区绕城高速（示意）',
    nameEn: 'Central urban bypass expressway (schematic)',
    cls: EXPRESSWAY,
    points: [P.icZhongshan, P.icDewu, P.icBase, P.icShuicheng],
  },
  {
    nameZh: '水城—六枝—安顺方向高速（示意）',
    nameEn: 'Shuicheng–Liuzhi expressway towards Anshun (schematic)',
    ref: 'G-LA',
    cls: EXPRESSWAY,
    points: [P.icShuicheng, [26.47, 105.08], [26.38, 105.22], [26.29, 105.35], P.icLiuzhi, [26.25, 105.62]],
  },
  {
    nameZh: '六盘水—盘州高速（示意，G56/G60方向）',
    nameEn: 'Liupanshui–Panzhou expressway (schematic, G56/G60 corridor)',
    ref: 'G56',
    cls: EXPRESSWAY,
    points: [P.icBase, [26.5, 104.88], [26.4, 104.845], [26.28, 104.78], P.icJichang, [26.04, 104.69], P.icBaiguo, [25.86, 104.57], [25.79, 104.515], P.icHongguo, [25.69, 104.33]],
  },
  // Interchange links
  { nameZh: '梅花山互通连接线', nameEn: 'Meihuashan interchange link', cls: LINK, points: [P.icMeihuashan, P.meihuashan] },
  { nameZh: '钟山互通连接线', nameEn: 'Zhongshan interchange link', cls: LINK, points: [P.icZhongshan, [26.608, 104.828], P.hosp] },
  { nameZh: '德坞互通连接线', nameEn: 'Dewu interchange link', cls: LINK, points: [P.icDewu, P.gaoxin] },
  { nameZh: '基地互通连接线', nameEn: 'Base interchange link', cls: LINK, points: [P.icBase, P.base] },
  { nameZh: '水城互通连接线', nameEn: 'Shuicheng interchange link', cls: LINK, points: [P.icShuicheng, P.shuangshui] },
  { nameZh: '鸡场互通连接线', nameEn: 'Jichang interchange link', cls: COUNTY, points: [P.icJichang, [26.2, 104.68], P.jichang] },
  { nameZh: '柏果互通连接线', nameEn: 'Baiguo interchange link', cls: LINK, points: [P.icBaiguo, P.baiguo] },
  { nameZh: '红果互通连接线', nameEn: 'Hongguo interchange link', cls: LINK, points: [P.icHongguo, P.hongguo] },
  { nameZh: '六枝互通连接线', nameEn: 'Liuzhi interchange link', cls: LINK, points: [P.icLiuzhi, P.jiulong] },
  // Urban arterials
  {
    nameZh: '凉都大道—钟山大道（示意）',
    nameEn: 'Liangdu Avenue – Zhongshan Avenue, west–east arterial (schematic)',
    cls: URBAN,
    points: [P.meihuashan, [26.626, 104.768], P.zs2, [26.6, 104.815], P.hosp, P.zs1, P.mach, P.base, P.fuel, P.sc1, P.shuangshui],
  },
  {
    nameZh: '德坞—高新区干道（示意）',
    nameEn: 'Dewu – High-Tech Zone arterial (schematic)',
    cls: URBAN,
    points: [P.zs1, P.food, P.gaoxin, [26.6, 104.905], P.fuel],
  },
  // National and provincial roads
  {
    nameZh: '水城—柏果—盘州国道（示意）',
    nameEn: 'Shuicheng–Baiguo–Panzhou national road (schematic)',
    cls: NATIONAL,
    points: [P.sc1, [26.45, 104.93], [26.32, 104.86], [26.18, 104.78], [26.05, 104.72], P.baiguo, P.tuole, [25.79, 104.5], P.hongguo],
  },
  {
    nameZh: '水城—六枝国道（示意）',
    nameEn: 'Shuicheng–Liuzhi national road (schematic)',
    cls: NATIONAL,
    points: [P.shuangshui, [26.5, 105.06], [26.42, 105.17], [26.33, 105.3], P.jiulong],
  },
  {
    nameZh: '钟山—玉舍（野玉海）省道（示意）',
    nameEn: 'Zhongshan–Yushe (Yeyuhai) provincial road (schematic)',
    cls: PROVINCIAL,
    points: [P.zs1, [26.54, 104.83], [26.49, 104.81], P.yushe, P.yeyuhai],
  },
  {
    nameZh: '玉舍—发耳—鸡场县道（示意）',
    nameEn: 'Yushe–Faer–Jichang county road (schematic)',
    cls: COUNTY,
    points: [P.yushe, [26.39, 104.76], [26.32, 104.71], P.jichang],
  },
  {
    nameZh: '九龙—落别县道（示意）',
    nameEn: 'Jiulong–Luobie county road (schematic)',
    cls: COUNTY,
    points: [P.jiulong, [26.18, 105.44], P.luobie],
  },
];

const RAD = Math.PI / 180;
const KM_PER_DEG = 111.195;
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Deterministic pseudo-random in [0, 1) from an integer. */
function hash01(n: number): number {
  let x = (n * 2654435761) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 2246822507) >>> 0;
  x ^= x >>> 13;
  return (x >>> 0) / 2 ** 32;
}

function lengthKm(pts: Point[]): number {
  let sum = 0;
  for (let i = 1; i < pts.length; i++) {
    const [a, b] = [pts[i - 1] as Point, pts[i] as Point];
    const midCos = Math.cos(((a[0] + b[0]) / 2) * RAD);
    sum += Math.hypot((b[0] - a[0]) * KM_PER_DEG, (b[1] - a[1]) * KM_PER_DEG * midCos);
  }
  return sum;
}

/** The zigzag between two waypoints (end points excluded) whose length is `winding` × the straight line. */
function wind(a: Point, b: Point, cls: RoadClass, seed: number): Point[] {
  const cos = Math.cos(((a[0] + b[0]) / 2) * RAD);
  const dy = (b[0] - a[0]) * KM_PER_DEG;
  const dx = (b[1] - a[1]) * KM_PER_DEG * cos;
  const straight = Math.hypot(dx, dy);
  const k = Math.max(2, Math.round((straight * cls.winding) / cls.spacingKm));
  const [nx, ny] = [-dy / straight, dx / straight];
  const weights = Array.from({ length: k - 1 }, (_, i) => (i % 2 === 0 ? 1 : -1) * (0.55 + 0.45 * hash01(seed * 1000 + i)));
  const at = (amp: number): Point[] =>
    weights.map((w, i) => {
      const t = (i + 1) / k;
      const x = dx * t + nx * amp * w;
      const y = dy * t + ny * amp * w;
      return [a[0] + y / KM_PER_DEG, a[1] + x / (KM_PER_DEG * cos)] as const;
    });
  let lo = 0;
  let hi = straight;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (lengthKm([a, ...at(mid), b]) < straight * cls.winding) lo = mid;
    else hi = mid;
  }
  return at(lo);
}

let seed = 1;
const features = roads.map((road) => {
  const coords: Point[] = [road.points[0] as Point];
  for (let i = 1; i < road.points.length; i++) {
    const a = road.points[i - 1] as Point;
    const b = road.points[i] as Point;
    coords.push(...wind(a, b, road.cls, seed++), b);
  }
  return {
    type: 'Feature',
    properties: {
      name: `${road.nameZh} ${road.nameEn}`,
      highway: road.cls.highway,
      ...(road.ref ? { ref: road.ref } : {}),
      speed_kmh: road.cls.speedKmh,
      oneway: 'no',
      schematic: true,
    },
    geometry: { type: 'LineString', coordinates: coords.map(([lat, lng]) => [round6(lng), round6(lat)]) },
  };
});

const collection = {
  type: 'FeatureCollection',
  name: 'Liupanshui main roads — schematic demo data 示意',
  properties: {
    name: 'Liupanshui main roads — schematic demo data 示意',
    schematic: true,
    note:
      'Schematic demo data, not a survey: hand-placed waypoints (town centres, fictional interchanges, the demo nodes) joined by zigzags ' +
      '1.3–1.55 × the straight line. Speeds: expressway 80, link 40, national 50, provincial 40, county 35, urban 35 km/h. ' +
      'Generated by generate-demo-roads.ts.',
  },
  features,
};

const out = fileURLToPath(new URL('./liupanshui-roads.schematic.geojson', import.meta.url));
const body = JSON.stringify(collection, (key, value: unknown) => value, 1)
  // One position per line keeps the file reviewable without ballooning it.
  .replace(/\[\n\s+(-?[\d.]+),\n\s+(-?[\d.]+)\n\s+\]/g, '[$1, $2]');
writeFileSync(out, `${body}\n`);
const vertices = features.reduce((sum, f) => sum + f.geometry.coordinates.length, 0);
console.log(`wrote ${out}: ${features.length} roads, ${vertices} positions`);
