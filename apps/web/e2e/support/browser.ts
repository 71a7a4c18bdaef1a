import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { REPO_ROOT, startServer, type RunningServer } from './server.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

/** Why the browser suite cannot run here, or undefined when it can. */
export function browserSkipReason(): string | undefined {
  if (process.env['ZHANQIN_BROWSER_TESTS'] === '0') return 'ZHANQIN_BROWSER_TESTS=0';
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  return undefined;
}

/**
 * A browser suite: it runs where Chromium is, is skipped where it is not — and fails instead of
 * skipping when ZHANQIN_REQUIRE_ALL=1 (CI), unless browser tests were switched off on purpose.
 */
export function describeInBrowser(name: string, body: () => void): void {
  const skipReason = browserSkipReason();
  const chromiumMissing = skipReason !== undefined && process.env['ZHANQIN_BROWSER_TESTS'] !== '0';
  if (skipReason && chromiumMissing && process.env['ZHANQIN_REQUIRE_ALL'] === '1') {
    describe(name, () => {
      it('needs Chromium because ZHANQIN_REQUIRE_ALL=1', () => {
        throw new Error(`ZHANQIN_REQUIRE_ALL=1 but the browser suite cannot run: ${skipReason}`);
      });
    });
    return;
  }
  if (skipReason) console.warn(`[browser] skipping ${name}: ${skipReason}`);
  (skipReason ? describe.skip : describe)(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Builds apps/web/dist so the server under test serves the current sources. */
export function buildWeb(): void {
  // Vitest sets NODE_ENV=test; the build must not inherit it, or React and antd ship their dev builds.
  execFileSync('npm', ['run', 'build', '-w', '@zhanqin/web'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Signs in through the login form and waits for the start page. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-card').waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('network-page').waitFor({ state: 'visible', timeout: 30_000 });
}

/** Reads the number a summary card shows once it has loaded. */
export async function summaryValue(page: Page, testId: string): Promise<number> {
  const locator = page.getByTestId(testId);
  await locator.waitFor({ state: 'visible', timeout: 30_000 });
  return Number(await locator.getAttribute('data-value'));
}

/** The desktop every suite works on: 1440×900, in Chinese. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

/** Collects a page's uncaught errors and console errors into `errors`. */
export function watchForErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as a failed resource; the journeys provoke some on purpose (401, 404, 409, 429)
    // and the UI shows them. What must not appear are script errors and React/antd warnings.
    if (
      message.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    )
      errors.push(message.text());
  });
}

/** A running server with Chromium pointed at it: what a browser suite works with. */
export type BrowserSession = {
  server: RunningServer;
  /** The desktop context of `page`; its cookies carry the signed-in session for direct API calls. */
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of every page the session opened; each suite ends by expecting none. */
  errors: string[];
  /** Opens a page in a new context of its own (desktop unless told), watched for errors; closed with the session. */
  openPage: (options?: BrowserContextOptions) => Promise<Page>;
  /**
   * Writes `<name>-browser-errors.txt` (when there were errors) and `<name>-server.log` to test-artifacts/,
   * then closes every context, the browser and the server.
   */
  close: () => Promise<void>;
};

/**
 * Builds the web app (unless ZHANQIN_E2E_SKIP_BUILD=1), starts the server with the demo data, launches
 * Chromium with one desktop page watched for errors, and signs `signInAs` in when given. If any step
 * fails, what was started is closed again before the error is thrown, so no server outlives the suite.
 */
export async function openBrowserSession(options: {
  /** Prefixes the artifacts this suite leaves in test-artifacts/. */
  name: string;
  /** The password of the administrator and of every demo user. */
  password: string;
  /** A user to sign in on the first page; left out, the page has not opened anything yet. */
  signInAs?: string;
}): Promise<BrowserSession> {
  const errorsFile = path.join(ARTIFACTS_DIR, `${options.name}-browser-errors.txt`);
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await rm(errorsFile, { force: true });
  if (process.env['ZHANQIN_E2E_SKIP_BUILD'] !== '1') buildWeb();

  const server = await startServer({ password: options.password });
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  const close = async () => {
    if (errors.length) await writeFile(errorsFile, errors.join('\n'));
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await writeFile(path.join(ARTIFACTS_DIR, `${options.name}-server.log`), server.output()).catch(() => undefined);
    await server.stop();
  };

  try {
    const launched = await launchChromium();
    browser = launched;
    const openPage = async (contextOptions: BrowserContextOptions = DESKTOP) => {
      const context = await launched.newContext(contextOptions);
      contexts.push(context);
      const page = await context.newPage();
      watchForErrors(page, errors);
      return page;
    };
    const page = await openPage();
    if (options.signInAs) await signIn(page, server.baseUrl, options.signInAs, options.password);
    return { server, context: page.context(), page, errors, openPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}
