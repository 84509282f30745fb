// review-stats as npm start deploys it, with reviews arriving: throughput on the canvas and live course statistics.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './setup/browser.ts';
import { expectThroughputOn } from './setup/designer-page.ts';
import { keepPostingReviews } from './setup/runtime-api.ts';

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, inject('sluiceUrl')));
});
afterAll(() => browser?.close());

describe('review-stats running', () => {
  it('shows throughput on every stage of review-stats while reviews arrive', async () => {
    await page
      .getByTestId('deploy-status')
      .filter({ hasText: /^running/ })
      .waitFor();
    const stopPosting = keepPostingReviews(inject('sluiceUrl'), 'live');
    try {
      await expectThroughputOn(page, ['reviews', 'spamFilter', 'validReviewsTopic', 'courseStats', 'courseStatsTable', 'spamTopic']);
      await screenshot(page, 'review-stats-running');
    } finally {
      await stopPosting();
    }
    expect(problems).toEqual([]);
  });

  it('shows the live course statistics the pipeline keeps', async () => {
    await page.getByRole('button', { name: 'Course stats' }).click();
    const row = page.getByTestId('course-ts-basics');
    await row.waitFor();
    await expect.poll(async () => Number(await row.locator('td').nth(1).textContent())).toBeGreaterThan(0);
    await screenshot(page, 'c2-course-stats');
    expect(problems).toEqual([]);
  });
});
