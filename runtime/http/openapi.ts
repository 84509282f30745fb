// The OpenAPI document served at /api/openapi.json. The deployed pipelines' endpoints come first, their request and
// response schemas from the very record schemas that check requests; then the runtime's own routes, with the
// pipeline format from the zod schemas that validate deploys.
import { z } from 'zod';
import { manyPathOf, placeholderOf } from '../../shared/catalog/http-routes.ts';
import { pipelineJsonSchema } from '../../shared/index.ts';
import type { RecordSchema } from '../../shared/records/record-schema.ts';
import { objectValidator } from '../../shared/records/record-validator.ts';
import type { ServedEndpoints, ServedIngest, ServedView } from '../control/endpoints.ts';
import { deployPlanOpenApi } from './routes/deploy-plan.ts';
import { MAX_BATCH } from './routes/ingest.ts';
import { throughputOpenApi } from './routes/throughput.ts';

const error = { $ref: '#/components/schemas/Error' };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const answer = (description: string, schema: object = { type: 'object' }) => ({ description, ...json(schema) });
const failure = (description: string) => ({ description, ...json(error) });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const jsonSchemaOf = (schema: RecordSchema) => {
  const { $schema: _, ...rest } = z.toJSONSchema(objectValidator(schema), { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};
const componentName = (text: string) => text.replace(/(^|[^a-zA-Z0-9])([a-zA-Z0-9])/g, (_, __, letter: string) => letter.toUpperCase());

function ingestPaths(endpoint: ServedIngest): Record<string, unknown> {
  const { path, noun, keyField } = endpoint.spec;
  const ref = { $ref: `#/components/schemas/${componentName(noun.one)}` };
  const ambiguous = `Kafka did not acknowledge the write; details[0].stored says whether it may be stored anyway ("unknown") or not ("no"); sending it again with the same ${keyField} is safe`;
  const common = { 415: failure('not JSON'), 429: failure('over the per-client rate limit (see Retry-After)'), 503: failure(ambiguous) };
  const paths: Record<string, unknown> = {
    [path]: {
      post: {
        summary: `Write ${noun.one === '' ? 'a record' : `a ${noun.one}`} (or a new version of one); 202 once Kafka acknowledged it`,
        requestBody: json(ref),
        responses: { 202: answer('durable'), 400: failure('invalid fields'), 413: failure('over 64 KiB'), ...common },
      },
    },
    [`${path}:batch`]: {
      post: {
        summary: `Write up to ${MAX_BATCH.toLocaleString('en-US')} ${noun.many} (1 MiB) in one Kafka write: every item is checked first, the valid ones are written together`,
        requestBody: json({ type: 'object', properties: { [noun.many]: { type: 'array', items: ref, maxItems: MAX_BATCH } } }),
        responses: {
          202: answer('all accepted'),
          207: answer('per-item results: the valid items were written, the invalid ones were not'),
          400: failure(`not a batch, or no valid ${noun.one} in it (nothing written)`),
          413: failure('over 1 MiB, or more than one Kafka write holds (nothing written)'),
          ...common,
        },
      },
    },
  };
  if (endpoint.spec.allowDelete)
    paths[`${path}/{${keyField}}`] = {
      delete: {
        summary: `Delete a ${noun.one} everywhere`,
        parameters: [{ ...idParameter, name: keyField }],
        responses: { 202: answer('durable'), 400: failure(`not a ${keyField} a ${noun.one} can have`), 503: failure(ambiguous) },
      },
    };
  return paths;
}

function viewPaths(endpoint: ServedView, responseRef: object): Record<string, unknown> {
  const { path, noun, title, keysParameter, maxKeys } = endpoint.spec;
  const freshness = 'with "stale": true and "behindBy" while this process\'s replica is behind; ETag, If-None-Match (304)';
  return {
    [path]: {
      get: {
        summary: `${title}: the latest value for one ${noun.one}`,
        parameters: [{ ...idParameter, name: placeholderOf(path) }],
        responses: {
          200: answer(`the value, ${freshness}`, responseRef),
          304: { description: 'not modified' },
          404: failure('no value'),
          503: failure('restoring, no value yet'),
        },
      },
    },
    [manyPathOf(path)]: {
      get: {
        summary: `${title} of up to ${maxKeys} ${noun.many} (?${keysParameter}=a,b,c)`,
        parameters: [{ name: keysParameter, in: 'query', required: true, schema: { type: 'string' } }],
        responses: { 200: answer(`the values, a missing one as {"missing": true}, ${freshness}`), 400: failure(`no ${keysParameter}`) },
      },
    },
  };
}

export function openApiDocument(version: string, served: ServedEndpoints) {
  const schemas: Record<string, unknown> = {};
  for (const endpoint of served.ingest) schemas[componentName(endpoint.spec.noun.one)] = jsonSchemaOf(endpoint.spec.schema);
  const viewRefs = served.views.map((endpoint) => {
    if (!endpoint.responseSchema) return { type: 'object' };
    const name = `${componentName(endpoint.spec.noun.one)}Value`;
    schemas[name] = jsonSchemaOf(endpoint.responseSchema);
    return { $ref: `#/components/schemas/${name}` };
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sluice runtime API',
      version,
      description: "The deployed pipelines' endpoints (records in, views out), and the pipelines that connect them.",
    },
    components: {
      schemas: {
        ...schemas,
        Pipeline: pipelineJsonSchema,
        Error: {
          type: 'object',
          properties: {
            error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array' } } },
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
      ...Object.assign({}, ...served.ingest.map(ingestPaths)),
      ...Object.assign({}, ...served.views.map((endpoint, i) => viewPaths(endpoint, viewRefs[i] ?? { type: 'object' }))),
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
