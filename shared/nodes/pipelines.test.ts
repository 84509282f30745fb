import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountingProblems } from '../engine/accounting.ts';
import { compile } from '../engine/compile.ts';
import { MemoryDriver } from '../engine/memory-driver.ts';
import { DLQ, DROPPED, RECORDS_IN, total } from '../engine/metrics.ts';
import { inputTopics } from '../engine/plan.ts';
import { windowNode } from '../engine/testing/nodes.ts';
import { testFactories } from '../engine/testing/test-factories.ts';
import { validatePipeline } from '../index.ts';
import { nodeFactories } from './index.ts';
import { type HarnessNode, harness, pipelineJson, reviewsSource, sinkTo } from './testing/harness.ts';

describe('pipelines of the built-in nodes', () => {
  it('account for every record: out through a port, dropped by a rule, or dead-lettered (random inputs)', () => {
    const nodes: HarnessNode[] = [
      reviewsSource,
      { id: 'rated', type: 'filter', config: { expression: 'rating >= 2' } },
      { id: 'shape', type: 'map', config: { compute: { double: 'rating + rating' } } },
      { id: 'route', type: 'branch', config: { routes: [{ port: 'top', expression: 'rating >= 4' }] } },
      sinkTo('top', 'top'),
      { id: 'db', type: 'sink.postgres', config: { table: 'rest', primaryKey: ['id'] } },
    ];
    const edges = ['reviews->rated', 'rated->shape', 'shape->route', 'route:top->top', 'route:otherwise->db'];
    const review = fc.oneof(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), rating: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), rating: fc.constantFrom('five', null) }),
      fc.constant('{broken'),
    );
    fc.assert(
      fc.property(fc.array(review, { maxLength: 50 }), (reviews) => {
        const driver = harness(nodes, edges, { defaultPartitions: 2 });
        driver.send(
          'reviews',
          reviews.map((value) => ({ value })),
        );
        const snapshot = driver.metrics.snapshot();
        expect(accountingProblems(snapshot)).toEqual([]);
        const atSource = total(snapshot, RECORDS_IN, { node: 'reviews' });
        const delivered = driver.output('top').length + driver.sinkWrites.reduce((sum, write) => sum + write.operations.length, 0);
        expect(atSource).toBe(reviews.length);
        expect(delivered + total(snapshot, DROPPED) + total(snapshot, DLQ)).toBe(reviews.length);
      }),
      { numRuns: 60 },
    );
  });

  it('needs no repartition when a map only renames the key field a window is keyed by', () => {
    const factories = { ...nodeFactories, window: testFactories.window };
    const json = (rename: Record<string, string>) =>
      pipelineJson(
        [
          { ...reviewsSource, config: { topic: 'reviews', keyField: 'courseId' } },
          { id: 'shape', type: 'map', config: { rename } },
          windowNode('stats', 'course'),
        ],
        ['reviews->shape', 'shape->stats'],
      );
    const planOf = (rename: Record<string, string>) => {
      const validation = validatePipeline(json(rename));
      if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
      const result = compile(validation.pipeline, factories);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.plan;
    };
    expect(planOf({ courseId: 'course' }).topics.filter((topic) => topic.role === 'repartition')).toEqual([]);
    const elsewhere = planOf({ title: 'course' });
    expect(elsewhere.topics.filter((topic) => topic.role === 'repartition').map((topic) => topic.name)).toEqual([
      'sluice.test.stats.repartition',
    ]);
    expect(inputTopics(elsewhere)).toEqual([
      { topic: 'reviews', fromBeginning: true },
      { topic: 'sluice.test.stats.repartition', fromBeginning: true },
    ]);
    const driver = new MemoryDriver(elsewhere);
    driver.send('reviews', [{ value: { courseId: 'x', title: 'A' } }, { value: { courseId: 'y', title: 'A' } }]);
    expect(driver.emitted('stats').map((record) => record.value)).toEqual([
      { key: 'A', count: 1 },
      { key: 'A', count: 2 },
    ]);
  });
});
