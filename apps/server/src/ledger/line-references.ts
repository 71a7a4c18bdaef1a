import type { Queryable } from '../db/database.ts';

/** What a stored document line refers to by id. */
export type StoredLine = { itemId: string; qty?: unknown; lotId?: string | null; assetId?: string | null };

export type LineItem = {
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  /** Bulk quantities are stored in base units: 10 means tenths of the unit printed. */
  baseUnitsPerUnit: number;
};

/** The items, lots, assets and kit contents that stored lines name, each in one query, for printing and exports. */
export async function loadLineReferences(db: Queryable, lines: readonly StoredLine[]) {
  const unique = (values: (string | null | undefined)[]) => [
    ...new Set(values.filter((v): v is string => typeof v === 'string')),
  ];
  const assetIds = unique(lines.map((l) => l.assetId));
  const [items, lots, assets, kits] = await Promise.all([
    db.query<{
      id: string;
      code: string;
      name_zh: string;
      name_en: string;
      unit_zh: string;
      unit_en: string;
      base_units_per_unit: number;
    }>('SELECT id, code, name_zh, name_en, unit_zh, unit_en, base_units_per_unit FROM item WHERE id = ANY ($1::uuid[])', [
      unique(lines.map((l) => l.itemId)),
    ]),
    db.query<{ id: string; lot_no: string; expires_on: string | null }>(
      'SELECT id, lot_no, expires_on FROM lot WHERE id = ANY ($1::uuid[])',
      [unique(lines.map((l) => l.lotId))],
    ),
    db.query<{ id: string; code: string; serial_no: string }>(
      'SELECT id, code, serial_no FROM asset WHERE id = ANY ($1::uuid[])',
      [assetIds],
    ),
    db.query<{ kit_asset_id: string; lines: number; units: number }>(
      'SELECT kit_asset_id, count(*)::int AS lines, sum(qty)::int AS units FROM kit_content WHERE kit_asset_id = ANY ($1::uuid[]) GROUP BY kit_asset_id',
      [assetIds],
    ),
  ]);
  return {
    items: new Map<string, LineItem>(
      items.map((i) => [
        i.id,
        {
          code: i.code,
          nameZh: i.name_zh,
          nameEn: i.name_en,
          unitZh: i.unit_zh,
          unitEn: i.unit_en,
          baseUnitsPerUnit: Number(i.base_units_per_unit),
        },
      ]),
    ),
    lots: new Map(lots.map((l) => [l.id, { lotNo: l.lot_no, expiresOn: l.expires_on }])),
    assets: new Map(assets.map((a) => [a.id, { code: a.code, serialNo: a.serial_no }])),
    /** Sealed module boxes among the assets: how many lines and units each holds. */
    kits: new Map(kits.map((k) => [k.kit_asset_id, { lines: k.lines, units: k.units }])),
  };
}
