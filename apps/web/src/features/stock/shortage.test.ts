import { describe, expect, it } from 'vitest';
import { formatShortages, shortageByLine, shortLinesOf } from './shortage.ts';

const details = {
  short: [
    { line: 1, itemId: 'i2', itemCode: 'FOAM-AFFF', requested: 40, available: 12 },
    { line: 0, itemId: 'i1', itemCode: 'SCBA', requested: 3, available: 1 },
  ],
};

describe('shortage details', () => {
  it('reads the short lines and ignores other shapes', () => {
    expect(shortLinesOf(details)).toHaveLength(2);
    expect(shortLinesOf({ short: [{ line: 'x' }, null] })).toEqual([]);
    expect(shortLinesOf(undefined)).toEqual([]);
    expect(shortLinesOf({ fields: {} })).toEqual([]);
  });

  it('indexes by form line with the missing quantity, summing repeated lines', () => {
    const byLine = shortageByLine({
      short: [...details.short, { line: 0, itemId: 'i1', itemCode: 'SCBA', requested: 1, available: 0 }],
    });
    expect(byLine.get(1)?.missing).toBe(28);
    expect(byLine.get(0)).toMatchObject({ requested: 4, available: 1, missing: 3 });
  });

  it('formats one sentence per line in line order, 1-based', () => {
    expect(formatShortages(details, (s) => `#${s.lineNo} ${s.itemCode}: ${s.requested}/${s.available} (-${s.missing})`)).toEqual([
      '#1 SCBA: 3/1 (-2)',
      '#2 FOAM-AFFF: 40/12 (-28)',
    ]);
  });
});
