import { describe, expect, it } from 'vitest';
import { openPglite } from './database.ts';
import { arrayLiteral } from './array-literal.ts';

describe('arrayLiteral', () => {
  it('writes plain tokens bare and NULL for missing values', () => {
    expect(arrayLiteral(['3f0c1a52-0000-4000-8000-000000000001', null, undefined])).toBe(
      '{3f0c1a52-0000-4000-8000-000000000001,NULL,NULL}',
    );
    expect(arrayLiteral([1, -2, 30n])).toBe('{1,-2,30}');
    expect(arrayLiteral([])).toBe('{}');
  });

  it('quotes anything else, so the database reads back exactly what was given', async () => {
    const hostile = ['a,b', 'say "hi"', 'back\\slash', '{x}', 'NULL', 'null', '', ' lead', '中文', "it's"];
    const db = await openPglite(null);
    try {
      const [row] = await db.query<{ v: string[] }>('SELECT $1::text[] AS v', [arrayLiteral(hostile)]);
      expect(row!.v).toEqual(hostile);
      const [nums] = await db.query<{ v: number[] }>('SELECT $1::bigint[] AS v', [arrayLiteral([1, null, -5])]);
      expect(nums!.v).toEqual([1, null, -5]);
    } finally {
      await db.close();
    }
  });
});
