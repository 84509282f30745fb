import { describe, expect, it } from 'vitest';
import { fetchesIn } from './idle-cost.ts';

describe('the idle measure reads fetch counts from a Prometheus page', () => {
  it('sums every consumer', () => {
    const page = [
      '# HELP sluice_kafka_fetches_total Fetch requests',
      '# TYPE sluice_kafka_fetches_total counter',
      'sluice_kafka_fetches_total{consumer="pipeline"} 120',
      'sluice_kafka_fetches_total{consumer="view"} 30',
      'sluice_records_in_total{node="a"} 5',
    ].join('\n');
    expect(fetchesIn(page)).toBe(150);
  });

  it('says nothing when the runtime does not count fetches', () => {
    expect(fetchesIn('sluice_records_in_total{node="a"} 5\n')).toBeUndefined();
  });
});
