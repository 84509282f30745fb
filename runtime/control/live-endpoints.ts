// The endpoints of the deployed pipelines, kept current as pipelines are deployed and removed: rebuilt when a
// pipeline's version changes, with the writers and replicas no longer needed released. Every runtime process has one,
// so every process serves every deployed pipeline's routes. A stopped pipeline's are served too: what is posted then
// waits in its topic (the backlog its lag shows) and its view answers its last figures, as a Kafka topic would; only
// deleting a pipeline takes its paths away (and frees them: one deployed pipeline owns each, running or stopped).
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

/** The deployed pipelines, running or stopped, at their current version. */
export function deployedPipelines(records: readonly DeploymentRecord[]): Pipeline[] {
  return records.map((record) => currentVersion(record).pipeline);
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
    const records = this.records();
    const fingerprint = records.map((record) => `${record.id}@${currentVersion(record).version}`).join(',');
    if (fingerprint === this.fingerprint) return;
    const pipelines = deployedPipelines(records);
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
