// review-stats, exactly once, in N worker processes (`sluice run`, as deployed):
// records/s from the first record written to the last change of course-stats, once
// every topic the pipeline reads is consumed and committed to its end.
// The workers start on an empty source and take all their tasks first; then the
// bench writes the generated traffic (faster than the pipeline reads it) and watches
// the output topic, so joining, claiming and restoring are start-up, not throughput.
import { cpus } from 'node:os';
import type { LoadOperation } from '../load/traffic.ts';
import type { RunVariant } from './bench-pipeline.ts';
import { SluiceProcess, waitUntil } from './child-process.ts';
import { type BenchContext, childEnv } from './context.ts';
import { type PipelineInput, pipelinePosition } from './group-offsets.ts';
import { busyPercent, machineCpu } from './proc-stats.ts';
import { type ProvisionedRun, provisionRun } from './provision.ts';
import { TopicWatch } from './topic-watch.ts';
import { writeOperations } from './topics.ts';
import { currentTasks, restoredSinceAssignment } from './worker-log.ts';

export interface WorkersFigures {
  recordsPerSecond: number;
  seconds: number;
  /** Per worker, at the end of the run. */
  rssMb: number[];
  peakRssMb: number[];
  /** Per worker: CPU time over wall time during the run (100 = one core busy all along). */
  cpuPercent: number[];
  /** The whole machine (broker, PostgreSQL, the bench and anything else) during the run, 100 = every core busy. */
  machineBusyPercent: number;
}

/** Every worker holds a share of the tasks, together all of them once, and each restored its stateful ones. */
export function workersSettled(processes: SluiceProcess[], run: ProvisionedRun): boolean {
  const assignments = processes.map((p) => currentTasks(p.events));
  if (assignments.some((tasks) => tasks.length === 0)) return false;
  const all = assignments.flat();
  return (
    all.length === run.plan.tasks.length &&
    new Set(all).size === all.length &&
    processes.every((p) => restoredSinceAssignment(p.events, run.hasStores))
  );
}

export function startWorkers(
  context: BenchContext,
  run: ProvisionedRun,
  count: number,
  label: string,
  env: Record<string, string> = {},
  pinned = false,
): SluiceProcess[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new SluiceProcess({
        entry: 'runtime/cli/main.ts',
        args: ['run', run.file],
        env: { ...childEnv(context), ...env },
        label: count > 1 ? `${label}-w${i + 1}` : label,
        profileDir: context.profileDir,
        cpu: pinned ? i % cpus().length : undefined,
      }),
  );
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The topics the pipeline's group reads, sources first, each with the number of tasks writing it. */
export function pipelineInputs(run: ProvisionedRun): PipelineInput[] {
  return run.plan.subTopologies.map((sub) => {
    if (sub.input.kind === 'source') return { topic: sub.input.topic, writers: 0 };
    const stage = sub.input.stage;
    const feeding = run.plan.subTopologies.filter(
      (other) =>
        other.stages.some((id) =>
          Object.values(run.plan.stages[id]?.wiring ?? {}).some((targets) =>
            targets.some((t) => t.kind === 'repartition' && t.stage === stage),
          ),
        ) ||
        run.plan.sources.some(
          (source) => source.topic === other.input.topic && source.targets.some((t) => t.kind === 'repartition' && t.stage === stage),
        ),
    );
    return { topic: sub.input.topic, writers: feeding.reduce((sum, other) => sum + other.partitions, 0) };
  });
}

export async function measureWorkers(
  context: BenchContext,
  operations: LoadOperation[],
  count: number,
  label: string,
  variant: RunVariant = {},
  /** Worker i on CPU i (taskset): what a second core gives a second worker; the broker and PostgreSQL are not pinned. */
  pinned = false,
): Promise<WorkersFigures> {
  const run = await provisionRun(context, variant);
  const watch = new TopicWatch(context.kafka, run.courseStats);
  await watch.start();
  const admin = context.kafka.admin();
  await admin.connect();
  const processes = startWorkers(context, run, count, label, {}, pinned);
  try {
    await waitUntil(() => workersSettled(processes, run), processes, 180_000, 'the workers to take and restore every task');
    const sample = () => ({ at: Date.now(), cpu: processes.map((p) => p.cpuSeconds() ?? Number.NaN), machine: machineCpu() });
    const before = sample();
    const samples = [before];
    const began = before.at;
    await writeOperations(context.kafka, run.source, operations);
    // Done: the source and every internal topic are consumed and committed to their ends (quiet output is not
    // done: a sub-topology may still be working through its input). The clock stops at course-stats' last change.
    const deadline = began + 5 * 60_000;
    const inputs = pipelineInputs(run);
    let settled: { position: string; since: number } | undefined;
    for (;;) {
      await sleep(250);
      samples.push(sample());
      const dead = processes.find((p) => !p.alive);
      if (dead) throw new Error(`${dead.options.label} exited during the run:\n${dead.lastLines()}`);
      if (Date.now() > deadline) throw new Error(`review-stats did not finish ${operations.length} records in 5 minutes`);
      const position = watch.records > 0 ? await pipelinePosition(admin, run.groupId, inputs) : undefined;
      if (position === undefined || position !== settled?.position) settled = position ? { position, since: Date.now() } : undefined;
      else if (Date.now() - settled.since >= 1000) break;
    }
    const seconds = (Math.min(watch.lastArrival, settled.since) - began) / 1000;
    // CPU up to the first sample after the last change: the quiet tail is not part of the run.
    const after = samples.find((s) => s.at >= watch.lastArrival) ?? sample();
    const wall = (after.at - began) / 1000;
    const memory = processes.map((p) => p.memory());
    return {
      recordsPerSecond: operations.length / seconds,
      seconds,
      rssMb: memory.map((m) => m?.rssMb ?? Number.NaN),
      peakRssMb: memory.map((m) => m?.peakRssMb ?? Number.NaN),
      cpuPercent: after.cpu.map((cpu, i) => ((cpu - (before.cpu[i] ?? Number.NaN)) / wall) * 100),
      machineBusyPercent: before.machine && after.machine ? busyPercent(before.machine, after.machine) : Number.NaN,
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await watch.stop();
    await admin.disconnect();
  }
}
