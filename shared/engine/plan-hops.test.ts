import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile } from './compile.ts';
import type { Plan } from './plan.ts';
import { planHops } from './plan-hops.ts';
import { describePlan } from './plan-summary.ts';
import { kafkaSink, passNode, source, spamNode, windowNode } from './testing/nodes.ts';
import { type TestNode, testFactories, testPipeline } from './testing/test-factories.ts';

function planOf(nodes: TestNode[], edges: string[], options: CompileOptions = { sourcePartitions: { reviews: 3 } }): Plan {
  const result = compile(testPipeline(nodes, edges), testFactories, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe('the hops of a plan', () => {
  it('fuses a chain whose keys allow it into one task: no hop, and records handed on in the same call', () => {
    const plan = planOf(
      [
        source('in', 'reviews', 'courseId'),
        passNode('keep', 'filter'),
        passNode('shape'),
        windowNode('stats', 'courseId'),
        kafkaSink('out', 'stats'),
      ],
      ['in->keep', 'keep->shape', 'shape->stats', 'stats->out'],
    );
    expect(planHops(plan)).toEqual([]);
    expect(plan.subTopologies.map((sub) => sub.stages)).toEqual([['keep', 'shape', 'stats', 'out']]);
    expect(plan.sources[0]?.targets).toEqual([{ kind: 'stage', stage: 'keep' }]);
    expect(describePlan(plan)).toContain('(none: every stage runs where its input arrives)');
  });

  it('has one hop per change of key, each with its reason, and the stages between two hops fused', () => {
    const plan = planOf(
      [source('in', 'reviews', 'id'), passNode('shape'), spamNode('spam'), windowNode('stats', 'courseId'), kafkaSink('out', 'stats')],
      ['in->shape', 'shape->spam', 'spam:valid->stats', 'stats->out'],
    );
    const hops = planHops(plan);
    expect(hops.map((hop) => [hop.from, hop.to, hop.reason])).toEqual([
      [['shape'], 'spam.velocity', 'spam.velocity needs its input partitioned by field userId; it arrives partitioned by field id'],
      [
        ['spam.velocity'],
        'spam.duplicate',
        'spam.duplicate needs its input partitioned by normalised text; it arrives partitioned by field userId',
      ],
      [['spam.duplicate'], 'stats', 'stats needs its input partitioned by field courseId; it arrives partitioned by normalised text'],
    ]);
    // The window and its sink share the last hop's task.
    expect(plan.subTopologies.at(-1)?.stages).toEqual(['stats', 'out']);
    expect(describePlan(plan)).toContain(`shape → ${hops[0]?.topic} → spam.velocity: spam.velocity needs`);
  });

  it('takes each hop once per record: no stage writes a record to the same repartition topic twice', () => {
    const plan = planOf(
      [
        source('in', 'reviews', 'id'),
        spamNode('spam'),
        windowNode('stats', 'courseId'),
        kafkaSink('valid', 'valid'),
        kafkaSink('spamOut', 'spam'),
      ],
      ['in->spam', 'spam:valid->stats', 'spam:valid->valid', 'spam:spam->spamOut'],
    );
    for (const stage of Object.values(plan.stages)) {
      const topics = Object.values(stage.wiring).flatMap((targets) => targets.flatMap((t) => (t.kind === 'repartition' ? [t.topic] : [])));
      expect(new Set(topics).size, stage.id).toBe(topics.length);
    }
    expect(planHops(plan).map((hop) => hop.topic)).toEqual([...new Set(planHops(plan).map((hop) => hop.topic))]);
  });

  it('names a merge of two sub-topologies in front of a stateful stage as its reason', () => {
    const plan = planOf(
      [source('a', 'left', 'courseId'), source('b', 'right', 'courseId'), windowNode('stats', 'courseId')],
      ['a->stats', 'b->stats'],
      {},
    );
    expect(planHops(plan).map((hop) => [hop.from, hop.reason])).toEqual([
      [['a', 'b'], 'stats merges the streams of 2 sub-topologies, which only a topic can join'],
    ]);
  });
});
