// What a person does in the designer, as real mouse and keyboard input: drag from the palette, connect ports, open
// a bottom tab; and what they look at: a node's live rates.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Drags a palette entry onto the canvas, dropping it at (x, y) from the canvas's top-left corner. */
export async function dragFromPalette(page: Page, nodeType: string, x: number, y: number): Promise<void> {
  const from = await boxOf(page, `palette-${nodeType}`);
  const canvas = await boxOf(page, 'canvas');
  await page.mouse.move(from.x + 20, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 20, { steps: 4 });
  await page.mouse.move(canvas.x + x, canvas.y + y, { steps: 10 });
  await page.mouse.up();
}

/** Drags from an output port's handle to an input port's handle. */
export async function connectPorts(page: Page, from: [node: string, port: string], to: [node: string, port: string]): Promise<void> {
  const source = await boxOf(page, `handle-${from[0]}-out-${from[1]}`);
  const target = await boxOf(page, `handle-${to[0]}-in-${to[1]}`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** Waits until the top bar's status reads `text` (e.g. /^running/ for the runtime's report, 'deploy failed'). */
export async function waitForStatus(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  await page.getByTestId('deploy-status').filter({ hasText: text }).waitFor({ timeout });
}

export async function openTab(page: Page, name: 'Problems' | 'JSON' | 'Preview' | 'History'): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The records/s a node's badges show coming in, e.g. 12 for "in 12/s"; undefined while it shows none. */
async function shownInRate(page: Page, nodeId: string): Promise<number | undefined> {
  const badges = page.getByTestId(`node-rates-${nodeId}`);
  if ((await badges.count()) === 0) return undefined;
  const text = await badges.getByTitle('records/s in').textContent();
  const match = text?.match(/in ([\d.]+)(k?)\/s/);
  return match ? Number(match[1]) * (match[2] ? 1000 : 1) : undefined;
}

/** Waits until every named node shows records coming in. */
export async function expectThroughputOn(page: Page, nodeIds: string[], timeout = 60_000): Promise<void> {
  for (const nodeId of nodeIds) {
    await expect.poll(() => shownInRate(page, nodeId), { timeout, message: `records/s into ${nodeId}` }).toBeGreaterThan(0);
  }
}

async function boxOf(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return box;
}
