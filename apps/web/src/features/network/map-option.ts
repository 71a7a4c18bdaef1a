import type { EChartsCoreOption } from 'echarts/core';
import type { Node, NodeType } from '@zhanqin/contracts';
import { NODE_TYPE_ORDER, NODE_TYPE_STYLE } from '../nodes/node-styles.ts';

export const MAP_NAME = 'liupanshui-schematic';

/** Everything language-dependent the option needs, so the builder stays pure. */
export type MapLabels = {
  typeName: Record<NodeType, string>;
  /** Chinese region name (the GeoJSON `name`) → label in the UI language. */
  regionName: Record<string, string>;
  demo: string;
  language: 'zh-CN' | 'en';
};

export type MapPoint = {
  name: string;
  value: [number, number];
  nodeId: string;
  code: string;
  isDemo: boolean;
};

export type MapNode = Pick<Node, 'id' | 'code' | 'type' | 'nameZh' | 'nameEn' | 'lat' | 'lng' | 'isDemo' | 'status'>;

/** The name of a node in the UI language (Chinese name as the fallback). */
export function nodeNameOf(node: Pick<Node, 'nameZh' | 'nameEn'>, language: 'zh-CN' | 'en'): string {
  return language === 'en' && node.nameEn ? node.nameEn : node.nameZh;
}

/** One scatter point per node, grouped by type in display order. */
export function groupPoints(nodes: readonly MapNode[], language: 'zh-CN' | 'en'): Map<NodeType, MapPoint[]> {
  const groups = new Map<NodeType, MapPoint[]>(NODE_TYPE_ORDER.map((type) => [type, []]));
  const sorted = [...nodes].sort((a, b) => a.code.localeCompare(b.code));
  for (const node of sorted) {
    groups.get(node.type)?.push({
      name: nodeNameOf(node, language),
      value: [node.lng, node.lat],
      nodeId: node.id,
      code: node.code,
      isDemo: node.isDemo,
    });
  }
  return groups;
}

/**
 * Builds the network map: the schematic county polygons as an ECharts `geo`, and one scatter series
 * per node type (all seven always listed in the legend) with its own symbol and colour.
 */
export function buildNetworkMapOption(nodes: readonly MapNode[], labels: MapLabels): EChartsCoreOption {
  const groups = groupPoints(nodes, labels.language);
  const series = NODE_TYPE_ORDER.map((type) => {
    const style = NODE_TYPE_STYLE[type];
    return {
      id: `nodes-${type}`,
      name: labels.typeName[type],
      type: 'scatter',
      coordinateSystem: 'geo',
      geoIndex: 0,
      symbol: style.symbol,
      symbolSize: style.size,
      itemStyle: { color: style.color, borderColor: '#ffffff', borderWidth: 1, opacity: 0.95 },
      emphasis: { scale: 1.4, label: { show: true, formatter: '{b}', position: 'right', fontWeight: 'bold' } },
      label:
        type === 'base'
          ? {
              show: true,
              formatter: '{b}',
              position: 'right',
              fontSize: 12,
              fontWeight: 'bold',
              width: 170,
              overflow: 'truncate',
            }
          : { show: false },
      z: type === 'base' ? 5 : 3,
      data: groups.get(type) ?? [],
    };
  });

  return {
    aria: { enabled: true },
    animation: false,
    tooltip: {
      trigger: 'item',
      // The tooltip names the type in words too: colour is never the only cue.
      formatter: (params: { seriesName?: string; data?: MapPoint; name?: string }) => {
        const point = params.data;
        if (!point || !Array.isArray(point.value)) return params.name ?? '';
        const demo = point.isDemo ? ` · ${labels.demo}` : '';
        const [lng, lat] = point.value;
        return `<b>${escapeHtml(point.name)}</b><br/>${escapeHtml(params.seriesName ?? '')} · ${escapeHtml(point.code)}${escapeHtml(demo)}<br/>${lat.toFixed(4)}°N, ${lng.toFixed(4)}°E`;
      },
    },
    legend: {
      orient: 'vertical',
      left: 8,
      bottom: 8,
      backgroundColor: 'rgba(255,255,255,0.85)',
      padding: 8,
      itemWidth: 14,
      itemHeight: 14,
      data: NODE_TYPE_ORDER.map((type) => labels.typeName[type]),
    },
    geo: {
      map: MAP_NAME,
      roam: true,
      aspectScale: Math.cos((26.1 * Math.PI) / 180),
      layoutCenter: ['55%', '50%'],
      layoutSize: '95%',
      nameMap: labels.regionName,
      label: { show: true, color: '#595959', fontSize: 13 },
      itemStyle: { areaColor: '#f3efe6', borderColor: '#9e9e9e', borderWidth: 1, borderType: 'dashed' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#ece4d2' } },
      select: { disabled: true },
    },
    series,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
