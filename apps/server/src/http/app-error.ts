/** The closed set of error codes the API answers with, and the HTTP status of each. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FORBIDDEN_SCOPE: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  DUPLICATE: 409,
  INSUFFICIENT_STOCK: 409,
  INVALID_STATE: 409,
  STALE_PLAN: 409,
  IDEMPOTENCY_MISMATCH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  REFERENCE_NOT_FOUND: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type of the shell: use cases throw it, the HTTP layer turns it into `{code, message, details}`. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });

/** Maps PostgreSQL errors that a caller can cause to AppErrors; anything else stays a server error. */
export function fromDatabaseError(error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown; message?: unknown };
  if (typeof e?.code !== 'string') return null;
  const details = { constraint: e.constraint ?? null, detail: e.detail ?? null };
  switch (e.code) {
    case '23505':
      return new AppError('DUPLICATE', 'A record with the same unique value already exists', details);
    case '23503':
      return new AppError('REFERENCE_NOT_FOUND', 'A referenced record does not exist or is still in use', details);
    case '23514':
      if (String(e.constraint ?? '').includes('nonnegative'))
        return new AppError('INSUFFICIENT_STOCK', 'Not enough stock: the balance would become negative', details);
      return new AppError('UNPROCESSABLE', 'A value breaks a rule of the data model', details);
    case '23502':
      return new AppError('VALIDATION_FAILED', 'A required value is missing', details);
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22023':
      return new AppError('VALIDATION_FAILED', 'A value has the wrong form or is out of range', details);
    default:
      return null;
  }
}
