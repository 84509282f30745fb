// Auto-layout with elk's layered algorithm, left to right. elk's bundled build runs in the page (no worker URL, no
// CDN) and is imported only when someone presses the button, so it stays out of the first load.
import type { DesignDocument, Position } from '../store/document.ts';
import { inputPorts, outputPorts } from '../store/ports.ts';

export async function autoLayout(doc: DesignDocument): Promise<Record<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: doc.nodes.map((node) => ({
      id: node.id,
      width: 220,
      height: 70 + 22 * Math.max(inputPorts(node).length, outputPorts(node).length, 1),
    })),
    edges: doc.edges.map((edge, index) => ({ id: `e${index}`, sources: [edge.from.node], targets: [edge.to.node] })),
  });
  return Object.fromEntries((graph.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
}
