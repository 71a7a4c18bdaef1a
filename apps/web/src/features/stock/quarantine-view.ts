/** Quarantine and release: what is quarantined, the form's problems and its request body. Pure, tested. */
import type { QuarantineCreate, StockRow } from '@zhanqin/contracts';
import { unitFields, type StockUnit } from './stock-unit.ts';

/** Stock rows holding quarantined units, by node then item. */
export function quarantinedRows<T extends Pick<StockRow, 'quarantined' | 'nodeCode' | 'itemCode'>>(rows: readonly T[]): T[] {
  return rows
    .filter((r) => r.quarantined > 0)
    .sort((a, b) => a.nodeCode.localeCompare(b.nodeCode) || a.itemCode.localeCompare(b.itemCode));
}

/**
 * Reads a cursor-paged list to its end or until `maxRows` rows are in hand; `capped` says rows were left
 * unread. Cursors reach any depth, where offsets stop at 10,000.
 */
export async function readPages<T>(
  readPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
  maxRows: number,
): Promise<{ rows: T[]; capped: boolean }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await readPage(cursor);
    rows.push(...page.items);
    if (!page.nextCursor || page.items.length === 0) return { rows, capped: false };
    if (rows.length >= maxRows) return { rows, capped: true };
    cursor = page.nextCursor;
  }
}

export type QuarantineDraft = {
  nodeId?: string;
  itemId?: string;
  qty: number | null;
  reason: string;
  /** A lot or asset to quarantine or release; without one the server chooses (FEFO for lots, by code for assets). */
  unit?: StockUnit;
};
export type QuarantineProblem = 'node' | 'item' | 'qty' | 'reason' | 'asset-qty' | 'too-many';

/**
 * What stops a quarantine or release from posting. `limit` is what the direction can draw on
 * (available stock to quarantine, quarantined stock to release) when the page knows it.
 */
export function quarantineProblems(d: QuarantineDraft, limit?: number): QuarantineProblem[] {
  const problems: QuarantineProblem[] = [];
  if (!d.nodeId) problems.push('node');
  if (!d.itemId) problems.push('item');
  if (d.qty === null || !Number.isInteger(d.qty) || d.qty < 1) problems.push('qty');
  else if (d.unit?.kind === 'asset' && d.qty !== 1) problems.push('asset-qty');
  else if (limit !== undefined && d.qty > limit) problems.push('too-many');
  if (!d.reason.trim()) problems.push('reason');
  return problems;
}

/** The body of POST /quarantines or /releases (the same shape). */
export function toQuarantineBody(d: QuarantineDraft): QuarantineCreate {
  return {
    nodeId: d.nodeId ?? '',
    reason: d.reason.trim(),
    lines: [{ itemId: d.itemId ?? '', qty: d.qty ?? 0, ...unitFields(d.unit) }],
  };
}
