import type { AuditEvent, AuditQuery } from '@zhanqin/contracts';
import { api, type PageOf } from '../../../lib/api-client.ts';

/** One hash-chained audit record; `summary` is a before/after object or text. */
export type AuditEntry = AuditEvent;

export type AuditFilter = Omit<AuditQuery, 'limit' | 'offset'> & { limit: number; offset: number };

export type AuditVerification = { ok: boolean; checked: number; firstBrokenSeq?: number; reason?: string };

export function listAudit(filter: AuditFilter, signal?: AbortSignal): Promise<PageOf<AuditEntry>> {
  return api.get<PageOf<AuditEntry>>('/audit', filter, signal);
}

export function verifyAudit(): Promise<AuditVerification> {
  return api.get<AuditVerification>('/audit/verify');
}
