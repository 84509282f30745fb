// Journey: a syntax error typed in the JSON view of the running review-stats is a problem with its line and column,
// the canvas says it is behind the text, switching tabs keeps the text, and fixing it brings the canvas back.
import { describe, expect, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { openTab, waitForStatus } from '../setup/designer-page.ts';

const suite = pageForSuite();
const TYPO = ' oops';

/** The lines Monaco shows after moving to the end of the text (it renders the scrolled view a frame later). */
async function textAtTheEnd(expected?: string): Promise<string> {
  const { page } = suite;
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  const shown = async () => ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replaceAll('\u00a0', ' ');
  let text = await shown();
  for (let attempt = 0; expected !== undefined && !text.includes(expected) && attempt < 20; attempt++) {
    await page.waitForTimeout(100);
    text = await shown();
  }
  return text;
}

describe('the JSON view never loses text', () => {
  it('shows a syntax error as a problem with its line and column, and the canvas says it is behind', async () => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    await openTab(page, 'JSON');
    await page.locator('.monaco-editor').waitFor();
    await textAtTheEnd();
    await page.keyboard.type(TYPO);
    await page.getByTestId('canvas-behind').waitFor();
    expect(await page.getByTestId('canvas-behind').textContent()).toMatch(/line \d+, column \d+: JSON syntax/);
    await screenshot(page, 'd6-1-syntax-error-in-json');
    await openTab(page, 'Problems');
    const problem = page.locator('[data-testid="problem"][data-kind="json-text"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/JSON syntax: .+line \d+, column \d+/);
    expect(await page.getByTestId('problems-none').count()).toBe(0);
    await screenshot(page, 'd6-2-problem-with-line-and-column');
  });

  it('keeps the text across tabs and pages', async () => {
    const { page } = suite;
    await openTab(page, 'Preview');
    await page.getByRole('button', { name: 'Pipelines' }).click();
    await page.getByRole('button', { name: 'Back to the designer' }).click();
    await openTab(page, 'JSON');
    await page.locator('.monaco-editor').waitFor();
    expect(await textAtTheEnd(TYPO.trim())).toContain(TYPO.trim());
    await screenshot(page, 'd6-3-text-kept');
  });

  it('follows the text again once it parses', async () => {
    const { page } = suite;
    for (const _ of TYPO) await page.keyboard.press('Backspace');
    await page.getByTestId('canvas-behind').waitFor({ state: 'detached' });
    await openTab(page, 'Problems');
    await page.getByTestId('problems-none').waitFor();
    expect(await page.getByTestId('dirty-marker').getAttribute('data-state')).toBe('in-sync');
    await screenshot(page, 'd6-4-text-fixed');
    expect(suite.problems).toEqual([]);
  });
});
