// An invalid pipeline deployed from the JSON view is refused with the runtime's reasons (by its dry run, before any
// confirmation); the old version keeps running.
import { describe, expect, inject, it } from 'vitest';
import { pageForSuite, screenshot } from './setup/browser.ts';
import { openTab, waitForStatus } from './setup/designer-page.ts';
import { getJson, pipelineSummary } from './setup/runtime-api.ts';

type Stored = { version: number; pipeline: { nodes: Array<{ id: string; config: Record<string, unknown> }> } };

const suite = pageForSuite();

describe('deploying an invalid pipeline from the JSON view', () => {
  it('refuses it with the 422 issues, and the running version keeps running', async () => {
    const url = inject('sluiceUrl');
    const before = await getJson<Stored>(url, '/api/pipelines/review-stats');
    await waitForStatus(suite.page, /^running/);

    // A literal connection string passes the schema, but the runtime refuses to store secrets in a pipeline. The
    // first placeholder in the text is validReviewsTable's; find it and type over it.
    await openTab(suite.page, 'JSON');
    const editor = suite.page.locator('.monaco-editor');
    await editor.waitFor();
    await editor.click();
    await suite.page.keyboard.press('Control+F');
    await suite.page.keyboard.insertText('${env:DATABASE_URL}');
    await suite.page.keyboard.press('Escape');
    await suite.page.keyboard.insertText('postgres://shop:secret@db.example.com/shop');
    await suite.page.getByTestId('dirty-marker').filter({ hasText: 'changed since deploy' }).waitFor();
    await screenshot(suite.page, 'b1-json-edited');

    await suite.page.getByRole('button', { name: 'Deploy…' }).click();
    await waitForStatus(suite.page, 'deploy failed', 30_000);
    const refused = suite.page.getByTestId('problem').filter({ hasText: 'validReviewsTable' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('/nodes/3/config/connection');
    expect(await suite.page.getByTestId('deploy-status').textContent()).toContain('the running version keeps running');
    await screenshot(suite.page, 'b2-deploy-refused');

    const after = await getJson<Stored>(url, '/api/pipelines/review-stats');
    expect(after.version).toBe(before.version);
    expect(after.pipeline.nodes.find((node) => node.id === 'validReviewsTable')?.config.connection).not.toContain('secret');
    expect(await pipelineSummary(url, 'review-stats')).toMatchObject({ desired: 'running', status: { state: 'running' } });
    // The browser itself logs the refused PUT; nothing else may have gone wrong.
    expect(suite.problems).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
  });
});
