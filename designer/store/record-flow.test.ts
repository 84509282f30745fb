import { describe, expect, it } from 'vitest';
import { checkConnection } from '../canvas/connection-rules.ts';
import type { DesignDocument } from './document.ts';
import { edgeFields } from './record-flow.ts';

const ratings = {
  id: 'ratings',
  type: 'source.http',
  config: {
    path: '/api/ratings',
    keyField: 'id',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        sku: { type: 'string' },
        stars: { type: 'integer' },
        note: { type: 'string' },
        at: { type: 'string', format: 'date-time' },
      },
      required: ['id', 'sku', 'stars', 'at'],
    },
  },
} as const;
const stats = (field: string) =>
  ({
    id: 'stats',
    type: 'window',
    config: {
      keyField: 'sku',
      eventTimeField: 'at',
      windows: [{ name: 'allTime', type: 'all-time' }],
      aggregates: [{ name: 'avg', fn: 'avg', field }],
    },
  }) as const;

function doc(nodes: unknown[], edges: DesignDocument['edges'] = []): DesignDocument {
  return { format: 1, id: 'draft', name: 'Draft', nodes, edges, layout: { nodes: {} } } as unknown as DesignDocument;
}

describe('the records along a drawing', () => {
  it("says an edge's fields, from the schema its source declares", () => {
    expect(edgeFields(doc([ratings]), 'ratings', 'out')).toBe(
      'id: string, sku: string, stars: integer, note: string, optional, at: date-time string',
    );
    expect(edgeFields(doc([{ id: 'k', type: 'source.kafka', config: { topic: 't' } }]), 'k', 'out')).toBe(
      'fields not known (the source declares no schema)',
    );
  });

  it('refuses, as it is drawn, an edge whose records a configured node cannot work with, and says why', () => {
    const verdict = checkConnection(doc([ratings, stats('note')]), { source: 'ratings', target: 'stats' });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('the window averages `note`, but records reaching it have no numeric `note`');
    expect(checkConnection(doc([ratings, stats('stars')]), { source: 'ratings', target: 'stats' }).ok).toBe(true);
  });
});
