import type { Role } from './api/auth.api.ts';

/** Who may create and edit nodes of the network (the server checks again). */
export function canEditNodes(role: Role): boolean {
  return role === 'admin' || role === 'logistics-officer';
}

/** Who may manage users. */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

/** Who may read the audit log. */
export function canReadAudit(role: Role): boolean {
  return role === 'admin' || role === 'logistics-officer';
}

/** Who may post stock documents: adjustments, quarantine and release, write-off requests (server action `stock.write`). */
export function canWriteStock(role: Role): boolean {
  return role === 'admin' || role === 'logistics-officer' || role === 'warehouse-keeper' || role === 'station-officer';
}

/** Who may pack and unpack kit boxes (封箱/拆箱; server action `stock.write`). */
export function canPackKits(role: Role): boolean {
  return canWriteStock(role);
}

/** Who may approve write-offs and counts and sweep expired lots into quarantine (server action `stock.approve`). */
export function canApproveStock(role: Role): boolean {
  return role === 'admin' || role === 'logistics-officer';
}

/** Who may set reserve standards (server action `standard.write`). */
export function canEditStandards(role: Role): boolean {
  return role === 'admin' || role === 'logistics-officer';
}

/** Seconds to wait after a 429, from the error details; undefined when the server did not say. */
export function retryAfterSecondsOf(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const value = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
}
