import { describe, expect, it } from 'vitest';
import { documentWith } from '../test-utils/documents.ts';
import { checkConnection } from './connection-rules.ts';

const doc = documentWith(
  [
    ['reviews', 'source.kafka'],
    ['spam', 'spam-filter'],
    ['keep', 'filter'],
    ['out', 'sink.kafka'],
  ],
  [
    ['reviews:out', 'spam:in'],
    ['spam:valid', 'keep:in'],
  ],
);

describe('connection rules', () => {
  it('accepts an output port into an input port', () => {
    expect(checkConnection(doc, { source: 'keep', sourceHandle: 'out', target: 'out', targetHandle: 'in' })).toEqual({
      ok: true,
      edge: { from: { node: 'keep', port: 'out' }, to: { node: 'out', port: 'in' } },
    });
  });

  it.each([
    ['into-source', { source: 'keep', sourceHandle: 'out', target: 'reviews', targetHandle: 'in' }],
    ['out-of-sink', { source: 'out', sourceHandle: 'out', target: 'keep', targetHandle: 'in' }],
    ['unknown-port', { source: 'spam', sourceHandle: 'maybe', target: 'out', targetHandle: 'in' }],
    ['unknown-port', { source: 'spam', sourceHandle: 'spam', target: 'out', targetHandle: 'side' }],
    ['duplicate-edge', { source: 'reviews', sourceHandle: 'out', target: 'spam', targetHandle: 'in' }],
    ['cycle', { source: 'keep', sourceHandle: 'out', target: 'spam', targetHandle: 'in' }],
    ['cycle', { source: 'keep', sourceHandle: 'out', target: 'keep', targetHandle: 'in' }],
    ['unknown-node', { source: 'ghost', sourceHandle: 'out', target: 'keep', targetHandle: 'in' }],
  ])('refuses %s with a reason', (refusal, attempt) => {
    const verdict = checkConnection(doc, attempt);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.refusal).toBe(refusal);
      expect(verdict.reason).toMatch(/^Cannot connect: .+\.$/);
    }
  });
});
