import { describe, expect, it } from 'vitest';
import { documentWith } from '../test-utils/documents.ts';
import { deployedness, meaningOf } from './dirty.ts';

const drawn = documentWith(
  [
    ['reviews', 'source.kafka'],
    ['out', 'sink.kafka'],
  ],
  [['reviews:out', 'out:in']],
);
// A new sink starts without a topic; a deployable document has one.
const running = { ...drawn, nodes: drawn.nodes.map((n) => (n.id === 'out' ? { ...n, config: { topic: 'stats' } } : n)) };

describe('dirty marker', () => {
  it('ignores moved boxes', () => {
    const moved = { ...running, layout: { nodes: { reviews: { x: 999, y: 1 }, out: { x: 5, y: 5 } } } };
    expect(deployedness(moved, running)).toBe('in-sync');
  });

  it('notices a config change', () => {
    const changed = {
      ...running,
      nodes: running.nodes.map((n) => (n.id === 'out' ? { ...n, config: { ...n.config, topic: 'other' } } : n)),
    };
    expect(deployedness(changed, running)).toBe('changed');
  });

  it('says when nothing is deployed yet', () => {
    expect(deployedness(running, undefined)).toBe('not-deployed');
  });

  it('sees the same meaning in a moved document, part for part', () => {
    const moved = { ...running, layout: { nodes: { reviews: { x: 1, y: 1 } } } };
    const a = meaningOf(running);
    const b = meaningOf(moved);
    expect(b).not.toHaveProperty('layout');
    expect(Object.keys(a).every((key) => a[key as keyof typeof a] === b[key as keyof typeof b])).toBe(true);
  });
});
