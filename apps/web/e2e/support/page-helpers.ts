import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserSession } from './browser.ts';

/** The options of an open antd Select dropdown (a closed dropdown stays in the page, marked hidden). */
const OPEN_OPTION = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';

/** How long a clicked option has to show in the select before the click counts as lost. */
const CHOICE_SETTLE_MS = 5_000;

/** Whether the antd Select `select` (the element carrying its test id) has its dropdown open, by its own state. */
async function isOpen(select: Locator): Promise<boolean> {
  return (await select.locator('[aria-expanded="true"]').count()) > 0;
}

/**
 * Waits until the select shows `text`, or its dropdown closed without it, or CHOICE_SETTLE_MS pass;
 * true when it shows `text`.
 */
async function showsChoice(select: Locator, text: string): Promise<boolean> {
  const shows = async () => ((await select.textContent()) ?? '').includes(text);
  const deadline = Date.now() + CHOICE_SETTLE_MS;
  while (!(await shows())) {
    if (!(await isOpen(select)) || Date.now() > deadline) return shows();
    await select.page().waitForTimeout(100);
  }
  return true;
}

/**
 * Opens the antd Select with test id `testId`, types `text`, clicks the first option containing it, and
 * returns once the select shows `text` and its dropdown has gone. A click that lands while the dropdown is
 * still opening chooses nothing: it is retried once, after opening the select again if the dropdown closed.
 */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  const option = page.locator(OPEN_OPTION, { hasText: text }).first();
  const openAndType = async () => {
    await select.click();
    await page.keyboard.type(text);
  };
  await openAndType();
  for (let attempt = 1; ; attempt++) {
    await option.waitFor({ state: 'visible', timeout: 15_000 });
    await option.click();
    if (await showsChoice(select, text)) break;
    if (attempt === 2)
      throw new Error(`the select ${testId} did not take "${text}" after two clicks (it shows "${await select.textContent()}")`);
    if (!(await isOpen(select))) await openAndType();
  }
  // A closing dropdown still lists every option: let it go, or the next choice could click in it.
  // Only a settle: the choice is already made, so a dropdown slow to fade is not a failure.
  await option.waitFor({ state: 'hidden', timeout: CHOICE_SETTLE_MS }).catch(() => undefined);
}

/** Opens the app at `#<hashPath>` and waits until the element with test id `testId` shows. */
export async function go(page: Page, baseUrl: string, hashPath: string, testId: string): Promise<void> {
  await page.goto(`${baseUrl}/#${hashPath}`);
  await page.getByTestId(testId).waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * The <input> of an antd InputNumber/Input inside `within` (a page, or a part of one such as a table row),
 * whether the test id sits on the input or on its wrapper (it depends on the antd version).
 */
export function inputOf(within: Page | Locator, testId: string): Locator {
  return within.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** The <textarea> of an antd TextArea inside `within`, whether the test id sits on the textarea or on its wrapper. */
export function textareaOf(within: Page | Locator, testId: string): Locator {
  return within.locator(`textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`).first();
}

/** Presses OK in the open antd Popconfirm. */
export async function confirmPopover(page: Page): Promise<void> {
  const ok = page.locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
  await ok.waitFor({ state: 'visible' });
  await ok.click();
}

/** GETs `url` (a path under `baseUrl`) with the context's session; expects 200. */
export async function fetchJson<T>(context: BrowserContext, baseUrl: string, url: string): Promise<T> {
  const response = await context.request.get(`${baseUrl}${url}`);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** POSTs `body` to `url` with the context's session and its CSRF token (the zq_csrf cookie), as the web app does; expects 2xx. */
export async function postJson<T>(context: BrowserContext, baseUrl: string, url: string, body: unknown): Promise<T> {
  const csrf = (await context.cookies()).find((c) => c.name === 'zq_csrf')?.value ?? '';
  const response = await context.request.post(`${baseUrl}${url}`, {
    data: body,
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
  });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/**
 * The helpers above bound to one suite's session. `session` is read on every call, because suites open
 * their session in `beforeAll`, after binding; page helpers work on the session's page unless given another.
 */
export function pageHelpers(session: () => BrowserSession) {
  const page = () => session().page;
  return {
    choose: (testId: string, text: string, on: Page = page()) => choose(on, testId, text),
    go: (hashPath: string, testId: string, on: Page = page()) => go(on, session().server.baseUrl, hashPath, testId),
    inputOf: (testId: string, within: Page | Locator = page()) => inputOf(within, testId),
    textareaOf: (testId: string, within: Page | Locator = page()) => textareaOf(within, testId),
    confirmPopover: (on: Page = page()) => confirmPopover(on),
    fetchJson: <T>(url: string) => fetchJson<T>(session().context, session().server.baseUrl, url),
    postJson: <T>(url: string, body: unknown) => postJson<T>(session().context, session().server.baseUrl, url, body),
  };
}
