import { Type, type Static } from 'typebox';
import { Id } from './common.ts';
import { StockLineInput } from './stock.ts';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Pack (封箱) a kit box at a node: the box becomes an asset, its contents are held in reserve inside it. */
export const KitPack = Type.Object(
  {
    nodeId: Id,
    kitItemId: Type.String({ format: 'uuid', description: "an item tracked as 'kit' (a module's box)" }),
    serial: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        pattern: '^[^\\u0000-\\u001f]+$',
        description: "the box's own serial; defaults to its new asset code",
      }),
    ),
    lines: Type.Optional(
      Type.Array(StockLineInput, {
        minItems: 1,
        maxItems: 2000,
        description:
          "what goes in; omit to pack the module's packing list, lots first-expiry-first-out and serialised units chosen automatically",
      }),
    ),
  },
  { additionalProperties: false },
);
export type KitPack = Static<typeof KitPack>;

export const KitListQuery = Type.Object(
  {
    nodeId: Id,
    state: Type.Optional(
      Type.Union([Type.Literal('packed'), Type.Literal('unpacked'), Type.Literal('all')], {
        default: 'packed',
        description: 'packed boxes (default), opened ones, or both',
      }),
    ),
  },
  { additionalProperties: false },
);
export type KitListQuery = Static<typeof KitListQuery>;

/** One packing-list line against what the box holds. */
export const KitCheckLine = Type.Object({
  itemId: Id,
  itemCode: Type.String(),
  itemNameZh: Type.String(),
  itemNameEn: Type.String(),
  /** units the packing list asks for (0 for an item packed beyond the list) */
  required: Type.Integer(),
  packed: Type.Integer(),
  /** required − packed when positive, else 0 */
  short: Type.Integer(),
});

/** A kit box: where it is, whether it is complete against its packing list, and what expires or falls due first inside. */
export const KitSummary = Type.Object({
  assetId: Id,
  code: Type.String({ description: 'the box label code (一物一码)' }),
  serialNo: Type.String(),
  itemId: Id,
  itemCode: Type.String(),
  itemNameZh: Type.String(),
  itemNameEn: Type.String(),
  status: Type.String({ description: 'the box asset status: in-stock, reserved, in-transit, retired (unpacked), lost…' }),
  nodeId: Nullable(Id),
  moduleId: Nullable(Id),
  moduleCode: Nullable(Type.String()),
  state: Type.Union([Type.Literal('packed'), Type.Literal('unpacked')]),
  packedAt: Type.String({ format: 'date-time' }),
  packDocumentId: Id,
  unpackedAt: Nullable(Type.String({ format: 'date-time' })),
  /** no packing-list line is short (always true for a kit item without a packing list) */
  complete: Type.Boolean(),
  /** the earliest expiry of any lot inside */
  earliestExpiry: Nullable(IsoDate),
  /** the earliest next inspection due of any serialised unit inside */
  earliestInspectionDue: Nullable(IsoDate),
  /** something inside has expired, or is overdue for (or failed) an inspection, as of today */
  needsAttention: Type.Boolean(),
});
export type KitSummary = Static<typeof KitSummary>;

export const KitContentLine = Type.Object({
  itemId: Id,
  itemCode: Type.String(),
  itemNameZh: Type.String(),
  itemNameEn: Type.String(),
  qty: Type.Integer(),
  lotId: Nullable(Id),
  lotNo: Nullable(Type.String()),
  expiresOn: Nullable(IsoDate),
  assetId: Nullable(Id),
  assetCode: Nullable(Type.String()),
  nextInspectionDue: Nullable(IsoDate),
  lastInspectionResult: Nullable(Type.String()),
});

export const KitView = Type.Object({
  kit: KitSummary,
  contents: Type.Array(KitContentLine),
  check: Type.Object({
    /** the module's packing list against the contents; empty when the kit item has no packing list */
    lines: Type.Array(KitCheckLine),
    short: Type.Array(KitCheckLine, { description: 'packing-list lines with fewer units packed than required' }),
  }),
});
export type KitView = Static<typeof KitView>;

export const KitList = Type.Object({ items: Type.Array(KitSummary) });
export type KitList = Static<typeof KitList>;
