// When a pipeline was deployed, stopped and started, for the markers on its history charts: the record's events,
// and for records written before events were kept, the deploy times of its versions.
import type { LifecycleEvent } from '../../shared/api/pipeline-metrics.ts';
import type { DeploymentRecord } from './pipeline-store.ts';

export function lifecycleEvents(record: DeploymentRecord): LifecycleEvent[] {
  const events = [...(record.events ?? [])];
  const known = new Set(events.filter((event) => event.kind === 'deployed').map((event) => event.version));
  for (const version of record.versions) {
    if (!known.has(version.version)) events.push({ at: version.deployedAt, kind: 'deployed', version: version.version });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
