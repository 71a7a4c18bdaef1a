import { Type, type Static } from 'typebox';
import { Id, LocalisedName, PageQuery, Page } from './common.ts';

export const OrganisationKind = Type.Union(
  [Type.Literal('corps'), Type.Literal('detachment'), Type.Literal('battalion'), Type.Literal('station')],
  { description: 'corps 总队 → detachment 支队 → battalion 大队 → station 站' },
);
export type OrganisationKind = Static<typeof OrganisationKind>;

export const Organisation = Type.Object({
  id: Id,
  code: Type.String(),
  parentId: Type.Union([Id, Type.Null()]),
  kind: OrganisationKind,
  ...LocalisedName,
  isDemo: Type.Boolean({ description: 'true for invented demo records' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Organisation = Static<typeof Organisation>;

export const OrganisationCreate = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    kind: OrganisationKind,
    ...LocalisedName,
  },
  { additionalProperties: false },
);
export type OrganisationCreate = Static<typeof OrganisationCreate>;

export const OrganisationUpdate = Type.Partial(Type.Omit(OrganisationCreate, ['code']), {
  additionalProperties: false,
  minProperties: 1,
});
export type OrganisationUpdate = Static<typeof OrganisationUpdate>;

export const OrganisationListQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(OrganisationKind),
    parentId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'matches code or either name' })),
    sort: Type.Optional(
      Type.Union([Type.Literal('code'), Type.Literal('nameZh'), Type.Literal('nameEn'), Type.Literal('kind')], {
        default: 'code',
      }),
    ),
  },
  { additionalProperties: false },
);
export type OrganisationListQuery = Static<typeof OrganisationListQuery>;
export const OrganisationPage = Page(Organisation);
