// A task's local files (its LMDB stores) and their checkpoint, as the Kafka driver
// sees them: where each changelog partition's restore can start, and what to write
// after a restore or a commit.
//
// The task's counters partition (task-counters.ts) is read like a changelog, but what
// it restores is a counters record held in memory, not in the stores. So the
// checkpoint covers that partition too, and carries the record as of its offset:
// a restart from the checkpoint takes the record back from the files and reads only
// the partition's tail, instead of reading every counters record from the start
// (a restore consumer per task, even for tasks without stores).

import { createHash } from 'node:crypto';
import type { Plan, TaskPlan } from '../../shared/engine/plan.ts';
import type { StateEpochs } from '../control/state-epochs.ts';
import { type PartitionEnds, resumeOffsets } from '../state/checkpoint.ts';
import type { TaskStores } from '../state/state-directory.ts';
import type { TaskCountersWriter } from './task-counters.ts';

export class TaskLocalState {
  /** Where each partition's records are in the files up to: what the next checkpoint says. */
  private readonly positions = new Map<string, number>();

  constructor(
    private readonly stores: TaskStores,
    private readonly identity: string,
    /** Every partition the task restores (`topic:partition`): its changelogs and its counters partition. */
    private readonly partitions: string[],
    private readonly counters: TaskCountersWriter,
  ) {}

  /**
   * Where each partition's restore starts, with the stores (after undoing what never reached the checkpoint)
   * and the counters record as of there; undefined when the files are of no use: then they are emptied and
   * everything is restored.
   */
  resumeFrom(ends: Map<string, PartitionEnds>): Map<string, number> | undefined {
    if (!this.stores.kept) return undefined;
    const checkpoint = this.stores.checkpoint();
    const resume = resumeOffsets(checkpoint, this.identity, this.partitions, ends, Date.now());
    if (!resume) {
      this.stores.discard();
      return undefined;
    }
    if (checkpoint?.counters !== undefined) this.counters.restore(checkpoint.counters);
    return resume;
  }

  /**
   * The files now reflect the partitions up to `offsets` (after a restore, or a committed batch). Call only
   * then: the counters record written with it is the one built last, which after a commit is the committed one.
   */
  checkpoint(offsets: Map<string, number>): void {
    if (!this.stores.kept) return;
    let moved = false;
    for (const partition of this.partitions) {
      const offset = offsets.get(partition);
      if (offset === undefined || offset === this.positions.get(partition)) continue;
      this.positions.set(partition, offset);
      moved = true;
    }
    if (!moved) return;
    this.stores.writeCheckpoint({
      identity: this.identity,
      writtenAt: Date.now(),
      offsets: Object.fromEntries(this.positions),
      counters: this.counters.latest,
    });
  }
}

/**
 * What local files must have been written by to be resumed: the task, its changelogs and counters
 * partition, and the type and config of each node owning one of its stores. A new version that
 * changes such a node resets its state (its changelog is made anew), so its old files must not count.
 */
export function storesIdentity(
  plan: Plan,
  taskPlan: TaskPlan,
  countersPartition: string,
  /** When each node's state began (runtime/control/state-epochs.ts): files of an earlier epoch are not this state's. */
  stateEpochs?: StateEpochs,
): string {
  const nodes = new Set(plan.stores.filter((store) => taskPlan.changelogs.some((c) => c.store === store.id)).map((store) => store.node));
  const configs = plan.pipeline.nodes
    .filter((node) => nodes.has(node.id))
    .map((node) => [node.id, node.type, node.config, stateEpochs?.nodes[node.id] ?? null]);
  const epoch = stateEpochs?.pipeline ?? null;
  const text = JSON.stringify({ task: taskPlan.id, changelogs: taskPlan.changelogs, counters: countersPartition, configs, epoch });
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
