// The cluster-wide figures of every deployed pipeline, in each runtime process that serves the API: once a second
// the tasks' committed counters (whichever worker wrote them) are added up for the running version and sampled, so
// every figure of an answer is from the same instant and rates come from two samples of one clock. Lag is read from
// the broker, also while the pipeline is stopped. A history point every 10 s goes to the history store.
import type {
  DeadLetter,
  PipelineHistory,
  PipelineMetrics,
  PipelineTotals,
  SourceLag,
  WorkerReport,
} from '../../shared/api/pipeline-metrics.ts';
import { pipelineTotals } from '../../shared/engine/node-figures.ts';
import { type Pipeline, topicsReadBy } from '../../shared/index.ts';
import { type ClusterSources, type CountersFeed, mergeReports, type SourceTopic } from './cluster-reports.ts';
import { lifecycleEvents } from './lifecycle-events.ts';
import { historyPoint, liveNodes, referenceSample, type Sample, workerReports } from './live-figures.ts';
import { HISTORY_INTERVAL_SECONDS, type HistoryStore, MemoryHistory } from './metrics-history.ts';
import type { PipelineRegistry } from './pipeline-registry.ts';
import { currentVersion, type DeploymentRecord } from './pipeline-store.ts';

export interface ClusterMetricsOptions {
  /** The window rates are measured over, named in every answer. */
  rateWindowSeconds?: number;
  /** A worker silent this long no longer counts as alive (its totals still count). */
  workerTimeoutMs?: number;
  history?: HistoryStore;
  clock?: () => number;
}

/** What the HTTP layer asks about throughput. */
export interface PipelineThroughput {
  metrics(id: string): PipelineMetrics;
  subscribe(id: string, listener: (metrics: PipelineMetrics) => void): () => void;
  history(id: string, hours: number): PipelineHistory;
  deadLetters(id: string, node: string | undefined, limit: number): Promise<DeadLetter[]>;
  /** Every pipeline's cluster totals, lag and workers, for Prometheus. */
  exposition(): { pipelineId: string; totals: PipelineTotals; lag: Record<string, SourceLag>; workers: WorkerReport[] }[];
}

/** How often the broker is asked for lag: often while someone watches, rarely otherwise (the history wants it). */
const LAG_WATCHED_MS = 2000;
const LAG_IDLE_MS = 10_000;
/** Samples kept: the rate window and a margin. */
const SAMPLES_KEPT_MS = 70_000;

interface Watch {
  feed: CountersFeed;
  samples: Sample[];
  lag: Record<string, SourceLag>;
  lagAt: number;
  lagPending: boolean;
  historyAt: number;
  listeners: Set<(metrics: PipelineMetrics) => void>;
}

/** Every source's topics (a source.kafka's, an ingest endpoint's); only a source.kafka may start at the latest offset. */
function sourceTopics(pipeline: Pipeline): SourceTopic[] {
  return pipeline.nodes.flatMap((node) =>
    topicsReadBy(node, pipeline).map((read) => ({
      node: node.id,
      topic: read.topic,
      startFrom: node.type === 'source.kafka' ? node.config.startFrom : ('earliest' as const),
    })),
  );
}

export class ClusterMetrics implements PipelineThroughput {
  private readonly watches = new Map<string, Watch>();
  private readonly rateWindowSeconds: number;
  private readonly workerTimeoutMs: number;
  private readonly store: HistoryStore;
  private readonly clock: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: PipelineRegistry,
    private readonly sources: ClusterSources,
    options: ClusterMetricsOptions = {},
  ) {
    this.rateWindowSeconds = options.rateWindowSeconds ?? 10;
    this.workerTimeoutMs = options.workerTimeoutMs ?? 10_000;
    this.store = options.history ?? new MemoryHistory();
    this.clock = options.clock ?? Date.now;
  }

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.watches.values()].map((watch) => watch.feed.close().catch(() => {})));
    this.watches.clear();
    await this.store.close();
  }

  /** Samples every pipeline at one instant, tells the listeners, and keeps history and lag current. */
  tick(now = this.clock()): void {
    const records = this.registry.list();
    for (const [id, watch] of this.watches) {
      if (records.some((record) => record.id === id)) continue;
      void watch.feed.close().catch(() => {});
      this.watches.delete(id);
      this.store.forget(id);
    }
    for (const record of records) {
      const watch = this.watchOf(record.id);
      this.sample(record, watch, now);
      for (const listener of watch.listeners) listener(this.metrics(record.id));
    }
  }

  metrics(id: string): PipelineMetrics {
    const record = this.registry.get(id);
    const { version, deployedAt } = currentVersion(record);
    const watch = this.watchOf(id);
    const latest = watch.samples.at(-1);
    const now = latest?.at ?? this.clock();
    const live =
      latest && latest.version === version
        ? liveNodes(latest, referenceSample(watch.samples, latest, this.rateWindowSeconds), watch.lag)
        : { nodes: {}, edges: [] };
    return {
      pipelineId: id,
      at: new Date(now).toISOString(),
      version,
      deployedAt,
      running: record.desired === 'running',
      rateWindowSeconds: this.rateWindowSeconds,
      workers: workerReports(watch.feed.beats(), now, this.workerTimeoutMs),
      ...live,
    };
  }

  subscribe(id: string, listener: (metrics: PipelineMetrics) => void): () => void {
    this.registry.get(id);
    const watch = this.watchOf(id);
    watch.listeners.add(listener);
    return () => watch.listeners.delete(listener);
  }

  history(id: string, hours: number): PipelineHistory {
    const record = this.registry.get(id);
    const since = this.clock() - hours * 3600 * 1000;
    return {
      pipelineId: id,
      intervalSeconds: HISTORY_INTERVAL_SECONDS,
      points: this.store.points(id, since),
      events: lifecycleEvents(record).filter((event) => Date.parse(event.at) >= since),
    };
  }

  deadLetters(id: string, node: string | undefined, limit: number): Promise<DeadLetter[]> {
    this.registry.get(id);
    return this.sources.deadLetters(id, node, limit);
  }

  exposition() {
    return this.registry.list().flatMap((record) => {
      const watch = this.watches.get(record.id);
      const latest = watch?.samples.at(-1);
      if (!watch || !latest || latest.version !== currentVersion(record).version) return [];
      const workers = workerReports(watch.feed.beats(), latest.at, this.workerTimeoutMs);
      return [{ pipelineId: record.id, totals: latest.totals, lag: watch.lag, workers }];
    });
  }

  private watchOf(id: string): Watch {
    let watch = this.watches.get(id);
    if (!watch) {
      watch = { feed: this.sources.follow(id), samples: [], lag: {}, lagAt: 0, lagPending: false, historyAt: 0, listeners: new Set() };
      this.watches.set(id, watch);
    }
    return watch;
  }

  private sample(record: DeploymentRecord, watch: Watch, now: number): void {
    const { version, pipeline } = currentVersion(record);
    this.readLag(record.id, pipeline, watch, now);
    if (!watch.feed.ready()) return; // a follower still reading the topic would report a part of the totals
    const reports = [...watch.feed.reports()].filter((report) => report.version === version);
    const latest = { at: now, version, totals: pipelineTotals(mergeReports(reports, now), pipeline) };
    watch.samples.push(latest);
    while ((watch.samples[0]?.at ?? now) < now - SAMPLES_KEPT_MS) watch.samples.shift();
    if (now - watch.historyAt < HISTORY_INTERVAL_SECONDS * 1000) return;
    const reference = referenceSample(watch.samples, latest, HISTORY_INTERVAL_SECONDS);
    if (!reference) return;
    watch.historyAt = now;
    this.store.append(record.id, historyPoint(latest, reference, watch.lag));
  }

  private readLag(id: string, pipeline: Pipeline, watch: Watch, now: number): void {
    const every = watch.listeners.size > 0 ? LAG_WATCHED_MS : LAG_IDLE_MS;
    if (watch.lagPending || now - watch.lagAt < every) return;
    const topics = sourceTopics(pipeline);
    if (topics.length === 0) return;
    watch.lagPending = true;
    watch.lagAt = now;
    this.sources
      .lag(id, topics)
      .then((lag) => {
        watch.lag = lag;
      })
      .catch(() => {}) // the broker away: the last reading stays, with its time
      .finally(() => {
        watch.lagPending = false;
      });
  }
}
