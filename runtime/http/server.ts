// The runtime's HTTP face. It knows the runtime only through RuntimeControl.
import { existsSync } from 'node:fs';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { PipelineControl, RuntimeControl } from '../control/runtime-control.ts';
import { requireTokenForChanges } from './auth.ts';
import { answerClientError } from './client-errors.ts';
import { limitConnectionsPerClient } from './connection-guard.ts';
import { answerFrameworkError, installErrorHandling, MAX_PATH_SEGMENT } from './errors.ts';
import { answerOnlyLocalRequests, requireHost } from './local-only.ts';
import { openApiDocument } from './openapi.ts';
import { limitIngestPerClient } from './rate-limit.ts';
import { deployPlanRoutes } from './routes/deploy-plan.ts';
import { endpointRoutes, matchEndpoint } from './routes/endpoints.ts';
import { RECORD_BODY_LIMIT } from './routes/ingest.ts';
import { pipelineRoutes, tapRoutes } from './routes/pipelines.ts';
import { prometheusRoute } from './routes/prometheus.ts';
import { throughputRoutes } from './routes/throughput.ts';

export interface ServerOptions {
  control: RuntimeControl;
  /** The built designer, served at `/` when present. */
  designerDir?: string;
  logger?: boolean;
  /** Mutating calls need `Authorization: Bearer <apiToken>` when set. */
  apiToken?: string;
  /** Another origin allowed to call the API (the designer's dev server); the built designer is same-origin. */
  designerOrigin?: string;
  /** Without apiToken, names besides localhost/127.0.0.1/[::1] this runtime answers to (`name` or `name:port`). */
  allowedHosts?: string[];
  version?: string;
  /** Ingest requests (posts and deletes to the pipelines' endpoints) per second per client address (429 past it). */
  ingestRatePerClient?: number;
  /** Open connections per client address; past it a connection is answered 429 and closed. */
  maxConnectionsPerClient?: number;
  timeouts?: Partial<ServerTimeouts>;
}

/** How long a connection may take for each part of its life before it is closed; see DEFAULT_TIMEOUTS. */
export interface ServerTimeouts {
  /** From the connection (or the end of the previous request) until the request's headers are in (then 408). */
  headersMs: number;
  /** Until the whole request, body included, is in (then 408). */
  requestMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number;
  /** No byte either way; long enough for a slow deploy, the metrics stream writes every second. */
  idleMs: number;
  /** How often Node looks for requests past headersMs or requestMs. */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  idleMs: 120_000,
  checkIntervalMs: 1_000,
};

/** Pipelines this runtime runs that are not processing as they should: degraded (a task stuck) or failed. */
function troubledPipelines(control: PipelineControl): { id: string; state: string; reason: string }[] {
  return control
    .list()
    .filter((record) => record.desired === 'running')
    .map((record) => ({ id: record.id, status: control.status(record.id) }))
    .filter(({ status }) => status.state === 'degraded' || status.state === 'failed')
    .map(({ id, status }) => ({ id, state: status.state, reason: status.reason ?? 'no reason given' }));
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { control, designerDir, logger = false } = options;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger,
    bodyLimit: RECORD_BODY_LIMIT,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
      // Node's own refusal of a missing Host has no body; requireHost below answers in the API's shape.
      requireHostHeader: false,
    },
  });
  limitConnectionsPerClient(app.server, options.maxConnectionsPerClient ?? 256);
  installErrorHandling(app);
  requireHost(app);
  if (!options.apiToken) answerOnlyLocalRequests(app, { allowedHosts: options.allowedHosts ?? [], designerOrigin: options.designerOrigin });
  requireTokenForChanges(app, options.apiToken);
  const endpoints = control.endpoints ?? { current: () => ({ ingest: [], views: [] }) };
  limitIngestPerClient(app, options.ingestRatePerClient ?? 2000, (method, url) => {
    const match = matchEndpoint(endpoints, method, url);
    if (!match || match.kind === 'read-one' || match.kind === 'read-many') return undefined;
    return { noun: match.endpoint.spec.noun.one, path: match.endpoint.spec.path };
  });
  // No CORS headers at all unless a designer origin is named: other sites cannot call the API from a browser.
  if (options.designerOrigin) await app.register(cors, { origin: options.designerOrigin });
  app.get('/api/openapi.json', async () => openApiDocument(options.version ?? '0.0.0', endpoints.current()));
  // JSON only: anything else is answered 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');

  app.get('/api/health', async (_request, reply) => {
    const kafka = await control.kafkaHealth();
    if (!kafka.connected) return reply.status(503).send({ status: 'unavailable', kafka, reason: `Kafka is unreachable: ${kafka.reason}` });
    // Degraded is still 200: writes succeed (a broker down in a replicated cluster, a pipeline whose sink is down);
    // the reasons say what is wrong.
    const pipelines = control.pipelines ? troubledPipelines(control.pipelines) : [];
    const reasons = [...(kafka.degraded ? [kafka.degraded] : []), ...pipelines.map((p) => `pipeline ${p.id} is ${p.state}: ${p.reason}`)];
    if (reasons.length === 0) return { status: 'ok', kafka };
    return { status: 'degraded', kafka, ...(pipelines.length > 0 ? { pipelines } : {}), reason: reasons.join('; ') };
  });

  endpointRoutes(app, endpoints);
  if (control.pipelines) {
    pipelineRoutes(app, control.pipelines);
    deployPlanRoutes(app, control.pipelines);
    tapRoutes(app, control.pipelines);
    if (control.throughput) throughputRoutes(app, control.pipelines, control.throughput);
  }
  prometheusRoute(app, control.throughput, control.kafkaFetches ?? (() => ({})));

  if (designerDir && existsSync(designerDir)) {
    // The designer routes with the URL hash, so its files are all there is to serve (index.html at /).
    await app.register(fastifyStatic, { root: designerDir, prefix: '/', wildcard: false });
  }
  return app;
}
