import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './setup/browser.ts';
import { openTab, waitForStatus } from './setup/designer-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the designer, served by npm start', () => {
  it('loads with no console errors and no failed requests, from the same origin only', async () => {
    const url = inject('sluiceUrl');
    const requested: string[] = [];
    const { page, problems } = await openPage(browser, url);
    page.on('request', (request) => requested.push(request.url()));
    await page.reload({ waitUntil: 'load' });
    await openTab(page, 'JSON');
    await page.locator('.monaco-editor').waitFor();
    await screenshot(page, '01-designer-loaded');
    expect(await page.title()).toBe('Sluice');
    expect(problems).toEqual([]);
    expect(requested.filter((address) => !address.startsWith(url) && !address.startsWith('data:') && !address.startsWith('blob:'))).toEqual(
      [],
    );
    await page.close();
  });

  it('opens the pipeline the runtime runs, with its reported status, instead of an undeployed template', async () => {
    const { page, problems } = await openPage(browser, inject('sluiceUrl'));
    await waitForStatus(page, /^running · v\d+$/);
    expect(await page.getByTestId('dirty-marker').getAttribute('data-state')).toBe('in-sync');
    expect(await page.getByTestId('pipeline-switcher').inputValue()).toBe('review-stats');
    await screenshot(page, '02-review-stats-opened');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('previews review-stats in the browser over the sample reviews, with the reasons for spam', async () => {
    const { page, problems } = await openPage(browser, inject('sluiceUrl'));
    await openTab(page, 'Preview');
    await page.getByRole('button', { name: 'Run preview' }).click();
    const spamRow = page.getByTestId('preview-spam').locator('tr', { hasText: 'r017' });
    await spamRow.waitFor();
    expect(await spamRow.textContent()).toMatch(/links: contains 2 links, to cheap-courses.example.com and promo.example.net/);
    expect(await page.getByTestId('preview-node-reviews').textContent()).toContain('in 20 · out 20');
    await screenshot(page, '03-preview');
    expect(problems).toEqual([]);
    await page.close();
  });
});
