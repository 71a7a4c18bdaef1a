import type { Incident, IncidentCreate, IncidentListQuery } from '@zhanqin/contracts';
import { api, type PageOf } from '../../../lib/api-client.ts';

export type { Incident, IncidentCreate };

/** One node of the incident taxonomy (a parent category has `parentCode: null`). */
export type IncidentType = { code: string; parentCode: string | null; nameZh: string; nameEn: string };

export function listIncidentTypes(signal?: AbortSignal): Promise<IncidentType[]> {
  return api.get<IncidentType[]>('/incident-types', undefined, signal);
}

export function listIncidents(query: IncidentListQuery, signal?: AbortSignal): Promise<PageOf<Incident>> {
  return api.get<PageOf<Incident>>('/incidents', query, signal);
}

export function getIncident(id: string, signal?: AbortSignal): Promise<Incident> {
  return api.get<Incident>(`/incidents/${encodeURIComponent(id)}`, undefined, signal);
}

export function createIncident(body: IncidentCreate): Promise<Incident> {
  return api.post<Incident>('/incidents', body);
}

export function cancelIncident(id: string): Promise<Incident> {
  return api.post<Incident>(`/incidents/${encodeURIComponent(id)}/cancel`, {});
}
