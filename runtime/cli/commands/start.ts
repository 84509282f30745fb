import { buildServer } from '../../http/server.ts';
import { createKafka } from '../../kafka/client.ts';
import { checkKafka } from '../../kafka/health.ts';
import { KafkaReviewWriter } from '../../kafka/review-writer.ts';
import type { Command } from '../command.ts';
import { designerDist, ensureDesignerBuilt } from '../designer-build.ts';
import { listenOnPreferredPort } from '../listen.ts';
import { startServices, untilStopped } from '../services.ts';

const say = (line: string) => console.log(`sluice: ${line}`);

export const start: Command = {
  name: 'start',
  summary: 'start the local Kafka broker and PostgreSQL (unless configured), the runtime and the designer',
  usage: 'start',
  async run() {
    const services = await startServices(say);
    try {
      await ensureDesignerBuilt(say);
      const client = createKafka(services.brokers);
      const reviews = new KafkaReviewWriter(client);
      const admin = client.admin();
      await admin.connect();
      await reviews.ensureTopic(admin);
      await admin.disconnect();
      const app = await buildServer({ control: { reviews, kafkaHealth: () => checkKafka(services.brokers) }, designerDir: designerDist });
      const host = process.env.API_TOKEN ? (process.env.HOST ?? '0.0.0.0') : '127.0.0.1';
      if (!process.env.API_TOKEN) say('API_TOKEN is not set: listening on 127.0.0.1 only');
      const address = await listenOnPreferredPort(app, host, process.env.PORT, say);
      say(`Sluice is running at ${address}`);
      say(`${await untilStopped()}: stopping`);
      await app.close();
      await reviews.close();
      return 0;
    } finally {
      await services.stop();
      say('stopped');
    }
  },
};
