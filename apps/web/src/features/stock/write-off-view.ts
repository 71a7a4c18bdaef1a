/** Write-offs and scrap with approval: states, tag colours, the request form and who may decide. Pure, tested. */
import type { Role, WriteOffCreate } from '@zhanqin/contracts';
import { unitFields, type StockUnit } from './stock-unit.ts';

export const WRITE_OFF_STATES = ['pending-approval', 'approved', 'rejected'] as const;
export type WriteOffState = (typeof WRITE_OFF_STATES)[number];
export type WriteOffKind = WriteOffCreate['kind'];

export const WRITE_OFF_STATE_COLOURS: Record<WriteOffState, string> = {
  'pending-approval': 'warning',
  approved: 'success',
  rejected: 'error',
};

export function isWriteOffState(value: string): value is WriteOffState {
  return (WRITE_OFF_STATES as readonly string[]).includes(value);
}

/** The tag colour of a state; states the page does not know yet show neutral. */
export function writeOffStateColour(state: string): string {
  return isWriteOffState(state) ? WRITE_OFF_STATE_COLOURS[state] : 'default';
}

export type WriteOffLineDraft = { key: string; itemId?: string; qty: number | null; unit?: StockUnit };
export type WriteOffDraft = { nodeId?: string; kind: WriteOffKind; reason: string; lines: WriteOffLineDraft[] };
export type WriteOffProblem =
  { problem: 'node' | 'reason' | 'lines' } | { problem: 'item' | 'qty' | 'asset-qty' | 'asset-twice'; line: number };

/** What stops the request from being sent (the server checks again). */
export function writeOffProblems(d: WriteOffDraft): WriteOffProblem[] {
  const problems: WriteOffProblem[] = [];
  if (!d.nodeId) problems.push({ problem: 'node' });
  if (!d.reason.trim()) problems.push({ problem: 'reason' });
  if (d.lines.length === 0) problems.push({ problem: 'lines' });
  const assets = new Set<string>();
  d.lines.forEach((l, line) => {
    if (!l.itemId) problems.push({ problem: 'item', line });
    if (l.qty === null || !Number.isInteger(l.qty) || l.qty < 1) problems.push({ problem: 'qty', line });
    else if (l.unit?.kind === 'asset' && l.qty !== 1) problems.push({ problem: 'asset-qty', line });
    if (l.unit?.kind === 'asset') {
      if (assets.has(l.unit.assetId)) problems.push({ problem: 'asset-twice', line });
      assets.add(l.unit.assetId);
    }
  });
  return problems;
}

export function toWriteOffBody(d: WriteOffDraft): WriteOffCreate {
  return {
    nodeId: d.nodeId ?? '',
    kind: d.kind,
    reason: d.reason.trim(),
    lines: d.lines.map((l) => ({ itemId: l.itemId ?? '', qty: l.qty ?? 0, ...unitFields(l.unit) })),
  };
}

export type DecisionBlock = 'not-pending' | 'no-right' | 'own-request';

/**
 * Why this user may not approve or reject this write-off, or undefined when they may. Mirrors the
 * server: approvers only, pending requests only, never one's own request (administrators excepted).
 */
export function decisionBlock(
  doc: { state: string; createdByName: string },
  user: { username: string; role: Role },
  canApprove: (role: Role) => boolean,
): DecisionBlock | undefined {
  if (doc.state !== 'pending-approval') return 'not-pending';
  if (!canApprove(user.role)) return 'no-right';
  if (doc.createdByName === user.username && user.role !== 'admin') return 'own-request';
  return undefined;
}

/** Units on a document's lines (lines are stored as JSON; anything else counts as none). */
export function unitsOf(lines: unknown): number {
  if (!Array.isArray(lines)) return 0;
  return lines.reduce<number>(
    (sum, l) => sum + (typeof (l as { qty?: unknown }).qty === 'number' ? (l as { qty: number }).qty : 0),
    0,
  );
}
