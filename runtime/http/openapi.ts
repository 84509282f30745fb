// The OpenAPI document served at /api/openapi.json. Request schemas come from the
// same zod schemas that validate requests (reviews) and deploys (pipelines).
import { z } from 'zod';
import { reviewSchema } from '../../shared/api/review.ts';
import { pipelineJsonSchema } from '../../shared/index.ts';
import { deployPlanOpenApi } from './routes/deploy-plan.ts';
import { throughputOpenApi } from './routes/throughput.ts';

const error = { $ref: '#/components/schemas/Error' };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const answer = (description: string, schema: object = { type: 'object' }) => ({ description, ...json(schema) });
const failure = (description: string) => ({ description, ...json(error) });
const AMBIGUOUS =
  'Kafka did not acknowledge the write; details[0].stored says whether it may be stored anyway ("unknown") or not ("no"); sending it again with the same id is safe';
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
          summary: 'Whether Kafka can take writes',
          responses: {
            200: answer('ok, or degraded with a reason while writes still succeed'),
            503: answer('writes would fail, with the reason'),
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
            429: failure('over the per-client rate limit (see Retry-After)'),
            503: failure(AMBIGUOUS),
          },
        },
      },
      '/api/reviews/{id}': {
        delete: {
          summary: 'Delete a review everywhere',
          parameters: [idParameter],
          responses: { 202: answer('durable'), 400: failure('not an id a review can have'), 503: failure(AMBIGUOUS) },
        },
      },
      '/api/reviews:batch': {
        post: {
          summary: 'Write up to 1,000 reviews (1 MiB) in one Kafka write: every item is checked first, the valid ones are written together',
          requestBody: json({
            type: 'object',
            properties: { reviews: { type: 'array', items: { $ref: '#/components/schemas/Review' }, maxItems: 1000 } },
          }),
          responses: {
            202: answer('all accepted'),
            207: answer('per-item results: the valid items were written, the invalid ones were not'),
            400: failure('not a batch, or no valid review in it (nothing written)'),
            413: failure('over 1 MiB, or more than one Kafka write holds (nothing written)'),
            415: failure('not JSON'),
            429: failure('over the per-client rate limit (see Retry-After)'),
            503: failure(AMBIGUOUS),
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
      '/api/pipelines:validate': {
        post: {
          summary: 'Validate a pipeline (changes nothing: no token needed)',
          requestBody: json({ $ref: '#/components/schemas/Pipeline' }),
          responses: { 200: answer('ok and issues') },
        },
      },
      '/api/pipelines/validate': {
        post: {
          summary: 'The same as /api/pipelines:validate (validate is a reserved pipeline id)',
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
      ...throughputOpenApi,
      '/api/pipelines/{id}/tap/{nodeId}/{port}': {
        get: {
          summary: 'The last records that passed a port',
          parameters: [idParameter],
          responses: { 200: answer('records'), 404: failure('no such node') },
        },
      },
      ...deployPlanOpenApi,
      '/metrics': {
        get: {
          summary: 'Prometheus: the cluster-wide counters per node and port, processing time, lag per partition, workers',
          responses: { 200: { description: 'text/plain; version=0.0.4' } },
        },
      },
    },
  };
}
