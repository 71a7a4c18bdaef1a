import type { Category } from '@zhanqin/contracts';

export type CategoryTreeNode = { key: string; title: string; code: string; children: CategoryTreeNode[] };

/**
 * Builds the category tree from the flat list, ordered by code at every level. A category whose
 * parent is missing (outside the user's view) becomes a root instead of disappearing; cycles are cut.
 */
export function buildCategoryTree(categories: readonly Category[], language: 'zh-CN' | 'en'): CategoryTreeNode[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const nodes = new Map<string, CategoryTreeNode>(
    categories.map((c) => [c.id, { key: c.id, code: c.code, title: `${language === 'en' ? c.nameEn : c.nameZh}`, children: [] }]),
  );
  const roots: CategoryTreeNode[] = [];
  for (const category of categories) {
    const node = nodes.get(category.id);
    if (!node) continue;
    const parent = category.parentId ? nodes.get(category.parentId) : undefined;
    if (parent && !isAncestor(category.id, category.parentId, byId)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: CategoryTreeNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** True when `id` appears among the ancestors reached from `parentId` (which would close a cycle). */
function isAncestor(id: string, parentId: string | null, byId: Map<string, Category>): boolean {
  const seen = new Set<string>();
  let current = parentId;
  while (current && !seen.has(current)) {
    if (current === id) return true;
    seen.add(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return false;
}

/** Formats the storage temperature range of an item, e.g. "-10 ~ 40 °C"; undefined when neither end is set. */
export function formatTempRange(min: number | null, max: number | null): string | undefined {
  if (min === null && max === null) return undefined;
  return `${min ?? '…'} ~ ${max ?? '…'} °C`;
}
