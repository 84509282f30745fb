// Recovery from a crash: a worker (`sluice run`) holding `rows` reviews of window
// state is SIGKILLed while traffic flows, and a new worker process is started at
// once (as a supervisor would). Measured from the kill to the moment every window
// partition shows a probe written after the kill within the steady-state latency,
// i.e. the new worker has joined, restored the state from the changelog, worked
// off the backlog and is processing new records as they come. The state is written
// straight into the window's changelog first (see window-state.ts); the kill and the
// restart are real processes.
import { defaultTraffic, generateTraffic, type TextSource } from '../load/traffic.ts';
import type { SluiceProcess } from './child-process.ts';
import { waitUntil } from './child-process.ts';
import type { BenchContext } from './context.ts';
import { groupMembers, whenMembersGone } from './group-members.ts';
import { percentile } from './percentiles.ts';
import { caughtUpAt } from './probes.ts';
import type { ProcessMemory } from './proc-stats.ts';
import { provisionRun } from './provision.ts';
import { SteadyLoad } from './steady-load.ts';
import { TopicWatch } from './topic-watch.ts';
import { windowStore, writeWindowState } from './window-state.ts';
import { restoreSummary } from './worker-log.ts';
import { startWorkers, workersSettled } from './workers.ts';

const COURSES = 10_000;
/** The broker's minimum (group.min.session.timeout.ms): the takeover after a SIGKILL waits this long for the dead member. */
export const RECOVERY_SESSION_TIMEOUT_MS = 6000;
const workerEnv = { SLUICE_SESSION_TIMEOUT_MS: String(RECOVERY_SESSION_TIMEOUT_MS) };

export interface RecoveryRun {
  /** SIGKILL → every window partition processing new records without a backlog. */
  killToCaughtUpSeconds: number;
  /** SIGKILL → the new worker's first assignment (process start, the group noticing the dead member, the rebalance). */
  killToAssignedSeconds: number;
  /**
   * SIGKILL → the group coordinator dropped the dead member (asked of the broker): the session timeout's share,
   * which runs from the member's last heartbeat, so it is shorter than the timeout by up to a heartbeat interval.
   */
  killToMemberGoneSeconds: number;
  /** The dead member gone → every window partition caught up: the downtime that is not the session timeout. */
  memberGoneToCaughtUpSeconds: number;
  restoredRows: number;
  restoreSeconds: number;
  /**
   * Of the new worker, holding the state and taking 100 reviews/s: the median of samples every 250 ms over the 5 s
   * after it caught up. At the moment it catches up, the garbage of working off the backlog is often still in the
   * heap (V8 collects the old generation when it has grown by a factor): that instant is `rssAtCatchUpMb`.
   */
  rssMb: number;
  /** The largest sample of those 5 s. */
  rssMaxMb: number;
  rssAtCatchUpMb: number;
  /** Of rssMb (medians too): anonymous (heap, buffers) and file pages (LMDB's, as far as they were read). */
  anonMb: number;
  fileMb: number;
}

export interface RestartRun {
  /** SIGTERM (a drained stop that leaves the group) → every window partition processing new records again. */
  stopToCaughtUpSeconds: number;
  /** The new process's start → caught up: the part that is Sluice's own start, not the old one's drain. */
  startToCaughtUpSeconds: number;
  restoredRows: number;
}

export interface RecoveryFigures {
  rows: number;
  /** The first worker's restore of the generated state (a cold start, no kill). */
  coldRestoreSeconds: number;
  coldRestoreRows: number;
  /** A probe counts as "flowing" within this many ms: twice the steady state's p99, at least 2 s. */
  caughtUpWithinMs: number;
  runs: RecoveryRun[];
  restarts: RestartRun[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Samples the process's memory every `everyMs` for `forMs`: the median RSS (and of its parts) and the largest. */
async function sampleMemory(worker: SluiceProcess, forMs: number, everyMs: number) {
  const samples: ProcessMemory[] = [];
  for (const until = Date.now() + forMs; Date.now() < until; await sleep(everyMs)) {
    const memory = worker.memory();
    if (memory) samples.push(memory);
  }
  const median = (pick: (m: ProcessMemory) => number) => percentile(samples.map(pick), 50);
  return {
    rssMb: median((m) => m.rssMb),
    rssMaxMb: samples.length > 0 ? Math.max(...samples.map((m) => m.rssMb)) : Number.NaN,
    anonMb: median((m) => m.anonMb),
    fileMb: median((m) => m.fileMb),
  };
}

export async function measureRecovery(context: BenchContext, texts: TextSource, rows: number, kills: number): Promise<RecoveryFigures> {
  const run = await provisionRun(context);
  const store = windowStore(run);
  const isWindowTask = (task: string) => task.startsWith(`${run.pipeline.id}.${store.subTopology}.`);
  context.say(`recovery: writing ${rows.toLocaleString('en')} reviews of window state to ${store.changelogTopic}`);
  await writeWindowState(context.kafka, run, rows, COURSES);
  const watch = new TopicWatch(context.kafka, run.courseStats);
  await watch.start();
  const admin = context.kafka.admin();
  await admin.connect();
  let worker: SluiceProcess = startWorkers(context, run, 1, 'recovery-start', workerEnv)[0] as SluiceProcess;
  const background = generateTraffic({ ...defaultTraffic(texts), seed: 11, count: 10_000_000, courses: COURSES, users: 20_000 });
  const load = new SteadyLoad(context.kafka, run.source, background, { rate: 100, partitions: store.partitions, run: run.suffix });
  try {
    const began = Date.now();
    await waitUntil(() => workersSettled([worker], run), [worker], 15 * 60_000, 'the first worker to restore its state');
    const cold = restoreSummary(worker.events, began, isWindowTask);
    load.start();
    // The steady state: once every partition flows (the first records after a restore are slow), 5 s (2 quick) to know its latency.
    const loadStarted = Date.now();
    let flowing: number | undefined;
    await waitUntil(
      () => {
        flowing = caughtUpAt(load.timings(watch), loadStarted, store.partitions, 10_000);
        return flowing !== undefined;
      },
      [worker],
      180_000,
      'probes to flow through every window partition',
    );
    await sleep(context.quick ? 2000 : 5000);
    const steady = load.timings(watch).flatMap((p) => (p.seenAt === undefined || p.sentAt < (flowing ?? 0) ? [] : [p.seenAt - p.sentAt]));
    const within = Math.max(2000, 2 * percentile(steady, 99));
    const runs: RecoveryRun[] = [];
    for (let k = 1; k <= kills; k++) {
      const members = await groupMembers(admin, run.groupId);
      const killedAt = Date.now();
      await worker.kill();
      const memberGone = whenMembersGone(admin, run.groupId, members, { timeoutMs: 5 * 60_000 });
      worker = startWorkers(context, run, 1, `recovery-restart-${k}`, workerEnv)[0] as SluiceProcess;
      let caughtUp: number | undefined;
      await waitUntil(
        () => {
          caughtUp = caughtUpAt(load.timings(watch), killedAt, store.partitions, within);
          return caughtUp !== undefined;
        },
        [worker],
        15 * 60_000,
        'the restarted worker to catch up',
      );
      const assigned = worker.events.find((event) => event.kind === 'assignment');
      const restore = restoreSummary(worker.events, killedAt, isWindowTask);
      const atCatchUp = worker.memory();
      const memory = await sampleMemory(worker, 5000, 250);
      const goneAt = (await memberGone) ?? Number.NaN;
      runs.push({
        killToCaughtUpSeconds: ((caughtUp ?? Number.NaN) - killedAt) / 1000,
        killToAssignedSeconds: ((assigned?.time ?? Number.NaN) - killedAt) / 1000,
        killToMemberGoneSeconds: (goneAt - killedAt) / 1000,
        memberGoneToCaughtUpSeconds: ((caughtUp ?? Number.NaN) - goneAt) / 1000,
        restoredRows: restore?.rows ?? 0,
        restoreSeconds: restore?.seconds ?? Number.NaN,
        ...memory,
        rssAtCatchUpMb: atCatchUp?.rssMb ?? Number.NaN,
      });
      context.say(`recovery: kill ${k}: ${JSON.stringify(runs.at(-1))}`);
      // (The 5 s of samples are the steady state before the next kill.)
    }
    // Clean restarts: the worker drains and leaves the group, a new one starts with the state on local disk.
    const restarts: RestartRun[] = [];
    for (let k = 1; k <= kills; k++) {
      const stoppedAt = Date.now();
      await worker.stop();
      const startedAt = Date.now();
      worker = startWorkers(context, run, 1, `recovery-clean-${k}`, workerEnv)[0] as SluiceProcess;
      let caughtUp: number | undefined;
      await waitUntil(
        () => {
          caughtUp = caughtUpAt(load.timings(watch), startedAt, store.partitions, within);
          return caughtUp !== undefined;
        },
        [worker],
        15 * 60_000,
        'the restarted worker to catch up',
      );
      const restore = restoreSummary(worker.events, startedAt, isWindowTask);
      restarts.push({
        stopToCaughtUpSeconds: ((caughtUp ?? Number.NaN) - stoppedAt) / 1000,
        startToCaughtUpSeconds: ((caughtUp ?? Number.NaN) - startedAt) / 1000,
        restoredRows: restore?.rows ?? 0,
      });
      context.say(`recovery: clean restart ${k}: ${JSON.stringify(restarts.at(-1))}`);
      await sleep(2000);
    }
    return {
      restarts,
      rows,
      coldRestoreSeconds: cold?.seconds ?? Number.NaN,
      coldRestoreRows: cold?.rows ?? 0,
      caughtUpWithinMs: within,
      runs,
    };
  } finally {
    await load.stop();
    await worker.stop();
    await watch.stop();
    await admin.disconnect();
  }
}
