// When a pipeline's state began, and each stateful node's. Local files of a task are only good
// for the state they were built from, and a checkpoint's offsets cannot tell two changelogs of
// one name apart: a node reset by a deploy (its changelog deleted and made anew), or a pipeline
// deleted and deployed again under the same id (every internal topic made anew, its counters
// too), starts a new epoch, so a worker that still holds files of the old one restores in full
// instead of trusting their checkpoint.
import { type DeploymentRecord, VERSIONS_KEPT } from './pipeline-store.ts';
import { storesToKeep } from './stores-to-keep.ts';

export interface StateEpochs {
  /**
   * When the pipeline was first deployed (deleting it and deploying it again is another pipeline); for a record of
   * an older runtime, without createdAt, its first version's deploy while the record keeps it.
   */
  pipeline: string;
  /** Per stateful node: the deploy time of the oldest version since which its state was kept (storesToKeep). */
  nodes: Record<string, string>;
}

/**
 * Older than the versions a record keeps: an epoch that began before them must not move each time the oldest
 * version is dropped (that would throw every worker's files away at every deploy).
 */
const BEFORE_HISTORY = 'before-history';

export function stateEpochs(record: DeploymentRecord): StateEpochs {
  const versions = record.versions;
  const first = versions[0];
  const current = versions.at(-1);
  if (!first || !current) return { pipeline: BEFORE_HISTORY, nodes: {} };
  const truncated = first.version !== 1 || versions.length >= VERSIONS_KEPT;
  const nodes: Record<string, string> = {};
  for (const node of storesToKeep(undefined, current.pipeline).reset) {
    let since = versions.length - 1;
    while (since > 0 && storesToKeep(versions[since - 1]?.pipeline, versions[since]?.pipeline ?? current.pipeline).kept.includes(node))
      since--;
    nodes[node] = since === 0 && truncated ? BEFORE_HISTORY : (versions[since]?.deployedAt ?? current.deployedAt);
  }
  return { pipeline: record.createdAt ?? (first.version === 1 ? first.deployedAt : BEFORE_HISTORY), nodes };
}
