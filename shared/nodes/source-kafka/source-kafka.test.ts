import { describe, expect, it } from 'vitest';
import { DLQ_HEADERS } from '../../engine/dead-letter.ts';
import { harness, reviewsSource, sinkTo } from '../testing/harness.ts';

describe('the source.kafka node', () => {
  it('dead-letters unparseable values with the source position, the reason and the parse error, and goes on', () => {
    const driver = harness([reviewsSource, sinkTo('out', 'copy')], ['reviews->out']);
    driver.send('reviews', [{ key: 'bad', value: 'not json', headers: { trace: 't1' } }, { value: { id: 'ok' } }, { value: '"text"' }]);
    expect(driver.output('copy').map((record) => record.value)).toEqual([{ id: 'ok' }]);
    const [first, second] = driver.deadLetters();
    expect(first?.value).toBe('not json');
    expect(first?.key).toBe('bad');
    expect(first?.headers).toMatchObject({
      trace: 't1',
      [DLQ_HEADERS.node]: 'reviews',
      [DLQ_HEADERS.reason]: 'invalid-json',
      [DLQ_HEADERS.sourceTopic]: 'reviews',
      [DLQ_HEADERS.sourcePartition]: '0',
      [DLQ_HEADERS.sourceOffset]: '0',
    });
    expect(first?.headers[DLQ_HEADERS.error]).toMatch(/JSON/);
    expect(second?.headers[DLQ_HEADERS.reason]).toBe('not-a-json-object');
    expect(second?.headers[DLQ_HEADERS.sourceOffset]).toBe('2');
  });

  it('keys records by keyField and stamps them with the event time field', () => {
    const source = {
      id: 'reviews',
      type: 'source.kafka',
      config: { topic: 'reviews', format: 'json', keyField: 'courseId', eventTimeField: 'at' },
    };
    const driver = harness([source, sinkTo('out', 'copy')], ['reviews->out']);
    driver.send('reviews', [
      { key: 'ignored', value: { courseId: 'c1', at: '2026-03-01T10:00:00Z' } },
      { value: { courseId: 7, at: 1_700_000_000_000 } },
      { value: { courseId: 'c2', at: 'yesterday-ish' } },
    ]);
    expect(driver.emitted('reviews').map((record) => [record.key, record.timestamp])).toEqual([
      ['c1', Date.UTC(2026, 2, 1, 10)],
      ['7', 1_700_000_000_000],
    ]);
    expect(driver.deadLetters().map((letter) => letter.headers[DLQ_HEADERS.reason])).toEqual(['invalid-event-time']);
  });
});
