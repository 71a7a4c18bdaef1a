import { describe, expect, it } from 'vitest';
import type { Category } from '@zhanqin/contracts';
import { buildCategoryTree, formatTempRange } from './category-tree.ts';

const cat = (id: string, code: string, parentId: string | null): Category => ({
  id,
  code,
  parentId,
  nameZh: `类${code}`,
  nameEn: `Cat ${code}`,
});

describe('buildCategoryTree', () => {
  it('nests children under parents, sorted by code', () => {
    const tree = buildCategoryTree(
      [cat('b', '02', null), cat('a', '01', null), cat('a2', '01.2', 'a'), cat('a1', '01.1', 'a')],
      'zh-CN',
    );
    expect(tree.map((n) => n.code)).toEqual(['01', '02']);
    expect(tree[0]?.children.map((n) => n.code)).toEqual(['01.1', '01.2']);
    expect(tree[0]?.title).toBe('类01');
  });

  it('keeps orphans and cycles visible as roots', () => {
    const tree = buildCategoryTree([cat('x', '9', 'missing'), cat('p', '1', 'q'), cat('q', '2', 'p')], 'en');
    const codes = (nodes: typeof tree): string[] => nodes.flatMap((n) => [n.code, ...codes(n.children)]);
    expect(codes(tree).sort()).toEqual(['1', '2', '9']);
    expect(tree.find((n) => n.code === '9')?.title).toBe('Cat 9');
  });
});

describe('formatTempRange', () => {
  it('shows open ends and nothing when unset', () => {
    expect(formatTempRange(-10, 40)).toBe('-10 ~ 40 °C');
    expect(formatTempRange(null, 25)).toBe('… ~ 25 °C');
    expect(formatTempRange(null, null)).toBeUndefined();
  });
});
