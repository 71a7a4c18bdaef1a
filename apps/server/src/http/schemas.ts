import { Type } from 'typebox';

/** Path parameter `{id}` as a UUID: anything else is a 400 before the handler runs. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const errorRef = { $ref: 'ErrorBody#' };
/** Documents the error body for the statuses a route can answer with. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorRef])) as Record<number, typeof errorRef>;

export const STANDARD_ERRORS = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);
