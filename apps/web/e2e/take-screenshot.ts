/**
 * Writes docs/screenshot.png for the README: the network page in Chinese at 1440×900, taken from
 * the real server with the demo data. Run: `npm run screenshot -w @zhanqin/web` (needs Chromium).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSkipReason, buildWeb, DESKTOP, launchChromium, signIn, summaryValue } from './support/browser.ts';
import { REPO_ROOT, startServer } from './support/server.ts';

const PASSWORD = 'Screenshot-Zhanqin-Passw0rd';
const target = path.join(REPO_ROOT, 'docs', 'screenshot.png');

const skipReason = browserSkipReason();
if (skipReason) {
  console.error(`cannot take the screenshot: ${skipReason}`);
  process.exit(1);
}

buildWeb();
const server = await startServer({ password: PASSWORD });
const browser = await launchChromium();
try {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, 'admin', PASSWORD);
  await summaryValue(page, 'summary-total');
  await page.locator('[data-testid="network-map"] canvas').first().waitFor({ state: 'visible' });
  await page.waitForTimeout(1000);
  await mkdir(path.dirname(target), { recursive: true });
  await page.screenshot({ path: target });
  console.log(`wrote ${path.relative(REPO_ROOT, target)}`);
} finally {
  await browser.close();
  await server.stop();
}
