// Which local files may stand for which changelogs. A checkpoint says "the files hold the
// changelog up to offset N", which is only true of the changelog the files were built from.
// Two others look the same by name and offsets: the same pipeline's changelog on another
// cluster (a test run's fresh broker, a Kafka data folder wiped, a worker pointed elsewhere),
// and a changelog deleted with its pipeline and made anew by a pipeline of the same id and
// config. So the files live under the cluster's id, and a deleted pipeline's files are removed.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The folder for the task files of pipelines on the cluster with this id. */
export function clusterStateFolder(root: string, clusterId: string): string {
  return join(root, `cluster-${clusterId.replace(/[^A-Za-z0-9_-]/g, '_')}`);
}

/**
 * Removes every kept task folder of `pipelineId`, on every cluster, under `root`. Call it once the pipeline's
 * tasks here have stopped: a task id is `<pipeline>.<sub-topology>.<partition>`.
 */
export function forgetPipelineState(root: string, pipelineId: string): string[] {
  const removed: string[] = [];
  const taskOfPipeline = new RegExp(`^${pipelineId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.\\d+$`);
  for (const cluster of entries(root).filter((entry) => entry.startsWith('cluster-'))) {
    const tasks = join(root, cluster, 'tasks');
    for (const task of entries(tasks).filter((entry) => taskOfPipeline.test(entry))) {
      rmSync(join(tasks, task), { recursive: true, force: true });
      removed.push(join(cluster, 'tasks', task));
    }
  }
  return removed;
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
