// Sets up one run of review-stats under its own names before any worker starts:
// the source topic (empty), every topic the plan needs (created by the runtime's own
// provisioning, so workers never race to create them) and the pipeline file.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPipelineResource } from '../../runtime/cli/resources.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import type { Plan } from '../../shared/engine/plan.ts';
import { type BenchPipeline, type RunVariant, reviewStatsForRun, topicOf } from './bench-pipeline.ts';
import type { BenchContext } from './context.ts';
import { createTopics } from './topics.ts';

export interface ProvisionedRun extends BenchPipeline {
  suffix: string;
  plan: Plan;
  /** The pipeline's JSON file, for `sluice run <file>`. */
  file: string;
  groupId: string;
  source: string;
  courseStats: string;
  /** Whether a task keeps state (and so logs a finished restore when it starts). */
  hasStores(task: string): boolean;
}

export async function provisionRun(context: BenchContext, variant: RunVariant = {}): Promise<ProvisionedRun> {
  const suffix = randomUUID().slice(0, 8);
  const run = reviewStatsForRun(suffix, variant);
  const source = topicOf(run, 'reviews');
  await createTopics(context.kafka, [source]);
  const admin = context.kafka.admin();
  await admin.connect();
  try {
    const runner = new PipelineRunner(context.kafka, admin, run.pipeline, {
      executeSinks: async () => {},
      readResource: readPipelineResource,
    });
    const plan = await runner.provision();
    const folder = join(context.dataDir, 'bench-pipelines');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${run.pipeline.id}.json`);
    writeFileSync(file, JSON.stringify(run.pipeline, null, 2));
    const stateful = new Set(plan.tasks.filter((task) => task.changelogs.length > 0).map((task) => task.id));
    return {
      ...run,
      suffix,
      plan,
      file,
      groupId: runner.groupId,
      source,
      courseStats: topicOf(run, 'course-stats'),
      hasStores: (task) => stateful.has(task),
    };
  } finally {
    await admin.disconnect();
  }
}
