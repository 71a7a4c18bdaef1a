import { api } from '../../../lib/api-client.ts';

/**
 * The dispatch plan as the server presents it (apps/server/src/dispatch/plan-view.ts). The contracts
 * package does not describe these answers yet, so the shapes live here, next to their only reader.
 */
export type PlanItem = { id: string; code: string; nameZh: string; nameEn: string; unitZh: string; unitEn: string };
export type PlanNode = { id: string; code: string; nameZh: string; nameEn: string; type: string; lat: number; lng: number };

export type LineReasonCode = 'nearest-free-stock' | 'next-nearest-free-stock' | 'drawn-from-reserve' | 'partner-call-off';
export type ShortfallReasonCode =
  'no-stock-in-network' | 'unreachable' | 'taken-by-higher-priority' | 'taken-by-equal-priority' | 'reserve-protected';

export type LineReason = {
  code: LineReasonCode;
  /** Reachable sources with free units of the item that are strictly nearer than this one. */
  nearerSources: number;
};

export type ShortfallReason = {
  code: ShortfallReasonCode;
  qty: number;
  /** Units held anywhere in the network, floors included. */
  networkStock: number;
  /** Units held by sources that can reach the incident, floors included. */
  reachableStock: number;
  takenByHigherPriority: number;
  takenByEqualPriority: number;
  /** Reachable reserve-floor units left unsent because reserves are hard. */
  protectedReserve: number;
};

export type PlanLine = {
  source: PlanNode;
  incidentId: string;
  item: PlanItem;
  qty: number;
  /** Lead time plus travel, in minutes. */
  minutes: number;
  /** Units of the line taken from below the source's reserve floor. */
  fromReserve: number;
  eta: string;
  reason: LineReason | null;
  /** Sealed module boxes among the line's units (complete against the packing list or not), as stock stood at planning. */
  packedModules?: { complete: number; incomplete: number } | null;
};

export type PlanShortfall = { incidentId: string; item: PlanItem; qty: number; reason: ShortfallReason | null };

export type PlanIncident = {
  id: string;
  number: string;
  lat: number;
  lng: number;
  priority: number;
  typeCode: string;
  alarmLevel: number;
  isExercise: boolean;
  prePlanCode: string | null;
  note: string | null;
  /** `why` is the pre-plan arithmetic, e.g. "10 SCBA wearers × 6 h × 2". */
  demand: { item: PlanItem; qty: number; why: string }[];
};

export type TransportRoute = {
  source: PlanNode;
  incident: string;
  loads: number;
  lowerBound: number;
  weightKg: number;
  volumeM3: number;
  minutes: number;
};
export type TransportVehicle = { vehicle: string; plate: string | null; nodeCode: string; trips: string[]; minutes: number };

export type PlanState = 'draft' | 'confirmed' | 'stale' | 'superseded';

export type DispatchPlanView = {
  id: string;
  number: string;
  state: PlanState;
  replacedBy: string | null;
  createdAt: string;
  createdByName: string;
  confirmedAt: string | null;
  confirmedByName: string | null;
  timings: { buildMs: number; solveMs: number };
  policy: { reserve?: 'hard' | 'soft'; reservePenaltyMinutes?: number } | null;
  incidents: PlanIncident[];
  lines: PlanLine[];
  shortfalls: PlanShortfall[];
  objective: { deliveredByPriority: Record<string, number>; unitMinutes: number; reserveUnits: number; cost: number };
  transport: {
    routes: TransportRoute[];
    vehicles: TransportVehicle[];
    makespanMinutes: number;
    makespanLowerBound: number;
    note: string | null;
    capacity?: { weightKg: number; volumeM3: number };
  };
};

export type ShipmentState = 'picking' | 'packed' | 'in-transit' | 'delivered' | 'cancelled';

export type ShipmentLine = {
  itemId: string;
  qty: number;
  lotId?: string | null;
  assetId?: string | null;
  itemCode: string;
  itemNameZh: string;
  itemNameEn: string;
  assetCode: string | null;
  lotNo: string | null;
  picked: boolean;
};

export type Shipment = {
  id: string;
  number: string;
  planId: string;
  incidentId: string;
  incidentNumber: string;
  isExercise: boolean;
  fromNodeId: string;
  fromNodeCode: string;
  fromNodeNameZh: string;
  fromNodeNameEn: string;
  fromLat: number;
  fromLng: number;
  toNodeId: string;
  toLat: number;
  toLng: number;
  vehiclePlate: string | null;
  isCallOff: boolean;
  state: ShipmentState;
  lines: ShipmentLine[];
  travelMinutes: number;
  eta: string;
  departedAt: string | null;
  arrivedAt: string | null;
};

export type PlanOptions = { reservePolicy?: 'soft' | 'hard' };

/** One click: plans one incident from live stock and travel times; the plan is stored as a draft. */
export function planIncident(incidentId: string, options: PlanOptions = {}): Promise<DispatchPlanView> {
  return api.post<DispatchPlanView>(`/incidents/${encodeURIComponent(incidentId)}/dispatch-plans`, options);
}

/** Plans several incidents together, so scarce stock goes where the priorities say. */
export function planJointly(incidentIds: string[], options: PlanOptions = {}): Promise<DispatchPlanView> {
  return api.post<DispatchPlanView>('/dispatch-plans', { incidentIds, ...options });
}

export function getPlan(id: string, signal?: AbortSignal): Promise<DispatchPlanView> {
  return api.get<DispatchPlanView>(`/dispatch-plans/${encodeURIComponent(id)}`, undefined, signal);
}

export function listPlansOf(incidentId: string, signal?: AbortSignal): Promise<DispatchPlanView[]> {
  return api.get<DispatchPlanView[]>(`/incidents/${encodeURIComponent(incidentId)}/dispatch-plans`, undefined, signal);
}

export type ConfirmResult = { plan: DispatchPlanView; shipments: { id: string; number: string }[] };

/** Reserves every line or none; 409 STALE_PLAN (details.freshPlanId) when stock moved since planning. */
export function confirmPlan(id: string): Promise<ConfirmResult> {
  return api.post<ConfirmResult>(`/dispatch-plans/${encodeURIComponent(id)}/confirm`, {});
}

/** The id of the fresh plan a STALE_PLAN answer names, if any. */
export function freshPlanIdOf(details: unknown): { id: string; number: string } | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { freshPlanId, freshPlanNumber } = details as { freshPlanId?: unknown; freshPlanNumber?: unknown };
  return typeof freshPlanId === 'string'
    ? { id: freshPlanId, number: typeof freshPlanNumber === 'string' ? freshPlanNumber : '' }
    : undefined;
}

export type ShipmentQuery = { incidentId?: string; fromNodeId?: string; state?: ShipmentState; mine?: boolean };

export function listShipments(query: ShipmentQuery, signal?: AbortSignal): Promise<Shipment[]> {
  return api.get<Shipment[]>('/shipments', query, signal);
}

export function getShipment(id: string, signal?: AbortSignal): Promise<Shipment> {
  return api.get<Shipment>(`/shipments/${encodeURIComponent(id)}`, undefined, signal);
}

export type PickResult = { shipment: Shipment; accepted: string[]; rejected: { code: string; reason: string }[] };

/** Scanned asset codes / RFID EPCs, lot numbers or (bulk lines) item codes against the pick list. */
export function pickCodes(id: string, codes: string[]): Promise<PickResult> {
  return api.post<PickResult>(`/shipments/${encodeURIComponent(id)}/pick`, { codes });
}

export function departShipment(id: string, force = false): Promise<Shipment> {
  return api.post<Shipment>(`/shipments/${encodeURIComponent(id)}/depart`, force ? { force } : {});
}

export function arriveShipment(id: string): Promise<Shipment> {
  return api.post<Shipment>(`/shipments/${encodeURIComponent(id)}/arrive`, {});
}
