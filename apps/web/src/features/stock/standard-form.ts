/** The reserve-standard form: minimum, target and backup ratio, checked before PUT /reserve-standards. Pure, tested. */
import type { ReserveStandardInput } from '@zhanqin/contracts';

export type StandardDraft = {
  nodeId?: string;
  itemId?: string;
  /** Units the node must never fall below. */
  minReserve: number | null;
  /** Units the node is stocked up to; never below the minimum. */
  target: number | null;
  /** Spares per unit in service as "spares:in service", e.g. "1:1"; blank for none. */
  backupRatio: string;
};
export type StandardProblem = 'node' | 'item' | 'minReserve' | 'target' | 'target-below-minimum' | 'backupRatio';

/** Reads "1:1", "1 : 2" or "1：3" (a Chinese colon) as its normal form "1:1"; undefined when it is not a ratio of whole numbers with a non-zero second term. */
export function normaliseBackupRatio(text: string): string | undefined {
  const match = /^\s*(\d{1,6})\s*[:：]\s*(\d{1,6})\s*$/.exec(text);
  if (!match) return undefined;
  const spares = Number(match[1]);
  const inService = Number(match[2]);
  if (inService === 0) return undefined;
  return `${spares}:${inService}`;
}

const isCount = (v: number | null): v is number => v !== null && Number.isInteger(v) && v >= 0 && v <= 1_000_000_000;

/** What stops the standard from being saved (the server checks minimum ≤ target again). */
export function standardProblems(d: StandardDraft): StandardProblem[] {
  const problems: StandardProblem[] = [];
  if (!d.nodeId) problems.push('node');
  if (!d.itemId) problems.push('item');
  const minOk = isCount(d.minReserve);
  const targetOk = isCount(d.target);
  if (!minOk) problems.push('minReserve');
  if (!targetOk) problems.push('target');
  if (minOk && targetOk && d.target! < d.minReserve!) problems.push('target-below-minimum');
  if (d.backupRatio.trim() && !normaliseBackupRatio(d.backupRatio)) problems.push('backupRatio');
  return problems;
}

/** A field the user has not touched is `undefined`; `null` is a field cleared on purpose. */
type Typed<T> = T | undefined;

/**
 * What the form shows: each figure as typed, else as the page handed it over, else as stored. The
 * ratio falls back to the node's stored override only, so saving an untouched form keeps it (blank:
 * the item's own ratio applies).
 */
export function formFields(
  typed: { minReserve: Typed<number | null>; target: Typed<number | null>; backupRatio: Typed<string> },
  start: { minReserve?: number | null; target?: number | null },
  stored: { minReserve: number; target: number; backupRatio: string | null } | null | undefined,
): Pick<StandardDraft, 'minReserve' | 'target' | 'backupRatio'> {
  return {
    minReserve: typed.minReserve !== undefined ? typed.minReserve : (start.minReserve ?? stored?.minReserve ?? null),
    target: typed.target !== undefined ? typed.target : (start.target ?? stored?.target ?? null),
    backupRatio: typed.backupRatio ?? stored?.backupRatio ?? '',
  };
}

/** The PUT body: a blank ratio clears it (null), any other is sent in its normal form. */
export function toStandardBody(d: StandardDraft): ReserveStandardInput {
  return {
    nodeId: d.nodeId ?? '',
    itemId: d.itemId ?? '',
    minReserve: d.minReserve ?? 0,
    target: d.target ?? 0,
    backupRatio: d.backupRatio.trim() ? (normaliseBackupRatio(d.backupRatio) ?? null) : null,
  };
}
