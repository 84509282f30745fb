// Journey: on the running review-stats, a refused deploy, then a fixed one through the confirmation (the runtime's
// plan: what changes, what becomes of each stateful node's state), then a rollback from the history through the
// same confirmation; and a copy under a new id, which is called a new pipeline, never deployed silently.
import { describe, expect, inject, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { clickNode } from '../setup/canvas-gestures.ts';
import { openTab, waitForStatus } from '../setup/designer-page.ts';
import { getJson } from '../setup/runtime-api.ts';

type Stored = { version: number; pipeline: { nodes: Array<{ id: string; config: { topic?: string } }> } };
const suite = pageForSuite();
const topic = () => suite.page.locator('.inspector [data-pointer$="/config/topic"] input');
const confirmation = () => suite.page.getByTestId('deploy-confirmation');
const deployed = () => getJson<Stored>(inject('sluiceUrl'), '/api/pipelines/review-stats');
const spamTopicOf = (stored: Stored) => stored.pipeline.nodes.find((node) => node.id === 'spamTopic')?.config.topic;
let before: number;

describe('deploying with the plan shown, then rolling back', () => {
  it('refuses an invalid edit before asking the runtime anything', async () => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    before = (await deployed()).version;
    await clickNode(page, 'spamTopic');
    await topic().fill('');
    await page.getByRole('button', { name: 'Deploy…' }).click();
    await waitForStatus(page, 'deploy failed');
    expect(await confirmation().count()).toBe(0);
    await screenshot(page, 'd7-1-refused');
  });

  it('shows the plan of the fixed edit, deploys it once confirmed, and the failure is gone', async () => {
    const { page } = suite;
    await topic().fill('reviews-spam-e2e');
    await page.getByRole('button', { name: 'Deploy…' }).click();
    await confirmation().waitFor();
    expect(await confirmation().locator('h3').textContent()).toBe(`Deploy review-stats v${before + 1}`);
    expect(await confirmation().getByTestId('diff-node-changed').textContent()).toContain('topic: "reviews-spam" → "reviews-spam-e2e"');
    expect(await confirmation().getByTestId('fate-spamFilter').getAttribute('data-fate')).toBe('kept');
    expect(await confirmation().getByTestId('fate-courseStats').getAttribute('data-fate')).toBe('kept');
    expect((await deployed()).version).toBe(before); // a plan applies nothing
    await screenshot(page, 'd7-2-plan');
    await confirmation()
      .getByRole('button', { name: `Deploy v${before + 1}` })
      .click();
    await waitForStatus(page, new RegExp(`^running · v${before + 1}$`), 60_000);
    expect(await page.getByTestId('dirty-marker').getAttribute('data-state')).toBe('in-sync');
    expect(spamTopicOf(await deployed())).toBe('reviews-spam-e2e');
    await screenshot(page, 'd7-3-deployed');
  });

  it('lists the versions with what each changed, node by node', async () => {
    const { page } = suite;
    await openTab(page, 'History');
    await page.getByTestId(`version-${before + 1}`).waitFor();
    const detail = page.getByTestId('version-detail');
    expect(await detail.textContent()).toContain(`v${before + 1}, deployed`);
    expect(await detail.getByTestId('diff-node-changed').textContent()).toContain('spamTopic');
    await screenshot(page, 'd7-4-history');
  });

  it('rolls back to the version before, through the same confirmation', async () => {
    const { page } = suite;
    await page.getByTestId(`version-${before}`).click();
    await page.getByRole('button', { name: 'Roll back to this version…' }).click();
    await confirmation().waitFor();
    expect(await confirmation().locator('h3').textContent()).toBe(`Roll review-stats back to v${before}`);
    expect(await confirmation().getByTestId('diff-node-changed').textContent()).toContain('topic: "reviews-spam-e2e" → "reviews-spam"');
    await screenshot(page, 'd7-5-rollback-plan');
    await confirmation()
      .getByRole('button', { name: `Roll back to v${before}` })
      .click();
    await waitForStatus(page, new RegExp(`^running · v${before + 2}$`), 60_000);
    expect(spamTopicOf(await deployed())).toBe('reviews-spam');
    await clickNode(page, 'spamTopic');
    await expect.poll(() => topic().inputValue()).toBe('reviews-spam');
    await page.getByTestId(`version-${before + 2}`).waitFor();
    await screenshot(page, 'd7-6-rolled-back');
  });

  it('refuses a copy under a new id that would serve the same paths, naming both pipelines', async () => {
    const { page } = suite;
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save as a new pipeline…' }).click();
    await page.getByLabel('New pipeline id').fill('review-stats-copy');
    await page.getByRole('button', { name: 'Open the copy' }).click();
    await page.getByRole('button', { name: 'Deploy…' }).click();
    await waitForStatus(page, 'deploy failed');
    const taken = page.getByTestId('problem').filter({ hasText: "already served by pipeline 'review-stats'" });
    await taken.first().waitFor();
    expect(await taken.first().textContent()).toContain("pipeline 'review-stats-copy'");
    expect(await confirmation().count()).toBe(0);
    await page.getByRole('button', { name: 'Dismiss the failed deploy' }).click();
    // The runtime's 422 is the refusal itself, which the browser logs as a failed resource: that one and nothing else.
    expect(suite.problems).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
    suite.problems.length = 0;
  });

  it('calls a copy under a new id a new pipeline, and warns that it writes the same topics', async () => {
    const { page } = suite;
    // Paths of its own: one pipeline serves each.
    await clickNode(page, 'reviews');
    await page.locator('.inspector [data-pointer$="/config/path"] input').fill('/api/copy/reviews');
    await clickNode(page, 'courseStatsTopic');
    await page.locator('.inspector [data-pointer$="/config/path"] input').fill('/api/copy/courses/{courseId}/stats');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Deploy…' }).click();
    await confirmation().waitFor();
    expect(await confirmation().locator('h3').textContent()).toBe('Deploy a new pipeline: review-stats-copy');
    expect(await confirmation().locator('.plan-warning').textContent()).toContain('Kafka topic reviews-spam, by review-stats');
    await screenshot(page, 'd7-7-new-pipeline-warning');
    await confirmation().getByRole('button', { name: 'Cancel' }).click();
    expect(
      (await getJson<{ pipelines: { id: string }[] }>(inject('sluiceUrl'), '/api/pipelines')).pipelines.map((p) => p.id),
    ).not.toContain('review-stats-copy');
    expect(suite.problems).toEqual([]);
  });
});
