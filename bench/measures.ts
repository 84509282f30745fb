// The measurements of `npm run bench`, in order, each turned into table rows.
import { cpus } from 'node:os';
import { PrerequisiteError } from '../runtime/local/kafka/broker.ts';
import type { LoadOperation, TextSource } from './load/traffic.ts';
import type { RunVariant } from './measure/bench-pipeline.ts';
import { measureBrokerCeiling } from './measure/broker-ceiling.ts';
import type { BenchContext } from './measure/context.ts';
import type { ProfileSummary } from './measure/cpu-profile.ts';
import { formatSelfTimes } from './measure/cpu-profile.ts';
import { type Figure, summarise } from './measure/figures.ts';
import { measureIdleCost } from './measure/idle-cost.ts';
import { measureIngest } from './measure/ingest.ts';
import { measureLatency } from './measure/latency.ts';
import { measurePassThrough } from './measure/pass-through.ts';
import { type PeerResults, peerFigures } from './measure/peers.ts';
import { readProfile } from './measure/profiles.ts';
import { measureRecovery, RECOVERY_SESSION_TIMEOUT_MS, type RecoveryRun } from './measure/recovery.ts';
import { measureSpamFilterCost } from './measure/spam-filter-cost.ts';
import { measureStateMemory } from './measure/state-memory.ts';
import { measureTransactionCost } from './measure/transaction-cost.ts';
import { measureWorkers, type WorkersFigures } from './measure/workers.ts';
import type { BenchSettings } from './settings.ts';

const median = (values: number[]) => summarise('', '', values).median;
const max = (values: number[]) => Math.max(...values);

export async function runMeasures(
  context: BenchContext,
  settings: BenchSettings,
  operations: LoadOperation[],
  texts: TextSource,
  peers?: PeerResults,
): Promise<{ figures: Figure[]; profiles: Record<string, ProfileSummary> }> {
  const { say, kafka } = context;
  const figures: Figure[] = [];
  const profiles: Record<string, ProfileSummary> = {};
  const add = (name: string, unit: string, values: number[], note?: string) => figures.push(summarise(name, unit, values, note));
  const profiled = (label: string, print = true) => {
    const summary = context.profileDir ? readProfile(context.profileDir, label) : undefined;
    if (!summary) return;
    profiles[label] = summary;
    if (print)
      say(`profile ${label}: ${summary.seconds.toFixed(0)} s, ${summary.idlePercent.toFixed(0)}% idle\n${formatSelfTimes(summary.top)}`);
  };
  const section = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const began = Date.now();
    say(`${name}…`);
    const result = await work();
    say(`${name}: done in ${((Date.now() - began) / 1000).toFixed(0)} s`);
    return result;
  };
  const runs = Array.from({ length: settings.runs }, (_, i) => i + 1);
  const puts = operations.flatMap((op) => (op.kind === 'put' ? [JSON.stringify(op.review).length] : []));
  const recordBytes = Math.round(puts.reduce((a, b) => a + b, 0) / puts.length);
  const mbPerSecond = (recordsPerSecond: number) => (recordsPerSecond * recordBytes) / 1e6;

  // 0. The spam filter's per-record cost on one core (in-process, no broker): the part of the pipeline that is pure CPU.
  await section('spam filter cost', async () => {
    const results = [];
    for (const _ of runs) results.push(measureSpamFilterCost(operations, settings.spamFilterRecords));
    say(`spam filter cost: ${JSON.stringify(results.at(-1))}`);
    add(
      'spam-filter node, classifier on (in-memory driver, 1 core)',
      'records/s',
      results.map((r) => r.nodeRecordsPerSecond.classifierOn),
    );
    add(
      'spam-filter node, classifier off',
      'records/s',
      results.map((r) => r.nodeRecordsPerSecond.classifierOff),
    );
    add(
      '  the same pipeline without the filter (source → sink)',
      'records/s',
      results.map((r) => r.nodeRecordsPerSecond.withoutFilter),
    );
    add(
      "  the filter's own CPU per record, classifier on",
      'µs',
      results.map((r) => r.filterMicrosPerRecord.classifierOn),
    );
    add(
      "  the filter's own CPU per record, classifier off",
      'µs',
      results.map((r) => r.filterMicrosPerRecord.classifierOff),
    );
    add(
      'spam-filter duplicate stage: texts remembered after the run',
      'texts',
      results.map((r) => r.duplicateState.texts),
      `of ${(results[0]?.records ?? 0).toLocaleString('en')} generated reviews; each forgotten 30 days after it was last posted`,
    );
    add(
      '  bytes per remembered text (its entry, as JSON)',
      'bytes',
      results.map((r) => r.duplicateState.bytesPerText),
    );
  });

  // 1. Ceilings: the broker's own tools, then a plain kafkajs consume → produce.
  await section('Kafka perf tools', async () => {
    try {
      const ceilings = [];
      for (const _ of runs) ceilings.push(await measureBrokerCeiling(context, settings.perfRecords, recordBytes));
      add(
        `Kafka ProducerPerformance, acks=all, ${recordBytes}-byte records`,
        'records/s',
        ceilings.map((c) => c.produce.recordsPerSecond),
      );
      add(
        'Kafka ProducerPerformance',
        'MB/s',
        ceilings.map((c) => c.produce.mbPerSecond),
      );
      add(
        'Kafka ProducerPerformance in 100 ms transactions',
        'records/s',
        ceilings.map((c) => c.transactionalProduce.recordsPerSecond),
      );
      add(
        'Kafka ConsumerPerformance (fetch time, group join excluded)',
        'records/s',
        ceilings.map((c) => c.consume.fetchRecordsPerSecond),
      );
      add(
        'Kafka ConsumerPerformance (fetch time)',
        'MB/s',
        ceilings.map((c) => c.consume.fetchMbPerSecond),
      );
    } catch (error) {
      if (!(error instanceof PrerequisiteError)) throw error;
      add('Kafka perf tools', 'records/s', [Number.NaN], `skipped: ${error.message}`);
    }
  });
  const passThrough = await section('kafkajs pass-through', async () => {
    const values = [];
    for (const _ of runs) values.push(await measurePassThrough(kafka, operations));
    add('kafkajs pass-through (consume → produce, acks=all): the ceiling', 'records/s', values);
    add('kafkajs pass-through', 'MB/s', values.map(mbPerSecond));
    return median(values);
  });

  // 1b. One task's transactions back to back: the floor of a hop's latency and of the per-task design's cost.
  await section('transaction cost', async () => {
    const values = [];
    for (const _ of runs) values.push((await measureTransactionCost(kafka, settings.transactions)).msPerTransaction);
    add("a task's transaction back to back (1 record, its offset, commit)", 'ms', values);
  });

  // 2. review-stats, exactly once, in worker processes.
  const throughput = async (count: number, variant: RunVariant = {}, pinned = false): Promise<WorkersFigures[]> =>
    section(
      `review-stats, ${count} worker${count > 1 ? 's' : ''}${variant.classifier === false ? ', classifier off' : ''}${pinned ? ', pinned' : ''}`,
      async () => {
        const results = [];
        for (const run of runs) {
          const label = `review-stats-${count}-worker${count > 1 ? 's' : ''}${variant.classifier === false ? '-noclassifier' : ''}${pinned ? '-pinned' : ''}-run${run}`;
          results.push(await measureWorkers(context, operations, count, label, variant, pinned));
          say(`${label}: ${JSON.stringify(results.at(-1))}`);
          for (const worker of count > 1 ? ['w1', 'w2'] : ['']) profiled(worker ? `${label}-${worker}` : label, run === 1);
        }
        return results;
      },
    );
  const one = await throughput(1);
  const oneRate = one.map((r) => r.recordsPerSecond);
  add('review-stats exactly-once, 1 worker process', 'records/s', oneRate);
  add('review-stats, 1 worker', 'MB/s', oneRate.map(mbPerSecond));
  add(
    'review-stats, 1 worker, share of the kafkajs ceiling',
    '%',
    oneRate.map((r) => (r / passThrough) * 100),
    'target ≥ 50%',
  );
  add(
    'review-stats, 1 worker: its CPU during the run',
    '% of a core',
    one.map((r) => r.cpuPercent[0] ?? Number.NaN),
  );
  add(
    'review-stats, 1 worker: the whole machine busy',
    '% of all cores',
    one.map((r) => r.machineBusyPercent),
  );
  add(
    'review-stats, 1 worker: CPU per record',
    'µs',
    one.map((r) => ((r.cpuPercent[0] ?? Number.NaN) / 100) * r.seconds * (1e6 / operations.length)),
    'CPU time, less moved by other load than records/s',
  );
  const noClassifier = await throughput(1, { classifier: false });
  const noClassifierRate = noClassifier.map((r) => r.recordsPerSecond);
  add('review-stats exactly-once, 1 worker, classifier off (cheap rules only)', 'records/s', noClassifierRate);
  add(
    '  its CPU per record',
    'µs',
    noClassifier.map((r) => ((r.cpuPercent[0] ?? Number.NaN) / 100) * r.seconds * (1e6 / operations.length)),
  );
  if (peers)
    figures.push(
      ...peerFigures(peers, [
        { label: 'review-stats, 1 worker (this bench)', recordsPerSecond: oneRate },
        { label: 'review-stats, 1 worker, classifier off (this bench)', recordsPerSecond: noClassifierRate },
      ]),
    );
  const two = await throughput(2);
  const twoRate = two.map((r) => r.recordsPerSecond);
  add('review-stats exactly-once, 2 worker processes', 'records/s', twoRate);
  add(
    'review-stats, 2 workers, share of the kafkajs ceiling',
    '%',
    twoRate.map((r) => (r / passThrough) * 100),
  );
  add(
    'review-stats, 2 workers / 1 worker',
    '×',
    twoRate.map((r) => r / median(oneRate)),
  );
  add(
    'review-stats, 2 workers: CPU of each',
    '% of a core',
    two.flatMap((r) => r.cpuPercent),
  );
  // Issue 15 asks what a second core gives a second worker: not measurable unpinned on 2 cores (the workers, the broker
  // and PostgreSQL share both). Pinned: 1 worker on CPU 0, then 2 on CPUs 0 and 1; the broker and PostgreSQL float.
  const onePinned = (await throughput(1, {}, true)).map((r) => r.recordsPerSecond);
  const twoPinned = await throughput(2, {}, true);
  add('review-stats, 1 worker pinned to CPU 0 (taskset)', 'records/s', onePinned);
  add(
    'review-stats, 2 workers pinned to CPUs 0 and 1',
    'records/s',
    twoPinned.map((r) => r.recordsPerSecond),
  );
  add(
    '  2 pinned workers / 1 pinned worker',
    '×',
    twoPinned.map((r) => r.recordsPerSecond / median(onePinned)),
    `target ≥ 1.8 on free cores; here the broker and PostgreSQL share the ${cpus().length} cores with the workers`,
  );
  add(
    '  the whole machine busy, 2 pinned workers',
    '% of all cores',
    twoPinned.map((r) => r.machineBusyPercent),
  );

  // 3a. The runtime with review-stats deployed and no traffic: what it and the broker cost doing nothing.
  await section('idle runtime', async () => {
    const results = [];
    for (const _ of runs) results.push(await measureIdleCost(context, settings.idle));
    say(`idle runtime: ${JSON.stringify(results.at(-1))}`);
    profiled('idle');
    add(
      'idle runtime, review-stats deployed, no traffic: its CPU',
      '% of a core',
      results.map((r) => r.runtimePercent),
      'target < 2%',
    );
    add(
      '  the broker JVM meanwhile',
      '% of a core',
      results.map((r) => r.brokerPercent),
    );
    add(
      "  the runtime's consumers: fetch requests",
      'requests/s',
      results.map((r) => r.fetchesPerSecond),
    );
  });

  // 3. End-to-end latency at fixed rates, a fresh runtime process for each.
  const latencyRss: number[] = [];
  for (const rate of settings.latencyRates) {
    const result = await section(`latency at ${rate}/s`, () => measureLatency(context, texts, rate, settings.latency));
    say(`latency at ${rate}/s: ${JSON.stringify(result)}`);
    profiled(`latency-${rate}`);
    const note = result.sustained.sustained ? undefined : `not sustained: ${result.sustained.reason}`;
    const timedOut = result.windows.reduce((sum, w) => sum + w.timedOut, 0);
    const bound =
      timedOut > 0 ? `${timedOut} probes not seen in ${settings.latency.timeoutMs / 1000} s count as that: a lower bound` : undefined;
    for (const p of ['p50', 'p95', 'p99', 'max'] as const)
      add(
        `end-to-end latency at ${rate.toLocaleString('en')} reviews/s, ${p}`,
        'ms',
        result.windows.map((w) => w[p]),
        bound,
      );
    add(`  reviews/s the API accepted (target ${rate.toLocaleString('en')})`, 'reviews/s', [result.achievedRate], note ?? 'sustained');
    latencyRss.push(result.peakRssMb);
  }

  // 4. Recovery from SIGKILL with the state restored from the changelog.
  const recovery = await section('recovery', () => measureRecovery(context, texts, settings.recoveryRows, settings.kills));
  profiled(`recovery-restart-${settings.kills}`);
  const rows = settings.recoveryRows.toLocaleString('en');
  add(
    `recovery: SIGKILL → caught up, ${rows} reviews of window state`,
    's',
    recovery.runs.map((r) => r.killToCaughtUpSeconds),
    'includes the session timeout',
  );
  add(
    '  of which: SIGKILL → the new worker has its tasks',
    's',
    recovery.runs.map((r) => r.killToAssignedSeconds),
    `session timeout ${RECOVERY_SESSION_TIMEOUT_MS / 1000} s (SLUICE_SESSION_TIMEOUT_MS)`,
  );
  add(
    '  of which: SIGKILL → the group dropped the dead member',
    's',
    recovery.runs.map((r) => r.killToMemberGoneSeconds),
    'the session timeout, from its last heartbeat (asked of the broker)',
  );
  add(
    '  SIGKILL → caught up, not counting the session timeout',
    's',
    recovery.runs.map((r) => r.memberGoneToCaughtUpSeconds),
    'target ≤ 5 s; from the dead member leaving the group',
  );
  add(
    '  of which: restoring the window state',
    's',
    recovery.runs.map((r) => r.restoreSeconds),
  );
  add(
    'restore rate after a kill',
    'rows/s',
    recovery.runs.map((r) => r.restoredRows / r.restoreSeconds),
  );
  add('restore rate at a cold start', 'rows/s', [recovery.coldRestoreRows / recovery.coldRestoreSeconds]);
  add(
    'clean restart (SIGTERM, new process) → caught up',
    's',
    recovery.restarts.map((r) => r.stopToCaughtUpSeconds),
    'target ≤ 2 s',
  );
  add(
    '  of which: the new process started → caught up',
    's',
    recovery.restarts.map((r) => r.startToCaughtUpSeconds),
  );
  add(
    '  changelog records it restored (the tail after its checkpoint)',
    'records',
    recovery.restarts.map((r) => r.restoredRows),
  );

  // 5. Memory.
  const memory = await section('state memory', () => measureStateMemory(context, settings.memoryCourses, settings.memoryReviewsHeld));
  add(
    'worker RSS after the 1-worker run',
    'MB',
    one.map((r) => r.rssMb[0] ?? Number.NaN),
  );
  add(
    'worker peak RSS, 1-worker run',
    'MB',
    one.map((r) => r.peakRssMb[0] ?? Number.NaN),
  );
  add(
    'worker peak RSS, 2-worker runs (each)',
    'MB',
    two.flatMap((r) => r.peakRssMb),
  );
  // The worker after each kill, holding the state: figures of the 5 s after it caught up (recovery.ts).
  const heldMemory: [string, (run: RecoveryRun) => number, string?][] = [
    [`worker RSS holding ${rows} reviews (after restore)`, (r) => r.rssMb, 'median over the 5 s after catching up, at 100 reviews/s'],
    ['  the largest sample of those 5 s', (r) => r.rssMaxMb],
    ["  at the moment it caught up (the backlog's garbage often not collected yet)", (r) => r.rssAtCatchUpMb],
    ['  of which anonymous (heap, buffers)', (r) => r.anonMb],
    ['  of which mapped file pages (LMDB as far as read, code)', (r) => r.fileMb],
  ];
  for (const [name, pick, note] of heldMemory) add(name, 'MB', recovery.runs.map(pick), note);
  add('runtime process peak RSS during the latency runs', 'MB', [max(latencyRss)]);
  add('window heap per course, all-time figures only (reviews > 90 days old)', 'bytes', [memory.heapBytesPerCourse], 'target < 200');
  add('window heap per review held in the last 90 days', 'bytes', [memory.heapBytesPerReviewHeld]);
  add('window store on disk (LMDB) per review', 'bytes', [memory.diskBytesPerReview]);

  // 6. Ingest at saturation.
  await section('ingest', async () => {
    const results = [];
    for (const _ of runs) results.push(await measureIngest(kafka, texts, settings.ingestSeconds));
    add(
      'POST /api/reviews at saturation (autocannon, 50 connections)',
      'requests/s',
      results.map((r) => r.requestsPerSecond),
    );
    add(
      '  its p99 latency',
      'ms',
      results.map((r) => r.p99Ms),
    );
  });
  return { figures, profiles };
}
