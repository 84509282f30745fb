// Journey: on the running review-stats, click each node in turn and edit that node's config; the deploy plan then
// names exactly one change per node, each in the node that was edited (never the node dropped or selected last).
import { describe, expect, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { clickNode, inspectedNode } from '../setup/canvas-gestures.ts';
import { waitForStatus } from '../setup/designer-page.ts';

/** Each node of review-stats and the config field edited in it. */
const FIELDS: Record<string, string> = {
  reviews: 'topic',
  spamFilter: 'userField',
  validReviewsTopic: 'topic',
  validReviewsTable: 'table',
  courseStats: 'keyField',
  courseStatsTopic: 'topic',
  courseStatsTable: 'table',
  spamTopic: 'topic',
};
const NODES = Object.keys(FIELDS);
const suite = pageForSuite();
const edited = new Map<string, { field: string; value: string }>();

describe('selecting and editing each node of the running review-stats', () => {
  it.each(NODES.map((id, index) => [id, index]))('clicks %s, and the inspector edits that node', async (nodeId, index) => {
    const { page } = suite;
    if (index === 0) await waitForStatus(page, /^running/);
    await clickNode(page, String(nodeId));
    expect(await inspectedNode(page)).toBe(nodeId);
    expect(await page.locator(`.flow-node.selected[data-testid="node-${nodeId}"]`).count()).toBe(1);
    const name = FIELDS[String(nodeId)] ?? '';
    const field = page.locator(`.inspector .config-form [data-pointer$="/config/${name}"] input`);
    const value = `${await field.inputValue()}2`;
    await field.fill(value);
    edited.set(String(nodeId), { field: name, value });
    await screenshot(page, `d1-${index + 1}-edit-${nodeId}`);
  });

  it('plans exactly those edits, one per node, each where it was made', async () => {
    const { page } = suite;
    await page.getByRole('button', { name: 'Deploy…' }).click();
    const dialog = page.getByTestId('deploy-confirmation');
    await dialog.waitFor();
    const changed = dialog.getByTestId('diff-node-changed');
    expect(await changed.count()).toBe(NODES.length);
    for (const [nodeId, { field, value }] of edited) {
      const entry = changed.filter({ has: page.locator('strong', { hasText: new RegExp(`^${nodeId}$`) }) });
      expect(await entry.textContent()).toContain(`${field.replaceAll('/', '.')}: `);
      expect(await entry.textContent()).toContain(JSON.stringify(value));
    }
    // Both stateful nodes had their config changed: the plan says their state is reset.
    expect(await dialog.getByTestId('fate-spamFilter').getAttribute('data-fate')).toBe('reset');
    expect(await dialog.getByTestId('fate-courseStats').getAttribute('data-fate')).toBe('reset');
    await screenshot(page, 'd1-9-plan-of-the-edits');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await waitForStatus(page, /^running/);
    expect(suite.problems).toEqual([]);
  });
});
