// Small documents tests build on.
import type { NodeType } from '../../shared/index.ts';
import { defaultConfig } from '../store/default-config.ts';
import type { DesignDocument } from '../store/document.ts';

export function documentWith(nodes: Array<[id: string, type: NodeType]>, edges: Array<[from: string, to: string]> = []): DesignDocument {
  return {
    format: 1,
    id: 'test',
    name: 'Test',
    nodes: nodes.map(([id, type]) => ({ id, type, config: defaultConfig(type) })),
    edges: edges.map(([from, to]) => {
      const [fromNode = '', fromPort = 'out'] = from.split(':');
      const [toNode = '', toPort = 'in'] = to.split(':');
      return { from: { node: fromNode, port: fromPort }, to: { node: toNode, port: toPort } };
    }),
    layout: { nodes: Object.fromEntries(nodes.map(([id], index) => [id, { x: index * 100, y: 0 }])) },
  };
}
