// What a person does on the canvas, as real mouse input: click a node or an edge, drag a connection and hover a
// port, right-click; and what the inspector then shows.
import type { Page } from 'playwright-core';

/** Clicks a node on its header (its ports start connections). */
export async function clickNode(page: Page, nodeId: string, modifiers: Array<'Shift'> = []): Promise<void> {
  await page.getByTestId(`node-${nodeId}`).locator('.flow-node-header').click({ modifiers });
}

/** The middle of an edge's curve, in window pixels. */
export async function edgeMiddle(page: Page, edgeKey: string): Promise<{ x: number; y: number }> {
  const point = await page.locator(`.react-flow__edge[data-id="${edgeKey}"] path.react-flow__edge-path`).evaluate((path) => {
    const curve = path as SVGPathElement;
    const middle = curve.getPointAtLength(curve.getTotalLength() / 2);
    const matrix = curve.getScreenCTM();
    if (!matrix) throw new Error('the edge is not drawn');
    return { x: middle.x * matrix.a + middle.y * matrix.c + matrix.e, y: middle.x * matrix.b + middle.y * matrix.d + matrix.f };
  });
  return point;
}

export async function clickEdge(page: Page, edgeKey: string, button: 'left' | 'right' = 'left'): Promise<void> {
  const { x, y } = await edgeMiddle(page, edgeKey);
  await page.mouse.click(x, y, { button });
}

/** The id of the node the inspector shows, or undefined when it shows something else. */
export async function inspectedNode(page: Page): Promise<string | undefined> {
  const inspector = page.getByTestId('node-inspector');
  return (await inspector.count()) > 0 ? ((await inspector.getAttribute('data-node-id')) ?? undefined) : undefined;
}

async function centreOf(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on an output port and moves over an input port without letting go; `release()` then drops it there. */
export async function dragOverPort(page: Page, from: [node: string, port: string], to: [node: string, port: string]) {
  const source = await centreOf(page, `handle-${from[0]}-out-${from[1]}`);
  const target = await centreOf(page, `handle-${to[0]}-in-${to[1]}`);
  await page.mouse.move(source.x, source.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  return { release: () => page.mouse.up() };
}
