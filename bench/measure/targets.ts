// Issue 15's targets next to what this run measured, and what limits each one now: the report's first table.
// Each limit is said with this run's own figures (CPU, transaction cost, busy machine), so a reader sees why.
import type { Figure } from './figures.ts';
import { formatNumber } from './report.ts';

export interface TargetRow {
  target: string;
  asked: string;
  today: string;
  /** undefined: the figure is missing in this run (a peers file was not given, a measure failed). */
  met: boolean | undefined;
  limit: string;
}

type Find = (prefix: string) => Figure | undefined;

interface TargetSpec {
  target: string;
  /** The figure's name, or the start of it (some carry the run's sizes). */
  figure: string;
  atLeast?: number;
  atMost?: number;
  unit: string;
  limit: (find: Find) => string;
}

const med = (find: Find, prefix: string) => formatNumber(find(prefix)?.median ?? Number.NaN);

const throughputLimit = (find: Find) =>
  `the worker is CPU-bound: ${med(find, 'review-stats, 1 worker: its CPU')} % of a core, ` +
  `${med(find, 'review-stats, 1 worker: CPU per record')} µs of CPU per review in one JavaScript thread, ` +
  `of which the spam filter ${med(find, "  the filter's own CPU per record, classifier on")} µs; per review 5 records read and about 12 written ` +
  `(4 repartition hops for the user, text, review-id and course keys, 4 changelog writes), each batch of each of 30 tasks in its own transaction; ` +
  `the machine ${med(find, 'review-stats, 1 worker: the whole machine busy')} % busy (broker, PostgreSQL)`;

const latencyLimit = (find: Find) =>
  `5 transactional stages in a row (rules, velocity, duplicate, latest, course stats: the keys differ, so each hop goes through Kafka), ` +
  `each at least a transaction (${med(find, "a task's transaction back to back")} ms back to back) plus a fetch round of the worker's consumer, ` +
  `which waits for every batch of the previous fetch; one transaction per worker (KIP-447) would let stages share one, and kafkajs cannot send it`;

const SPECS: TargetSpec[] = [
  {
    target: 'review-stats, 1 worker / tuned Kafka Streams',
    figure: '  review-stats, 1 worker (this bench) / tuned processor',
    atLeast: 0.5,
    unit: '×',
    limit: throughputLimit,
  },
  {
    target: "review-stats, 1 worker / the seed's topology",
    figure: "  review-stats, 1 worker (this bench) / seed's topology",
    atLeast: 2,
    unit: '×',
    limit: throughputLimit,
  },
  {
    target: 'classifier off / tuned Kafka Streams',
    figure: '  review-stats, 1 worker, classifier off (this bench) / tuned processor',
    atLeast: 1,
    unit: '×',
    limit: (find) =>
      `${med(find, '  its CPU per record')} µs of CPU per review with the cheap rules only, in one JavaScript thread; the tuned processor has ` +
      'no velocity or duplicate rule, so 2 sub-topologies where review-stats has 5, each batch of each task in its own transaction',
  },
  { target: 'p50 at 100 reviews/s', figure: 'end-to-end latency at 100 reviews/s, p50', atMost: 20, unit: 'ms', limit: latencyLimit },
  {
    target: 'p99 at 1,000 reviews/s',
    figure: 'end-to-end latency at 1,000 reviews/s, p99',
    atMost: 50,
    unit: 'ms',
    limit: (find) =>
      `${latencyLimit(find)}; at this rate batches of 30 tasks commit concurrently and a fetch round lasts as long as the slowest`,
  },
  {
    target: 'SIGKILL → caught up, without the session timeout',
    figure: '  SIGKILL → caught up, not counting the session timeout',
    atMost: 5,
    unit: 's',
    limit: (find) =>
      `met by the local checkpoint: ${med(find, '  of which: restoring the window state')} s of restore; counted from the moment the ` +
      'broker dropped the dead member, the rest is the rebalance that follows, the claims and the backlog of the seconds it was away',
  },
  {
    target: 'clean restart → caught up',
    figure: 'clean restart (SIGTERM, new process) → caught up',
    atMost: 2,
    unit: 's',
    limit: () =>
      'nothing is restored (the checkpoint), the runtime runs bundled (no TypeScript loaded at start) and each producer walks ' +
      "through a commit's requests while it claims its task (its topics' metadata, the group's coordinator); what is left is " +
      'the group assignment about 0.6 s after the process started, the claims, and the first records crossing 5 stages, each ' +
      "stage's first transaction still slower than later ones in a process that just started (code not yet optimised)",
  },
  {
    target: 'window heap per course (all-time figures only)',
    figure: 'window heap per course, all-time figures only',
    atMost: 200,
    unit: 'bytes',
    limit: () => "a course's state is an object graph (key state, timeline, accumulators, compensated sums)",
  },
  {
    target: 'worker RSS with 1,000,000 reviews of state',
    figure: 'worker RSS holding',
    atMost: 300,
    unit: 'MB',
    limit: (find) =>
      `${med(find, '  of which anonymous (heap, buffers)')} MB anonymous: V8's heap, which holds the garbage of the work since its last ` +
      `full collection (it collects the old generation when that has grown by a factor), kafkajs' buffers, 30 producers; ` +
      `${med(find, '  of which mapped file pages (LMDB as far as read, code)')} MB of mapped file pages: LMDB's, as far as the windows read ` +
      `them opening from their index, and node's code; the 90 days' reviews are in the heap at ` +
      `${med(find, 'window heap per review held in the last 90 days')} bytes each`,
  },
  {
    target: '2 workers / 1 worker, pinned to separate cores',
    figure: '  2 pinned workers / 1 pinned worker',
    atLeast: 1.8,
    unit: '×',
    limit: (find) =>
      `2 cores: the broker and PostgreSQL run on the workers' cores (machine ${med(find, '  the whole machine busy, 2 pinned workers')} % busy with 2 pinned workers)`,
  },
];

const askedOf = (spec: TargetSpec) =>
  `${spec.atLeast !== undefined ? `≥ ${formatNumber(spec.atLeast)}` : `≤ ${formatNumber(spec.atMost ?? Number.NaN)}`} ${spec.unit}`;

export function targetRows(figures: readonly Figure[]): TargetRow[] {
  const find: Find = (prefix) => figures.find((figure) => figure.name === prefix || figure.name.startsWith(prefix));
  return SPECS.map((spec) => {
    const figure = find(spec.figure);
    if (!figure || !Number.isFinite(figure.median))
      return { target: spec.target, asked: askedOf(spec), today: 'not measured in this run', met: undefined, limit: spec.limit(find) };
    const value = figure.median;
    const met = spec.atLeast !== undefined ? value >= spec.atLeast : value <= (spec.atMost ?? Number.POSITIVE_INFINITY);
    const limit = spec.limit(find);
    return {
      target: spec.target,
      asked: askedOf(spec),
      today: `${formatNumber(value)} ${spec.unit} (${formatNumber(figure.min)}–${formatNumber(figure.max)})`,
      met,
      limit: met && !limit.startsWith('met') ? 'met' : limit,
    };
  });
}

export function targetsTable(figures: readonly Figure[]): string[] {
  const verdict = (met: boolean | undefined) => (met === undefined ? '–' : met ? 'yes' : 'no');
  return [
    '| target (issue 15) | asked | this run (median, min–max) | met | what limits it now |',
    '| --- | --- | --- | --- | --- |',
    ...targetRows(figures).map((row) => `| ${row.target} | ${row.asked} | ${row.today} | ${verdict(row.met)} | ${row.limit} |`),
  ];
}
