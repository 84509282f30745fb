// Journey: with a node of the running review-stats selected and an edit not deployed, leave for Pipelines and Course
// stats and come back: the page never goes blank (React error #185 was this path), the same node is selected, the
// inspector shows it, and the edit is still there.
import { describe, expect, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { clickNode, inspectedNode } from '../setup/canvas-gestures.ts';
import { waitForStatus } from '../setup/designer-page.ts';

const suite = pageForSuite();
const topic = () => suite.page.locator('.inspector [data-pointer$="/config/topic"] input');

describe('leaving the designer with a node selected, and coming back', () => {
  it('selects a node and edits it', async () => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    await clickNode(page, 'spamTopic');
    await topic().fill('reviews-spam-kept');
    await page.getByTestId('dirty-marker').filter({ hasText: 'changed since deploy' }).waitFor();
    await screenshot(page, 'd3-1-selected-and-edited');
  });

  it.each([
    ['Pipelines', 'pipelines'],
    ['Course stats', 'courses'],
  ])('goes to %s and back, and finds everything as it was', async (link, page) => {
    const tab = suite.page;
    await tab.getByRole('button', { name: link }).click();
    await tab.waitForURL(new RegExp(`#/${page}`));
    await screenshot(tab, `d3-2-on-${page}`);
    await tab.getByRole('button', { name: 'Back to the designer' }).click();
    await tab.getByTestId('canvas').waitFor();
    expect(await inspectedNode(tab)).toBe('spamTopic');
    expect(await tab.locator('.flow-node.selected[data-testid="node-spamTopic"]').count()).toBe(1);
    expect(await topic().inputValue()).toBe('reviews-spam-kept');
    await screenshot(tab, `d3-3-back-from-${page}`);
  });

  it('also comes back with the browser’s back button, and nothing failed on the way', async () => {
    const { page } = suite;
    await page.getByRole('button', { name: 'Pipelines' }).click();
    await page.goBack();
    await page.getByTestId('node-inspector').waitFor();
    expect(await inspectedNode(page)).toBe('spamTopic');
    expect(await page.locator('[data-testid^="panel-failed"]').count()).toBe(0);
    expect(suite.problems).toEqual([]);
  });
});
