import type { Category, Item, ItemCreate, ItemListQuery, ItemUpdate, ModuleKit, TrackingKind } from '@zhanqin/contracts';
import type { Queryable } from '../db/database.ts';
import { likePattern, listPage, where } from '../db/list-query.ts';

type ItemRow = {
  id: string;
  organisation_id: string;
  category_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  unit_en: string;
  tracking: TrackingKind;
  base_units_per_unit: number;
  service_life_months: number | null;
  shelf_life_months: number | null;
  inspection_interval_days: number | null;
  safety_critical: boolean;
  storage_temp_min_c: number | null;
  storage_temp_max_c: number | null;
  weight_kg: number | null;
  volume_l: number | null;
  backup_ratio: string | null;
  standard_refs: string[];
  created_at: Date;
  updated_at: Date;
};

const toItem = (r: ItemRow): Item => ({
  id: r.id,
  code: r.code,
  categoryId: r.category_id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  unitZh: r.unit_zh,
  unitEn: r.unit_en,
  tracking: r.tracking,
  baseUnitsPerUnit: r.base_units_per_unit,
  serviceLifeMonths: r.service_life_months,
  shelfLifeMonths: r.shelf_life_months,
  inspectionIntervalDays: r.inspection_interval_days,
  safetyCritical: r.safety_critical,
  storageTempMinC: r.storage_temp_min_c,
  storageTempMaxC: r.storage_temp_max_c,
  weightKg: r.weight_kg,
  volumeL: r.volume_l,
  backupRatio: r.backup_ratio,
  standardRefs: r.standard_refs,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const SORT = { code: 'i.code', nameZh: 'i.name_zh', nameEn: 'i.name_en', tracking: 'i.tracking' } as const;

export async function listItems(db: Queryable, q: ItemListQuery) {
  const { rows, total } = await listPage<ItemRow>(db, {
    from: 'item i',
    select: 'i.*',
    conditions: [
      // a category filter includes its sub-categories
      q.categoryId &&
        where(
          `i.category_id IN (WITH RECURSIVE sub AS (SELECT id FROM category WHERE id = ? UNION ALL
             SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
          q.categoryId,
        ),
      q.tracking && where('i.tracking = ?', q.tracking),
      q.q && where('(i.code ILIKE ? OR i.name_zh ILIKE ? OR i.name_en ILIKE ?)', ...Array(3).fill(likePattern(q.q))),
    ],
    orderBy: SORT[q.sort ?? 'code'],
    order: q.order ?? 'asc',
    tieBreaker: 'i.id',
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return { items: rows.map(toItem), total };
}

export async function findItem(db: Queryable, id: string): Promise<Item | null> {
  const rows = await db.query<ItemRow>('SELECT * FROM item WHERE id = $1', [id]);
  return rows[0] ? toItem(rows[0]) : null;
}

export async function findItemByCode(db: Queryable, code: string): Promise<Item | null> {
  const rows = await db.query<ItemRow>('SELECT * FROM item WHERE code = $1', [code]);
  return rows[0] ? toItem(rows[0]) : null;
}

const COLUMNS: Record<Exclude<keyof ItemCreate, 'code'>, { column: string; json?: boolean }> = {
  categoryId: { column: 'category_id' },
  nameZh: { column: 'name_zh' },
  nameEn: { column: 'name_en' },
  unitZh: { column: 'unit_zh' },
  unitEn: { column: 'unit_en' },
  tracking: { column: 'tracking' },
  baseUnitsPerUnit: { column: 'base_units_per_unit' },
  serviceLifeMonths: { column: 'service_life_months' },
  shelfLifeMonths: { column: 'shelf_life_months' },
  inspectionIntervalDays: { column: 'inspection_interval_days' },
  safetyCritical: { column: 'safety_critical' },
  storageTempMinC: { column: 'storage_temp_min_c' },
  storageTempMaxC: { column: 'storage_temp_max_c' },
  weightKg: { column: 'weight_kg' },
  volumeL: { column: 'volume_l' },
  backupRatio: { column: 'backup_ratio' },
  standardRefs: { column: 'standard_refs', json: true },
};

export async function insertItem(
  db: Queryable,
  id: string,
  organisationId: string,
  input: ItemCreate & { note?: string },
): Promise<void> {
  const cols = ['id', 'organisation_id', 'code', 'note'];
  const params: unknown[] = [id, organisationId, input.code, input.note ?? ''];
  for (const [key, spec] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, { column: string; json?: boolean }][]) {
    const value = input[key];
    if (value === undefined) continue;
    cols.push(spec.column);
    params.push(spec.json ? JSON.stringify(value) : value);
  }
  await db.query(`INSERT INTO item (${cols.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`, params);
}

export async function updateItem(db: Queryable, id: string, patch: ItemUpdate): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(patch) as [keyof typeof COLUMNS, unknown][]) {
    const spec = COLUMNS[key];
    if (!spec || value === undefined) continue;
    params.push(spec.json && value !== null ? JSON.stringify(value) : value);
    sets.push(`${spec.column} = $${params.length}`);
  }
  if (sets.length) await db.query(`UPDATE item SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
}

type CategoryRow = { id: string; code: string; parent_id: string | null; name_zh: string; name_en: string };

export async function listCategories(db: Queryable): Promise<Category[]> {
  const rows = await db.query<CategoryRow>('SELECT id, code, parent_id, name_zh, name_en FROM category ORDER BY code');
  return rows.map((r) => ({ id: r.id, code: r.code, parentId: r.parent_id, nameZh: r.name_zh, nameEn: r.name_en }));
}

export async function findCategory(db: Queryable, id: string): Promise<Category | null> {
  const rows = await db.query<CategoryRow>('SELECT id, code, parent_id, name_zh, name_en FROM category WHERE id = $1', [id]);
  const r = rows[0];
  return r ? { id: r.id, code: r.code, parentId: r.parent_id, nameZh: r.name_zh, nameEn: r.name_en } : null;
}

export async function insertCategory(
  db: Queryable,
  c: { id: string; organisationId: string; parentId: string | null; code: string; nameZh: string; nameEn: string },
): Promise<void> {
  await db.query('INSERT INTO category (id, organisation_id, parent_id, code, name_zh, name_en) VALUES ($1,$2,$3,$4,$5,$6)', [
    c.id,
    c.organisationId,
    c.parentId,
    c.code,
    c.nameZh,
    c.nameEn,
  ]);
}

export async function listModules(db: Queryable): Promise<ModuleKit[]> {
  const rows = await db.query<{
    id: string;
    code: string;
    name_zh: string;
    name_en: string;
    description: string;
    kit_item_id: string | null;
    kit_item_code: string | null;
    lines: { itemId: string; itemCode: string; qty: number }[] | null;
  }>(
    `SELECT m.id, m.code, m.name_zh, m.name_en, m.description, m.kit_item_id, k.code AS kit_item_code,
       (SELECT json_agg(json_build_object('itemId', i.id, 'itemCode', i.code, 'qty', l.qty) ORDER BY i.code)
          FROM module_line l JOIN item i ON i.id = l.item_id WHERE l.module_id = m.id) AS lines
     FROM module_kit m LEFT JOIN item k ON k.id = m.kit_item_id ORDER BY m.code`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    description: r.description,
    kitItemId: r.kit_item_id,
    kitItemCode: r.kit_item_code,
    lines: r.lines ?? [],
  }));
}
