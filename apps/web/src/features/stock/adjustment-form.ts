/** The adjustment form: what stops it from posting, its POST /adjustments body, and the balance it leaves. Pure, tested. */
import type { AdjustmentCreate, TrackingKind } from '@zhanqin/contracts';
import { unitFields, type StockUnit } from './stock-unit.ts';

export type AdjustmentDraft = {
  nodeId?: string;
  itemId?: string;
  tracking?: TrackingKind;
  /** Signed units: negative removes stock, positive adds it; never 0. */
  qty: number | null;
  reason: string;
  /** The lot or asset the correction names; the server picks (FEFO, by code) for unnamed removals. */
  unit?: StockUnit;
};

export type AdjustmentProblem = 'node' | 'item' | 'qty' | 'reason' | 'lot' | 'serialised-add' | 'asset-qty';

const isUnitised = (tracking: TrackingKind | undefined) => tracking === 'serialised' || tracking === 'kit';

/** What stops the adjustment from posting (the server checks again). */
export function adjustmentProblems(d: AdjustmentDraft): AdjustmentProblem[] {
  const problems: AdjustmentProblem[] = [];
  if (!d.nodeId) problems.push('node');
  if (!d.itemId) problems.push('item');
  if (d.qty === null || !Number.isInteger(d.qty) || d.qty === 0) problems.push('qty');
  if (!d.reason.trim()) problems.push('reason');
  if (d.qty !== null && d.qty > 0) {
    // Each serialised unit needs its own code, which only a receipt gives.
    if (isUnitised(d.tracking) || d.unit?.kind === 'asset') problems.push('serialised-add');
    else if (d.tracking === 'lot' && d.unit?.kind !== 'lot') problems.push('lot');
  }
  if (d.unit?.kind === 'asset' && d.qty !== null && d.qty < 0 && d.qty !== -1) problems.push('asset-qty');
  return problems;
}

/** The request body of a draft without problems. */
export function toAdjustmentBody(d: AdjustmentDraft): AdjustmentCreate {
  return {
    nodeId: d.nodeId ?? '',
    reason: d.reason.trim(),
    lines: [{ itemId: d.itemId ?? '', qty: d.qty ?? 0, ...unitFields(d.unit) }],
  };
}

export type BalanceAfter = {
  onHand: number;
  available: number;
  /** A removal larger than the free stock: the server will refuse it (reserved and quarantined units cannot be adjusted away). */
  exceedsAvailable: boolean;
};

/** The item's balance at the node once the adjustment is posted, for the confirmation. */
export function balanceAfter(now: { onHand: number; available: number }, qty: number): BalanceAfter {
  return {
    onHand: now.onHand + qty,
    available: now.available + qty,
    exceedsAvailable: qty < 0 && -qty > now.available,
  };
}
