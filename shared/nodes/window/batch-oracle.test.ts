// The oracle on the very case the PostgreSQL batch test pins (integration/postgres/batch-stats.test.ts),
// so the brute force and the SQL are known to mean the same thing.
import { describe, expect, it } from 'vitest';
import { oracleInstances, oracleOutputs } from './batch-oracle.ts';
import { DAY, reviewStatsConfig, T0 } from './window-test-fixtures.ts';

const at = (daysBefore: number, extraMs = 0) => T0 - daysBefore * DAY + extraMs;
const row = (id: string, key: string, rating: number, eventTime: number) => ({ id, key, eventTime, value: { rating } });

describe('batch oracle', () => {
  it('computes all-time and last-90-days with the window (asOf − 90 days, asOf], leaving out future rows', () => {
    const rows = [
      row('a', 'c1', 5, at(0)),
      row('b', 'c1', 3, at(90)),
      row('c', 'c1', 4, at(90, 1)),
      row('d', 'c1', 1, at(400)),
      row('e', 'c2', 2.5, at(200)),
      row('f', 'c3', 4, at(-1)),
    ];
    const outputs = oracleOutputs(rows, reviewStatsConfig, T0);
    expect([...outputs.values()]).toEqual([
      {
        courseId: 'c1',
        allTime: { count: 4, averageRating: (5 + 3 + 4 + 1) / 4 },
        last90Days: { count: 2, averageRating: 4.5 },
        asOf: new Date(T0).toISOString(),
      },
      {
        courseId: 'c2',
        allTime: { count: 1, averageRating: 2.5 },
        last90Days: { count: 0, averageRating: null },
        asOf: new Date(T0).toISOString(),
      },
    ]);
  });

  it('lists open bucketed instances only (end + lateness after asOf)', () => {
    const config = {
      ...reviewStatsConfig,
      windows: [{ name: 'daily', type: 'bucketed' as const, size: DAY, advance: DAY }],
      allowedLateness: DAY,
    };
    const instances = oracleInstances([row('a', 'c1', 4, at(1)), row('b', 'c1', 2, at(3))], config, T0);
    expect(instances.get('c1')).toEqual([
      {
        courseId: 'c1',
        windowStart: new Date(at(1)).toISOString(),
        windowEnd: new Date(T0).toISOString(),
        daily: { count: 1, averageRating: 4 },
        asOf: new Date(T0).toISOString(),
      },
    ]);
  });
});
