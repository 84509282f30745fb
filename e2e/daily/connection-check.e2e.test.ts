// Journey: drawing edges on the running review-stats. While an edge is dragged over a port, the port turns green or
// red and the reason stands beside the pointer, in the validator's words, for each rule (a loop, a duplicate, …);
// a refused edge is never added.
import { describe, expect, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { dragOverPort } from '../setup/canvas-gestures.ts';
import { waitForStatus } from '../setup/designer-page.ts';

const suite = pageForSuite();
const hint = () => suite.page.getByTestId('connection-hint');
const edgeCount = () => suite.page.locator('.react-flow__edge').count();

describe('connections checked while they are drawn', () => {
  it.each([
    ['a loop', ['courseStats', 'out'], ['spamFilter', 'in'], /closes a cycle \(spamFilter → courseStats → spamFilter\)/],
    ['a duplicate', ['reviews', 'out'], ['spamFilter', 'in'], /is listed twice/],
  ] as const)('refuses %s while dragging, saying why, and adds nothing', async (name, from, to, reason) => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    const before = await edgeCount();
    const drag = await dragOverPort(page, [...from], [...to]);
    await hint().waitFor();
    expect(await hint().getAttribute('data-valid')).toBe('false');
    expect(await hint().textContent()).toMatch(reason);
    const port = page.getByTestId(`handle-${to[0]}-in-${to[1]}`);
    expect(await port.evaluate((handle) => handle.classList.contains('connectingto') && !handle.classList.contains('valid'))).toBe(true);
    await screenshot(page, `d5-refused-${name.replace(/\W+/g, '-').replace(/^-/, '')}`);
    await drag.release();
    await hint().waitFor({ state: 'detached' });
    expect(await edgeCount()).toBe(before);
  });

  it('shows an allowed edge as allowed, and draws it when dropped', async () => {
    const { page } = suite;
    const before = await edgeCount();
    const drag = await dragOverPort(page, ['spamFilter', 'spam'], ['validReviewsTable', 'in']);
    await hint().waitFor();
    expect(await hint().getAttribute('data-valid')).toBe('true');
    expect(await hint().textContent()).toBe('Connect spamFilter.spam → validReviewsTable.in');
    await screenshot(page, 'd5-allowed');
    await drag.release();
    await expect.poll(edgeCount).toBe(before + 1);
    expect(suite.problems).toEqual([]);
  });
});
