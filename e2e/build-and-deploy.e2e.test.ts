// A person builds a small pipeline with the mouse, fixes what the validator says, deploys it and watches records flow.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './setup/browser.ts';
import { connectPorts, dragFromPalette, expectThroughputOn, openTab } from './setup/designer-page.ts';
import { deletePipeline, keepPostingReviews, pipelineSummary } from './setup/runtime-api.ts';

const PIPELINE = 'e2e-built';
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${inject('sluiceUrl')}#/pipelines`));
});
afterAll(async () => {
  await deletePipeline(inject('sluiceUrl'), PIPELINE);
  await browser?.close();
});

describe('building a pipeline by dragging and connecting', () => {
  it('starts an empty pipeline and names it', async () => {
    await page.getByRole('button', { name: 'New empty' }).click();
    const id = page.getByLabel('Id', { exact: true });
    await id.fill(PIPELINE);
    expect(await page.getByTestId('dirty-marker').textContent()).toContain('not deployed');
  });

  it('drops three nodes from the palette and connects their ports', async () => {
    await dragFromPalette(page, 'source.kafka', 60, 160);
    await dragFromPalette(page, 'filter', 300, 160);
    await dragFromPalette(page, 'sink.kafka', 540, 160);
    await page.getByTestId('node-sinkKafka').waitFor();
    await connectPorts(page, ['sourceKafka', 'out'], ['filter', 'in']);
    await connectPorts(page, ['filter', 'out'], ['sinkKafka', 'in']);
    await page.locator('.react-flow__edge').nth(1).waitFor({ state: 'attached' });
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    expect(await page.locator('.react-flow__edge').count()).toBe(2);
    await screenshot(page, 'a1-built-by-dragging');
  });

  it('shows what is wrong in the problems list, and the fix in the form clears it', async () => {
    await openTab(page, 'Problems');
    const problem = page.getByTestId('problem').filter({ hasText: 'sinkKafka' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('/nodes/2/config/topic');
    await screenshot(page, 'a2-validation-error');
    await problem.getByRole('button').click();
    // Clicking the problem selects the node and focuses the field its path names.
    const topic = page.locator('.inspector [data-pointer="/nodes/2/config/topic"] input');
    await expect.poll(() => topic.evaluate((input) => input === document.activeElement)).toBe(true);
    await topic.fill('e2e-built-out');
    await page.getByTestId('problems-none').waitFor();
    await screenshot(page, 'a3-validation-fixed');
  });

  it('deploys it, and the runtime runs it', async () => {
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page
      .getByTestId('deploy-status')
      .filter({ hasText: /^running · v1$/ })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('dirty-marker').getAttribute('data-state')).toBe('in-sync');
    expect(await pipelineSummary(inject('sluiceUrl'), PIPELINE)).toMatchObject({ version: 1, desired: 'running' });
    await screenshot(page, 'a4-deployed');
  });

  it('shows records flowing through every node as reviews arrive', async () => {
    const stopPosting = keepPostingReviews(inject('sluiceUrl'), 'built');
    try {
      await expectThroughputOn(page, ['sourceKafka', 'filter', 'sinkKafka']);
      await screenshot(page, 'a5-throughput');
    } finally {
      await stopPosting();
    }
    expect(problems).toEqual([]);
  });
});
