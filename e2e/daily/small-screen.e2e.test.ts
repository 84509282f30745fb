// Journey at 1024×700: the running review-stats fits (top bar, palette with its drawn icons, a canvas worth using, a
// minimap under a sixth of it that can be hidden), and the keyboard and mouse shortcuts work there: quick add at the
// pointer and into an edge, right-click menus on a node, an edge and the canvas, the shortcut list.
import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../shared/catalog/node-type.ts';
import { pageForSuite, screenshot } from '../setup/browser.ts';
import { clickEdge } from '../setup/canvas-gestures.ts';
import { waitForStatus } from '../setup/designer-page.ts';

const suite = pageForSuite('', { width: 1024, height: 700 });
const edge = (key: string) => suite.page.locator(`.react-flow__edge[data-id="${key}"]`);
const area = (box: { width: number; height: number } | null) => (box ? box.width * box.height : 0);

async function canvasBox() {
  const box = await suite.page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
}

describe('the designer at 1024×700', () => {
  it('fits: every top-bar control on screen, nothing wider than the window, a canvas worth using', async () => {
    const { page } = suite;
    await waitForStatus(page, /^running/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    for (const control of await page.locator('.topbar button, .topbar select, .topbar input').all()) {
      const box = await control.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(1024);
    }
    const canvas = await canvasBox();
    expect(canvas.width).toBeGreaterThan(450);
    expect(canvas.height).toBeGreaterThan(300);
    await screenshot(page, 'd9-1-layout-1024x700');
  });

  it('draws every palette icon as SVG, no font needed', async () => {
    const icons = suite.page.locator('.palette-icon svg');
    expect(await icons.count()).toBe(NODE_TYPES.length); // one per node type the catalog lists
    for (const icon of await icons.all()) expect(area(await icon.locator('path, rect, ellipse').first().boundingBox())).toBeGreaterThan(0);
  });

  it('keeps the minimap under a sixth of the canvas, and hides it on request', async () => {
    const { page } = suite;
    const minimap = page.locator('.react-flow__minimap');
    expect(area(await minimap.boundingBox())).toBeLessThan(area(await canvasBox()) / 6);
    await page.getByRole('button', { name: 'Map' }).click();
    expect(await minimap.count()).toBe(0);
    await screenshot(page, 'd9-2-minimap-hidden');
    await page.getByRole('button', { name: 'Map' }).click();
    await minimap.waitFor();
  });

  it('quick-adds a node at the pointer by typing its name', async () => {
    const { page } = suite;
    const canvas = await canvasBox();
    await page.mouse.move(canvas.x + 60, canvas.y + 40);
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('command-palette');
    await palette.getByLabel('Node type', { exact: true }).fill('filter');
    await screenshot(page, 'd9-3-quick-add');
    await page.keyboard.press('Enter');
    const added = page.getByTestId('node-filter');
    await added.waitFor();
    const box = await added.boundingBox();
    expect(box && Math.abs(box.x - (canvas.x + 60))).toBeLessThan(40);
    expect(await page.getByTestId('node-inspector').getAttribute('data-node-id')).toBe('filter');
  });

  it('splices a node into the selected edge', async () => {
    const { page } = suite;
    await clickEdge(page, 'reviews:out->spamFilter:in');
    await page.keyboard.press('Control+k');
    expect(await page.getByTestId('command-palette').textContent()).toContain('Insert a node into the selected edge');
    await page.getByLabel('Node type', { exact: true }).fill('map');
    await page.keyboard.press('Enter');
    await edge('reviews:out->map:in').waitFor({ state: 'attached' });
    await edge('map:out->spamFilter:in').waitFor({ state: 'attached' });
    expect(await edge('reviews:out->spamFilter:in').count()).toBe(0);
    await screenshot(page, 'd9-4-spliced');
  });

  it('offers a menu on a node, an edge and the canvas', async () => {
    const { page } = suite;
    const menu = page.getByTestId('context-menu');
    await page.getByTestId('node-courseStats').locator('.flow-node-header').click({ button: 'right' });
    await menu.waitFor();
    await screenshot(page, 'd9-5-node-menu');
    await menu.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByTestId('node-courseStats2').waitFor();

    await clickEdge(page, 'spamFilter:spam->spamTopic:in', 'right');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Show records', 'Insert a node…', 'Delete']);
    await menu.getByRole('menuitem', { name: 'Delete' }).click();
    expect(await edge('spamFilter:spam->spamTopic:in').count()).toBe(0);

    const canvas = await canvasBox();
    await page.mouse.click(canvas.x + 40, canvas.y + canvas.height - 200, { button: 'right' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Add a node here…', 'Select all', 'Fit view']);
    await screenshot(page, 'd9-6-canvas-menu');
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
  });

  it('lists the shortcuts on ?', async () => {
    const { page } = suite;
    await page.keyboard.press('?');
    const help = page.getByTestId('help-overlay');
    await help.waitFor();
    expect(await help.textContent()).toContain('Ctrl+K or /');
    await screenshot(page, 'd9-7-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(suite.problems).toEqual([]);
  });
});
