import type { Translate } from './i18n/translate.ts';
import { ApiError } from './api-client.ts';

/** A translate function (i18next's `t`, or a stand-in in tests); keys are dotted dictionary paths. */

/** The codes with a title in the dictionaries (`errors.codes.*`): the server's closed set plus the web's own. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FORBIDDEN_SCOPE',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'DUPLICATE',
  'INSUFFICIENT_STOCK',
  'INVALID_STATE',
  'STALE_PLAN',
  'IDEMPOTENCY_MISMATCH',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE',
  'REFERENCE_NOT_FOUND',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
  'UNAVAILABLE',
  'NETWORK_ERROR',
  'CLIENT_ERROR',
] as const;
export type KnownErrorCode = (typeof ERROR_CODES)[number];

const KNOWN = new Set<string>(ERROR_CODES);

// A reverse proxy can answer with an HTML page, which the client names `HTTP_<status>`: title it by status.
const CODE_OF_STATUS: Record<number, KnownErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

/** What a user is told about a failure: a translated title, the code, and the server's own message. */
export type ErrorParts = {
  /** The code as the API sent it (kept visible: it is what support and the browser journeys look for). */
  code: string;
  /** In the current language, e.g. 库存不足 / Insufficient stock. */
  title: string;
  /** The server's message (it names the line, transfer or item); empty when it only repeated the code. */
  detail: string;
};

function titleOf(code: string, status: number, details: unknown, t: Translate): string {
  const known = KNOWN.has(code) ? code : CODE_OF_STATUS[status];
  const title = known ? t(`errors.codes.${known}`) : t('errors.unknown');
  const retry = (details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  if (known === 'TOO_MANY_REQUESTS' && typeof retry === 'number' && retry > 0)
    return t('errors.retryAfter', { title, seconds: Math.ceil(retry) });
  return title;
}

/** Splits any thrown value into title, code and detail; a value that is not an ApiError is a CLIENT_ERROR. */
export function errorPartsOf(cause: unknown, t: Translate): ErrorParts {
  const error =
    cause instanceof ApiError
      ? cause
      : new ApiError(0, 'CLIENT_ERROR', cause instanceof Error ? cause.message : String(cause ?? ''));
  const detail = error.message.trim() === error.code ? '' : error.message.trim();
  return { code: error.code, title: titleOf(error.code, error.status, error.details, t), detail };
}

/**
 * The one-line text of a failure in the current language: "库存不足（INSUFFICIENT_STOCK: Not enough free
 * stock for 1 line(s)）". The title comes first; the code and the server's message stay, as the detail.
 */
export function errorText(cause: unknown, t: Translate): string {
  const { code, title, detail } = errorPartsOf(cause, t);
  return detail ? t('errors.withDetail', { title, code, detail }) : t('errors.withoutDetail', { title, code });
}
