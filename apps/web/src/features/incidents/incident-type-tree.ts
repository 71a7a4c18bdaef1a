import type { IncidentType } from './api/incidents.api.ts';

export type TypeTreeNode = { value: string; title: string; selectable: boolean; children?: TypeTreeNode[] };

/**
 * The incident taxonomy as a TreeSelect tree: categories (fire, rescue, security duty) hold the
 * types; only types are selectable, because pre-plans are written per type. Sorted by code.
 */
export function incidentTypeTree(types: readonly IncidentType[], language: 'zh-CN' | 'en'): TypeTreeNode[] {
  const label = (type: IncidentType) => (language === 'en' ? type.nameEn || type.nameZh : type.nameZh);
  const sorted = [...types].sort((a, b) => a.code.localeCompare(b.code));
  const known = new Set(sorted.map((t) => t.code));
  return sorted
    .filter((type) => type.parentCode === null || !known.has(type.parentCode))
    .map((parent) => {
      const children = sorted
        .filter((type) => type.parentCode === parent.code)
        .map((type) => ({ value: type.code, title: label(type), selectable: true }));
      return children.length
        ? { value: parent.code, title: label(parent), selectable: false, children }
        : { value: parent.code, title: label(parent), selectable: true };
    });
}
