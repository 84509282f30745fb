// A person builds a small pipeline with the mouse, fixes what the validator says, deploys it and watches records flow.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pageForSuite, screenshot } from './setup/browser.ts';
import { connectPorts, dragFromPalette, expectThroughputOn, openTab, waitForStatus } from './setup/designer-page.ts';
import { deletePipeline, keepPostingReviews, pipelineSummary } from './setup/runtime-api.ts';

const PIPELINE = 'e2e-built';
const suite = pageForSuite('#/pipelines');
afterAll(() => deletePipeline(inject('sluiceUrl'), PIPELINE));

describe('building a pipeline by dragging and connecting', () => {
  it('starts an empty pipeline and names it', async () => {
    await suite.page.getByRole('button', { name: 'New empty' }).click();
    const id = suite.page.getByLabel('Id', { exact: true });
    await id.fill(PIPELINE);
    expect(await suite.page.getByTestId('dirty-marker').textContent()).toContain('not deployed');
  });

  it('drops three nodes from the palette and connects their ports', async () => {
    await dragFromPalette(suite.page, 'source.kafka', 60, 160);
    await dragFromPalette(suite.page, 'filter', 300, 160);
    await dragFromPalette(suite.page, 'sink.kafka', 540, 160);
    await suite.page.getByTestId('node-sinkKafka').waitFor();
    await connectPorts(suite.page, ['sourceKafka', 'out'], ['filter', 'in']);
    await connectPorts(suite.page, ['filter', 'out'], ['sinkKafka', 'in']);
    await suite.page.locator('.react-flow__edge').nth(1).waitFor({ state: 'attached' });
    expect(await suite.page.locator('.react-flow__node').count()).toBe(3);
    expect(await suite.page.locator('.react-flow__edge').count()).toBe(2);
    await screenshot(suite.page, 'a1-built-by-dragging');
  });

  it('shows what is wrong in the problems list, and the fix in the form clears it', async () => {
    await openTab(suite.page, 'Problems');
    const problem = suite.page.getByTestId('problem').filter({ hasText: 'sinkKafka' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('/nodes/2/config/topic');
    await screenshot(suite.page, 'a2-validation-error');
    await problem.getByRole('button').click();
    // Clicking the problem selects the node and focuses the field its path names.
    const topic = suite.page.locator('.inspector [data-pointer="/nodes/2/config/topic"] input');
    await expect.poll(() => topic.evaluate((input) => input === document.activeElement)).toBe(true);
    await topic.fill('e2e-built-out');
    await suite.page.getByTestId('problems-none').waitFor();
    await screenshot(suite.page, 'a3-validation-fixed');
  });

  it('deploys it once the plan is confirmed, and the runtime runs it', async () => {
    await suite.page.getByRole('button', { name: 'Deploy…' }).click();
    const confirmation = suite.page.getByTestId('deploy-confirmation');
    await confirmation.waitFor();
    expect(await confirmation.getByTestId('diff-node-added').count()).toBe(3);
    await confirmation.getByRole('button', { name: `Deploy ${PIPELINE}` }).click();
    await waitForStatus(suite.page, /^running · v1$/, 60_000);
    expect(await suite.page.getByTestId('dirty-marker').getAttribute('data-state')).toBe('in-sync');
    expect(await pipelineSummary(inject('sluiceUrl'), PIPELINE)).toMatchObject({ version: 1, desired: 'running' });
    await screenshot(suite.page, 'a4-deployed');
  });

  it('shows records flowing through every node as reviews arrive', async () => {
    const stopPosting = keepPostingReviews(inject('sluiceUrl'), 'built');
    try {
      await expectThroughputOn(suite.page, ['sourceKafka', 'filter', 'sinkKafka']);
      await screenshot(suite.page, 'a5-throughput');
    } finally {
      await stopPosting();
    }
    expect(suite.problems).toEqual([]);
  });
});
