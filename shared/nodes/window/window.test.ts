import { describe, expect, it } from 'vitest';
import { accountingProblems } from '../../engine/accounting.ts';
import { DLQ_HEADERS } from '../../engine/dead-letter.ts';
import { RECORDS_OUT } from '../../engine/metrics.ts';
import { type HarnessNode, harness, sinkTo } from '../testing/harness.ts';

const DAY = 24 * 3600 * 1000;
const source: HarnessNode = {
  id: 'reviews',
  type: 'source.kafka',
  config: { topic: 'reviews', keyField: 'id', eventTimeField: 'createdAt' },
};
const stats: HarnessNode = {
  id: 'stats',
  type: 'window',
  config: {
    keyField: 'courseId',
    eventTimeField: 'createdAt',
    idField: 'id',
    windows: [
      { name: 'allTime', type: 'all-time' },
      { name: 'last90Days', type: 'sliding', size: '90d' },
    ],
    aggregates: [
      { name: 'count', fn: 'count' },
      { name: 'averageRating', fn: 'avg', field: 'rating' },
    ],
  },
};
const sink: HarnessNode = { id: 'out', type: 'sink.kafka', config: { topic: 'course-stats', keyField: 'courseId', compacted: true } };

function courseStats() {
  const driver = harness([source, stats, sink], ['reviews->stats', 'stats->out'], { defaultPartitions: 3 });
  const review = (id: string, courseId: string, rating: number, daysAgo: number) => ({
    key: id,
    value: { id, courseId, rating, createdAt: new Date(driver.now() - daysAgo * DAY).toISOString() },
  });
  return { driver, review };
}

type Figures = { courseId: string; allTime: { count: number }; last90Days: { count: number; averageRating: number | null } };
const latest = (records: { key: string | null; value: unknown }[], key: string) =>
  records.filter((record) => record.key === key).at(-1)?.value as Figures | null | undefined;

describe('the window node', () => {
  it('keeps per-course figures across partitions, all time and for the last 90 days', () => {
    const { driver, review } = courseStats();
    driver.send('reviews', [review('r1', 'c1', 4, 100), review('r2', 'c1', 2, 10), review('r3', 'c2', 5, 1), review('r4', 'c1', 5, 1)]);
    const c1 = latest(driver.output('course-stats'), 'c1');
    expect(c1?.allTime.count).toBe(3);
    expect(c1?.last90Days).toMatchObject({ count: 2, averageRating: 3.5 });
    expect(latest(driver.output('course-stats'), 'c2')?.allTime.count).toBe(1);
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });

  it('lets reviews fall out of the last 90 days on a timer, with no new input', () => {
    const { driver, review } = courseStats();
    driver.send('reviews', [review('r1', 'c1', 4, 85), review('r2', 'c1', 2, 1)]);
    expect(latest(driver.output('course-stats'), 'c1')?.last90Days.count).toBe(2);
    driver.advanceTime(6 * DAY);
    const c1 = latest(driver.output('course-stats'), 'c1');
    expect(c1?.last90Days).toMatchObject({ count: 1, averageRating: 2 });
    expect(c1?.allTime.count).toBe(2);
  });

  it('retracts a deleted review from the task that holds it, though the tombstone is keyed by review id', () => {
    const { driver, review } = courseStats();
    driver.send('reviews', [review('r1', 'c1', 4, 3), review('r2', 'c1', 2, 2)]);
    driver.send('reviews', [{ key: 'r1', value: null }]);
    expect(latest(driver.output('course-stats'), 'c1')).toMatchObject({ allTime: { count: 1 }, last90Days: { averageRating: 2 } });
    expect(driver.output('course-stats').filter((record) => record.key === 'c1')).toHaveLength(3);
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });

  it('dead-letters records without the key field or a readable event time', () => {
    const { driver } = courseStats();
    driver.send('reviews', [{ key: 'x', value: { id: 'x', rating: 3, createdAt: '2026-01-01T00:00:00Z' } }]);
    expect(driver.deadLetters().map((letter) => [letter.headers[DLQ_HEADERS.node], letter.headers[DLQ_HEADERS.reason]])).toEqual([
      ['stats', 'window-input'],
    ]);
  });

  it('rebuilds its figures from the changelog in a new task', () => {
    const { driver, review } = courseStats();
    driver.send('reviews', [review('r1', 'c1', 4, 3), review('r2', 'c1', 2, 2)]);
    const changelog = driver.topics.all('sluice.test.stats.rows.changelog');
    expect(changelog.length).toBeGreaterThan(0);
    const again = courseStats();
    for (const task of again.driver.tasks.filter((candidate) => candidate.changelogs.length > 0)) {
      for (const record of changelog.filter((entry) => entry.partition === task.partition && entry.key !== null)) {
        task.restoreChangelogRecord({ topic: record.topic, key: record.key ?? '', value: record.value });
      }
    }
    again.driver.send('reviews', [again.review('r3', 'c1', 3, 1)]);
    expect(latest(again.driver.output('course-stats'), 'c1')).toMatchObject({ allTime: { count: 3 }, last90Days: { averageRating: 3 } });
  });

  const hourly: HarnessNode = {
    id: 'stats',
    type: 'window',
    config: {
      keyField: 'courseId',
      eventTimeField: 'createdAt',
      windows: [{ name: 'hour', type: 'tumbling', size: '1h' }],
      aggregates: [{ name: 'n', fn: 'count' }],
    },
  };

  it('dead-letters a record too late for a closed tumbling window, with reason late, when its late port is not wired', () => {
    const driver = harness([source, hourly], ['reviews->stats'], { defaultPartitions: 1 });
    const createdAt = (hoursAgo: number) => new Date(driver.now() - hoursAgo * 3600_000).toISOString();
    driver.send('reviews', [
      { key: 'a', value: { id: 'a', courseId: 'c1', createdAt: createdAt(0) } },
      { key: 'b', value: { id: 'b', courseId: 'c1', createdAt: createdAt(3) } },
    ]);
    expect(driver.deadLetters().map((letter) => [letter.key, letter.headers[DLQ_HEADERS.reason]])).toEqual([['b', 'late']]);
    expect(driver.emitted('stats').map((record) => record.headers['sluice.window'])).toEqual(['hour']);
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });

  it('sends records too late for a closed window to its late port when that is wired, counted there', () => {
    const driver = harness([source, hourly, sinkTo('lateTopic', 'late-reviews')], ['reviews->stats', 'stats:late->lateTopic'], {
      defaultPartitions: 1,
    });
    const createdAt = (hoursAgo: number) => new Date(driver.now() - hoursAgo * 3600_000).toISOString();
    driver.send('reviews', [
      { key: 'a', value: { id: 'a', courseId: 'c1', createdAt: createdAt(0) } },
      { key: 'b', value: { id: 'b', courseId: 'c1', createdAt: createdAt(3) } },
    ]);
    expect(driver.deadLetters()).toEqual([]);
    expect(driver.output('late-reviews').map((record) => (record.value as { id: string }).id)).toEqual(['b']);
    const late = driver.metrics
      .snapshot()
      .counters.find((c) => c.name === RECORDS_OUT && c.labels.node === 'stats' && c.labels.port === 'late');
    expect(late?.total).toBe(1);
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });
});
