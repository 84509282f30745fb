// Tumbling and hopping windows: instance assignment, closing after end +
// allowedLateness, purging, and late records.
import { describe, expect, it } from 'vitest';
import { instanceStarts } from './bucketed-windows.ts';
import type { ResolvedWindowConfig } from './window-config.ts';
import { WindowOperator } from './window-operator.ts';
import { DAY, remove, review, T0 } from './window-test-fixtures.ts';

const HOUR = 3_600_000;
const config = (allowedLateness: number): ResolvedWindowConfig => ({
  keyField: 'courseId',
  windows: [
    { name: 'daily', type: 'bucketed', size: DAY, advance: DAY },
    { name: 'rolling', type: 'bucketed', size: 3 * DAY, advance: DAY },
  ],
  aggregates: [
    { name: 'count', fn: 'count' },
    { name: 'best', fn: 'max', field: 'rating' },
  ],
  allowedLateness,
});

describe('instanceStarts', () => {
  it('puts a time in one tumbling instance and in size/advance hopping instances, start inclusive, end exclusive', () => {
    expect(instanceStarts(T0, DAY, DAY)).toEqual([T0]);
    expect(instanceStarts(T0 - 1, DAY, DAY)).toEqual([T0 - DAY]);
    expect(instanceStarts(T0 + HOUR, 3 * DAY, DAY)).toEqual([T0, T0 - DAY, T0 - 2 * DAY]);
    expect(instanceStarts(-1, 10, 5)).toEqual([-5, -10]);
  });
});

describe('bucketed windows', () => {
  it('emits one output per touched instance with windowStart/windowEnd', () => {
    const operator = new WindowOperator(config(0));
    const { changes } = operator.apply(review('r1', 'c1', 4, T0 + HOUR), T0 + HOUR);
    expect(changes).toHaveLength(4);
    expect(changes[0]).toEqual({
      kind: 'instance',
      key: 'c1',
      window: 'daily',
      windowStart: T0,
      windowEnd: T0 + DAY,
      output: {
        courseId: 'c1',
        windowStart: new Date(T0).toISOString(),
        windowEnd: new Date(T0 + DAY).toISOString(),
        daily: { count: 1, best: 4 },
        asOf: new Date(T0 + HOUR).toISOString(),
      },
    });
    expect(changes.filter((change) => change.kind === 'instance' && change.window === 'rolling')).toHaveLength(3);
  });

  it('closes an instance at end + allowedLateness with its final figures and purges it', () => {
    const operator = new WindowOperator(config(HOUR));
    operator.apply(review('r1', 'c1', 4, T0 + HOUR), T0 + HOUR);
    operator.apply(review('r2', 'c1', 5, T0 + 2 * HOUR), T0 + 2 * HOUR);
    expect(operator.nextDeadline()).toBe(T0 + DAY + HOUR);
    expect(operator.advance(T0 + DAY + HOUR - 1)).toEqual([]);
    const closed = operator.advance(T0 + DAY + HOUR);
    expect(closed).toHaveLength(2); // daily [T0, T0+1d) and rolling [T0−2d, T0+1d)
    expect(closed[1]).toMatchObject({
      kind: 'instance-closed',
      window: 'daily',
      windowStart: T0,
      output: { daily: { count: 2, best: 5 } },
    });
    expect(operator.readInstances('c1', T0 + DAY + HOUR).map((output) => output.windowStart)).toEqual([
      new Date(T0 - DAY).toISOString(),
      new Date(T0).toISOString(),
    ]);
  });

  it('accepts a record within allowedLateness and reports one that falls into closed instances as late', () => {
    const operator = new WindowOperator(config(HOUR));
    const now = T0 + DAY + 30 * 60_000;
    expect(operator.apply(review('ok', 'c1', 2, T0 + HOUR), now).late).toBeUndefined();
    const { changes, late } = operator.apply(review('late', 'c1', 3, T0 - 2 * DAY), now);
    expect(late).toEqual({ id: 'late', key: 'c1', eventTime: T0 - 2 * DAY, windows: ['daily', 'rolling'] });
    // Only rolling [T0−2d, T0+1d) is still open (it closes at T0+1d+1h): the record counts there alone.
    expect(changes.map((change) => change.kind === 'instance' && `${change.window}@${change.windowStart}`)).toEqual([
      `rolling@${T0 - 2 * DAY}`,
    ]);
  });

  it('takes a record into the hopping instances still open and reports it late for the closed ones', () => {
    const operator = new WindowOperator(config(0));
    const { changes, late } = operator.apply(review('r', 'c1', 2, T0 - DAY + HOUR), T0 + HOUR);
    // daily [T0−1d, T0) and rolling [T0−3d, T0) closed at T0; rolling from T0−2d and T0−1d are open.
    expect(late?.windows).toEqual(['daily', 'rolling']);
    expect(changes.map((change) => change.kind === 'instance' && change.windowStart)).toEqual([T0 - DAY, T0 - 2 * DAY]);
  });

  it('retracts a deleted record from its open instances, dropping emptied ones', () => {
    const operator = new WindowOperator(config(0));
    operator.apply(review('r1', 'c1', 4, T0 + HOUR), T0 + HOUR);
    operator.apply(review('r2', 'c1', 2, T0 + HOUR), T0 + HOUR);
    operator.apply(remove('r1'), T0 + 2 * HOUR);
    const instances = operator.readInstances('c1', T0 + 2 * HOUR);
    expect(instances.filter((output) => 'rolling' in output)).toHaveLength(3);
    expect(instances).toContainEqual(expect.objectContaining({ rolling: { count: 1, best: 2 } }));
    const { changes } = operator.apply(remove('r2'), T0 + 2 * HOUR);
    expect(changes.every((change) => change.kind === 'instance' && change.output === null)).toBe(true);
    expect(operator.stats().keys).toBe(0);
  });
});
