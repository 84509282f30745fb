// The runtime's HTTP API as the designer sees it (same origin, under /api).
import type { Pipeline, ValidationIssue } from '../../shared/index.ts';

export type PipelineState = 'validating' | 'provisioning' | 'restoring' | 'running' | 'rebalancing' | 'draining' | 'stopped' | 'failed';
export type PipelineStatus = { state: PipelineState; reason?: string; stores?: unknown };

export type Health = { status: string; kafka: { connected: boolean; brokers: string[] | string } };
export type PipelineSummary = { id: string; name: string; version: number; status: PipelineStatus };
export type StoredPipeline = { pipeline: Pipeline; version: number; revision: number };
export type PipelineVersion = { version: number; deployedAt: string; pipeline: Pipeline };
export type ValidateResponse = { ok: boolean; issues: ValidationIssue[] };
export type DeployResponse = { version: number; revision: number; status: PipelineStatus };

export type Rates = { total: number; rate1s: number; rate1m: number; rate5m: number };
export type NodeMetrics = {
  in: Rates;
  out: Record<string, Rates>;
  errors: number;
  dropped: number;
  dlq: number;
  lag?: number;
  keys?: number;
  bytes?: number;
};
export type MetricsSnapshot = { pipelineId: string; at: string | number; nodes: Record<string, NodeMetrics> };
export type TapRecord = { key: string | null; value: unknown; timestamp: number };

export type WindowStats = { count: number; averageRating: number | null };
export type CourseStats = { courseId: string; allTime: WindowStats; last90Days: WindowStats; asOf: string | number };

/** What went wrong with a call, as data: the runtime's error body, or `unreachable` when there was no answer. */
export type ApiError = { status: number; code: string; message: string; details?: unknown };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
