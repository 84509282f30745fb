import { describe, expect, it } from 'vitest';
import { pipelineSchema } from '../schema/pipeline.ts';
import { connectionIssues } from './connection.ts';
import { recordFlow } from './record-flow.ts';
import { validatePipeline } from './validate.ts';

const reviewSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1 },
    courseId: { type: 'string' },
    userId: { type: 'string' },
    rating: { type: 'number' },
    title: { type: 'string', format: 'multiline' },
    content: { type: 'string', format: 'multiline' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'courseId', 'userId', 'rating', 'createdAt'],
};

const windowConfig = (field = 'rating') => ({
  keyField: 'courseId',
  eventTimeField: 'createdAt',
  idField: 'id',
  windows: [{ name: 'allTime', type: 'all-time' }],
  aggregates: [
    { name: 'count', fn: 'count' },
    { name: 'averageRating', fn: 'avg', field },
  ],
});

function pipeline(nodes: unknown[], edges: string[]) {
  return {
    format: 1,
    id: 'flow',
    name: 'Flow',
    nodes,
    edges: edges.map((edge) => {
      const [from = '', to = ''] = edge.split('->');
      const [node = '', port = 'out'] = from.split(':');
      return { from: { node, port }, to: { node: to, port: 'in' } };
    }),
  };
}

const source = { id: 'reviews', type: 'source.http', config: { path: '/api/reviews', keyField: 'id', schema: reviewSchema } } as const;

describe('record schemas along the edges', () => {
  it("carries a source's schema through the nodes: the spam filter adds its reasons on spam, the window gives its key and figures", () => {
    const input = pipeline(
      [
        source,
        { id: 'spam', type: 'spam-filter', config: {} },
        { id: 'stats', type: 'window', config: windowConfig() },
        { id: 'view', type: 'view.http', config: { path: '/api/courses/{courseId}/stats', keyField: 'courseId' } },
        { id: 'spamTopic', type: 'sink.kafka', config: { topic: 'spam' } },
      ],
      ['reviews->spam', 'spam:valid->stats', 'stats->view', 'spam:spam->spamTopic'],
    );
    const flow = recordFlow(pipelineSchema.parse(input));
    expect(Object.keys(flow.output('spam', 'valid')?.properties ?? {})).toEqual(Object.keys(reviewSchema.properties));
    expect(flow.output('spam', 'spam')?.properties.spamReasons?.type).toBe('array');
    expect(flow.output('stats', 'out')).toEqual({
      type: 'object',
      properties: {
        courseId: expect.objectContaining({ type: 'string' }),
        allTime: expect.objectContaining({
          type: 'object',
          properties: {
            count: expect.objectContaining({ type: 'integer' }),
            averageRating: expect.objectContaining({ type: 'number', nullable: true }),
          },
        }),
        asOf: expect.objectContaining({ type: 'string', format: 'date-time' }),
      },
      required: ['courseId', 'asOf', 'allTime'],
    });
    expect(flow.output('stats', 'late')).toEqual(flow.output('spam', 'valid'));
    expect(validatePipeline(input).ok).toBe(true);
  });

  it('refuses a window that averages a field the records reaching it do not have as a number, saying which', () => {
    const input = pipeline(
      [source, { id: 'stats', type: 'window', config: windowConfig('title') }, { id: 'out', type: 'sink.kafka', config: { topic: 'o' } }],
      ['reviews->stats', 'stats->out'],
    );
    expect(validatePipeline(input).issues).toEqual([
      {
        code: 'schema-mismatch',
        path: '/nodes/1/config/aggregates/1/field',
        nodeId: 'stats',
        message: 'the window averages `title`, but records reaching it have no numeric `title`',
      },
    ]);
  });

  it('follows a map: picked, renamed and computed fields, with the type CEL gives', () => {
    const input = pipeline(
      [
        source,
        {
          id: 'shape',
          type: 'map',
          config: { pick: ['id', 'courseId', 'rating', 'createdAt'], rename: { rating: 'stars' }, compute: { high: 'rating >= 4' } },
        },
        { id: 'stats', type: 'window', config: windowConfig() },
        { id: 'out', type: 'sink.kafka', config: { topic: 'o' } },
      ],
      ['reviews->shape', 'shape->stats', 'stats->out'],
    );
    const flow = recordFlow(pipelineSchema.parse(input));
    expect(Object.keys(flow.output('shape', 'out')?.properties ?? {})).toEqual(['id', 'courseId', 'stars', 'createdAt', 'high']);
    expect(flow.output('shape', 'out')?.properties.high).toEqual({ type: 'boolean' });
    expect(validatePipeline(input).issues.map((issue) => issue.message)).toEqual([
      'the window averages `rating`, but records reaching it have no numeric `rating`',
    ]);
  });

  it('checks nothing against records it cannot know: a Kafka source without a schema', () => {
    const input = pipeline(
      [
        { id: 'reviews', type: 'source.kafka', config: { topic: 'reviews', keyField: 'id' } },
        { id: 'stats', type: 'window', config: windowConfig('anything') },
        { id: 'out', type: 'sink.kafka', config: { topic: 'o' } },
      ],
      ['reviews->stats', 'stats->out'],
    );
    expect(recordFlow(pipelineSchema.parse(input)).input('stats')).toBeUndefined();
    expect(validatePipeline(input).ok).toBe(true);
  });

  it('checks a node fed by two edges against the fields both bring', () => {
    const other = {
      ...source,
      id: 'more',
      config: {
        ...source.config,
        path: '/api/more',
        schema: {
          type: 'object',
          properties: { id: { type: 'string' }, courseId: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } },
          required: ['id'],
        },
      },
    };
    const input = pipeline(
      [source, other, { id: 'stats', type: 'window', config: windowConfig() }, { id: 'out', type: 'sink.kafka', config: { topic: 'o' } }],
      ['reviews->stats', 'more->stats', 'stats->out'],
    );
    expect(validatePipeline(input).issues.map((issue) => issue.message)).toEqual([
      'the window averages `rating`, but records reaching it have no numeric `rating`',
    ]);
  });

  it('refuses, while drawing, an edge into a configured node whose fields the records do not have, and lets a fresh one be connected', () => {
    const configured = { id: 'stats', type: 'window', config: windowConfig('title') };
    const graph = { nodes: [source, configured], edges: [] };
    const edge = { from: { node: 'reviews', port: 'out' }, to: { node: 'stats', port: 'in' } };
    expect(connectionIssues(graph, edge).map((issue) => issue.code)).toEqual(['schema-mismatch']);
    const fresh = {
      id: 'stats',
      type: 'window',
      config: {
        keyField: 'courseId',
        eventTimeField: 'createdAt',
        windows: [{ name: 'allTime', type: 'all-time' }],
        aggregates: [{ name: 'count', fn: 'count' }],
      },
    };
    const unrelated = {
      ...source,
      config: { ...source.config, schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
    };
    expect(connectionIssues({ nodes: [unrelated, fresh], edges: [] }, edge)).toEqual([]);
  });
});
