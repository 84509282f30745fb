// The runtime as `sluice start` assembles it (the same composition root and HTTP
// server), minus the designer's static files, on the bench's own topics and a free
// port: what the latency measure posts reviews to and reads course stats from.
// Started by bench/measure/latency.ts with BENCH_PIPELINE_FILE and BENCH_TOPICS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleRuntime } from '../runtime/cli/assemble.ts';
import { dataDir } from '../runtime/cli/database-url.ts';
import { untilStopped } from '../runtime/cli/services.ts';
import { buildServer } from '../runtime/http/server.ts';
import { brokersFromEnv } from '../runtime/kafka/client.ts';
import { validatePipeline } from '../shared/index.ts';

const file = process.env.BENCH_PIPELINE_FILE ?? '';
const topics = JSON.parse(process.env.BENCH_TOPICS ?? '{}') as { pipelines?: string };
const validated = validatePipeline(JSON.parse(readFileSync(file, 'utf8')));
if (!validated.ok) throw new Error(`${file} is invalid`);
const brokers = brokersFromEnv();
if (!brokers) throw new Error('KAFKA_BROKERS is not set');
const runtime = await assembleRuntime({
  brokers,
  initialPipeline: validated.pipeline,
  topics,
  stateDirectory: join(dataDir(), 'state'),
});
const app = await buildServer({ control: runtime.control });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ level: 30, time: Date.now(), msg: 'listening', address }));
await untilStopped();
await app.close();
await runtime.close();
process.exit(0);
