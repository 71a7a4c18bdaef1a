import { Type, type Static } from 'typebox';
import { Id, Page, PageQuery } from './common.ts';

const Qty = Type.Integer({
  minimum: 1,
  maximum: 1_000_000_000,
  description: 'units; bulk items count in their integer base unit',
});
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Reason = Type.String({ minLength: 1, maxLength: 500 });

export const LotInput = Type.Object(
  {
    lotNo: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f]+$' }),
    producedOn: Type.Optional(IsoDate),
    expiresOn: Type.Optional(IsoDate),
    supplier: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const SerialInput = Type.Union([
  Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f]+$' }),
  Type.Object(
    {
      serialNo: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f]+$' }),
      manufacturedOn: Type.Optional(IsoDate),
      rfidEpc: Type.Optional(Type.String({ pattern: '^[0-9A-Fa-f]{24,64}$', description: 'EPC in hex' })),
    },
    { additionalProperties: false },
  ),
]);

export const ReceiptCreate = Type.Object(
  {
    nodeId: Id,
    source: Type.Union([
      Type.Literal('purchase'),
      Type.Literal('return'),
      Type.Literal('donation'),
      Type.Literal('transfer'),
      Type.Literal('opening'),
    ]),
    reference: Type.Optional(Type.String({ maxLength: 200, description: 'delivery note, purchase order…' })),
    lines: Type.Array(
      Type.Object(
        {
          itemId: Id,
          qty: Qty,
          lot: Type.Optional(LotInput),
          serials: Type.Optional(Type.Array(SerialInput, { maxItems: 10_000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type ReceiptCreate = Static<typeof ReceiptCreate>;

/** A line naming stock that exists: an item, optionally a lot or specific assets. */
export const StockLineInput = Type.Object(
  {
    itemId: Id,
    qty: Qty,
    lotId: Type.Optional(Id),
    assetIds: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
  },
  { additionalProperties: false },
);
export type StockLineInput = Static<typeof StockLineInput>;

export const TransferCreate = Type.Object(
  {
    fromNodeId: Id,
    toNodeId: Id,
    reference: Type.Optional(Type.String({ maxLength: 200 })),
    lines: Type.Array(StockLineInput, { minItems: 1, maxItems: 2000 }),
  },
  { additionalProperties: false },
);
export type TransferCreate = Static<typeof TransferCreate>;

const transferReceiveFields = {
  /** Omit to receive everything shipped. Otherwise what arrived per shipped line; the rest is recorded as missing. */
  lines: Type.Optional(
    Type.Array(
      Type.Object(
        {
          itemId: Id,
          lotId: Type.Optional(Id),
          assetId: Type.Optional(Id),
          qty: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20_000 },
    ),
  ),
  note: Type.Optional(Type.String({ maxLength: 500 })),
};
export const TransferReceive = Type.Object(transferReceiveFields, { additionalProperties: false });
export type TransferReceive = Static<typeof TransferReceive>;

export const AdjustmentCreate = Type.Object(
  {
    nodeId: Id,
    reason: Reason,
    lines: Type.Array(
      Type.Object(
        {
          itemId: Id,
          qty: Type.Integer({
            minimum: -1_000_000_000,
            maximum: 1_000_000_000,
            not: { const: 0 },
            description: 'signed: negative removes stock',
          }),
          lotId: Type.Optional(Id),
          assetId: Type.Optional(Id),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type AdjustmentCreate = Static<typeof AdjustmentCreate>;

export const QuarantineCreate = Type.Object(
  {
    nodeId: Id,
    reason: Reason,
    lines: Type.Array(
      Type.Object(
        { itemId: Id, qty: Qty, lotId: Type.Optional(Id), assetId: Type.Optional(Id) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type QuarantineCreate = Static<typeof QuarantineCreate>;

export const WriteOffCreate = Type.Object(
  {
    nodeId: Id,
    kind: Type.Union([Type.Literal('write-off'), Type.Literal('scrap')]),
    reason: Reason,
    lines: Type.Array(
      Type.Object(
        { itemId: Id, qty: Qty, lotId: Type.Optional(Id), assetId: Type.Optional(Id) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type WriteOffCreate = Static<typeof WriteOffCreate>;

export const ApprovalDecision = Type.Object(
  { approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const CountCreate = Type.Object(
  {
    nodeId: Id,
    itemIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 2000 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CountCreate = Static<typeof CountCreate>;

export const CountRecord = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          itemId: Id,
          lotId: Type.Optional(Id),
          assetId: Type.Optional(Id),
          counted: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20_000 },
    ),
  },
  { additionalProperties: false },
);
export type CountRecord = Static<typeof CountRecord>;

export const StockDocument = Type.Object({
  id: Id,
  organisationId: Id,
  kind: Type.String(),
  number: Type.String({ description: 'human document number, e.g. RC-2026-000042' }),
  nodeId: Id,
  toNodeId: Type.Union([Id, Type.Null()]),
  state: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  reference: Type.String(),
  lines: Type.Unknown(),
  meta: Type.Unknown(),
  createdByName: Type.String(),
  approvedByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type StockDocument = Static<typeof StockDocument>;

/** A batch member's own idempotency key (the same rule as the Idempotency-Key header). */
const BatchIdempotencyKey = Type.Optional(Type.String({ minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' }));

/** The answer to a batch: each member's document, and whether it had been posted before under its key. */
const BatchResult = (what: string) =>
  Type.Object({
    results: Type.Array(
      Type.Object({
        document: StockDocument,
        replayed: Type.Boolean({ description: `true when this ${what} was posted before with the same idempotency key` }),
      }),
    ),
  });

/**
 * Many receipts posted together, all or none — a handheld's offline queue or an import. Each may
 * carry its own idempotency key, so a batch resent after a lost answer posts nothing twice.
 */
export const ReceiptBatchCreate = Type.Object(
  {
    receipts: Type.Array(
      Type.Object(
        {
          idempotencyKey: BatchIdempotencyKey,
          receipt: ReceiptCreate,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type ReceiptBatchCreate = Static<typeof ReceiptBatchCreate>;

export const ReceiptBatchResult = BatchResult('receipt');
export type ReceiptBatchResult = Static<typeof ReceiptBatchResult>;

/** Up to 200 transfers created together, all or none, each with its own optional idempotency key. */
export const TransferBatchCreate = Type.Object(
  {
    transfers: Type.Array(
      Type.Object(
        {
          idempotencyKey: BatchIdempotencyKey,
          transfer: TransferCreate,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type TransferBatchCreate = Static<typeof TransferBatchCreate>;

export const TransferBatchResult = BatchResult('transfer');
export type TransferBatchResult = Static<typeof TransferBatchResult>;

/** Transfers moved along their state machine together (start picking, ship, cancel), all or none. */
export const TransferBatchAdvance = Type.Object(
  { ids: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }) },
  { additionalProperties: false },
);
export type TransferBatchAdvance = Static<typeof TransferBatchAdvance>;

/** Shipped transfers received together, each in full (no lines) or as reported, all or none. */
export const TransferBatchReceive = Type.Object(
  {
    transfers: Type.Array(Type.Object({ id: Id, ...transferReceiveFields }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 200,
    }),
  },
  { additionalProperties: false },
);
export type TransferBatchReceive = Static<typeof TransferBatchReceive>;

export const TransferBatchDocuments = Type.Object({ documents: Type.Array(StockDocument) });
export type TransferBatchDocuments = Static<typeof TransferBatchDocuments>;

export const DocumentListQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(Type.String({ maxLength: 32 })),
    nodeId: Type.Optional(Id),
    state: Type.Optional(Type.String({ maxLength: 32 })),
    number: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'document number or its beginning, e.g. TR-2026-0001' }),
    ),
    createdFrom: Type.Optional(Type.String({ format: 'date', description: 'created on or after this day (Beijing time)' })),
    createdTo: Type.Optional(Type.String({ format: 'date', description: 'created on or before this day (Beijing time)' })),
  },
  { additionalProperties: false },
);
export type DocumentListQuery = Static<typeof DocumentListQuery>;
export const DocumentPage = Page(StockDocument);

export const StockRow = Type.Object({
  nodeId: Id,
  nodeCode: Type.String(),
  nodeNameZh: Type.String(),
  nodeNameEn: Type.String(),
  nodeType: Type.String(),
  itemId: Id,
  itemCode: Type.String(),
  itemNameZh: Type.String(),
  itemNameEn: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  tracking: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  inTransit: Type.Integer(),
  quarantined: Type.Integer(),
  available: Type.Integer(),
  minReserve: Type.Union([Type.Integer(), Type.Null()]),
  target: Type.Union([Type.Integer(), Type.Null()]),
  isPartnerStock: Type.Boolean({ description: 'held by a partner under an agreement: visible, not owned' }),
});
export type StockRow = Static<typeof StockRow>;

export const StockListQuery = Type.Object(
  {
    ...PageQuery,
    nodeId: Type.Optional(Id),
    itemId: Type.Optional(Id),
    categoryId: Type.Optional(Id),
    nodeType: Type.Optional(Type.String({ maxLength: 32 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    belowMinimum: Type.Optional(Type.Boolean()),
    quarantined: Type.Optional(Type.Boolean({ description: 'only rows with quarantined stock' })),
    sort: Type.Optional(
      Type.Union([Type.Literal('node'), Type.Literal('item'), Type.Literal('available'), Type.Literal('onHand')]),
    ),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'nextCursor of the previous page (same filters, sort and order): the next page, at any depth',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StockListQuery = Static<typeof StockListQuery>;
/** Large ledger lists count exactly up to 10,000 matching rows; beyond that `total` is the planner's estimate. */
const TotalIsEstimate = {
  totalIsEstimate: Type.Optional(Type.Boolean({ description: 'true when total is an estimate (over 10,000 matching rows)' })),
};
export const StockPage = Type.Object({
  ...Page(StockRow).properties,
  ...TotalIsEstimate,
  nextCursor: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { description: 'pass as cursor for the next page; null on the last page' }),
  ),
});

export const Asset = Type.Object({
  id: Id,
  code: Type.String({ description: 'one item, one code (一物一码)' }),
  itemId: Id,
  itemCode: Type.String(),
  serialNo: Type.String(),
  rfidEpc: Type.Union([Type.String(), Type.Null()]),
  manufacturedOn: Type.Union([Type.String(), Type.Null()]),
  lotId: Type.Union([Id, Type.Null()]),
  status: Type.String(),
  nodeId: Type.Union([Id, Type.Null()]),
  slotCode: Type.Union([Type.String(), Type.Null()]),
  holder: Type.Union([Type.String(), Type.Null()]),
  nextInspectionDue: Type.Union([Type.String(), Type.Null()]),
  lastInspectionResult: Type.Union([Type.String(), Type.Null()]),
  containerAssetId: Type.Union([Id, Type.Null()], { description: 'the sealed kit box this unit is packed in' }),
});
export type Asset = Static<typeof Asset>;

export const AssetListQuery = Type.Object(
  {
    ...PageQuery,
    nodeId: Type.Optional(Id),
    itemId: Type.Optional(Id),
    status: Type.Optional(Type.String({ maxLength: 32 })),
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'start of an asset code or serial number, or a whole RFID EPC' }),
    ),
    after: Type.Optional(
      Type.String({ maxLength: 100, description: 'keyset paging: the last asset code of the previous page (fast at any depth)' }),
    ),
  },
  { additionalProperties: false },
);
export type AssetListQuery = Static<typeof AssetListQuery>;
export const AssetPage = Type.Object({ ...Page(Asset).properties, ...TotalIsEstimate });

export const LedgerVerdict = Type.Object({
  ok: Type.Boolean(),
  balancesChecked: Type.Integer(),
  movementsChecked: Type.Integer(),
  differences: Type.Array(
    Type.Object({
      nodeId: Type.String(),
      itemId: Type.String(),
      stockKey: Type.String(),
      bucket: Type.String(),
      stored: Type.Number(),
      fromMovements: Type.Number(),
    }),
  ),
  danglingReferences: Type.Array(
    Type.Object(
      { table: Type.String(), column: Type.String(), rows: Type.Integer() },
      { description: 'ledger rows whose node, item, lot, asset or document does not exist' },
    ),
  ),
});

export const ReserveStandardInput = Type.Object(
  {
    nodeId: Id,
    itemId: Id,
    minReserve: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    target: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    backupRatio: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]+:[0-9]+$' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type ReserveStandardInput = Static<typeof ReserveStandardInput>;

export const ReserveStandardListQuery = Type.Object(
  { ...PageQuery, nodeId: Type.Optional(Id), itemId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type ReserveStandardListQuery = Static<typeof ReserveStandardListQuery>;

export const ReserveStandard = Type.Object({
  nodeId: Id,
  nodeCode: Type.String(),
  nodeNameZh: Type.String(),
  nodeNameEn: Type.String(),
  itemId: Id,
  itemCode: Type.String(),
  itemNameZh: Type.String(),
  itemNameEn: Type.String(),
  minReserve: Type.Integer(),
  target: Type.Integer(),
  backupRatio: Type.Union([Type.String(), Type.Null()], { description: "this node's override of the item's backup ratio" }),
  itemBackupRatio: Type.Union([Type.String(), Type.Null()], {
    description: "the item's own backup ratio, used when no override",
  }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ReserveStandard = Static<typeof ReserveStandard>;
export const ReserveStandardPage = Page(ReserveStandard);
