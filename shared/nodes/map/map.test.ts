import { describe, expect, it } from 'vitest';
import { DLQ_HEADERS } from '../../engine/dead-letter.ts';
import { harness, reviewsSource, sinkTo } from '../testing/harness.ts';
import { partitioningAfterMap } from './implementation.ts';

const withMap = (config: Record<string, unknown>) =>
  harness([reviewsSource, { id: 'shape', type: 'map', config }, sinkTo('out', 'shaped')], ['reviews->shape', 'shape->out']);

describe('the map node', () => {
  it('picks, then renames, then computes from the input record', () => {
    const driver = withMap({
      pick: ['id', 'rating', 'title'],
      rename: { title: 'headline' },
      compute: { good: 'rating >= 4', stars: 'rating + rating' },
    });
    driver.send('reviews', [{ value: { id: 'r1', rating: 4, title: 'Nice', userId: 'u1' } }]);
    expect(driver.output('shaped').map((record) => record.value)).toEqual([
      { id: 'r1', rating: 4, headline: 'Nice', good: true, stars: 8 },
    ]);
    expect(driver.output('shaped')[0]?.key).toBe('r1');
  });

  it('keeps every field when nothing is picked and passes tombstones unchanged', () => {
    const driver = withMap({ rename: { a: 'b', b: 'a' } });
    driver.send('reviews', [{ value: { id: 'x', a: 1, b: 2 } }, { key: 'y', value: null }]);
    expect(driver.output('shaped').map((record) => record.value)).toEqual([{ id: 'x', b: 1, a: 2 }, null]);
  });

  it('dead-letters a record a computed field fails on', () => {
    const driver = withMap({ compute: { share: 'rating / total' } });
    driver.send('reviews', [{ value: { id: 'x', rating: 1 } }]);
    expect(driver.deadLetters().map((letter) => [letter.headers[DLQ_HEADERS.node], letter.headers[DLQ_HEADERS.reason]])).toEqual([
      ['shape', 'expression-error'],
    ]);
  });

  it('follows the partitioning field through renames and loses it when it is dropped or overwritten', () => {
    const byCourse = { kind: 'field', field: 'courseId' } as const;
    expect(partitioningAfterMap({ rename: { courseId: 'course' } }, byCourse)).toEqual({ kind: 'field', field: 'course' });
    expect(partitioningAfterMap({ pick: ['id'] }, byCourse)).toEqual({ kind: 'unknown' });
    expect(partitioningAfterMap({ compute: { courseId: '"x"' } }, byCourse)).toEqual({ kind: 'unknown' });
    expect(partitioningAfterMap({ rename: { id: 'courseId' }, pick: ['id', 'courseId'] }, byCourse)).toEqual({ kind: 'unknown' });
    expect(partitioningAfterMap({ compute: { other: '1' } }, { kind: 'record-key' })).toEqual({ kind: 'record-key' });
  });
});
