// Typed functions for each runtime endpoint the designer uses.
import type { DeployPlan, PlanRequest, RollbackRequest } from '../../shared/api/deploy-plan.ts';
import type { Pipeline } from '../../shared/index.ts';
import { request } from './http.ts';
import type {
  CourseStatsEntry,
  DeadLetter,
  DeployResponse,
  Health,
  PipelineHistory,
  PipelineSummary,
  PipelineVersion,
  StoredPipeline,
  TappedRecord,
  ValidateResponse,
} from './types.ts';

const id = encodeURIComponent;

export const api = {
  // 503 is the runtime saying Kafka is down, not the runtime being away: its body says what is wrong.
  health: () => request<Health>('GET', '/health', undefined, [503]),
  listPipelines: () => request<{ pipelines: PipelineSummary[] }>('GET', '/pipelines'),
  getPipeline: (pipelineId: string) => request<StoredPipeline>('GET', `/pipelines/${id(pipelineId)}`),
  versions: (pipelineId: string) => request<{ versions: PipelineVersion[] }>('GET', `/pipelines/${id(pipelineId)}/versions`),
  validate: (pipeline: unknown) => request<ValidateResponse>('POST', '/pipelines/validate', pipeline),
  deploy: (pipeline: Pipeline, baseRevision?: number) =>
    request<DeployResponse>('PUT', `/pipelines/${id(pipeline.id)}`, baseRevision === undefined ? { pipeline } : { pipeline, baseRevision }),
  plan: (pipelineId: string, body: PlanRequest) => request<DeployPlan>('POST', `/pipelines/${id(pipelineId)}/plan`, body),
  rollback: (pipelineId: string, body: RollbackRequest) => request<DeployResponse>('POST', `/pipelines/${id(pipelineId)}/rollback`, body),
  stop: (pipelineId: string) => request<PipelineSummary>('POST', `/pipelines/${id(pipelineId)}/stop`),
  start: (pipelineId: string) => request<PipelineSummary>('POST', `/pipelines/${id(pipelineId)}/start`),
  remove: (pipelineId: string) => request<unknown>('DELETE', `/pipelines/${id(pipelineId)}`),
  tap: (pipelineId: string, nodeId: string, port: string, limit = 20) =>
    request<{ records: TappedRecord[] }>('GET', `/pipelines/${id(pipelineId)}/tap/${id(nodeId)}/${id(port)}?limit=${limit}`),
  history: (pipelineId: string, hours = 24) =>
    request<PipelineHistory>('GET', `/pipelines/${id(pipelineId)}/metrics/history?hours=${hours}`),
  deadLetters: (pipelineId: string, nodeId: string, limit = 20) =>
    request<{ deadLetters: DeadLetter[] }>('GET', `/pipelines/${id(pipelineId)}/dead-letters?node=${id(nodeId)}&limit=${limit}`),
  coursesStats: (courseIds: string[]) =>
    request<{ courses: CourseStatsEntry[] }>('GET', `/courses/stats?ids=${courseIds.map(id).join(',')}`),
};

/** The SSE URL of a pipeline's live metrics (one JSON snapshot per second). */
export function metricsStreamUrl(pipelineId: string): string {
  return `/api/pipelines/${id(pipelineId)}/metrics/stream`;
}
