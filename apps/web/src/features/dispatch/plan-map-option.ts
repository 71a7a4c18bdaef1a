import type { EChartsCoreOption } from 'echarts/core';
import { MAP_NAME } from '../network/map-option.ts';
import type { DispatchPlanView, Shipment, ShipmentState } from './api/dispatch.api.ts';

/** Everything language-dependent the option needs, so the builder stays pure. */
export type PlanMapLabels = {
  language: 'zh-CN' | 'en';
  nodes: string;
  incidents: string;
  sources: string;
  lines: string;
  shipments: string;
  trucks: string;
  /** Chinese region name (the GeoJSON `name`) → label in the UI language. */
  regionName: Record<string, string>;
  /** "Level 4 (orange)" for an alarm level. */
  alarmText: (level: number) => string;
  shipmentState: (state: ShipmentState) => string;
};

export type PlanMapNode = { id: string; code: string; nameZh: string; nameEn: string; lat: number; lng: number };
export type PlanMapIncident = {
  id: string;
  number: string;
  lat: number;
  lng: number;
  alarmLevel: number;
  typeName: string;
  isExercise: boolean;
};

/** What a click on a marker names: an incident, or a node. */
export type PlanMapDatum =
  { kind: 'incident'; incidentId: string } | { kind: 'node'; nodeId: string } | { kind: 'route' | 'shipment' | 'truck' };

type Coord = [number, number];

/** Alarm colours (green → red); each marker also carries its level as text, never colour alone. */
const ALARM_COLOUR = ['#2e7d32', '#1565c0', '#f9a825', '#ef6c00', '#c62828'];
const SHIPMENT_COLOUR: Record<ShipmentState, string> = {
  picking: '#8c8c8c',
  packed: '#1565c0',
  'in-transit': '#d4380d',
  delivered: '#389e0d',
  cancelled: '#bfbfbf',
};

export function alarmColour(level: number): string {
  return ALARM_COLOUR[Math.min(5, Math.max(1, Math.round(level))) - 1]!;
}

/** Line width from a quantity: grows with the logarithm, so 1 unit is visible and 500 units are not a wall (1.5–10 px). */
export function lineWidthFor(qty: number): number {
  return Math.min(10, 1.5 + 1.5 * Math.log2(1 + Math.max(0, qty)));
}

/** One route per source and incident, with the total quantity and the items carried. */
export type PlanRoute = {
  sourceId: string;
  incidentId: string;
  from: Coord;
  to: Coord;
  qty: number;
  items: string[];
  minutes: number;
  sourceName: string;
};

export function planRoutes(plan: DispatchPlanView, language: 'zh-CN' | 'en'): PlanRoute[] {
  const incidents = new Map(plan.incidents.map((i) => [i.id, i]));
  const routes = new Map<string, PlanRoute>();
  for (const line of plan.lines) {
    const incident = incidents.get(line.incidentId);
    if (!incident) continue;
    const key = `${line.source.id}>${line.incidentId}`;
    const itemName = language === 'en' ? line.item.nameEn || line.item.nameZh : line.item.nameZh;
    const route = routes.get(key) ?? {
      sourceId: line.source.id,
      incidentId: line.incidentId,
      from: [line.source.lng, line.source.lat] as Coord,
      to: [incident.lng, incident.lat] as Coord,
      qty: 0,
      items: [],
      minutes: line.minutes,
      sourceName: language === 'en' ? line.source.nameEn || line.source.nameZh : line.source.nameZh,
    };
    route.qty += line.qty;
    route.items.push(`${itemName} × ${line.qty}`);
    route.minutes = Math.max(route.minutes, line.minutes);
    routes.set(key, route);
  }
  return [...routes.values()].sort((a, b) => (a.sourceId + a.incidentId < b.sourceId + b.incidentId ? -1 : 1));
}

/**
 * Where a vehicle under way is now, by linear interpolation between source and scene over its travel
 * time (the schematic has no road geometry); undefined when it has not left or has arrived.
 */
export function truckPosition(
  shipment: Pick<Shipment, 'state' | 'departedAt' | 'travelMinutes' | 'fromLat' | 'fromLng' | 'toLat' | 'toLng'>,
  now: number,
): Coord | undefined {
  if (shipment.state !== 'in-transit' || !shipment.departedAt) return undefined;
  const elapsed = (now - Date.parse(shipment.departedAt)) / 60_000;
  const share = shipment.travelMinutes > 0 ? Math.min(1, Math.max(0, elapsed / shipment.travelMinutes)) : 1;
  return [
    shipment.fromLng + (shipment.toLng - shipment.fromLng) * share,
    shipment.fromLat + (shipment.toLat - shipment.fromLat) * share,
  ];
}

/**
 * Builds the dispatch map: the schematic counties, the network's nodes faint in the background,
 * incidents as pulsing markers labelled with number and alarm level, the plan as `lines` from each
 * source to the scene (width by quantity, with a moving arrow), and confirmed shipments coloured by
 * state with the vehicles under way.
 */
export function buildPlanMapOption(input: {
  nodes: readonly PlanMapNode[];
  incidents: readonly PlanMapIncident[];
  selectedIds: readonly string[];
  plan?: DispatchPlanView;
  shipments?: readonly Shipment[];
  now: number;
  labels: PlanMapLabels;
}): EChartsCoreOption {
  const { labels } = input;
  const name = (n: { nameZh: string; nameEn: string }) => (labels.language === 'en' && n.nameEn ? n.nameEn : n.nameZh);
  const selected = new Set(input.selectedIds);
  const routes = input.plan ? planRoutes(input.plan, labels.language) : [];
  const sourceIds = new Set(routes.map((r) => r.sourceId));
  const shipments = (input.shipments ?? []).filter((s) => s.state !== 'cancelled');

  const incidentPoint = (incident: PlanMapIncident) => ({
    name: `${incident.number} · ${labels.alarmText(incident.alarmLevel)}`,
    value: [incident.lng, incident.lat],
    datum: { kind: 'incident', incidentId: incident.id } satisfies PlanMapDatum,
    symbolSize: 12 + 3 * incident.alarmLevel,
    itemStyle: { color: alarmColour(incident.alarmLevel), borderColor: '#000', borderWidth: selected.has(incident.id) ? 2 : 0.5 },
    tooltipText: `${incident.number} · ${incident.typeName} · ${labels.alarmText(incident.alarmLevel)}`,
  });

  const series: Record<string, unknown>[] = [
    {
      id: 'nodes',
      name: labels.nodes,
      type: 'scatter',
      coordinateSystem: 'geo',
      symbol: 'circle',
      symbolSize: 6,
      itemStyle: { color: '#8c8c8c', opacity: 0.35 },
      z: 2,
      data: input.nodes
        .filter((n) => !sourceIds.has(n.id))
        .map((n) => ({
          name: name(n),
          value: [n.lng, n.lat],
          datum: { kind: 'node', nodeId: n.id },
          tooltipText: `${name(n)} · ${n.code}`,
        })),
    },
    {
      id: 'sources',
      name: labels.sources,
      type: 'scatter',
      coordinateSystem: 'geo',
      symbol: 'rect',
      symbolSize: 11,
      itemStyle: { color: '#0072B2', borderColor: '#fff', borderWidth: 1 },
      label: { show: true, position: 'left', formatter: '{b}', fontSize: 11, color: '#003a5c', width: 150, overflow: 'truncate' },
      // Sources near each other would print over one another; the tooltip still names every one.
      labelLayout: { hideOverlap: true },
      z: 4,
      data: routes
        .filter((r, index) => routes.findIndex((o) => o.sourceId === r.sourceId) === index)
        .map((r) => ({
          name: r.sourceName,
          value: r.from,
          datum: { kind: 'node', nodeId: r.sourceId },
          tooltipText: r.sourceName,
        })),
    },
    {
      id: 'routes',
      name: labels.lines,
      type: 'lines',
      coordinateSystem: 'geo',
      polyline: false,
      zlevel: 1,
      effect: { show: true, period: 4, trailLength: 0.1, symbol: 'arrow', symbolSize: 8, color: '#d4380d' },
      lineStyle: { color: '#d4380d', opacity: 0.75, curveness: 0.15 },
      data: routes.map((r) => ({
        name: `${r.sourceName} → ${r.items.length}`,
        coords: [r.from, r.to],
        qty: r.qty,
        lineStyle: { width: lineWidthFor(r.qty) },
        datum: { kind: 'route' } satisfies PlanMapDatum,
        tooltipText: `${r.sourceName} → ${r.qty}<br/>${r.items.join('<br/>')}`,
      })),
    },
    {
      id: 'shipments',
      name: labels.shipments,
      type: 'lines',
      coordinateSystem: 'geo',
      zlevel: 1,
      effect: { show: false },
      lineStyle: { opacity: 0.85, curveness: 0.15, type: 'dashed' },
      data: shipments.map((s) => ({
        name: s.number,
        coords: [
          [s.fromLng, s.fromLat],
          [s.toLng, s.toLat],
        ],
        state: s.state,
        lineStyle: {
          color: SHIPMENT_COLOUR[s.state],
          width: s.state === 'in-transit' ? 3 : 2,
          type: s.state === 'in-transit' || s.state === 'delivered' ? 'solid' : 'dashed',
        },
        datum: { kind: 'shipment' } satisfies PlanMapDatum,
        tooltipText: `${s.number} · ${labels.shipmentState(s.state)}`,
      })),
    },
    {
      id: 'trucks',
      name: labels.trucks,
      type: 'scatter',
      coordinateSystem: 'geo',
      symbol: 'roundRect',
      symbolSize: 12,
      itemStyle: { color: '#d4380d', borderColor: '#fff', borderWidth: 1.5 },
      label: { show: true, position: 'top', formatter: '{b}', fontSize: 10 },
      z: 6,
      data: shipments.flatMap((s) => {
        const at = truckPosition(s, input.now);
        return at
          ? [
              {
                name: s.vehiclePlate ?? s.number,
                value: at,
                datum: { kind: 'truck' },
                tooltipText: `${s.number} · ${s.vehiclePlate ?? ''}`,
              },
            ]
          : [];
      }),
    },
    {
      id: 'incidents',
      name: labels.incidents,
      type: 'effectScatter',
      coordinateSystem: 'geo',
      symbol: 'pin',
      rippleEffect: { scale: 3, brushType: 'stroke' },
      showEffectOn: 'render',
      label: {
        show: true,
        position: 'right',
        formatter: '{b}',
        fontWeight: 'bold',
        fontSize: 12,
        color: '#262626',
        backgroundColor: 'rgba(255,255,255,0.8)',
        padding: [2, 4],
      },
      z: 8,
      data: input.incidents.filter((i) => selected.has(i.id)).map(incidentPoint),
    },
    {
      id: 'incidents-other',
      name: labels.incidents,
      type: 'scatter',
      coordinateSystem: 'geo',
      symbol: 'pin',
      label: { show: false },
      emphasis: { label: { show: true, formatter: '{b}', position: 'right' } },
      z: 7,
      data: input.incidents.filter((i) => !selected.has(i.id)).map(incidentPoint),
    },
  ];

  return {
    aria: { enabled: true },
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { tooltipText?: string }; name?: string }) => params.data?.tooltipText ?? params.name ?? '',
    },
    legend: {
      orient: 'vertical',
      left: 8,
      bottom: 8,
      backgroundColor: 'rgba(255,255,255,0.85)',
      padding: 8,
      data: [labels.incidents, labels.lines, labels.sources, labels.shipments, labels.trucks, labels.nodes],
    },
    geo: {
      map: MAP_NAME,
      roam: true,
      aspectScale: Math.cos((26.1 * Math.PI) / 180),
      layoutCenter: ['55%', '50%'],
      layoutSize: '95%',
      nameMap: labels.regionName,
      label: { show: true, color: '#8c8c8c', fontSize: 12 },
      itemStyle: { areaColor: '#f6f3ec', borderColor: '#b0b0b0', borderWidth: 1, borderType: 'dashed' },
      emphasis: { disabled: true },
      select: { disabled: true },
    },
    series,
  };
}
