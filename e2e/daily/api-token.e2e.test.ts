// Journey: a Sluice started with API_TOKEN (its own, beside the suite's). The first change the designer makes is
// answered 401: it asks for the token once, says plainly when the one given is wrong, then sends it with every change
// without asking again. A pipeline deleted on the runtime then shows as deleted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from '../setup/browser.ts';
import { waitForStatus } from '../setup/designer-page.ts';
import { type RunningSluice, startSluice } from '../setup/sluice-process.ts';

const TOKEN = 'e2e-open-sesame';
let sluice: RunningSluice | undefined;
let browser: Browser | undefined;
let page: Page;
let problems: string[];

beforeAll(async () => {
  sluice = await startSluice({ API_TOKEN: TOKEN, HOST: '127.0.0.1' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, sluice.url));
});
afterAll(async () => {
  await browser?.close();
  await sluice?.stop();
});

const dialog = () => page.getByTestId('token-dialog');

describe('the API token, asked once per session', () => {
  // The first version of review-stats comes up on a broker of its own, beside the suite's: give it time.
  it('asks for it when the runtime answers a change with 401', { timeout: 240_000 }, async () => {
    await waitForStatus(page, /^running/, 200_000);
    await page.getByRole('button', { name: 'Stop' }).click();
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain('API_TOKEN');
    await screenshot(page, 'd8-1-token-asked');
  });

  it('says plainly when the token is wrong, and asks again', async () => {
    await dialog().getByLabel('API token').fill('not-the-token');
    await dialog().getByRole('button', { name: 'Use this token' }).click();
    await dialog().getByTestId('token-refused').waitFor();
    await screenshot(page, 'd8-2-token-refused');
  });

  it('makes the change with the right token, and sends it with later changes without asking', async () => {
    await dialog().getByLabel('API token').fill(TOKEN);
    await dialog().getByRole('button', { name: 'Use this token' }).click();
    await waitForStatus(page, /^stopped/, 60_000);
    expect(await dialog().count()).toBe(0);
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForStatus(page, /^running/, 60_000);
    expect(await dialog().count()).toBe(0);
    await screenshot(page, 'd8-3-token-kept');
  });

  it('shows a pipeline deleted on the runtime as deleted', async () => {
    const response = await fetch(`${sluice?.url}/api/pipelines/review-stats`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(204);
    await waitForStatus(page, /^deleted on the runtime/, 30_000);
    expect(await page.getByTestId('dirty-marker').textContent()).toContain('deleted on the runtime');
    expect(await page.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
    await screenshot(page, 'd8-4-deleted');
    // The browser logs each 401 it was answered; nothing else went wrong.
    expect(problems.filter((problem) => !problem.includes('status of 401'))).toEqual([]);
  });
});
