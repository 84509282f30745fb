import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile } from './compile.ts';
import { MemoryDriver } from './memory-driver.ts';
import type { Plan } from './plan.ts';
import { kafkaSink, passNode, source, spamNode, windowNode } from './testing/nodes.ts';
import { type TestNode, testFactories, testPipeline } from './testing/test-factories.ts';

function planOf(nodes: TestNode[], edges: string[], options?: CompileOptions): Plan {
  const result = compile(testPipeline(nodes, edges), testFactories, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

const topicsWithRole = (plan: Plan, role: string) => plan.topics.filter((topic) => topic.role === role);

describe('compile', () => {
  it('keeps a stateless chain in one sub-topology, with one task per source partition and no repartition topic', () => {
    const plan = planOf(
      [source('in', 'reviews', 'courseId'), passNode('shape'), passNode('keep', 'filter'), kafkaSink('out', 'shaped')],
      ['in->shape', 'shape->keep', 'keep->out'],
      { sourcePartitions: { reviews: 4 } },
    );
    expect(plan.subTopologies).toHaveLength(1);
    expect(plan.subTopologies[0]?.stages).toEqual(['shape', 'keep', 'out']);
    expect(topicsWithRole(plan, 'repartition')).toEqual([]);
    expect(plan.tasks.map((task) => task.id)).toEqual(['test.0.0', 'test.0.1', 'test.0.2', 'test.0.3']);
    expect(plan.stages.shape?.wiring.out).toEqual([{ kind: 'stage', stage: 'keep' }]);
  });

  it('lets a stage keyed by the source key field run in the source sub-topology, with a compacted changelog per store', () => {
    const plan = planOf(
      [source('in', 'reviews', 'courseId'), passNode('shape'), windowNode('stats', 'courseId')],
      ['in->shape', 'shape->stats'],
      {
        sourcePartitions: { reviews: 6 },
      },
    );
    expect(plan.subTopologies).toHaveLength(1);
    expect(topicsWithRole(plan, 'repartition')).toEqual([]);
    expect(topicsWithRole(plan, 'changelog')).toEqual([
      { name: 'sluice.test.stats.counts.changelog', partitions: 6, role: 'changelog', config: { 'cleanup.policy': 'compact' } },
    ]);
    expect(plan.tasks[5]?.changelogs).toEqual([{ store: 'stats.counts', topic: 'sluice.test.stats.counts.changelog', partition: 5 }]);
  });

  it('inserts a repartition topic before a stage keyed by another field, with the sub-topology it feeds', () => {
    const plan = planOf(
      [source('in', 'reviews', 'userId'), passNode('shape'), windowNode('stats', 'courseId')],
      ['in->shape', 'shape->stats'],
      {
        sourcePartitions: { reviews: 2 },
        internalPartitions: 5,
      },
    );
    expect(plan.subTopologies.map((sub) => [sub.input.topic, sub.partitions, sub.stages])).toEqual([
      ['reviews', 2, ['shape']],
      ['sluice.test.stats.repartition', 5, ['stats']],
    ]);
    expect(topicsWithRole(plan, 'repartition').map((topic) => [topic.name, topic.partitions])).toEqual([
      ['sluice.test.stats.repartition', 5],
    ]);
    expect(plan.stages.shape?.wiring.out).toEqual([
      { kind: 'repartition', topic: 'sluice.test.stats.repartition', partitions: 5, stage: 'stats' },
    ]);
    expect(plan.stores[0]?.partitions).toBe(5);
    expect(plan.tasks.filter((task) => task.subTopology === 1).map((task) => task.id)).toEqual([
      'test.1.0',
      'test.1.1',
      'test.1.2',
      'test.1.3',
      'test.1.4',
    ]);
  });

  it('gives each stage of a node its own repartition topic when it needs another key', () => {
    const plan = planOf(
      [source('in', 'reviews', 'userId'), spamNode('spam'), windowNode('stats', 'courseId')],
      ['in->spam', 'spam:valid->stats'],
      { sourcePartitions: { reviews: 3 } },
    );
    expect(plan.stages['spam.velocity']?.subTopology).toBe(0); // the source is already keyed by user
    expect(topicsWithRole(plan, 'repartition').map((topic) => topic.name)).toEqual([
      'sluice.test.spam.duplicate.repartition',
      'sluice.test.stats.repartition',
    ]);
    expect(plan.stores.map((store) => store.changelogTopic)).toEqual([
      'sluice.test.spam.recent.changelog',
      'sluice.test.spam.texts.changelog',
      'sluice.test.stats.counts.changelog',
    ]);
  });

  it('runs a stateless stage fed by two source topics as a replica in each sub-topology, with no repartition topic', () => {
    const plan = planOf(
      [source('a', 'left'), source('b', 'right'), passNode('both'), kafkaSink('out', 'merged')],
      ['a->both', 'b->both', 'both->out'],
    );
    expect(plan.subTopologies.map((sub) => [sub.input.topic, sub.stages])).toEqual([
      ['left', ['both#0', 'out#0']],
      ['right', ['both#1', 'out#1']],
    ]);
    expect(topicsWithRole(plan, 'repartition')).toEqual([]);
    expect(topicsWithRole(plan, 'sink').map((topic) => topic.name)).toEqual(['merged']);
    expect(plan.stages['both#1']?.wiring.out).toEqual([{ kind: 'stage', stage: 'out#1' }]);
    const driver = new MemoryDriver(plan);
    driver.send('left', [{ key: 'l', value: { from: 'left' } }]);
    driver.send('right', [{ key: 'r', value: { from: 'right' } }]);
    expect(driver.output('merged').map((record) => record.value)).toEqual([{ from: 'left' }, { from: 'right' }]);
  });

  it('merges two source topics through one repartition topic in front of a stateful stage, one input topic per sub-topology', () => {
    const plan = planOf(
      [source('a', 'left', 'courseId'), source('b', 'right', 'courseId'), windowNode('stats', 'courseId')],
      ['a->stats', 'b->stats'],
    );
    expect(plan.subTopologies.map((sub) => sub.input.topic)).toEqual(['left', 'right', 'sluice.test.stats.repartition']);
    expect(plan.sources.map((entry) => entry.targets)).toEqual([
      [{ kind: 'repartition', topic: 'sluice.test.stats.repartition', partitions: 3, stage: 'stats' }],
      [{ kind: 'repartition', topic: 'sluice.test.stats.repartition', partitions: 3, stage: 'stats' }],
    ]);
  });

  it('defaults partitions to the largest known source partition count, or 3, and lists the DLQ and sink topics', () => {
    const nodes = [source('a', 'left', 'k'), source('b', 'right', 'k'), windowNode('stats', 'courseId'), kafkaSink('out', 'stats')];
    const edges = ['a->stats', 'b->stats', 'stats->out'];
    const known = planOf(nodes, edges, { sourcePartitions: { left: 8 } });
    expect(known.partitions).toEqual({ default: 8, internal: 8 });
    expect(known.subTopologies.map((sub) => sub.partitions)).toEqual([8, 8, 8]);
    const unknown = planOf(nodes, edges);
    expect(unknown.partitions).toEqual({ default: 3, internal: 3 });
    expect(unknown.topics.find((topic) => topic.role === 'dlq')).toEqual({
      name: 'sluice.test.dlq',
      partitions: 3,
      config: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' },
      role: 'dlq',
    });
    expect(unknown.topics.find((topic) => topic.role === 'sink')?.name).toBe('stats');
  });
});
