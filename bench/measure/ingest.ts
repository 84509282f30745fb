// POST /api/reviews at saturation with autocannon, against the real server writing to Kafka.
import autocannon from 'autocannon';
import type { Kafka } from 'kafkajs';
import { staticEndpoints } from '../../runtime/control/endpoints.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { pipelineFile } from '../../runtime/http/testing/pipeline-endpoints.ts';
import { checkKafka } from '../../runtime/kafka/health.ts';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import type { TextSource } from '../load/traffic.ts';

const noReplica = { ready: () => true, get: () => undefined, freshness: () => ({ stale: false }) };

export async function measureIngest(
  kafka: Kafka,
  texts: TextSource,
  seconds: number,
): Promise<{ requestsPerSecond: number; p99Ms: number }> {
  const topic = `bench-ingest-${Date.now()}`;
  const writer = new KafkaRecordWriter(kafka, { topic, partitions: 6 });
  const admin = kafka.admin();
  await admin.connect();
  await writer.ensureTopic(admin);
  await admin.disconnect();
  // The ceiling of the write path, so no per-client rate limit (autocannon is one client).
  const app = await buildServer({
    // review-stats' own endpoint, writing to a topic of the bench's.
    control: {
      endpoints: staticEndpoints([pipelineFile('review-stats')], { writer: () => writer, reader: () => noReplica }),
      kafkaHealth: () => checkKafka([]),
    },
    ingestRatePerClient: Number.POSITIVE_INFINITY,
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  let n = 0;
  const result = await autocannon({
    url: `${address}/api/reviews`,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            id: `b${n++}`,
            courseId: `c${n % 1000}`,
            userId: `u${n % 5000}`,
            rating: 4,
            content: texts.ham[n % texts.ham.length],
            createdAt: new Date().toISOString(),
          }),
        }),
      },
    ],
  });
  await app.close();
  await writer.close();
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
}
