import { Type, type Static } from 'typebox';
import { Id, Page, PageQuery } from './common.ts';

export const IncidentState = Type.Union([
  Type.Literal('open'),
  Type.Literal('dispatched'),
  Type.Literal('closed'),
  Type.Literal('cancelled'),
]);

export const IncidentCreate = Type.Object(
  {
    typeCode: Type.String({ minLength: 1, maxLength: 64, description: 'incident type code, e.g. rescue.earthquake' }),
    alarmLevel: Type.Integer({ minimum: 1, maximum: 5, description: '1 (lowest) … 5 (most severe)' }),
    priority: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5, description: '1 = most urgent; default from the alarm level' }),
    ),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    organisationId: Type.Optional(Id),
    peopleCommitted: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    scbaWearers: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    expectedDurationHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 * 60 })),
    isExercise: Type.Optional(
      Type.Boolean({ description: 'a drill: plans and shipments are simulated, stock is never touched' }),
    ),
  },
  { additionalProperties: false },
);
export type IncidentCreate = Static<typeof IncidentCreate>;

export const IncidentUpdate = Type.Object(
  {
    alarmLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    peopleCommitted: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    scbaWearers: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    expectedDurationHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 * 60 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type IncidentUpdate = Static<typeof IncidentUpdate>;

export const Incident = Type.Object({
  id: Id,
  organisationId: Id,
  number: Type.String(),
  typeCode: Type.String(),
  typeNameZh: Type.String(),
  typeNameEn: Type.String(),
  alarmLevel: Type.Integer(),
  priority: Type.Integer(),
  title: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  address: Type.String(),
  peopleCommitted: Type.Union([Type.Integer(), Type.Null()]),
  scbaWearers: Type.Union([Type.Integer(), Type.Null()]),
  expectedDurationHours: Type.Union([Type.Number(), Type.Null()]),
  state: IncidentState,
  isExercise: Type.Boolean(),
  stagingNodeId: Type.Union([Id, Type.Null()]),
  reportedAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdByName: Type.String(),
  report: Type.Unknown(),
});
export type Incident = Static<typeof Incident>;

export const IncidentListQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(IncidentState),
    typeCode: Type.Optional(Type.String({ maxLength: 64 })),
    isExercise: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type IncidentListQuery = Static<typeof IncidentListQuery>;
export const IncidentPage = Page(Incident);

const PlanRequestFields = {
  reservePolicy: Type.Optional(
    Type.Union([Type.Literal('hard'), Type.Literal('soft')], {
      description: 'default soft: reserves are drawn only when nothing else can reach, at a penalty',
    }),
  ),
  reservePenaltyMinutes: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
  extraDemand: Type.Optional(
    Type.Array(
      Type.Object({ itemId: Id, qty: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false }),
      { maxItems: 500 },
    ),
  ),
  excludeNodeIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
};
export const PlanRequest = Type.Object(PlanRequestFields, { additionalProperties: false });
export type PlanRequest = Static<typeof PlanRequest>;

export const JointPlanRequest = Type.Object(
  { incidentIds: Type.Array(Id, { minItems: 1, maxItems: 50 }), ...PlanRequestFields },
  { additionalProperties: false },
);

export const IssueCreate = Type.Object(
  {
    kind: Type.Union([Type.Literal('issue'), Type.Literal('consumption')], {
      description: 'issue to a unit or person, or record consumption',
    }),
    recipient: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'unit or person receiving an issue' })),
    lines: Type.Array(
      Type.Object(
        {
          itemId: Id,
          qty: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
          lotId: Type.Optional(Id),
          assetIds: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type IssueCreate = Static<typeof IssueCreate>;

export const ReturnCreate = Type.Object(
  {
    toNodeId: Id,
    lines: Type.Array(
      Type.Object(
        {
          itemId: Id,
          qty: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
          lotId: Type.Optional(Id),
          assetIds: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
          condition: Type.Union([Type.Literal('ok'), Type.Literal('used'), Type.Literal('damaged')], {
            description: 'used PPE and SCBA go to quarantine for inspection',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type ReturnCreate = Static<typeof ReturnCreate>;

export const PickScan = Type.Object(
  {
    codes: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      minItems: 1,
      maxItems: 2000,
      description: 'scanned asset codes or RFID EPCs',
    }),
  },
  { additionalProperties: false },
);

export const PrePlanUpdate = Type.Object(
  {
    nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    modules: Type.Optional(
      Type.Array(
        Type.Object(
          { moduleCode: Type.String({ minLength: 1, maxLength: 64 }), qty: Type.Integer({ minimum: 1, maximum: 100 }) },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          { itemCode: Type.String({ minLength: 1, maxLength: 64 }), qty: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
    rules: Type.Optional(
      Type.Array(
        Type.Object(
          {
            itemCode: Type.String({ minLength: 1, maxLength: 64 }),
            basis: Type.Union([
              Type.Literal('scba-wearer-hour'),
              Type.Literal('person-day'),
              Type.Literal('person'),
              Type.Literal('generator-hour'),
            ]),
            qtyPerBasis: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
            derivation: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    defaultDurationHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 * 60 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PrePlanUpdate = Static<typeof PrePlanUpdate>;
