// Deployed pipeline definitions: the desired state every worker converges on.
// Kept in a compacted Kafka topic (runtime/kafka/kafka-pipeline-store.ts), like
// Kafka Connect keeps its configs, so no second database is needed.
import type { LifecycleEvent } from '../../shared/api/pipeline-metrics.ts';
import type { Pipeline } from '../../shared/index.ts';

export type DesiredState = 'running' | 'stopped';

export interface PipelineVersion {
  version: number;
  deployedAt: string;
  pipeline: Pipeline;
}

export interface DeploymentRecord {
  id: string;
  desired: DesiredState;
  /** Grows with every change (deploy, stop, start): a deploy names the revision it was based on. */
  revision: number;
  /** Newest last; the last one is the deployed version. */
  versions: PipelineVersion[];
  /** Deploys, stops and starts, newest last (the history charts mark them); absent in records of older runtimes. */
  events?: LifecycleEvent[];
}

/** How many versions a record keeps for the history view. */
export const VERSIONS_KEPT = 20;
/** How many lifecycle events it keeps: far more than a day's worth. */
export const EVENTS_KEPT = 200;

/** The record's events with one more (the oldest beyond EVENTS_KEPT dropped). */
export function withEvent(record: DeploymentRecord | undefined, event: LifecycleEvent): LifecycleEvent[] {
  return [...(record?.events ?? []), event].slice(-EVENTS_KEPT);
}

export interface PipelineStore {
  /** Every record, as of now. */
  load(): Promise<Map<string, DeploymentRecord>>;
  put(record: DeploymentRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Calls `onChange` for every change written by any worker (a deleted pipeline gives `undefined`). */
  watch(onChange: (id: string, record: DeploymentRecord | undefined) => void): Promise<() => Promise<void>>;
}

export function currentVersion(record: DeploymentRecord): PipelineVersion {
  const version = record.versions.at(-1);
  if (!version) throw new Error(`pipeline ${record.id} has no version`);
  return version;
}

/** The record after deploying `pipeline` as a new version. */
export function withNewVersion(record: DeploymentRecord | undefined, pipeline: Pipeline, now: Date): DeploymentRecord {
  const versions = record?.versions ?? [];
  const version = (versions.at(-1)?.version ?? 0) + 1;
  return {
    id: pipeline.id,
    desired: 'running',
    revision: (record?.revision ?? 0) + 1,
    versions: [...versions, { version, deployedAt: now.toISOString(), pipeline }].slice(-VERSIONS_KEPT),
    events: withEvent(record, { at: now.toISOString(), kind: 'deployed', version }),
  };
}
