import { describe, expect, it } from 'vitest';
import { incidentTypeTree } from './incident-type-tree.ts';

describe('incidentTypeTree', () => {
  const types = [
    { code: 'rescue.earthquake', parentCode: 'rescue', nameZh: '地震救援', nameEn: 'Earthquake' },
    { code: 'rescue', parentCode: null, nameZh: '抢险救援和社会救助', nameEn: 'Rescue and social assistance' },
    { code: 'fire', parentCode: null, nameZh: '火灾扑救', nameEn: 'Fire fighting' },
    { code: 'rescue.hazmat-leak', parentCode: 'rescue', nameZh: '危险化学品泄漏', nameEn: 'Hazardous-chemical leak' },
  ];

  it('nests types under their category and only lets types be chosen', () => {
    const tree = incidentTypeTree(types, 'zh-CN');
    expect(tree.map((n) => n.value)).toEqual(['fire', 'rescue']);
    const rescue = tree[1]!;
    expect(rescue.selectable).toBe(false);
    expect(rescue.children?.map((c) => c.title)).toEqual(['地震救援', '危险化学品泄漏']);
    // A category without types is itself a choice.
    expect(tree[0]!.selectable).toBe(true);
  });

  it('uses English names in English', () => {
    expect(incidentTypeTree(types, 'en')[1]!.children?.[0]!.title).toBe('Earthquake');
  });
});
