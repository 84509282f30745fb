// The OpenAPI document served at /api/openapi.json. Request schemas come from the
// same zod schemas that validate requests (reviews) and deploys (pipelines).
import { z } from 'zod';
import { reviewSchema } from '../../shared/api/review.ts';
import { pipelineJsonSchema } from '../../shared/index.ts';

const error = { $ref: '#/components/schemas/Error' };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const answer = (description: string, schema: object = { type: 'object' }) => ({ description, ...json(schema) });
const failure = (description: string) => ({ description, ...json(error) });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const figures = { type: 'object', properties: { count: { type: 'integer' }, averageRating: { type: ['number', 'null'] } } };

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sluice runtime API',
      version,
      description: 'Reviews in, live course statistics out, and the pipelines that connect them.',
    },
    components: {
      schemas: {
        Review: z.toJSONSchema(reviewSchema, { io: 'input' }),
        Pipeline: pipelineJsonSchema,
        Error: {
          type: 'object',
          properties: {
            error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array' } } },
          },
        },
        CourseStats: {
          type: 'object',
          properties: {
            courseId: { type: 'string' },
            allTime: figures,
            last90Days: figures,
            asOf: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'Kafka connectivity',
          responses: {
            200: answer('connected (status ok, or degraded: it takes writes but is not whole)'),
            503: answer('Kafka unreachable'),
          },
        },
      },
      '/api/reviews': {
        post: {
          summary: 'Write a review (or a new version of one); 202 once Kafka acknowledged it',
          requestBody: json({ $ref: '#/components/schemas/Review' }),
          responses: {
            202: answer('durable'),
            400: failure('invalid fields'),
            413: failure('over 64 KiB'),
            415: failure('not JSON'),
            503: failure('Kafka could not take it'),
          },
        },
      },
      '/api/reviews/{id}': {
        delete: {
          summary: 'Delete a review everywhere',
          parameters: [idParameter],
          responses: { 202: answer('durable'), 503: failure('Kafka could not take it') },
        },
      },
      '/api/reviews:batch': {
        post: {
          summary: 'Write up to 1,000 reviews',
          requestBody: json({
            type: 'object',
            properties: { reviews: { type: 'array', items: { $ref: '#/components/schemas/Review' }, maxItems: 1000 } },
          }),
          responses: {
            202: answer('all accepted'),
            207: answer('per-item results'),
            400: failure('not a batch'),
            503: failure('Kafka could not take it'),
          },
        },
      },
      '/api/courses/{courseId}/stats': {
        get: {
          summary: "A course's live statistics",
          parameters: [{ ...idParameter, name: 'courseId' }],
          responses: {
            200: answer('figures', { $ref: '#/components/schemas/CourseStats' }),
            404: failure('never seen'),
            503: failure('restoring'),
          },
        },
      },
      '/api/courses/stats': {
        get: { summary: 'Statistics of several courses (?ids=a,b,c)', responses: { 200: answer('figures'), 400: failure('no ids') } },
      },
      '/api/pipelines': { get: { summary: 'Deployed pipelines with their status', responses: { 200: answer('list') } } },
      '/api/pipelines/validate': {
        post: {
          summary: 'Validate a pipeline',
          requestBody: json({ $ref: '#/components/schemas/Pipeline' }),
          responses: { 200: answer('ok and issues') },
        },
      },
      '/api/pipelines/{id}': {
        get: {
          summary: 'Current definition and version',
          parameters: [idParameter],
          responses: { 200: answer('definition'), 404: failure('not deployed') },
        },
        put: {
          summary: 'Deploy a new version ({pipeline, baseRevision})',
          parameters: [idParameter],
          requestBody: json({
            type: 'object',
            properties: { pipeline: { $ref: '#/components/schemas/Pipeline' }, baseRevision: { type: 'integer' } },
          }),
          responses: { 200: answer('deployed'), 409: failure('stale revision'), 422: failure('invalid pipeline') },
        },
        delete: {
          summary: 'Stop and remove',
          parameters: [idParameter],
          responses: { 204: { description: 'removed' }, 404: failure('not deployed') },
        },
      },
      '/api/pipelines/{id}/versions': {
        get: { summary: 'Version history, newest first', parameters: [idParameter], responses: { 200: answer('versions') } },
      },
      '/api/pipelines/{id}/status': {
        get: { summary: 'Lifecycle state on this worker', parameters: [idParameter], responses: { 200: answer('status') } },
      },
      '/api/pipelines/{id}/stop': {
        post: { summary: 'Drain and stop', parameters: [idParameter], responses: { 200: answer('stopping') } },
      },
      '/api/pipelines/{id}/start': { post: { summary: 'Run again', parameters: [idParameter], responses: { 200: answer('starting') } } },
      '/api/pipelines/{id}/metrics': {
        get: { summary: 'Per-node throughput snapshot', parameters: [idParameter], responses: { 200: answer('metrics') } },
      },
      '/api/pipelines/{id}/metrics/stream': {
        get: {
          summary: 'The same every second (Server-Sent Events)',
          parameters: [idParameter],
          responses: { 200: { description: 'text/event-stream' } },
        },
      },
      '/api/pipelines/{id}/tap/{nodeId}/{port}': {
        get: {
          summary: 'The last records that passed a port',
          parameters: [idParameter],
          responses: { 200: answer('records'), 404: failure('no such node') },
        },
      },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text/plain; version=0.0.4' } } } },
    },
  };
}
