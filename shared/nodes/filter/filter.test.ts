import { describe, expect, it } from 'vitest';
import { accountingProblems } from '../../engine/accounting.ts';
import { DLQ_HEADERS } from '../../engine/dead-letter.ts';
import { DROPPED, total } from '../../engine/metrics.ts';
import { harness, reviewsSource, sinkTo } from '../testing/harness.ts';

const withFilter = (expression: string) =>
  harness(
    [reviewsSource, { id: 'good', type: 'filter', config: { expression } }, sinkTo('out', 'good-reviews')],
    ['reviews->good', 'good->out'],
  );

describe('the filter node', () => {
  it('passes records for which the expression is true and counts the others as dropped', () => {
    const driver = withFilter('rating >= 3');
    driver.send(
      'reviews',
      [1, 4, 3, 2, 5].map((rating, id) => ({ value: { id: `r${id}`, rating } })),
    );
    expect(driver.output('good-reviews').map((record) => record.value)).toEqual([
      { id: 'r1', rating: 4 },
      { id: 'r2', rating: 3 },
      { id: 'r4', rating: 5 },
    ]);
    expect(total(driver.metrics.snapshot(), DROPPED, { node: 'good' })).toBe(2);
    expect(driver.trace.filter((event) => event.kind === 'dropped').map((event) => event.kind === 'dropped' && event.reason)).toEqual([
      'filter-false',
      'filter-false',
    ]);
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });

  it('lets tombstones through, so deletes reach the sink', () => {
    const driver = withFilter('rating >= 3');
    driver.send('reviews', [{ key: 'r9', value: null }]);
    expect(driver.output('good-reviews')).toEqual([
      { key: 'r9', value: null, headers: { 'sluice.version': '0' }, partition: expect.any(Number) },
    ]);
  });

  it('sends a record whose expression fails or is not boolean to the DLQ with the reason', () => {
    const driver = withFilter('rating / count > 1');
    driver.send('reviews', [{ value: { id: 'a', rating: 4 } }, { value: { id: 'b', rating: 'x', count: 2 } }]);
    expect(driver.output('good-reviews')).toEqual([]);
    const reasons = driver.deadLetters().map((letter) => letter.headers[DLQ_HEADERS.reason]);
    expect(reasons).toEqual(['expression-error', 'expression-error']);
    expect(driver.deadLetters()[0]?.headers[DLQ_HEADERS.node]).toBe('good');

    const notBoolean = withFilter('rating');
    notBoolean.send('reviews', [{ value: { id: 'a', rating: 4 } }]);
    expect(notBoolean.deadLetters().map((letter) => letter.headers[DLQ_HEADERS.reason])).toEqual(['expression-not-boolean']);
  });
});
