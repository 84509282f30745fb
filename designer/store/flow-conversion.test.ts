import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reviewStats from '../../pipelines/review-stats.json';
import { NODE_TYPES } from '../../shared/index.ts';
import { asDesignDocument, type DesignDocument } from './document.ts';
import { type SluiceFlowEdge, type SluiceFlowNode, toFlowEdges, toFlowNodes } from './flow-conversion.ts';

const nodeId = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,8}$/);
const coordinate = fc.integer({ min: -5000, max: 5000 });

/** Documents with unique node ids, a layout entry per node and edges between existing nodes. */
const designDocument: fc.Arbitrary<DesignDocument> = fc
  .uniqueArray(fc.record({ id: nodeId, type: fc.constantFrom(...NODE_TYPES), x: coordinate, y: coordinate }), {
    selector: (node) => node.id,
    maxLength: 8,
  })
  .chain((specs) =>
    fc
      .array(
        fc.record({
          from: fc.constantFrom(...(specs.length ? specs : [{ id: 'a' }])).map((n) => n.id),
          to: fc.constantFrom(...(specs.length ? specs : [{ id: 'a' }])).map((n) => n.id),
          fromPort: fc.constantFrom('out', 'valid', 'spam'),
        }),
        { maxLength: specs.length ? 10 : 0 },
      )
      .map((edges) => ({
        format: 1 as const,
        id: 'p',
        name: 'P',
        nodes: specs.map((spec) => ({ id: spec.id, type: spec.type, config: { x: spec.x } })),
        edges: edges.map((e) => ({ from: { node: e.from, port: e.fromPort }, to: { node: e.to, port: 'in' } })),
        layout: { nodes: Object.fromEntries(specs.map((spec) => [spec.id, { x: spec.x, y: spec.y }])) },
      })),
  );

/** Reads the flow back into a document; what the flow does not draw (name, description…) comes from `base`. */
function fromFlow(nodes: readonly SluiceFlowNode[], edges: readonly SluiceFlowEdge[], base: DesignDocument): DesignDocument {
  return {
    ...base,
    nodes: nodes.map((node) => ({ id: node.id, type: node.data.nodeType, config: node.data.config })),
    edges: edges.map((edge) => ({
      from: { node: edge.source, port: edge.sourceHandle ?? '' },
      to: { node: edge.target, port: edge.targetHandle ?? '' },
    })),
    layout: { nodes: Object.fromEntries(nodes.map((node) => [node.id, { x: node.position.x, y: node.position.y }])) },
  };
}

describe('pipeline → flow conversion', () => {
  it('draws everything the document says: reading the flow back gives the same document, for any document', () => {
    fc.assert(
      fc.property(designDocument, (doc) => {
        expect(fromFlow(toFlowNodes(doc), toFlowEdges(doc.edges), doc)).toEqual(doc);
      }),
    );
  });

  it('takes positions from the layout, never from config', () => {
    const doc = asDesignDocument(reviewStats);
    if (!doc) throw new Error('review-stats.json should be a design document');
    const nodes = toFlowNodes(doc);
    const first = doc.nodes[0];
    expect(first && nodes[0]?.position).toEqual(first && doc.layout?.nodes[first.id]);
    expect(nodes.every((node) => !('position' in node.data.config))).toBe(true);
  });

  it('draws one handle per port, branch outputs from its routes', () => {
    const doc = asDesignDocument(reviewStats);
    const spam = doc && toFlowNodes(doc).find((node) => node.data.nodeType === 'spam-filter');
    expect(spam?.data.outputs).toEqual(['valid', 'spam']);
    expect(spam?.data.inputs).toEqual(['in']);
  });
});
