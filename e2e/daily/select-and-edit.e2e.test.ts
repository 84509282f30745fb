// Journey: on the running review-stats, click each node in turn and edit that node's config; the deploy plan then
// names exactly one change per node, each in the node that was edited (never the node dropped or selected last).
import { describe, expect, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { clickNode, inspectedNode } from '../setup/canvas-gestures.ts';
import { waitForStatus } from '../setup/designer-page.ts';

/**
 * Each node of review-stats and the config field edited in it: fields an edit leaves valid (a field naming a record
 * field, like the window's keyField, would now be refused: the records reaching it have no such field).
 */
const FIELDS: Record<string, string> = {
  reviews: 'topic',
  spamFilter: 'rules/classifier/model',
  validReviewsTopic: 'topic',
  validReviewsTable: 'table',
  courseStats: 'windows/0/name',
  courseStatsTopic: 'topic',
  courseStatsTable: 'table',
  spamTopic: 'topic',
};
const NODES = Object.keys(FIELDS);
const suite = pageForSuite();
const edited = new Map<string, { field: string; value: string }>();

describe('selecting and editing each node of the running review-stats', () => {
  it('adds to the selection with shift-click, selects a box with shift-drag, clears with Escape', async () => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    await clickNode(page, 'validReviewsTopic');
    await clickNode(page, 'spamTopic', ['Shift']);
    expect(await page.getByTestId('many-selected').textContent()).toContain('2 nodes selected');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('inspector').getAttribute('data-shows')).toBe('pipeline');
    const first = await page.getByTestId('node-reviews').boundingBox();
    const second = await page.getByTestId('node-spamFilter').boundingBox();
    if (!first || !second) throw new Error('review-stats is not on screen');
    await page.keyboard.down('Shift');
    await page.mouse.move(first.x - 15, Math.min(first.y, second.y) - 15);
    await page.mouse.down();
    await page.mouse.move(second.x + second.width + 15, Math.max(first.y + first.height, second.y + second.height) + 15, { steps: 8 });
    await screenshot(page, 'd1-0-box-select');
    await page.mouse.up();
    await page.keyboard.up('Shift');
    // The box takes the two nodes and every edge that touches them (React Flow's box selection).
    expect(await page.getByTestId('many-selected').textContent()).toContain('2 nodes and 5 edges selected');
    await page.keyboard.press('Escape');
  });

  it.each(NODES.map((id, index) => [id, index]))('clicks %s, and the inspector edits that node', async (nodeId, index) => {
    const { page } = suite;
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
