import { Type, type Static } from 'typebox';
import { Id, LocalisedName, PageQuery, Page } from './common.ts';

/** How stock of an item type is identified: per unit (一物一码), per batch, by measure, or as a sealed kit. */
export const TrackingKind = Type.Union(
  [Type.Literal('serialised'), Type.Literal('lot'), Type.Literal('bulk'), Type.Literal('kit')],
  { description: 'serialised 单件 · lot 批次 · bulk 散装计量 · kit 模块/箱组' },
);
export type TrackingKind = Static<typeof TrackingKind>;

export const Category = Type.Object({
  id: Id,
  code: Type.String(),
  parentId: Type.Union([Id, Type.Null()]),
  ...LocalisedName,
});
export type Category = Static<typeof Category>;

const nullableInt = (description: string, maximum = 1_000_000) =>
  Type.Union([Type.Integer({ minimum: 0, maximum, description }), Type.Null()]);
const nullableNumber = (description: string, minimum = 0, maximum = 1_000_000) =>
  Type.Union([Type.Number({ minimum, maximum, description }), Type.Null()]);

const ItemFields = {
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
  categoryId: Id,
  ...LocalisedName,
  unitZh: Type.String({ minLength: 1, maxLength: 16, description: 'unit of issue, Chinese (套, 具, 只…)' }),
  unitEn: Type.String({ minLength: 1, maxLength: 32 }),
  tracking: TrackingKind,
  /** Bulk items are counted in an integer base unit: 10 means quantities are tenths of the display unit. */
  baseUnitsPerUnit: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  serviceLifeMonths: nullableInt('service life from manufacture, months', 1200),
  shelfLifeMonths: nullableInt('shelf life from production, months', 1200),
  inspectionIntervalDays: nullableInt('periodic inspection interval, days', 36500),
  safetyCritical: Type.Boolean({ description: 'failed or overdue inspection makes the unit non-dispatchable' }),
  storageTempMinC: nullableNumber('°C', -60, 80),
  storageTempMaxC: nullableNumber('°C', -60, 80),
  weightKg: nullableNumber('kg per unit'),
  volumeL: nullableNumber('litres of space per unit'),
  backupRatio: Type.Union([Type.String({ pattern: '^[0-9]+:[0-9]+$' }), Type.Null()], {
    description: 'in-service : spare ratio from the allocation standard, e.g. "5:1"; spares round up',
  }),
  standardRefs: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }),
};

export const Item = Type.Object({
  id: Id,
  ...ItemFields,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Item = Static<typeof Item>;

export const ItemCreate = Type.Object(
  {
    code: ItemFields.code,
    categoryId: ItemFields.categoryId,
    ...LocalisedName,
    unitZh: ItemFields.unitZh,
    unitEn: ItemFields.unitEn,
    tracking: ItemFields.tracking,
    baseUnitsPerUnit: Type.Optional(ItemFields.baseUnitsPerUnit),
    serviceLifeMonths: Type.Optional(ItemFields.serviceLifeMonths),
    shelfLifeMonths: Type.Optional(ItemFields.shelfLifeMonths),
    inspectionIntervalDays: Type.Optional(ItemFields.inspectionIntervalDays),
    safetyCritical: Type.Optional(ItemFields.safetyCritical),
    storageTempMinC: Type.Optional(ItemFields.storageTempMinC),
    storageTempMaxC: Type.Optional(ItemFields.storageTempMaxC),
    weightKg: Type.Optional(ItemFields.weightKg),
    volumeL: Type.Optional(ItemFields.volumeL),
    backupRatio: Type.Optional(ItemFields.backupRatio),
    standardRefs: Type.Optional(ItemFields.standardRefs),
  },
  { additionalProperties: false },
);
export type ItemCreate = Static<typeof ItemCreate>;

export const ItemUpdate = Type.Partial(Type.Omit(ItemCreate, ['code']), { additionalProperties: false, minProperties: 1 });
export type ItemUpdate = Static<typeof ItemUpdate>;

export const ItemListQuery = Type.Object(
  {
    ...PageQuery,
    categoryId: Type.Optional(Id),
    tracking: Type.Optional(TrackingKind),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(
      Type.Union([Type.Literal('code'), Type.Literal('nameZh'), Type.Literal('nameEn'), Type.Literal('tracking')], {
        default: 'code',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ItemListQuery = Static<typeof ItemListQuery>;
export const ItemPage = Page(Item);

/** A module (kit) and its packing list: what one sealed set contains. */
export const ModuleKit = Type.Object({
  id: Id,
  code: Type.String(),
  ...LocalisedName,
  description: Type.String(),
  kitItemId: Type.Union([Id, Type.Null()], {
    description: 'the catalogue item (tracking kit) whose boxes carry this packing list',
  }),
  kitItemCode: Type.Union([Type.String(), Type.Null()]),
  lines: Type.Array(Type.Object({ itemId: Id, itemCode: Type.String(), qty: Type.Integer({ minimum: 1 }) })),
});
export type ModuleKit = Static<typeof ModuleKit>;
