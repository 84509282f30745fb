// Debian's Chromium driven by playwright-core: never a downloaded browser, and
// flags that keep it from making network calls of its own.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const artefacts = resolve(import.meta.dirname, '../../test-results/e2e');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
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

/**
 * A page that records console errors and failed requests, which a test then asserts are none. It waits for `load`
 * only: the designer keeps its metrics stream open, so the network never goes idle while a pipeline runs.
 */
export type Viewport = { width: number; height: number };

export async function openPage(
  browser: Browser,
  url: string,
  viewport: Viewport = { width: 1400, height: 900 },
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page ends its metrics stream; that is not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** Saves a screenshot of the whole window in test-results/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artefacts, { recursive: true });
  const path = join(artefacts, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * One browser and one page for a whole test file, opened at `path` of the designer before the first test and closed
 * after the last; the returned object's `page` and `problems` are filled in by then.
 */
export function pageForSuite(path = '', viewport?: Viewport): { page: Page; problems: string[] } {
  const suite = {} as { page: Page; problems: string[] };
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    Object.assign(suite, await openPage(browser, `${inject('sluiceUrl')}${path}`, viewport));
  });
  afterAll(() => browser?.close());
  return suite;
}
