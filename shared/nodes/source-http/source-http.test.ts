import { describe, expect, it } from 'vitest';
import { routesOf } from '../../catalog/http-routes.ts';
import { catalog, configSchemas, type NodeType } from '../../catalog/index.ts';
import { accountingProblems } from '../../engine/accounting.ts';
import { DLQ_HEADERS } from '../../engine/dead-letter.ts';
import { validatePipeline } from '../../validation/validate.ts';
import { type HarnessNode, harness, pipelineJson, sinkTo } from '../testing/harness.ts';

const schema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    sku: { type: 'string', minLength: 1 },
    stars: { type: 'integer', minimum: 1, maximum: 5 },
    at: { type: 'string', format: 'date-time' },
    requestId: { type: 'string' },
  },
  required: ['id', 'sku', 'stars', 'at'],
};
const ratings = (config: Record<string, unknown> = {}): HarnessNode => ({
  id: 'ratings',
  type: 'source.http',
  config: { path: '/api/ratings', keyField: 'id', eventTimeField: 'at', schema, ...config },
});
const rating = (id: string, extra: Record<string, unknown> = {}) => ({ id, sku: 'p1', stars: 4, at: '2026-01-01T10:00:00Z', ...extra });

function endpointOf(type: NodeType, config: unknown) {
  const spec = catalog[type].endpoint?.(configSchemas[type].parse(config) as never, { pipelineId: 'p', nodeId: 'n' });
  if (!spec) throw new Error(`${type} serves no endpoint`);
  return spec;
}

describe('the source.http node', () => {
  it('reads its backing topic, sluice.<pipeline>.<node> by default, keyed by keyField and timed by eventTimeField', () => {
    const driver = harness([ratings(), sinkTo('out', 'copy')], ['ratings->out']);
    expect(driver.plan.sources.map((source) => source.topic)).toEqual(['sluice.test.ratings']);
    driver.send('sluice.test.ratings', [{ value: rating('r1') }, { key: 'r1', value: null }]);
    expect(driver.emitted('ratings').map((record) => [record.key, record.timestamp])).toEqual([
      ['r1', Date.parse('2026-01-01T10:00:00Z')],
      ['r1', expect.any(Number)],
    ]);
    expect(driver.output('copy').map((record) => record.value)).toEqual([rating('r1'), null]);
  });

  it('holds records another producer wrote to its topic to the schema: a mismatch is dead-lettered naming the fields', () => {
    const driver = harness([ratings({ topic: 'ratings' }), sinkTo('out', 'copy')], ['ratings->out']);
    driver.send('ratings', [{ value: rating('ok') }, { value: rating('bad', { stars: 9, extra: true }) }]);
    expect(driver.output('copy').map((record) => (record.value as { id: string }).id)).toEqual(['ok']);
    const [letter] = driver.deadLetters();
    expect(letter?.headers[DLQ_HEADERS.reason]).toBe('schema-mismatch');
    expect(letter?.headers[DLQ_HEADERS.error]).toMatch(/\/stars: .*5/);
    expect(letter?.headers[DLQ_HEADERS.error]).toMatch(/\/extra/);
  });

  it('with idempotencyField, drops a write sent again under the same key and value, for idempotencyWindow', () => {
    const driver = harness(
      [ratings({ topic: 'ratings', idempotencyField: 'requestId', idempotencyWindow: '1h' }), sinkTo('out', 'copy')],
      ['ratings->out'],
    );
    driver.send('ratings', [
      { value: rating('r1', { requestId: 'q1' }) },
      { value: rating('r1', { requestId: 'q1' }) }, // a client's retry after an ambiguous 503
      { value: rating('r1', { requestId: 'q2', stars: 2 }) }, // an edit: a new request
      { value: rating('r2', { requestId: 'q1' }) }, // another key may use the same value
      { value: rating('r3') }, // no idempotency value: always passes
    ]);
    expect(driver.output('copy').map((record) => (record.value as { id: string; stars: number }).stars)).toEqual([4, 2, 4, 4]);
    driver.advanceTime(2 * 3600_000);
    driver.send('ratings', [{ value: rating('r1', { requestId: 'q1' }) }]);
    expect(driver.output('copy')).toHaveLength(5);
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });

  it('serves POST <path>, POST <path>:batch, and DELETE <path>/<key> only with allowDelete', () => {
    const routesWith = (allowDelete: boolean) => routesOf(endpointOf('source.http', { ...ratings().config, allowDelete }));
    expect(routesWith(false)).toEqual([
      { method: 'POST', path: '/api/ratings' },
      { method: 'POST', path: '/api/ratings:batch' },
    ]);
    expect(routesWith(true)).toContainEqual({ method: 'DELETE', path: '/api/ratings/*' });
  });

  it('refuses a key, event time or idempotency field its own schema does not have', () => {
    const json = pipelineJson(
      [ratings({ keyField: 'sku2', eventTimeField: 'sku', idempotencyField: 'nope' }), sinkTo('out', 'copy')],
      ['ratings->out'],
    );
    const result = validatePipeline(json);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['schema-mismatch', '/nodes/0/config/keyField'],
      ['schema-mismatch', '/nodes/0/config/eventTimeField'],
      ['schema-mismatch', '/nodes/0/config/idempotencyField'],
    ]);
  });
});
