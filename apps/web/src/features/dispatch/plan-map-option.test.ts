import { describe, expect, it } from 'vitest';
import type { DispatchPlanView, PlanItem, PlanNode, Shipment } from './api/dispatch.api.ts';
import {
  alarmColour,
  buildPlanMapOption,
  lineWidthFor,
  planRoutes,
  truckPosition,
  type PlanMapLabels,
} from './plan-map-option.ts';

const labels: PlanMapLabels = {
  language: 'zh-CN',
  nodes: '网络节点',
  incidents: '警情',
  sources: '调出节点',
  lines: '调拨线路',
  shipments: '运单',
  trucks: '在途车辆',
  regionName: {},
  alarmText: (level) => `${level} 级`,
  shipmentState: (state) => state,
};

const item = (code: string): PlanItem => ({
  id: `item-${code}`,
  code,
  nameZh: `物资${code}`,
  nameEn: `Item ${code}`,
  unitZh: '件',
  unitEn: 'pc',
});
const node = (code: string, lng: number, lat: number): PlanNode => ({
  id: `node-${code}`,
  code,
  nameZh: `节点${code}`,
  nameEn: `Node ${code}`,
  type: 'base',
  lat,
  lng,
});

function plan(): DispatchPlanView {
  const base = node('BASE', 104.9, 26.57);
  const sub = node('SW1', 104.95, 26.55);
  const line = (source: PlanNode, code: string, qty: number) => ({
    source,
    incidentId: 'inc-1',
    item: item(code),
    qty,
    minutes: 12,
    fromReserve: 0,
    eta: '2026-01-01T00:12:00Z',
    reason: { code: 'nearest-free-stock' as const, nearerSources: 0 },
  });
  return {
    id: 'plan-1',
    number: 'DP-1',
    state: 'draft',
    replacedBy: null,
    createdAt: '2026-01-01T00:00:00Z',
    createdByName: 'd',
    confirmedAt: null,
    confirmedByName: null,
    timings: { buildMs: 20, solveMs: 2 },
    policy: null,
    incidents: [
      {
        id: 'inc-1',
        number: 'JJ-1',
        lat: 26.55,
        lng: 104.95,
        priority: 2,
        typeCode: 'rescue.earthquake',
        alarmLevel: 4,
        isExercise: false,
        prePlanCode: null,
        note: null,
        demand: [],
      },
    ],
    lines: [line(base, 'A', 30), line(base, 'B', 10), line(sub, 'C', 1)],
    shortfalls: [],
    objective: { deliveredByPriority: { '2': 41 }, unitMinutes: 0, reserveUnits: 0, cost: 0 },
    transport: { routes: [], vehicles: [], makespanMinutes: 12, makespanLowerBound: 12, note: null },
  };
}

const incident = { id: 'inc-1', number: 'JJ-1', lat: 26.55, lng: 104.95, alarmLevel: 4, typeName: '地震', isExercise: false };

type Series = {
  id: string;
  type: string;
  data: { coords?: number[][]; lineStyle?: { width: number }; qty?: number; value?: number[]; name?: string }[];
  effect?: { show: boolean };
};

describe('planRoutes', () => {
  it('adds up the lines of one source and incident into one route', () => {
    const routes = planRoutes(plan(), 'zh-CN');
    expect(routes).toHaveLength(2);
    const fromBase = routes.find((r) => r.sourceId === 'node-BASE');
    expect(fromBase?.qty).toBe(40);
    expect(fromBase?.items).toEqual(['物资A × 30', '物资B × 10']);
    expect(fromBase?.from).toEqual([104.9, 26.57]);
    expect(fromBase?.to).toEqual([104.95, 26.55]);
  });
});

describe('buildPlanMapOption', () => {
  it('draws the plan as animated lines from the sources to the scene, wider for larger quantities', () => {
    const option = buildPlanMapOption({
      nodes: [],
      incidents: [incident],
      selectedIds: ['inc-1'],
      plan: plan(),
      now: 0,
      labels,
    }) as { series: Series[] };
    const routes = option.series.find((s) => s.id === 'routes')!;
    expect(routes.type).toBe('lines');
    expect(routes.effect?.show).toBe(true);
    expect(routes.data).toHaveLength(2);
    const [a, b] = routes.data;
    expect(a!.qty! > b!.qty! ? a!.lineStyle!.width > b!.lineStyle!.width : a!.lineStyle!.width < b!.lineStyle!.width).toBe(true);
  });

  it('keeps nodes that send nothing in the faint background layer and shows sources separately', () => {
    const nodes = [node('BASE', 104.9, 26.57), node('SW1', 104.95, 26.55), node('ST9', 104.6, 25.8)];
    const option = buildPlanMapOption({ nodes, incidents: [incident], selectedIds: [], plan: plan(), now: 0, labels }) as {
      series: Series[];
    };
    expect(option.series.find((s) => s.id === 'nodes')!.data.map((d) => d.name)).toEqual(['节点ST9']);
    expect(option.series.find((s) => s.id === 'sources')!.data).toHaveLength(2);
  });

  it('pulses the selected incidents and labels every incident with its alarm level in words', () => {
    const other = { ...incident, id: 'inc-2', number: 'JJ-2', alarmLevel: 2 };
    const option = buildPlanMapOption({ nodes: [], incidents: [incident, other], selectedIds: ['inc-1'], now: 0, labels }) as {
      series: Series[];
    };
    const pulsing = option.series.find((s) => s.id === 'incidents')!;
    expect(pulsing.type).toBe('effectScatter');
    expect(pulsing.data.map((d) => d.name)).toEqual(['JJ-1 · 4 级']);
    expect(option.series.find((s) => s.id === 'incidents-other')!.data.map((d) => d.name)).toEqual(['JJ-2 · 2 级']);
  });

  it('draws shipments and puts a vehicle under way between source and scene', () => {
    const shipment = {
      number: 'SH-1',
      state: 'in-transit',
      departedAt: '2026-01-01T00:00:00Z',
      travelMinutes: 10,
      fromLat: 26,
      fromLng: 104,
      toLat: 27,
      toLng: 105,
      vehiclePlate: '贵B·0902',
    } as Shipment;
    const now = Date.parse('2026-01-01T00:05:00Z');
    const option = buildPlanMapOption({
      nodes: [],
      incidents: [],
      selectedIds: [],
      shipments: [shipment, { ...shipment, number: 'SH-2', state: 'cancelled' }],
      now,
      labels,
    }) as { series: Series[] };
    expect(option.series.find((s) => s.id === 'shipments')!.data).toHaveLength(1);
    expect(option.series.find((s) => s.id === 'trucks')!.data[0]!.value).toEqual([104.5, 26.5]);
  });
});

describe('helpers', () => {
  it('interpolates a truck only while it is in transit, and stops it at the scene', () => {
    const base = { departedAt: '2026-01-01T00:00:00Z', travelMinutes: 10, fromLat: 0, fromLng: 0, toLat: 10, toLng: 10 };
    expect(truckPosition({ ...base, state: 'packed' }, 0)).toBeUndefined();
    expect(truckPosition({ ...base, state: 'in-transit' }, Date.parse('2026-01-01T01:00:00Z'))).toEqual([10, 10]);
  });

  it('grows line width with quantity within bounds', () => {
    expect(lineWidthFor(1)).toBeGreaterThanOrEqual(1.5);
    expect(lineWidthFor(10)).toBeGreaterThan(lineWidthFor(1));
    expect(lineWidthFor(100_000)).toBe(10);
  });

  it('gives each alarm level its own colour', () => {
    expect(new Set([1, 2, 3, 4, 5].map(alarmColour)).size).toBe(5);
  });
});
