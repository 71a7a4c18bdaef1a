/** The receipt form's lines and how they become the POST /receipts body. Pure, tested. */
import type { ReceiptCreate, TrackingKind } from '@zhanqin/contracts';

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
