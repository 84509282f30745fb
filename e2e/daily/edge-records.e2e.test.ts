// Journey: reviews arrive at the running review-stats; a click on an edge shows the last records that crossed it,
// live and readable (fields as a table, a spam record's reasons as rules with details); pause, clear, copy as JSON;
// a node shows the same for each of its output ports.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { clickEdge, clickNode } from '../setup/canvas-gestures.ts';
import { waitForStatus } from '../setup/designer-page.ts';
import { keepPostingReviews } from '../setup/runtime-api.ts';

const suite = pageForSuite();
let stopPosting: () => Promise<void> = async () => {};
beforeAll(() => {
  stopPosting = keepPostingReviews(inject('sluiceUrl'), 'taps', 500);
});
afterAll(() => stopPosting());

const records = () => suite.page.getByTestId('tap-record');

describe('the records that crossed an edge, live', () => {
  it('shows the last reviews into the spam filter, each field in a row', async () => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    await clickEdge(page, 'reviews:out->spamFilter:in');
    await page.getByTestId('edge-inspector').waitFor();
    await records().first().waitFor({ timeout: 30_000 });
    const fields = await records().first().locator('.tap-fields th').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['id', 'courseId', 'userId', 'rating', 'createdAt']));
    await screenshot(page, 'd2-1-edge-records');
  });

  it('lists why a review went to spam, rule by rule', async () => {
    const { page } = suite;
    await clickEdge(page, 'spamFilter:spam->spamTopic:in');
    const reason = page.getByTestId('spam-reason').first();
    await reason.waitFor({ timeout: 30_000 });
    expect(await reason.locator('strong').textContent()).toMatch(/^[\w-]+$/);
    expect((await reason.textContent())?.length).toBeGreaterThan(5);
    await screenshot(page, 'd2-2-spam-reasons');
  });

  it('pauses (nothing changes), clears (only newer records), and copies what it shows as JSON', async () => {
    const { page } = suite;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('sluiceUrl')).origin });
    await page.getByRole('button', { name: 'Pause' }).click();
    const shown = await records().allTextContents();
    await page.waitForTimeout(2500);
    expect(await records().allTextContents()).toEqual(shown);

    await page.getByRole('button', { name: 'Copy as JSON' }).click();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Array<{ value: { spamReasons?: unknown[] } }>;
    expect(copied).toHaveLength(shown.length);
    expect(copied.every((record) => Array.isArray(record.value.spamReasons))).toBe(true);

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByText('Cleared; waiting for the next record.').waitFor();
    await screenshot(page, 'd2-3-paused-and-cleared');
    await page.getByRole('button', { name: 'Resume' }).click();
    await records().first().waitFor({ timeout: 30_000 });
    expect(shown).not.toContain(await records().first().textContent());
  });

  it('shows a node’s records port by port', async () => {
    const { page } = suite;
    await clickNode(page, 'spamFilter');
    await page.getByRole('tab', { name: 'Records' }).click();
    await page.getByTestId('tap-spamFilter-valid').getByTestId('tap-record').first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'spam' }).click();
    await page.getByTestId('tap-spamFilter-spam').getByTestId('spam-reason').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'd2-4-node-port-records');
    expect(suite.problems).toEqual([]);
  });
});
