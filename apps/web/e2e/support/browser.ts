import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { REPO_ROOT } from './server.ts';

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
