import { describe, expect, it } from 'vitest';
import { harness, reviewsSource, sinkTo } from '../testing/harness.ts';

function byRating() {
  return harness(
    [
      reviewsSource,
      {
        id: 'route',
        type: 'branch',
        config: {
          routes: [
            { port: 'praise', expression: 'rating >= 4' },
            { port: 'fine', expression: 'rating >= 2' },
          ],
        },
      },
      sinkTo('p', 'praise'),
      sinkTo('f', 'fine'),
      sinkTo('o', 'rest'),
    ],
    ['reviews->route', 'route:praise->p', 'route:fine->f', 'route:otherwise->o'],
  );
}

const ids = (records: { value: unknown }[]) => records.map((record) => (record.value as { id: string }).id);

describe('the branch node', () => {
  it('sends each record to the first route that matches, and the rest to otherwise', () => {
    const driver = byRating();
    driver.send(
      'reviews',
      [5, 1, 3, 4, 2].map((rating, i) => ({ value: { id: `r${i}`, rating } })),
    );
    expect(ids(driver.output('praise'))).toEqual(['r0', 'r3']);
    expect(ids(driver.output('fine'))).toEqual(['r2', 'r4']);
    expect(ids(driver.output('rest'))).toEqual(['r1']);
    expect(driver.emitted('route', 'otherwise').map((record) => record.key)).toEqual(['r1']);
  });

  it('sends a tombstone to every port, since the deleted record may have gone anywhere', () => {
    const driver = byRating();
    driver.send('reviews', [{ key: 'r0', value: null }]);
    for (const topic of ['praise', 'fine', 'rest'])
      expect(driver.output(topic).map((record) => [record.key, record.value])).toEqual([['r0', null]]);
  });
});
