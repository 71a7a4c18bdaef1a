import { Type, type Static } from 'typebox';
import { Id, LocalisedName, PageQuery, Page } from './common.ts';

/** Node kinds of the 1+8+N network; the set is open-ended on purpose but each kind has its own meaning. */
export const NodeType = Type.Union(
  [
    Type.Literal('base'),
    Type.Literal('sub-warehouse'),
    Type.Literal('station'),
    Type.Literal('micro-station'),
    Type.Literal('partner'),
    Type.Literal('vehicle'),
    Type.Literal('staging'),
  ],
  {
    description:
      'base 基地 · sub-warehouse 分库 · station 站 · micro-station 微型站 · partner 代储 · vehicle 车载 · staging 前置',
  },
);
export type NodeType = Static<typeof NodeType>;
export const NODE_TYPES = ['base', 'sub-warehouse', 'station', 'micro-station', 'partner', 'vehicle', 'staging'] as const;

export const Contact = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.Optional(Type.String({ maxLength: 100 })),
    phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+() -]*$' })),
  },
  { additionalProperties: false },
);

export const Zone = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** Storage temperature range the zone keeps, °C. */
    tempMinC: Type.Optional(Type.Number({ minimum: -60, maximum: 80 })),
    tempMaxC: Type.Optional(Type.Number({ minimum: -60, maximum: 80 })),
    slots: Type.Integer({ minimum: 0, maximum: 100000, description: 'number of storage slots 货位' }),
  },
  { additionalProperties: false },
);

/** A partner's agent-storage agreement (代储协议): what it holds for the detachment and how fast it answers. */
export const Agreement = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 100 }),
    partnerName: Type.String({ minLength: 1, maxLength: 200 }),
    scope: Type.String({ maxLength: 500, description: 'what the partner holds, in words' }),
    itemCodes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500 }),
    responseMinutes: Type.Integer({ minimum: 0, maximum: 10080, description: 'call-off lead time' }),
    validFrom: Type.Optional(Type.String({ format: 'date' })),
    validUntil: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

const NodeFields = {
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
  organisationId: Id,
  type: NodeType,
  ...LocalisedName,
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS-84 latitude' }),
  lng: Type.Number({ minimum: -180, maximum: 180, description: 'WGS-84 longitude' }),
  address: Type.String({ maxLength: 500 }),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'opening status' }),
  is24h: Type.Boolean({ description: 'staffed around the clock' }),
  capacitySlots: Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
  areaM2: Type.Union([Type.Number({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
  zones: Type.Array(Zone, { maxItems: 200 }),
  contacts: Type.Array(Contact, { maxItems: 50 }),
  agreement: Type.Union([Agreement, Type.Null()]),
};

export const Node = Type.Object({
  id: Id,
  ...NodeFields,
  isDemo: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Node = Static<typeof Node>;

export const NodeCreate = Type.Object(
  {
    code: NodeFields.code,
    organisationId: NodeFields.organisationId,
    type: NodeFields.type,
    ...LocalisedName,
    lat: NodeFields.lat,
    lng: NodeFields.lng,
    address: Type.Optional(NodeFields.address),
    status: Type.Optional(NodeFields.status),
    is24h: Type.Optional(NodeFields.is24h),
    capacitySlots: Type.Optional(NodeFields.capacitySlots),
    areaM2: Type.Optional(NodeFields.areaM2),
    zones: Type.Optional(NodeFields.zones),
    contacts: Type.Optional(NodeFields.contacts),
    agreement: Type.Optional(NodeFields.agreement),
  },
  { additionalProperties: false },
);
export type NodeCreate = Static<typeof NodeCreate>;

export const NodeUpdate = Type.Partial(Type.Omit(NodeCreate, ['code']), { additionalProperties: false, minProperties: 1 });
export type NodeUpdate = Static<typeof NodeUpdate>;

export const NodeListQuery = Type.Object(
  {
    ...PageQuery,
    type: Type.Optional(NodeType),
    organisationId: Type.Optional(Id),
    status: Type.Optional(NodeFields.status),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(
      Type.Union(
        [Type.Literal('code'), Type.Literal('nameZh'), Type.Literal('nameEn'), Type.Literal('type'), Type.Literal('createdAt')],
        { default: 'code' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type NodeListQuery = Static<typeof NodeListQuery>;
export const NodePage = Page(Node);
