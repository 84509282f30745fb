import { describe, expect, it } from 'vitest';
import { validPipeline } from '../validation/test-pipelines.ts';
import type { Pipeline } from './pipeline.ts';
import { pipelinesEquivalent, semanticPipeline } from './semantic.ts';

const base: Pipeline = validPipeline();

describe('pipeline equivalence', () => {
  it('ignores layout and $schema', () => {
    const moved: Pipeline = { ...base, $schema: 'x.json', layout: { nodes: { reviews: { x: 999, y: -3 } } } };
    expect(pipelinesEquivalent(base, moved)).toBe(true);
    expect(semanticPipeline(moved)).not.toHaveProperty('layout');
  });

  it('ignores the order nodes and edges are listed in', () => {
    const reordered: Pipeline = { ...base, nodes: [...base.nodes].reverse(), edges: [...base.edges].reverse() };
    expect(pipelinesEquivalent(base, reordered)).toBe(true);
  });

  it('sees a config change', () => {
    const changed = structuredClone(base);
    const sink = changed.nodes.find((node) => node.type === 'sink.kafka');
    if (sink?.type !== 'sink.kafka') throw new Error('fixture has a sink.kafka');
    sink.config.partitions = 6;
    expect(pipelinesEquivalent(base, changed)).toBe(false);
  });

  it('sees an edge change', () => {
    expect(pipelinesEquivalent(base, { ...base, edges: base.edges.slice(1) })).toBe(false);
  });
});
