import { describe, expect, it } from 'vitest';
import type { NodeType } from '@zhanqin/contracts';
import geo from './geo/liupanshui-schematic.json' with { type: 'json' };
import { buildNetworkMapOption, groupPoints, type MapLabels, type MapNode } from './map-option.ts';
import { NODE_TYPE_ORDER, NODE_TYPE_STYLE } from '../nodes/node-styles.ts';
import { summariseNetwork } from './network-summary.ts';

const typeName = Object.fromEntries(NODE_TYPE_ORDER.map((t) => [t, `T:${t}`])) as Record<NodeType, string>;
const labels: MapLabels = { typeName, regionName: { 钟山区: 'Zhongshan' }, demo: 'demo', language: 'en' };

function node(code: string, type: NodeType, extra: Partial<MapNode> = {}): MapNode {
  return {
    id: `id-${code}`,
    code,
    type,
    nameZh: `节点${code}`,
    nameEn: `Node ${code}`,
    lat: 26.5,
    lng: 104.8,
    isDemo: true,
    status: 'open',
    ...extra,
  };
}

const network: MapNode[] = [
  node('B1', 'base', { lat: 26.57, lng: 104.9 }),
  ...Array.from({ length: 8 }, (_, i) => node(`S${i}`, 'sub-warehouse')),
  node('P1', 'partner'),
  node('V1', 'vehicle'),
  node('G1', 'staging', { isDemo: false }),
];

type Series = {
  id: string;
  name: string;
  symbol: string;
  itemStyle: { color: string };
  data: { value: number[]; nodeId: string }[];
};

describe('NODE_TYPE_STYLE', () => {
  it('gives every node type its own symbol and its own colour', () => {
    const styles = NODE_TYPE_ORDER.map((t) => NODE_TYPE_STYLE[t]);
    expect(new Set(styles.map((s) => s.symbol)).size).toBe(NODE_TYPE_ORDER.length);
    expect(new Set(styles.map((s) => s.color.toLowerCase())).size).toBe(NODE_TYPE_ORDER.length);
  });
});

describe('buildNetworkMapOption', () => {
  const option = buildNetworkMapOption(network, labels) as {
    series: Series[];
    legend: { data: string[] };
    geo: { nameMap: unknown; map: string };
  };

  it('draws one series per node type, all named in the legend', () => {
    expect(option.series.map((s) => s.name)).toEqual(NODE_TYPE_ORDER.map((t) => `T:${t}`));
    expect(option.legend.data).toEqual(option.series.map((s) => s.name));
  });

  it('plots every node once, at [lng, lat]', () => {
    const points = option.series.flatMap((s) => s.data);
    expect(points).toHaveLength(network.length);
    const base = option.series.find((s) => s.id === 'nodes-base');
    expect(base?.data).toEqual([expect.objectContaining({ value: [104.9, 26.57], nodeId: 'id-B1' })]);
  });

  it('uses the type style for each series and the UI language for names and regions', () => {
    const sub = option.series.find((s) => s.id === 'nodes-sub-warehouse');
    expect(sub?.symbol).toBe(NODE_TYPE_STYLE['sub-warehouse'].symbol);
    expect(sub?.itemStyle.color).toBe(NODE_TYPE_STYLE['sub-warehouse'].color);
    expect(option.geo.nameMap).toEqual({ 钟山区: 'Zhongshan' });
    expect(groupPoints(network, 'zh-CN').get('partner')?.[0]?.name).toBe('节点P1');
    expect(groupPoints(network, 'en').get('partner')?.[0]?.name).toBe('Node P1');
  });
});

describe('summariseNetwork', () => {
  it('counts the 1, the 8 and the N', () => {
    const summary = summariseNetwork(network);
    expect([summary.base, summary.subWarehouses, summary.others, summary.total, summary.demo]).toEqual([1, 8, 3, 12, 11]);
    expect(summary.byType.vehicle).toBe(1);
  });
});

describe('schematic GeoJSON', () => {
  const features = (geo as { features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[] }).features;

  it('holds the four county-level units of Liupanshui', () => {
    expect(features.map((f) => f.properties.name).sort()).toEqual(['六枝特区', '水城区', '盘州市', '钟山区'].sort());
  });

  it('puts each seat, and the demo base on the Shuicheng side, inside its own unit', () => {
    const regionOf = (lng: number, lat: number) =>
      features
        .filter((f) => f.geometry.coordinates.some((ring) => containsPoint(ring as [number, number][], lng, lat)))
        .map((f) => f.properties.name);
    expect(regionOf(104.83, 26.59)).toEqual(['钟山区']);
    expect(regionOf(104.957, 26.546)).toEqual(['水城区']);
    expect(regionOf(104.4716, 25.7099)).toEqual(['盘州市']);
    expect(regionOf(105.48, 26.21)).toEqual(['六枝特区']);
    expect(regionOf(104.9, 26.57)).toEqual(['水城区']);
  });

  it('stays inside the city extent and closes every ring', () => {
    for (const feature of features) {
      for (const ring of feature.geometry.coordinates) {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lng, lat] of ring as [number, number][]) {
          expect(lng).toBeGreaterThanOrEqual(104.3);
          expect(lng).toBeLessThanOrEqual(105.8);
          expect(lat).toBeGreaterThanOrEqual(25.3);
          expect(lat).toBeLessThanOrEqual(26.9);
        }
      }
    }
  });
});

/** Ray casting; enough for the simple polygons of the schematic. */
function containsPoint(ring: [number, number][], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
