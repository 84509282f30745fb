import { describe, expect, it } from 'vitest';
import { documentWith } from '../test-utils/documents.ts';
import { checkConnection } from './connection-rules.ts';

const doc = documentWith(
  [
    ['reviews', 'source.kafka'],
    ['spam', 'spam-filter'],
    ['keep', 'filter'],
    ['stats', 'window'],
    ['out', 'sink.kafka'],
  ],
  [
    ['reviews:out', 'spam:in'],
    ['spam:valid', 'keep:in'],
  ],
);

describe('connection rules on the canvas', () => {
  it('accepts an output port into an input port, and reads a missing handle as the only port', () => {
    expect(checkConnection(doc, { source: 'keep', sourceHandle: 'out', target: 'out', targetHandle: null })).toEqual({
      ok: true,
      edge: { from: { node: 'keep', port: 'out' }, to: { node: 'out', port: 'in' } },
    });
  });

  it.each([
    ['source-has-input', { source: 'keep', sourceHandle: 'out', target: 'reviews', targetHandle: 'in' }],
    ['sink-has-output', { source: 'out', sourceHandle: 'out', target: 'keep', targetHandle: 'in' }],
    ['edge-unknown-port', { source: 'spam', sourceHandle: 'maybe', target: 'out', targetHandle: 'in' }],
    ['duplicate-edge', { source: 'reviews', sourceHandle: 'out', target: 'spam', targetHandle: 'in' }],
    ['cycle', { source: 'keep', sourceHandle: 'out', target: 'spam', targetHandle: 'in' }],
    ['edge-unknown-node', { source: 'ghost', sourceHandle: 'out', target: 'keep', targetHandle: 'in' }],
    // The test source has no keyField, so nothing upstream keys the records a window needs keyed.
    ['input-not-keyed', { source: 'keep', sourceHandle: 'out', target: 'stats', targetHandle: 'in' }],
  ])('refuses %s with the validator’s reason in words', (code, attempt) => {
    const verdict = checkConnection(doc, attempt);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.issues.map((issue) => issue.code)).toContain(code);
      expect(verdict.reason).toMatch(/^Cannot connect: .{20,}\.$/);
    }
  });
});
