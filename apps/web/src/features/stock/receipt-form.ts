/** The receipt form's lines and how they become the POST /receipts body. Pure, tested. */
import type { ReceiptCreate, TrackingKind } from '@zhanqin/contracts';
import type { CodeLookup } from './api/stock.api.ts';

export type FormLine = {
  key: string;
  itemId?: string;
  itemCode?: string;
  tracking?: TrackingKind;
  qty: number;
  lotNo: string;
  producedOn: string;
  expiresOn: string;
  serials: string[];
};

export const isSerialised = (tracking: TrackingKind | undefined) => tracking === 'serialised' || tracking === 'kit';

export function emptyLine(key: string): FormLine {
  return { key, qty: 1, lotNo: '', producedOn: '', expiresOn: '', serials: [] };
}

export type LineProblem = { line: number; problem: 'item' | 'qty' | 'serials' | 'lotNo' | 'dates' };

/** What stops the form from posting, line by line (the server checks again). */
export function lineProblems(lines: readonly FormLine[]): LineProblem[] {
  const problems: LineProblem[] = [];
  lines.forEach((l, line) => {
    if (!l.itemId) problems.push({ line, problem: 'item' });
    else if (isSerialised(l.tracking)) {
      if (l.serials.length === 0) problems.push({ line, problem: 'serials' });
    } else if (!Number.isInteger(l.qty) || l.qty < 1) problems.push({ line, problem: 'qty' });
    if (l.tracking === 'lot' && !l.lotNo.trim()) problems.push({ line, problem: 'lotNo' });
    if (l.producedOn && l.expiresOn && l.expiresOn < l.producedOn) problems.push({ line, problem: 'dates' });
  });
  return problems;
}

/** The request body: serialised lines send their serials with qty = their count; lot fields only when given. */
export function toReceiptBody(
  header: { nodeId: string; source: ReceiptCreate['source']; reference: string },
  lines: readonly FormLine[],
): ReceiptCreate {
  return {
    nodeId: header.nodeId,
    source: header.source,
    ...(header.reference.trim() ? { reference: header.reference.trim() } : {}),
    lines: lines.map((l) => {
      const lot = l.lotNo.trim()
        ? {
            lotNo: l.lotNo.trim(),
            ...(l.producedOn ? { producedOn: l.producedOn } : {}),
            ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}),
          }
        : undefined;
      const serialised = isSerialised(l.tracking);
      return {
        itemId: l.itemId ?? '',
        qty: serialised ? l.serials.length : l.qty,
        ...(lot ? { lot } : {}),
        ...(serialised ? { serials: [...l.serials] } : {}),
      };
    }),
  };
}

/** The asset codes a posted receipt created, in line order. */
export function assetCodesOf(lines: unknown): { itemId: string; codes: string[] }[] {
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((l) => {
    const line = l as { itemId?: unknown; assetCodes?: unknown };
    return Array.isArray(line.assetCodes) && line.assetCodes.length
      ? [{ itemId: String(line.itemId), codes: line.assetCodes.map(String) }]
      : [];
  });
}

/** What one scan does to the receipt form, by what the code turned out to be. */
export type ReceiptScan =
  | { action: 'set-node'; nodeId: string }
  | { action: 'add-item'; itemId: string }
  | { action: 'already-registered'; assetCode: string }
  | { action: 'document'; number: string }
  | { action: 'serial' };

/**
 * Reads a code look-up on the receipt form (`undefined`: the code is unknown). A node code sets the
 * receiving node, an item code adds a line, a registered asset or a document number (the QR of a
 * printed transfer note) is refused; anything else is a new serial, a lot number included, since
 * serials of one maker may look like another's lot numbers.
 */
export function receiptScanOf(found: CodeLookup | undefined): ReceiptScan {
  if (!found) return { action: 'serial' };
  switch (found.kind) {
    case 'node':
      return { action: 'set-node', nodeId: found.nodeId };
    case 'item':
      return { action: 'add-item', itemId: found.itemId };
    case 'asset':
      return { action: 'already-registered', assetCode: found.asset.code };
    case 'document':
      return { action: 'document', number: found.document.number };
    case 'lot':
      return { action: 'serial' };
  }
}
