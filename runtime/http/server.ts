// The runtime's HTTP face. It knows the runtime only through RuntimeControl.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RuntimeControl } from '../control/runtime-control.ts';
import { installErrorHandling } from './errors.ts';
import { courseRoutes } from './routes/courses.ts';
import { pipelineMetricsRoutes, pipelineRoutes } from './routes/pipelines.ts';
import { prometheusRoute } from './routes/prometheus.ts';
import { reviewRoutes } from './routes/reviews.ts';

export interface ServerOptions {
  control: RuntimeControl;
  /** The built designer, served at `/` when present. */
  designerDir?: string;
  logger?: boolean;
}

export async function buildServer({ control, designerDir, logger = false }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 64 * 1024 });
  installErrorHandling(app);
  // JSON only: anything else is answered 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');

  app.get('/api/health', async (_request, reply) => {
    const kafka = await control.kafkaHealth();
    if (kafka.connected) return { status: 'ok', kafka };
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
