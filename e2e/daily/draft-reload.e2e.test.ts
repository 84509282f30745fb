// Journey: an edit to the running review-stats, then a reload: the browser asks first, and the edit comes back as
// a draft, marked "draft, not deployed", the pipeline that was open reopened; "Discard draft" returns to what runs.
import { describe, expect, it } from 'vitest';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { clickNode } from '../setup/canvas-gestures.ts';
import { waitForStatus } from '../setup/designer-page.ts';

const suite = pageForSuite();
const topic = () => suite.page.locator('.inspector [data-pointer$="/config/topic"] input');

describe('a reload with unsaved edits', () => {
  it('asks before the page with unsaved edits is left', async () => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    await clickNode(page, 'validReviewsTopic');
    await topic().fill('reviews-valid-draft');
    await page.getByTestId('dirty-marker').filter({ hasText: 'changed since deploy' }).waitFor();
    await screenshot(page, 'd4-1-edited');
    const asked = new Promise<string>((done) =>
      page.once('dialog', (dialog) => {
        done(dialog.type());
        void dialog.accept();
      }),
    );
    await page.reload({ waitUntil: 'load' });
    expect(await asked).toBe('beforeunload');
  });

  it('brings the edit back as a draft of the pipeline that was open, marked as one', async () => {
    const { page } = suite;
    const marker = page.getByTestId('draft-marker');
    await marker.waitFor();
    expect(await marker.textContent()).toContain('draft, not deployed');
    // Until the runtime's answer arrives after the reload, the page cannot know the pipeline is deployed.
    await expect.poll(() => page.getByTestId('dirty-marker').getAttribute('data-state'), { timeout: 15_000 }).toBe('changed');
    expect(await page.getByTestId('pipeline-switcher').inputValue()).toBe('review-stats');
    await clickNode(page, 'validReviewsTopic');
    expect(await topic().inputValue()).toBe('reviews-valid-draft');
    await screenshot(page, 'd4-2-draft-restored');
  });

  it('discards the draft: back to what runs', async () => {
    const { page } = suite;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByTestId('dirty-marker').filter({ hasText: 'deployed' }).waitFor();
    expect(await page.getByTestId('draft-marker').count()).toBe(0);
    await clickNode(page, 'validReviewsTopic');
    expect(await topic().inputValue()).toBe('reviews-valid');
    await screenshot(page, 'd4-3-draft-discarded');
    // Nothing left to keep: a reload asks nothing and opens what runs.
    await page.reload({ waitUntil: 'load' });
    await waitForStatus(page, /^running/);
    expect(await page.getByTestId('draft-marker').count()).toBe(0);
    expect(suite.problems).toEqual([]);
  });
});
