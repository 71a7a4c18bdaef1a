import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats ships CommonJS with a default export; normalise the interop shape once.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const base: Options = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  // typebox 1.x emits `~kind` keys and friends; ignore unknown keywords rather than fail compilation
  strictSchema: false,
};

/** Bodies are validated as sent: a string where a number belongs is an error, not a coercion. */
const bodyAjv = new Ajv({ ...base, coerceTypes: false });
/** Query strings, params and headers arrive as text, so they are coerced to the schema's types. */
const textAjv = new Ajv({ ...base, coerceTypes: 'array' });
for (const ajv of [bodyAjv, textAjv]) addFormats(ajv);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};
