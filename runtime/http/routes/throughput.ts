// A pipeline's throughput, cluster-wide: the figures of every node and edge (and their stream, a frame a second),
// the last 24 hours of rates with deploy, stop and start markers, and the last dead letters with their reasons.
import type { FastifyInstance } from 'fastify';
import type { PipelineThroughput } from '../../control/cluster-metrics.ts';
import { currentVersion } from '../../control/pipeline-store.ts';
import type { PipelineControl } from '../../control/runtime-control.ts';
import { ApiError } from '../errors.ts';
import { answering } from './pipelines.ts';

type IdParams = { Params: { id: string } };
type HistoryQuery = IdParams & { Querystring: { hours?: string } };
type DeadLetterQuery = IdParams & { Querystring: { node?: string; limit?: string } };

/** A whole number in [min, max] from a query string, its default when absent, a 400 otherwise. */
function wholeNumber(text: string | undefined, name: string, range: { min: number; max: number; fallback: number }): number {
  if (text === undefined || text === '') return range.fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < range.min || value > range.max)
    throw new ApiError(400, 'invalid-request', `${name} must be a whole number from ${range.min} to ${range.max}.`, [
      { field: name, value: text },
    ]);
  return value;
}

export function throughputRoutes(app: FastifyInstance, pipelines: PipelineControl, throughput: PipelineThroughput): void {
  app.get<IdParams>('/api/pipelines/:id/metrics', (request) => answering(() => throughput.metrics(request.params.id)));

  // Server-Sent Events: one frame a second, also while the pipeline is stopped (its lag still moves).
  app.get<IdParams>('/api/pipelines/:id/metrics/stream', (request, reply) =>
    answering(() => {
      const first = throughput.metrics(request.params.id);
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const send = (metrics: unknown) => reply.raw.write(`data: ${JSON.stringify(metrics)}\n\n`);
      send(first);
      const unsubscribe = throughput.subscribe(request.params.id, send);
      request.raw.on('close', unsubscribe);
      return reply.hijack();
    }),
  );

  app.get<HistoryQuery>('/api/pipelines/:id/metrics/history', (request) =>
    answering(() => throughput.history(request.params.id, wholeNumber(request.query.hours, 'hours', { min: 1, max: 24, fallback: 24 }))),
  );

  app.get<DeadLetterQuery>('/api/pipelines/:id/dead-letters', (request) =>
    answering(async () => {
      const { id } = request.params;
      const { node } = request.query;
      const limit = wholeNumber(request.query.limit, 'limit', { min: 1, max: 100, fallback: 20 });
      if (node !== undefined && !currentVersion(pipelines.get(id)).pipeline.nodes.some((candidate) => candidate.id === node))
        throw new ApiError(404, 'node-not-found', `Pipeline '${id}' has no node '${node}'.`);
      return { deadLetters: await throughput.deadLetters(id, node, limit) };
    }),
  );
}

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export const throughputOpenApi = {
  '/api/pipelines/{id}/metrics': {
    get: {
      summary:
        'Cluster-wide figures at one instant: per node in, out per port, the accounting of its inputs, internal traffic, lag; per edge sent and received; totals since deploy and rates over rateWindowSeconds',
      parameters: [idParameter],
      responses: { 200: { description: 'the figures' }, 404: { description: 'not deployed' } },
    },
  },
  '/api/pipelines/{id}/metrics/stream': {
    get: {
      summary: 'The same every second (Server-Sent Events)',
      parameters: [idParameter],
      responses: { 200: { description: 'text/event-stream' } },
    },
  },
  '/api/pipelines/{id}/metrics/history': {
    get: {
      summary: 'Per-node rates every 10 s over the last hours (?hours=1..24, default 24), with deploy, stop and start events',
      parameters: [idParameter, { name: 'hours', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 24 } }],
      responses: { 200: { description: 'points and events' }, 400: { description: 'hours out of range' } },
    },
  },
  '/api/pipelines/{id}/dead-letters': {
    get: {
      summary: "The newest dead letters (?node=…, ?limit=1..100), from the DLQ topic's headers: node, reason, error, source",
      parameters: [
        idParameter,
        { name: 'node', in: 'query', schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      ],
      responses: {
        200: { description: 'dead letters, newest first' },
        400: { description: 'bad limit' },
        404: { description: 'no such node' },
      },
    },
  },
};
