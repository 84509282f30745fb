// The runtime's HTTP API as the designer sees it (same origin, under /api). Shapes the engine defines are imported
// from it (shared/engine, shared/api); those of runtime/control are restated here, since the designer imports nothing from runtime/.
import type { DeadLetter, EdgeLive, NodeLive, PipelineHistory, PipelineMetrics } from '../../shared/api/pipeline-metrics.ts';
import type { TappedRecord } from '../../shared/engine/tap.ts';
import type { Pipeline, ValidationIssue } from '../../shared/index.ts';

export type PipelineState = 'validating' | 'provisioning' | 'restoring' | 'running' | 'rebalancing' | 'draining' | 'stopped' | 'failed';
export type PipelineStatus = { state: PipelineState; reason?: string; version?: number; restoreProgress?: number };

export type Health = {
  status: string;
  kafka: { connected: boolean; brokers: string[] | string; reason?: string; degraded?: string };
  reason?: string;
};
/** What the registry wants (`desired`) beside what the workers report (`status`). */
export type DesiredState = 'running' | 'stopped';
export type PipelineSummary = {
  id: string;
  name: string;
  version: number;
  revision: number;
  desired: DesiredState;
  status: PipelineStatus;
};
export type StoredPipeline = { pipeline: Pipeline; version: number; revision: number; desired: DesiredState };
export type PipelineVersion = { version: number; deployedAt: string; pipeline: Pipeline };
export type ValidateResponse = { ok: boolean; issues: ValidationIssue[] };
export type DeployResponse = { version: number; revision: number; status: PipelineStatus };

/** One frame of a pipeline's metrics stream: the cluster's figures at one instant (shared/api/pipeline-metrics.ts). */
export type MetricsSnapshot = PipelineMetrics;
export type NodeMetrics = NodeLive;
export type { DeadLetter, EdgeLive, PipelineHistory, TappedRecord };

export type WindowStats = { count: number; averageRating: number | null };
export type CourseStats = { courseId: string; allTime: WindowStats; last90Days: WindowStats; asOf: string };
/** `GET /api/courses/stats?ids=…` answers a course that never had a review with `missing: true`. */
export type CourseStatsEntry = CourseStats | { courseId: string; missing: true };

/** What went wrong with a call, as data: the runtime's error body, or `unreachable` when there was no answer. */
export type ApiError = { status: number; code: string; message: string; details?: unknown };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
