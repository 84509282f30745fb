import { describe, expect, it } from 'vitest';
import { DLQ_HEADERS } from '../../engine/dead-letter.ts';
import { harness, reviewsSource } from '../testing/harness.ts';

const DEFAULT_CONNECTION = '${env:DATABASE_URL}';

const table = (config: Record<string, unknown>) =>
  harness(
    [reviewsSource, { id: 'db', type: 'sink.postgres', config: { table: 'reviews', primaryKey: ['id'], ...config } }],
    ['reviews->db'],
  );

describe('the sink.postgres node', () => {
  it('upserts rows by primary key and deletes on tombstones, as sink writes of the batch', () => {
    const driver = table({});
    driver.send('reviews', [
      { value: { id: 'a', rating: 1 } },
      { value: { id: 'b', rating: 2 } },
      { value: { id: 'a', rating: 5 } },
      { key: 'b', value: null },
    ]);
    expect(driver.tables.rows('reviews')).toEqual([{ id: 'a', rating: 5 }]);
    const [write] = driver.sinkWrites;
    expect(write?.target).toEqual({
      kind: 'postgres',
      connection: DEFAULT_CONNECTION,
      table: 'reviews',
      primaryKey: ['id'],
      mode: 'upsert',
    });
    expect(write?.operations.map((operation) => operation.op)).toEqual(['upsert', 'upsert', 'upsert', 'delete']);
  });

  it('maps columns from record fields when columns are given', () => {
    const driver = table({ columns: { id: 'id', score: 'rating' } });
    driver.send('reviews', [{ value: { id: 'a', rating: 4, text: 'long' } }]);
    expect(driver.tables.rows('reviews')).toEqual([{ id: 'a', score: 4 }]);
  });

  it('dead-letters a row without its primary key and ignores tombstones when told to', () => {
    const driver = table({ deleteOnTombstone: false, columns: { id: 'reviewId' } });
    driver.send('reviews', [{ value: { id: 'x' } }, { key: 'x', value: null }]);
    expect(driver.deadLetters().map((letter) => letter.headers[DLQ_HEADERS.reason])).toEqual(['missing-primary-key']);
    expect(driver.sinkWrites).toEqual([]);
  });
});
