// A node's history in its panel: the runtime keeps per-node rates for 24 hours, and the chart marks where a version
// was deployed; after a redeploy the new version's marker is there, and still there after a page reload.
import { describe, expect, inject, it } from 'vitest';
import { pageForSuite, screenshot } from './setup/browser.ts';
import { clickNode } from './setup/canvas-gestures.ts';
import { waitForStatus } from './setup/designer-page.ts';
import { getJson, keepPostingReviews } from './setup/runtime-api.ts';

type Stored = { version: number; revision: number; pipeline: { description?: string } };
const suite = pageForSuite();
const chart = () => suite.page.getByTestId('history-chart');
const marker = (version: number) => chart().locator(`.chart-marker[data-kind="deployed"][data-version="${version}"]`);
let redeployed: number;

async function redeploy(base: string): Promise<number> {
  const stored = await getJson<Stored>(base, '/api/pipelines/review-stats');
  const pipeline = { ...stored.pipeline, description: `${stored.pipeline.description ?? ''} Redeployed at ${new Date().toISOString()}.` };
  const response = await fetch(`${base}/api/pipelines/review-stats`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pipeline, baseRevision: stored.revision }),
  });
  if (response.status !== 200) throw new Error(`the redeploy answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { version: number }).version;
}

describe("a node's 24-hour chart", () => {
  it('marks the redeploy, and draws the rates the runtime kept', async () => {
    const { page } = suite;
    const base = inject('sluiceUrl');
    await waitForStatus(page, /^running/);
    const stopPosting = keepPostingReviews(base, 'history');
    try {
      redeployed = await redeploy(base);
      await waitForStatus(page, new RegExp(`^running · v${redeployed}$`), 60_000);
      await clickNode(page, 'spamFilter');
      await marker(redeployed).waitFor({ timeout: 30_000 });
      // A point every 10 s: wait for a few after the redeploy, so the lines are there to see.
      await expect.poll(async () => Number(await chart().getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
      await page.waitForTimeout(11_000); // one more refresh of the chart
    } finally {
      await stopPosting();
    }
    expect(await marker(redeployed).getAttribute('title')).toContain(`v${redeployed} deployed`);
    expect(await chart().locator('canvas').count()).toBeGreaterThan(0);
    expect(await chart().locator('h4').textContent()).toBe('Rates, last 24 hours');
    await screenshot(page, 'node-history-24h');
    await chart().getByRole('tab', { name: '15m' }).click();
    await marker(redeployed).waitFor();
    await screenshot(page, 'node-history-15min');
    expect(suite.problems).toEqual([]);
  });

  it('shows where every input went in the Throughput tab, nothing unaccounted', async () => {
    const { page } = suite;
    await page.getByRole('tab', { name: 'Throughput' }).click();
    const accounting = page.getByTestId('accounting');
    await accounting.waitFor();
    expect(await accounting.locator('caption').textContent()).toBe('The terms add up to in.');
    expect(await accounting.locator('tr.unaccounted').count()).toBe(0);
    expect(await page.getByTestId('node-internal').textContent()).toContain("between the node's own stages");
    await screenshot(page, 'node-throughput');
    expect(suite.problems).toEqual([]);
  });

  it('keeps the history and its markers over a page reload: the runtime holds them, not the browser', async () => {
    const { page } = suite;
    await page.reload();
    await waitForStatus(page, /^running/);
    await clickNode(page, 'spamFilter');
    await marker(redeployed).waitFor({ timeout: 30_000 });
    expect(Number(await chart().getAttribute('data-points'))).toBeGreaterThanOrEqual(3);
    expect(suite.problems).toEqual([]);
  });
});
