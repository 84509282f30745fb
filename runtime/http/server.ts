// The runtime's HTTP face. It knows the runtime only through RuntimeControl.
import { existsSync } from 'node:fs';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RuntimeControl } from '../control/runtime-control.ts';
import { requireTokenForChanges } from './auth.ts';
import { installErrorHandling } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { limitIngestPerConnection } from './rate-limit.ts';
import { courseRoutes } from './routes/courses.ts';
import { pipelineMetricsRoutes, pipelineRoutes } from './routes/pipelines.ts';
import { prometheusRoute } from './routes/prometheus.ts';
import { reviewRoutes } from './routes/reviews.ts';

export interface ServerOptions {
  control: RuntimeControl;
  /** The built designer, served at `/` when present. */
  designerDir?: string;
  logger?: boolean;
  /** Mutating calls need `Authorization: Bearer <apiToken>` when set. */
  apiToken?: string;
  /** Another origin allowed to call the API (the designer's dev server); the built designer is same-origin. */
  designerOrigin?: string;
  version?: string;
  /** Review requests per second per connection (429 past it). */
  ingestRatePerConnection?: number;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { control, designerDir, logger = false } = options;
  const app = Fastify({ logger, bodyLimit: 64 * 1024 });
  installErrorHandling(app);
  requireTokenForChanges(app, options.apiToken);
  limitIngestPerConnection(app, options.ingestRatePerConnection ?? 2000);
  // No CORS headers at all unless a designer origin is named: other sites cannot call the API from a browser.
  if (options.designerOrigin) await app.register(cors, { origin: options.designerOrigin });
  const document = openApiDocument(options.version ?? '0.0.0');
  app.get('/api/openapi.json', async () => document);
  // JSON only: anything else is answered 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');

  app.get('/api/health', async (_request, reply) => {
    const kafka = await control.kafkaHealth();
    // Degraded still takes writes (1 of 3 brokers down, min.insync.replicas met): 200, saying so.
    if (kafka.connected) return { status: kafka.degraded ? 'degraded' : 'ok', kafka };
    return reply.status(503).send({ status: 'unavailable', kafka, reason: `Kafka is unreachable: ${kafka.reason}` });
  });

  reviewRoutes(app, control.reviews);
  if (control.pipelines) {
    pipelineRoutes(app, control.pipelines);
    pipelineMetricsRoutes(app, control.pipelines);
    prometheusRoute(app, control.pipelines);
  }
  if (control.courseStats) courseRoutes(app, control.courseStats);

  if (designerDir && existsSync(designerDir)) {
    // The designer routes with the URL hash, so its files are all there is to serve (index.html at /).
    await app.register(fastifyStatic, { root: designerDir, prefix: '/', wildcard: false });
  }
  return app;
}
