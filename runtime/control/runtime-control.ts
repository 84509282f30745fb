import type { ClusterHealth } from '../../shared/engine/cluster-health.ts';
import type { TappedRecord } from '../../shared/engine/tap.ts';
import type { ValidationIssue } from '../../shared/index.ts';
import type { PipelineThroughput } from './cluster-metrics.ts';
import type { PipelinePlanning } from './deploy-plan.ts';
import type { DeploymentState } from './deployment-machine.ts';
import type { EndpointDirectory } from './endpoints.ts';
import type { DeploymentRecord, PipelineVersion } from './pipeline-store.ts';

export interface PipelineStatus {
  /** degraded: running, but some task is not processing (reason says which and why); failed: retried at retryAt. */
  state: DeploymentState;
  reason?: string;
  version?: number;
  restoreProgress?: number;
  /** Which stores a new version kept and which it reset. */
  stores?: { kept: string[]; reset: string[] };
  tasks?: string[];
  /** While failed: when the next start is tried, and how many failed in a row. */
  retryAt?: string;
  failures?: number;
}

/** The designer's side of the runtime. Errors are the registry's typed errors. */
export interface PipelineControl extends PipelinePlanning {
  list(): DeploymentRecord[];
  get(id: string): DeploymentRecord;
  versions(id: string): PipelineVersion[];
  validate(input: unknown): { ok: boolean; issues: ValidationIssue[] };
  deploy(id: string, input: unknown, baseRevision?: number): Promise<{ record: DeploymentRecord; changed: boolean }>;
  stop(id: string): Promise<DeploymentRecord>;
  resume(id: string): Promise<DeploymentRecord>;
  /** `sinks`: delete its sink topics too (internal topics and offsets always go). */
  remove(id: string, options?: { sinks?: boolean }): Promise<void>;
  status(id: string): PipelineStatus;
  tap(id: string, node: string, port: string, limit: number): TappedRecord[];
}

/** What the HTTP layer may ask of the runtime. */
export interface RuntimeControl {
  kafkaHealth(): Promise<ClusterHealth>;
  pipelines?: PipelineControl;
  /** The deployed pipelines' HTTP endpoints (their ingest paths and views). */
  endpoints?: EndpointDirectory;
  /** Cluster-wide figures, lag, history and dead letters of the deployed pipelines. */
  throughput?: PipelineThroughput;
  /** Fetch requests of this process's consumers, by purpose (for /metrics). */
  kafkaFetches?: () => Record<string, number>;
}
