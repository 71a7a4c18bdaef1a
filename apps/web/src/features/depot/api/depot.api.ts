import type { IssueCreate, ReturnCreate } from '@zhanqin/contracts';
import { api, type PageOf } from '../../../lib/api-client.ts';

export type DepotItem = {
  itemId: string;
  itemCode: string;
  itemNameZh: string;
  itemNameEn: string;
  unitZh: string;
  onHand: number;
  available: number;
  inTransit: number;
};
/** `depotNodeId` is null until a plan for the incident is confirmed. */
export type DepotStock = { depotNodeId: string | null; items: DepotItem[] };

export type DepotAsset = { id: string; code: string; itemId: string; itemCode: string; serialNo: string | null; status: string };

export type ConsumptionReport = {
  incidentNumber: string;
  isExercise: boolean;
  closedAt: string;
  items: {
    itemId: string;
    itemCode: string;
    itemNameZh: string;
    itemNameEn: string;
    dispatched: number;
    consumed: number;
    issued: number;
    returnedOk: number;
    returnedForInspection: number;
    notReturned: number;
  }[];
  shipments: { delivered: number; cancelled: number };
  /** `fromNodeId` null: nobody can spare it — purchase or partner call-off. */
  replenishment: { fromNodeId: string | null; toNodeId: string; itemId: string; qty: number; note: string }[];
};

export function getDepot(incidentId: string, signal?: AbortSignal): Promise<DepotStock> {
  return api.get<DepotStock>(`/incidents/${encodeURIComponent(incidentId)}/depot`, undefined, signal);
}

export function listDepotAssets(nodeId: string, itemId: string, signal?: AbortSignal): Promise<PageOf<DepotAsset>> {
  return api.get<PageOf<DepotAsset>>('/assets', { nodeId, itemId, limit: 200 }, signal);
}

export function issueFromDepot(incidentId: string, body: IssueCreate): Promise<{ number: string }> {
  return api.post<{ number: string }>(`/incidents/${encodeURIComponent(incidentId)}/issues`, body);
}

export function returnFromScene(incidentId: string, body: ReturnCreate): Promise<{ number: string }> {
  return api.post<{ number: string }>(`/incidents/${encodeURIComponent(incidentId)}/returns`, body);
}

export function closeIncident(incidentId: string, returnRemainingTo?: string): Promise<ConsumptionReport> {
  return api.post<ConsumptionReport>(
    `/incidents/${encodeURIComponent(incidentId)}/close`,
    returnRemainingTo ? { returnRemainingTo } : {},
  );
}
