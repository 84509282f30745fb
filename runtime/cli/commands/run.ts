import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validatePipeline } from '../../../shared/index.ts';
import { createKafka } from '../../kafka/client.ts';
import { PipelineRunner } from '../../kafka/pipeline-runner.ts';
import { PostgresSinks } from '../../postgres/sink-executor.ts';
import { parseArgs } from '../args.ts';
import { type Command, CommandError, UsageError } from '../command.ts';
import { dataDir } from '../database-url.ts';
import { readPipelineResource } from '../resources.ts';
import { requestedBrokers, startServices, untilStopped } from '../services.ts';

const say = (line: string) => console.log(`sluice: ${line}`);

export const run: Command = {
  name: 'run',
  summary: 'run a pipeline on Kafka in this process until Ctrl-C (more processes share its partitions)',
  usage: 'run <pipeline.json> [--brokers N]',
  async run(args) {
    const { options, positional } = parseArgs(args);
    const file = positional[0];
    if (!file) throw new UsageError('name the pipeline file');
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const validated = validatePipeline(input);
    if (!validated.ok)
      throw new CommandError(`the pipeline is invalid:\n${validated.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n')}`);
    const services = await startServices(say, { brokers: requestedBrokers(options.get('brokers')) });
    const kafka = createKafka(services.brokers);
    const admin = kafka.admin();
    const sinks = new PostgresSinks();
    try {
      await admin.connect();
      const runner = new PipelineRunner(kafka, admin, validated.pipeline, {
        executeSinks: sinks.execute,
        isolateSinks: sinks.isolate,
        readResource: readPipelineResource,
        stateDirectory: join(dataDir(), 'state'),
        onAssignment: (tasks) => say(`tasks: ${tasks.join(', ') || '(none: other workers hold every partition)'}`),
      });
      const plan = await runner.provision();
      say(
        `pipeline ${plan.pipelineId}: ${plan.subTopologies.length} sub-topologies, ${plan.tasks.length} tasks, ${plan.topics.length} topics`,
      );
      await runner.start();
      say(`running; Ctrl-C drains and stops`);
      say(`${await untilStopped()}: draining`);
      await runner.stop();
      return 0;
    } finally {
      await sinks.close();
      await admin.disconnect().catch(() => {});
      await services.stop();
    }
  },
};
