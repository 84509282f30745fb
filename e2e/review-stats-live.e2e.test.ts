// review-stats as npm start deploys it, with reviews arriving: throughput on the canvas and live course statistics.
import { describe, expect, inject, it } from 'vitest';
import { pageForSuite, screenshot } from './setup/browser.ts';
import { expectThroughputOn, waitForStatus } from './setup/designer-page.ts';
import { keepPostingReviews } from './setup/runtime-api.ts';

const suite = pageForSuite();

describe('review-stats running', () => {
  it('shows throughput on every stage of review-stats while reviews arrive', async () => {
    await waitForStatus(suite.page, /^running/);
    const stopPosting = keepPostingReviews(inject('sluiceUrl'), 'live');
    try {
      await expectThroughputOn(suite.page, ['reviews', 'spamFilter', 'validReviewsTopic', 'courseStats', 'courseStatsTable', 'spamTopic']);
      await screenshot(suite.page, 'review-stats-running');
    } finally {
      await stopPosting();
    }
    expect(suite.problems).toEqual([]);
  });

  it('shows the live course statistics the pipeline keeps', async () => {
    await suite.page.getByRole('button', { name: 'Course stats' }).click();
    const row = suite.page.getByTestId('course-ts-basics');
    await row.waitFor();
    await expect.poll(async () => Number(await row.locator('td').nth(1).textContent())).toBeGreaterThan(0);
    await screenshot(suite.page, 'c2-course-stats');
    expect(suite.problems).toEqual([]);
  });
});
