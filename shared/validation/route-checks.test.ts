import { describe, expect, it } from 'vitest';
import { routesOverlap } from '../catalog/http-routes.ts';
import { pipelineSchema } from '../schema/pipeline.ts';
import { routesTaken } from './route-checks.ts';
import { validatePipeline } from './validate.ts';

const schema = { type: 'object', properties: { id: { type: 'string' }, sku: { type: 'string' } }, required: ['id'] };
const ingest = (id: string, path: string) =>
  ({ id, type: 'source.http', config: { path, keyField: 'id', schema, allowDelete: true } }) as const;
const view = (id: string, path: string) => ({ id, type: 'view.http', config: { path, keyField: 'sku' } }) as const;

function pipeline(id: string, nodes: unknown[], edges: [string, string][]) {
  return {
    format: 1,
    id,
    name: id,
    nodes,
    edges: edges.map(([from, to]) => ({ from: { node: from, port: 'out' }, to: { node: to, port: 'in' } })),
  };
}

describe('HTTP routes', () => {
  it('overlap when one request could reach both: the same method and a placeholder where the other has a segment', () => {
    expect(routesOverlap({ method: 'GET', path: '/api/a/*/b' }, { method: 'GET', path: '/api/a/x/b' })).toBe(true);
    expect(routesOverlap({ method: 'GET', path: '/api/a/*/b' }, { method: 'GET', path: '/api/a/b' })).toBe(false);
    expect(routesOverlap({ method: 'GET', path: '/api/a' }, { method: 'POST', path: '/api/a' })).toBe(false);
  });

  it('are refused twice in one pipeline, naming both nodes', () => {
    const input = pipeline(
      'one',
      [ingest('a', '/api/ratings'), ingest('b', '/api/ratings'), view('v', '/api/products/{sku}')],
      [
        ['a', 'v'],
        ['b', 'v'],
      ],
    );
    expect(validatePipeline(input).issues).toEqual([
      expect.objectContaining({
        code: 'route-taken',
        path: '/nodes/1/config/path',
        message: expect.stringMatching(/'b'.*POST \/api\/ratings.*'a'/),
      }),
      expect.objectContaining({ code: 'route-taken', path: '/nodes/1/config/path' }),
      expect.objectContaining({ code: 'route-taken', path: '/nodes/1/config/path' }),
    ]);
  });

  it('may not be served by two pipelines: the second is refused with an error naming both', () => {
    const first = pipelineSchema.parse(
      pipeline('ratings', [ingest('in', '/api/ratings'), view('out', '/api/products/{sku}/stats')], [['in', 'out']]),
    );
    const second = pipelineSchema.parse(
      pipeline('copy', [ingest('also', '/api/other'), view('same', '/api/products/{id}/stats')], [['also', 'same']]),
    );
    const taken = (route: string) => ({
      code: 'route-taken',
      path: '/nodes/1/config/path',
      nodeId: 'same',
      message: `GET ${route} is already served by pipeline 'ratings' (node 'out'); pipeline 'copy' (node 'same') cannot serve it too: give one of them another path`,
    });
    expect(routesTaken(second, [first])).toEqual([taken('/api/products/{key}/stats'), taken('/api/products/stats')]);
    expect(routesTaken(second, [second]).length).toBeGreaterThan(0);
  });

  it("keeps endpoints off the runtime's own routes", () => {
    const input = pipeline('own', [ingest('a', '/api/pipelines/x'), view('v', '/api/health/{sku}')], [['a', 'v']]);
    expect(validatePipeline(input).issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['/nodes/0/config/path', expect.stringContaining("the runtime's own routes")],
      ['/nodes/1/config/path', expect.stringContaining("the runtime's own routes")],
    ]);
  });
});
