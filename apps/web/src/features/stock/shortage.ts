/** Reading the details of a 409 INSUFFICIENT_STOCK answer into per-line messages. */
export type ShortLine = { line: number; itemId: string; itemCode: string; requested: number; available: number };

/** The short lines of an error's details; [] when the details have another shape. */
export function shortLinesOf(details: unknown): ShortLine[] {
  const short = (details as { short?: unknown } | null | undefined)?.short;
  if (!Array.isArray(short)) return [];
  return short.flatMap((entry): ShortLine[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const e = entry as Record<string, unknown>;
    if (typeof e['line'] !== 'number' || typeof e['requested'] !== 'number' || typeof e['available'] !== 'number') return [];
    return [
      {
        line: e['line'],
        itemId: String(e['itemId'] ?? ''),
        itemCode: String(e['itemCode'] ?? ''),
        requested: e['requested'],
        available: e['available'],
      },
    ];
  });
}

/** Short lines by form line index, each with how many are missing. */
export function shortageByLine(details: unknown): Map<number, ShortLine & { missing: number }> {
  const map = new Map<number, ShortLine & { missing: number }>();
  for (const s of shortLinesOf(details)) {
    const existing = map.get(s.line);
    // A serialised line names each unit: sum them into one line.
    if (existing)
      map.set(s.line, {
        ...existing,
        requested: existing.requested + s.requested,
        available: existing.available + s.available,
        missing: existing.missing + (s.requested - s.available),
      });
    else map.set(s.line, { ...s, missing: Math.max(0, s.requested - s.available) });
  }
  return map;
}

/** One sentence per short line, with the words supplied by the caller (so it stays language-free). */
export function formatShortages(
  details: unknown,
  format: (s: ShortLine & { missing: number; lineNo: number }) => string,
): string[] {
  return [...shortageByLine(details).values()].sort((a, b) => a.line - b.line).map((s) => format({ ...s, lineNo: s.line + 1 }));
}
