import { describe, expect, it } from 'vitest';
import { batchMessages } from './batch-result.ts';
import { compile } from './compile.ts';
import type { Plan } from './plan.ts';
import type { RawRecord } from './record.ts';
import { Task } from './task.ts';
import { source, windowNode } from './testing/nodes.ts';
import { testFactories, testPipeline } from './testing/test-factories.ts';

function countingPlan(): Plan {
  const result = compile(
    testPipeline([source('in', 'reviews', 'courseId'), windowNode('stats', 'courseId')], ['in->stats']),
    testFactories,
    {
      defaultPartitions: 2,
    },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

function taskOf(plan: Plan, index: number): Task {
  const taskPlan = plan.tasks[index];
  if (!taskPlan) throw new Error(`no task ${index}`);
  return new Task(plan, taskPlan, { clock: { now: () => 0 } });
}

const raw = (offset: number, value: unknown): RawRecord => ({
  topic: 'reviews',
  partition: 1,
  offset,
  key: null,
  value: JSON.stringify(value),
  timestamp: 0,
  headers: {},
});

describe('a task', () => {
  it('returns one batch result with the changelog and the next offset to commit', () => {
    const plan = countingPlan();
    const task = taskOf(plan, 1);
    const result = task.processBatch([raw(7, { courseId: 'a' }), raw(8, { courseId: 'b' }), raw(9, { courseId: 'a' })]);
    expect(result.lastOffsets).toEqual([{ topic: 'reviews', partition: 1, nextOffset: 10 }]);
    expect(result.changelog).toEqual([
      { store: 'stats.counts', topic: 'sluice.test.stats.counts.changelog', partition: 1, key: 'a', value: 2 },
      { store: 'stats.counts', topic: 'sluice.test.stats.counts.changelog', partition: 1, key: 'b', value: 1 },
    ]);
    expect(
      batchMessages(result)
        .filter((message) => message.topic.endsWith('.changelog'))
        .map((message) => message.value),
    ).toEqual(['2', '1']);
    expect(task.storeStats()).toEqual([{ store: 'stats.counts', keys: 2, bytes: expect.any(Number) }]);
  });

  it('continues from restored state after its changelog is read back', () => {
    const plan = countingPlan();
    const task = taskOf(plan, 1);
    task.restoreChangelogRecord({ topic: 'sluice.test.stats.counts.changelog', key: 'a', value: '41' });
    task.restoreChangelogRecord({ topic: 'sluice.test.stats.counts.changelog', key: 'gone', value: null });
    const result = task.processBatch([raw(0, { courseId: 'a' })]);
    expect(result.changelog.map((write) => [write.key, write.value])).toEqual([['a', 42]]);
  });

  it('refuses records of a partition it does not own', () => {
    const plan = countingPlan();
    const task = taskOf(plan, 0);
    expect(() => task.processBatch([raw(0, { courseId: 'a' })])).toThrow(/reads reviews\[0\]/);
  });

  it('reports when its next timer is due and fires nothing before', () => {
    const plan = countingPlan();
    const task = taskOf(plan, 1);
    task.processBatch([{ ...raw(0, { courseId: 'a' }), timestamp: 5000 }]);
    expect(task.nextTimerAt()).toBe(6000);
    expect(task.fireTimers(5999).changelog).toEqual([]);
    expect(task.nextTimerAt()).toBe(6000);
    task.fireTimers(6000);
    expect(task.nextTimerAt()).toBeUndefined();
  });
});
