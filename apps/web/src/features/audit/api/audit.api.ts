import { api, type PageOf } from '../../../lib/api-client.ts';

/** One hash-chained audit record (not yet in @zhanqin/contracts). */
export type AuditEntry = {
  id: string;
  /** Position in the chain, from 1. */
  seq: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  clientAddress: string | null;
  hash: string;
  prevHash: string | null;
};

export type AuditFilter = {
  limit: number;
  offset: number;
  actor?: string;
  entityType?: string;
  entityId?: string;
  /** ISO-8601 instants. */
  from?: string;
  to?: string;
};

export type AuditVerification = { ok: boolean; checked: number; firstBrokenSeq?: number; reason?: string };

export function listAudit(filter: AuditFilter, signal?: AbortSignal): Promise<PageOf<AuditEntry>> {
  return api.get<PageOf<AuditEntry>>('/audit', filter, signal);
}

export function verifyAudit(): Promise<AuditVerification> {
  return api.get<AuditVerification>('/audit/verify');
}
