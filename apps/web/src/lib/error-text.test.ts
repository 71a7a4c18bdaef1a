import { readFileSync } from 'node:fs';
import { translator } from './i18n/translate.ts';
import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './api-client.ts';
import { ERROR_CODES, errorPartsOf, errorText } from './error-text.ts';
import { zh } from './i18n/zh.ts';
import { en } from './i18n/en.ts';

const tZh = translator(zh);
const tEn = translator(en);

const refused = new ApiError(409, 'INVALID_STATE', 'A transfer in state received cannot ship');

describe('errorText', () => {
  it('puts the translated title first and keeps the code and the server message as the detail', () => {
    expect(errorText(refused, tZh)).toBe('状态不允许此操作（INVALID_STATE: A transfer in state received cannot ship）');
    expect(errorText(refused, tEn)).toBe(
      'Not allowed in the current state (INVALID_STATE: A transfer in state received cannot ship)',
    );
  });

  it('does not repeat the code when the server sent no message', () => {
    expect(errorText(toApiError(404, { code: 'NOT_FOUND' }), tZh)).toBe('记录不存在（NOT_FOUND）');
  });

  it('names the network error the client raises when no answer came', () => {
    expect(errorText(new ApiError(0, 'NETWORK_ERROR', 'Failed to fetch'), tZh)).toBe(
      '网络错误（NETWORK_ERROR: Failed to fetch）',
    );
  });

  it('says how long to wait when a refusal carries retryAfterSeconds', () => {
    const tooMany = new ApiError(429, 'TOO_MANY_REQUESTS', 'Too many failed sign-in attempts; try again later', {
      retryAfterSeconds: 29.2,
    });
    expect(errorPartsOf(tooMany, tZh).title).toBe('操作过于频繁，请 30 秒后再试');
    expect(errorPartsOf(tooMany, tEn).title).toBe('Too many attempts; try again in 30 s');
  });

  it('titles a non-JSON answer (a proxy page) by its status, and an unknown code generically', () => {
    expect(errorPartsOf(toApiError(502, '<html>Bad Gateway</html>', 'Bad Gateway'), tZh)).toEqual({
      code: 'HTTP_502',
      title: '服务暂不可用',
      detail: 'Bad Gateway',
    });
    expect(errorPartsOf(new ApiError(418, 'TEAPOT', 'short and stout'), tEn).title).toBe('Request failed');
  });

  it('treats anything else thrown as an error in the page', () => {
    expect(errorText(new TypeError('x is undefined'), tEn)).toBe('Error in the page (CLIENT_ERROR: x is undefined)');
    expect(errorText('boom', tZh)).toBe('页面出错（CLIENT_ERROR: boom）');
  });
});

describe('ERROR_CODES', () => {
  it('has a title in both languages for every code', () => {
    for (const code of ERROR_CODES) {
      expect(tZh(`errors.codes.${code}`), code).not.toBe('');
      expect(tEn(`errors.codes.${code}`), code).not.toBe('');
    }
  });

  // The web may not import the server, so its table is read as text: a code added there must get a title here.
  it("covers the server's closed set of codes", () => {
    const source = readFileSync(new URL('../../../server/src/http/app-error.ts', import.meta.url), 'utf8');
    const table = /ERROR_STATUS = \{([^}]*)\}/.exec(source)?.[1] ?? '';
    const serverCodes = [...table.matchAll(/^\s*([A-Z_]+):/gm)].map((m) => m[1]);
    expect(serverCodes.length).toBeGreaterThan(20);
    expect(serverCodes.filter((code) => !(ERROR_CODES as readonly string[]).includes(code ?? ''))).toEqual([]);
  });
});
