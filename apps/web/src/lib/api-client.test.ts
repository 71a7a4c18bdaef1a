import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, itemsOf, readCookie, toApiError } from './api-client.ts';

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; zq_csrf=abc%3D%3D; b=2', 'zq_csrf')).toBe('abc==');
  });
  it('does not match a cookie whose name only ends with the wanted name', () => {
    expect(readCookie('xzq_csrf=1', 'zq_csrf')).toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('prefixes /api/v1 and drops empty filters', () => {
    expect(buildUrl('/nodes', { limit: 20, offset: 0, q: '', type: undefined, status: 'open' })).toBe(
      '/api/v1/nodes?limit=20&offset=0&status=open',
    );
  });
  it('repeats array values', () => {
    expect(buildUrl('items', { tracking: ['lot', 'bulk'] })).toBe('/api/v1/items?tracking=lot&tracking=bulk');
  });
});

describe('toApiError', () => {
  it('keeps the server code, message and details', () => {
    const error = toApiError(429, { code: 'RATE_LIMITED', message: 'slow down', details: { retryAfterSeconds: 30 } });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message, error.details]).toEqual([
      429,
      'RATE_LIMITED',
      'slow down',
      { retryAfterSeconds: 30 },
    ]);
  });
  it('invents an HTTP_<status> code when the body is not an error body', () => {
    const error = toApiError(502, '<html>bad gateway</html>', 'Bad Gateway');
    expect([error.code, error.message]).toEqual(['HTTP_502', 'Bad Gateway']);
  });
});

describe('itemsOf', () => {
  it('reads both pages and bare arrays', () => {
    expect(itemsOf({ items: [1, 2], total: 2, limit: 50, offset: 0 })).toEqual([1, 2]);
    expect(itemsOf([3])).toEqual([3]);
    expect(itemsOf(undefined)).toEqual([]);
  });
});
