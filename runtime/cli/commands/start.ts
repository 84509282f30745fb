import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validatePipeline } from '../../../shared/index.ts';
import { repoRoot } from '../../../tools/kafka/broker.ts';
import type { CourseStatsValue } from '../../control/course-stats.ts';
import { PipelineRegistry } from '../../control/pipeline-registry.ts';
import { PipelineSupervisor } from '../../control/supervisor.ts';
import { buildServer } from '../../http/server.ts';
import { createKafka } from '../../kafka/client.ts';
import { CompactedView } from '../../kafka/compacted-view.ts';
import { checkKafka } from '../../kafka/health.ts';
import { deleteNodeChangelogs, kafkaExecutor } from '../../kafka/kafka-executor.ts';
import { KafkaPipelineStore } from '../../kafka/kafka-pipeline-store.ts';
import { KafkaReviewWriter } from '../../kafka/review-writer.ts';
import { PostgresSinks } from '../../postgres/sink-executor.ts';
import { type Command, CommandError } from '../command.ts';
import { designerDist, ensureDesignerBuilt } from '../designer-build.ts';
import { listenOnPreferredPort } from '../listen.ts';
import { startServices, untilStopped } from '../services.ts';

const say = (line: string) => console.log(`sluice: ${line}`);

async function defaultPipeline() {
  const result = validatePipeline(JSON.parse(await readFile(join(repoRoot, 'pipelines', 'review-stats.json'), 'utf8')));
  if (!result.ok)
    throw new CommandError('pipelines/review-stats.json is invalid: run `npm run sluice -- validate pipelines/review-stats.json`');
  return result.pipeline;
}

export const start: Command = {
  name: 'start',
  summary: 'start the local Kafka broker and PostgreSQL (unless configured), the runtime and the designer',
  usage: 'start',
  async run() {
    const services = await startServices(say);
    const closers: (() => Promise<unknown>)[] = [];
    try {
      await ensureDesignerBuilt(say);
      const kafka = createKafka(services.brokers);
      const admin = kafka.admin();
      await admin.connect();
      closers.push(() => admin.disconnect());
      const reviews = new KafkaReviewWriter(kafka);
      await reviews.ensureTopic(admin);
      closers.push(() => reviews.close());

      const store = new KafkaPipelineStore(kafka, admin);
      await store.ensureTopic();
      closers.push(() => store.close());
      const sinks = new PostgresSinks();
      closers.push(() => sinks.close());
      const supervisor = new PipelineSupervisor(new PipelineRegistry(store), store, {
        createExecutor: (pipeline) => kafkaExecutor(kafka, admin, pipeline, { executeSinks: sinks.execute }),
        resetStores: async (pipelineId, nodes) => void (await deleteNodeChangelogs(admin, pipelineId, nodes)),
      });
      await supervisor.open(await defaultPipeline());
      closers.push(() => supervisor.close());
      const courseStats = new CompactedView<CourseStatsValue>(
        kafka,
        admin,
        'course-stats',
        (value) => JSON.parse(value) as CourseStatsValue,
      );
      await courseStats.open();
      closers.push(() => courseStats.close());

      const app = await buildServer({
        control: { reviews, pipelines: supervisor, courseStats, kafkaHealth: () => checkKafka(services.brokers) },
        designerDir: designerDist,
      });
      closers.push(() => app.close());
      const host = process.env.API_TOKEN ? (process.env.HOST ?? '0.0.0.0') : '127.0.0.1';
      if (!process.env.API_TOKEN) say('API_TOKEN is not set: listening on 127.0.0.1 only');
      const address = await listenOnPreferredPort(app, host, process.env.PORT, say);
      say(`Sluice is running at ${address}`);
      say(`${await untilStopped()}: stopping`);
      return 0;
    } finally {
      for (const close of closers.reverse()) await close().catch(() => {});
      await services.stop();
      say('stopped');
    }
  },
};
