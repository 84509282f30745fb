// The Kafka side of the cluster-wide figures: each pipeline's counters topic followed (the last record per task and
// per worker), its sources' lag and its dead letters read from the broker.
import type { Admin, Kafka } from 'kafkajs';
import type { ClusterSources, CountersFeed, TaskReport, WorkerBeat } from '../control/cluster-reports.ts';
import { CompactedView } from './compacted-view.ts';
import { readDeadLetters } from './dead-letter-reader.ts';
import { pipelineGroupId } from './pipeline-cleanup.ts';
import { sourceLag } from './source-lag.ts';
import { countersTopicName, parseTaskReport, parseWorkerBeat, WORKER_KEY_PREFIX } from './task-counters.ts';

type Entry = { kind: 'task'; report: TaskReport } | { kind: 'beat'; beat: WorkerBeat } | { kind: 'unreadable' };

function parseEntry(value: string): Entry {
  const report = parseTaskReport(value);
  if (report) return { kind: 'task', report };
  const beat = parseWorkerBeat(value);
  return beat ? { kind: 'beat', beat } : { kind: 'unreadable' };
}

class CountersFollower implements CountersFeed {
  private readonly view: CompactedView<Entry>;
  private readonly opening: Promise<void>;

  constructor(kafka: Kafka, admin: Admin, pipelineId: string) {
    this.view = new CompactedView(kafka, admin, countersTopicName(pipelineId), parseEntry, { checkFreshness: false });
    this.opening = this.view.open().catch(() => {});
  }

  ready(): boolean {
    return this.view.ready();
  }

  *reports(): Iterable<TaskReport> {
    for (const [key, entry] of this.view.entries()) if (entry.kind === 'task' && !key.startsWith(WORKER_KEY_PREFIX)) yield entry.report;
  }

  *beats(): Iterable<WorkerBeat> {
    for (const [, entry] of this.view.entries()) if (entry.kind === 'beat') yield entry.beat;
  }

  async close(): Promise<void> {
    await this.opening;
    await this.view.close();
  }
}

export function kafkaClusterSources(kafka: Kafka, admin: Admin): ClusterSources {
  return {
    follow: (pipelineId) => new CountersFollower(kafka, admin, pipelineId),
    lag: (pipelineId, sources) => sourceLag(admin, pipelineGroupId(pipelineId), sources),
    deadLetters: (pipelineId, node, limit) => readDeadLetters(kafka, admin, pipelineId, node, limit),
  };
}
