// The endpoints of the pipelines the desired state wants running, kept current as pipelines are deployed, stopped
// and removed: rebuilt when a running pipeline's version changes, with the writers and replicas no longer needed
// released. Every runtime process has one, so every process serves every running pipeline's routes.
import type { IngestSpec, ViewSpec } from '../../shared/catalog/http-routes.ts';
import type { Pipeline } from '../../shared/index.ts';
import { endpointsOf } from '../../shared/validation/route-checks.ts';
import { type EndpointConnections, type EndpointDirectory, type ServedEndpoints, servedEndpoints } from './endpoints.ts';
import { currentVersion, type DeploymentRecord } from './pipeline-store.ts';

/** Connections that can let go of topics no endpoint uses any more. */
export interface ManagedConnections extends EndpointConnections {
  /** Keeps the writers and replicas of these endpoints, closes the others. */
  retain(ingest: IngestSpec[], views: ViewSpec[]): void;
}

/** The pipelines wanted running, at their current version. */
export function runningPipelines(records: readonly DeploymentRecord[]): Pipeline[] {
  return records.filter((record) => record.desired === 'running').map((record) => currentVersion(record).pipeline);
}

export class LiveEndpoints implements EndpointDirectory {
  private fingerprint: string | undefined;
  private served: ServedEndpoints = { ingest: [], views: [] };
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly records: () => readonly DeploymentRecord[],
    private readonly connections: ManagedConnections,
  ) {}

  /** Refreshes every second too, so a view's replica starts catching up before the first read. */
  start(): void {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), 1000);
    this.timer.unref();
  }

  current(): ServedEndpoints {
    this.refresh();
    return this.served;
  }

  private refresh(): void {
    const records = this.records().filter((record) => record.desired === 'running');
    const fingerprint = records.map((record) => `${record.id}@${currentVersion(record).version}`).join(',');
    if (fingerprint === this.fingerprint) return;
    const pipelines = runningPipelines(records);
    this.served = servedEndpoints(pipelines, this.connections);
    this.fingerprint = fingerprint;
    const specs = pipelines.flatMap((pipeline) => endpointsOf(pipeline).map(({ spec }) => spec));
    this.connections.retain(
      specs.flatMap((spec) => (spec.kind === 'ingest' ? [spec] : [])),
      specs.flatMap((spec) => (spec.kind === 'view' ? [spec] : [])),
    );
  }

  close(): void {
    clearInterval(this.timer);
    this.connections.retain([], []);
  }
}
