import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountingProblems } from './accounting.ts';
import { compile } from './compile.ts';
import { DLQ_HEADERS } from './dead-letter.ts';
import { MemoryDriver } from './memory-driver.ts';
import { DLQ, total } from './metrics.ts';
import { partitionForKey } from './partitioner.ts';
import { kafkaSink, source, windowNode } from './testing/nodes.ts';
import { type TestNode, TIMER_DELAY, testFactories, testPipeline } from './testing/test-factories.ts';

function driverOf(nodes: TestNode[], edges: string[], partitions = 4): MemoryDriver {
  const result = compile(testPipeline(nodes, edges), testFactories, { defaultPartitions: partitions });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return new MemoryDriver(result.plan, { startTime: 1_000_000 });
}

const countsByCourse = [source('in', 'reviews', 'userId'), windowNode('stats', 'courseId'), kafkaSink('out', 'stats')];
const countsEdges = ['in->stats', 'stats->out'];

describe('the memory driver', () => {
  it('routes repartitioned records to the task that owns their key, so per-key state is complete', () => {
    const driver = driverOf(countsByCourse, countsEdges);
    const reviews = Array.from({ length: 40 }, (_, i) => ({ key: `u${i % 7}`, value: { userId: `u${i % 7}`, courseId: `c${i % 3}` } }));
    driver.send('reviews', reviews);
    const counts = driver.output('stats').filter((record) => record.key !== null);
    for (const course of ['c0', 'c1', 'c2']) {
      const mine = counts.filter((record) => record.key === course).map((record) => (record.value as { count: number }).count);
      expect(mine).toEqual(Array.from({ length: mine.length }, (_, i) => i + 1));
    }
    expect(counts).toHaveLength(40);
    for (const record of driver.topics.all('sluice.test.stats.repartition')) {
      expect(record.partition).toBe(partitionForKey(record.key ?? '', 4));
    }
  });

  it('fires timers in time order across tasks as the clock advances, each at its own time', () => {
    const driver = driverOf(countsByCourse, countsEdges);
    const start = driver.now();
    driver.send('reviews', [
      { value: { userId: 'a', courseId: 'c1' }, timestamp: start + 500 },
      { value: { userId: 'b', courseId: 'c2' }, timestamp: start - 300 },
      { value: { userId: 'c', courseId: 'c3' }, timestamp: start + 200 },
    ]);
    driver.advanceTime(800);
    const ticksSoFar = driver.emitted('stats').filter((record) => record.key === null);
    expect(ticksSoFar.map((record) => record.value?.tick)).toEqual([start - 300 + TIMER_DELAY]);
    driver.advanceTime(2000);
    const ticks = driver.emitted('stats').filter((record) => record.key === null);
    expect(ticks.map((record) => record.value?.tick)).toEqual([start + 700, start + 1200, start + 1500]);
    expect(ticks.map((record) => record.value?.now)).toEqual([start + 700, start + 1200, start + 1500]);
    expect(driver.now()).toBe(start + 2800);
  });

  it('writes a changelog record for every key a batch changed, on the task partition', () => {
    const driver = driverOf([source('in', 'reviews', 'courseId'), windowNode('stats', 'courseId')], ['in->stats'], 2);
    driver.send('reviews', [
      { key: 'x', value: { courseId: 'x' } },
      { key: 'y', value: { courseId: 'y' } },
      { key: 'x', value: { courseId: 'x' } },
    ]);
    const changelog = driver.topics.all('sluice.test.stats.counts.changelog');
    const last = new Map(changelog.map((record) => [record.key, record.value]));
    expect(Object.fromEntries(last)).toEqual({ x: '2', y: '1' });
    for (const record of changelog) expect(record.partition).toBe(partitionForKey(record.key ?? '', 2));
  });

  it('dead-letters a record whose operator throws, undoes its state writes and goes on', () => {
    const driver = driverOf(countsByCourse, countsEdges, 1);
    driver.send('reviews', [
      { value: { userId: 'a', courseId: 'c' } },
      { value: { userId: 'a', courseId: 'c', explode: true } },
      { value: { userId: 'a', courseId: 'c' } },
    ]);
    expect(driver.output('stats').map((record) => record.value)).toEqual([
      { key: 'c', count: 1 },
      { key: 'c', count: 2 },
    ]);
    const [letter] = driver.deadLetters();
    expect(letter?.headers).toMatchObject({
      [DLQ_HEADERS.node]: 'stats',
      [DLQ_HEADERS.reason]: 'operator-error',
      [DLQ_HEADERS.error]: 'boom',
      [DLQ_HEADERS.sourceTopic]: 'sluice.test.stats.repartition',
      [DLQ_HEADERS.sourceOffset]: '1',
    });
    expect(JSON.parse(letter?.value ?? 'null')).toEqual({ userId: 'a', courseId: 'c', explode: true });
  });

  it('dead-letters unparseable input with the source position and keeps going', () => {
    const driver = driverOf(countsByCourse, countsEdges, 1);
    driver.send('reviews', [{ key: 'k', value: '{not json' }, { value: { userId: 'a', courseId: 'c' } }, { value: '[1,2]' }]);
    expect(driver.output('stats')).toHaveLength(1);
    expect(
      driver.deadLetters().map((letter) => [letter.value, letter.headers[DLQ_HEADERS.reason], letter.headers[DLQ_HEADERS.sourceOffset]]),
    ).toEqual([
      ['{not json', 'invalid-json', '0'],
      ['[1,2]', 'not-a-json-object', '2'],
    ]);
    expect(driver.deadLetters()[0]?.headers[DLQ_HEADERS.sourceTopic]).toBe('reviews');
  });

  it('accounts for every input: forwarded, dropped or dead-lettered (random inputs)', () => {
    const input = fc.record({
      userId: fc.constantFrom('a', 'b', 'c'),
      courseId: fc.constantFrom('x', 'y'),
      broken: fc.constantFrom('json', 'explode', 'fine', 'fine', 'fine'),
    });
    fc.assert(
      fc.property(fc.array(input, { maxLength: 60 }), (inputs) => {
        const driver = driverOf(countsByCourse, countsEdges, 3);
        driver.send(
          'reviews',
          inputs.map(({ userId, courseId, broken }) => ({
            value: broken === 'json' ? '{' : { userId, courseId, explode: broken === 'explode' },
          })),
        );
        const snapshot = driver.metrics.snapshot();
        expect(accountingProblems(snapshot)).toEqual([]);
        expect(total(snapshot, DLQ)).toBe(inputs.filter((item) => item.broken !== 'fine').length);
        expect(driver.output('stats')).toHaveLength(inputs.filter((item) => item.broken === 'fine').length);
      }),
      { numRuns: 50 },
    );
  });
});
