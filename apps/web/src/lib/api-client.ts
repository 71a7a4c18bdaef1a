import type { ErrorBody } from '@zhanqin/contracts';

/** Any non-2xx answer of the API, carrying the server's closed-set `code` (or a client-side one). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

/** The page shape every list route answers with. */
export type PageOf<T> = { items: T[]; total: number; limit: number; offset: number };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'zq_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Reads one cookie from a `document.cookie` string; undefined when absent. */
export function readCookie(cookieString: string, name: string): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Builds `/api/v1/path?query`, dropping empty values so filters that are not set are not sent. */
export function buildUrl(path: string, query?: Query): string {
  const base = path.startsWith('/api/') ? path : `/api/v1${path.startsWith('/') ? '' : '/'}${path}`;
  if (!query) return base;
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values as QueryValue[]) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

/** Turns a non-2xx status and its (possibly unparsable) body into an ApiError. */
export function toApiError(status: number, body: unknown, statusText = ''): ApiError {
  if (isErrorBody(body)) {
    const message = typeof body.message === 'string' && body.message ? body.message : body.code;
    return new ApiError(status, body.code, message, body.details);
  }
  const code = status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`;
  return new ApiError(status, code, statusText || code, body);
}

let unauthorizedHandler: (() => void) | undefined;

/** Registers what happens on a 401 (the session layer sends the user to the login page). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  unauthorizedHandler = handler;
}

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Set for calls where a 401 is an answer, not an expired session (login, session probe). */
  noAuthRedirect?: boolean;
};

/** Sends one request with credentials and the CSRF header; resolves with the JSON body or throws ApiError. */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const upper = method.toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(upper)) {
    const csrf = readCookie(typeof document === 'undefined' ? '' : document.cookie, CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: upper,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'network error');
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, body, response.statusText);
    if (response.status === 401 && !options.noAuthRedirect) unauthorizedHandler?.();
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** Accepts either a page `{items,…}` or a bare array, for routes whose shape is not pinned yet. */
export function itemsOf<T>(value: PageOf<T> | T[] | undefined | null): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : value.items;
}
