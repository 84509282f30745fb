// A worker process for the kill -9 tests: runs the counting task until killed.
import { createKafka } from '../../runtime/kafka/client.ts';
import { PipelineWorker } from '../../runtime/kafka/pipeline-worker.ts';
import { countingFactory } from './counting-task.ts';

const [brokers = '', groupId = '', input = '', output = '', changelog = '', delay = '0'] = process.argv.slice(2);
const kafka = createKafka(brokers.split(','));
const admin = kafka.admin();
await admin.connect();
const worker = new PipelineWorker(kafka, admin, {
  groupId,
  inputTopics: [{ topic: input, fromBeginning: true }],
  factory: countingFactory({ input, output, changelog }, Number(delay)),
  onAssignment: (tasks) => console.log(`assigned ${tasks.join(',')}`),
  sessionTimeoutMs: 6000,
});
await worker.start();
console.log('worker started');
process.on('SIGTERM', () => {
  void worker.stop().then(() => process.exit(0));
});
