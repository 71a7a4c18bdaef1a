import { Type, type Static } from 'typebox';

/** The error body every non-2xx response carries. `code` is from a closed set (see the server's error table). */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Stable machine-readable code, e.g. NOT_FOUND, VALIDATION_FAILED' }),
    message: Type.String({ description: 'Human-readable explanation (English)' }),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const Id = Type.String({ format: 'uuid', description: 'UUID' });

/** Query parameters shared by every list route: offset pagination and one sort key. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' })),
};

/** A page of a list: `items` in the requested order, `total` rows matching the filter. */
export const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

export const LocalisedName = {
  nameZh: Type.String({ minLength: 1, maxLength: 200, description: 'Chinese name (primary)' }),
  nameEn: Type.String({ minLength: 1, maxLength: 200, description: 'English name' }),
};
