import { describe, expect, it } from 'vitest';
import { exposition } from './prometheus-text.ts';

describe("Prometheus' text format", () => {
  it('writes help, type and samples, with label values escaped', () => {
    const text = exposition([
      {
        name: 'sluice_records_in_total',
        help: 'Records a node took in.',
        type: 'counter',
        samples: [{ labels: { pipeline: 'review-stats', node: 'say "hi"\\' }, value: 12 }],
      },
    ]);
    expect(text).toBe(
      [
        '# HELP sluice_records_in_total Records a node took in.',
        '# TYPE sluice_records_in_total counter',
        'sluice_records_in_total{pipeline="review-stats",node="say \\"hi\\"\\\\"} 12',
        '',
      ].join('\n'),
    );
  });

  it('writes a histogram as cumulative buckets with +Inf, sum and count', () => {
    const text = exposition([
      {
        name: 'sluice_processing_time_ms',
        help: 'Time per record.',
        type: 'histogram',
        samples: [
          { suffix: '_bucket', labels: { le: 1 }, value: 3 },
          { suffix: '_bucket', labels: { le: Number.POSITIVE_INFINITY }, value: 4 },
          { suffix: '_sum', labels: {}, value: 7.5 },
          { suffix: '_count', labels: {}, value: 4 },
        ],
      },
    ]);
    expect(text).toContain('sluice_processing_time_ms_bucket{le="+Inf"} 4');
    expect(text).toContain('sluice_processing_time_ms_sum 7.5');
  });
});
