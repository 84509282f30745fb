// One task owned by this worker: its transactional committer, its committed
// positions, its restore, and a lock so batches and timers never interleave.
import type { Admin, Kafka } from 'kafkajs';
import { logger } from '../log/logger.ts';
import { type RestoreProgress, readChangelogs } from './changelog-reader.ts';
import type { DriverTask, InboundRecord, TaskFactory, TaskOutput } from './driver-task.ts';
import { TaskCommitter, TaskFencedError } from './task-committer.ts';

const log = logger.child({ component: 'task' });

export type CommitOutcome = 'committed' | 'retry' | 'fenced';

export type TaskState = 'claiming' | 'restoring' | 'running' | 'fenced' | 'closed';

export interface TaskEvents {
  onRestoreProgress?: (taskId: string, progress: RestoreProgress) => void;
  onStateChange?: (taskId: string, state: TaskState) => void;
}

export class TaskHandle {
  state: TaskState = 'claiming';
  ready: Promise<void>;
  private driver: DriverTask;
  private committer: TaskCommitter;
  private readonly nextOffsets = new Map<string, number>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly factory: TaskFactory,
    private readonly groupId: string,
    private readonly events: TaskEvents = {},
  ) {
    this.driver = factory.create(id);
    this.committer = new TaskCommitter(kafka, `${groupId}.${id}`, groupId);
    this.ready = this.startWithRetries();
  }

  /**
   * Claiming, reading offsets and restoring talk to the cluster; right after topics are
   * created or partitions move, leaders may not be known yet. Retry until it works or the task closes.
   */
  private async startWithRetries(): Promise<void> {
    let claimed = false;
    for (let attempt = 1; ; attempt++) {
      try {
        if (!claimed) {
          await this.committer.claim();
          claimed = true;
        }
        if (this.state === 'closed') return;
        await this.prepare();
        return;
      } catch (error) {
        if (this.state === 'closed') return;
        log.warn({ task: this.id, attempt, err: error instanceof Error ? error.message : String(error) }, 'task start failed; retrying');
        if (!claimed) {
          // A producer whose InitProducerId failed can stay unusable: start over with a fresh one.
          await this.committer.close().catch(() => {});
          this.committer = new TaskCommitter(this.kafka, `${this.groupId}.${this.id}`, this.groupId);
        }
        this.replaceDriver();
        this.nextOffsets.clear();
        await new Promise((done) => setTimeout(done, Math.min(250 * attempt, 5000)));
      }
    }
  }

  /** Throws the task's state away (it saw a batch that did not commit, or never finished restoring). */
  private replaceDriver(): void {
    const previous = this.driver;
    this.driver = this.factory.create(this.id);
    void previous.close().catch(() => {});
  }

  /** Still claiming or restoring: not ready for records yet. */
  get starting(): boolean {
    return this.state === 'claiming' || this.state === 'restoring';
  }

  /** Runs `work` after every earlier piece of work on this task finished. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => {});
    return next;
  }

  /** The offset the next record of this input partition must have; older ones were already committed. */
  expectedOffset(topic: string, partition: number): number {
    return this.nextOffsets.get(`${topic}:${partition}`) ?? 0;
  }

  /** Every input partition's committed position: the offset before which all records are done with. */
  committedPositions(): { topic: string; partition: number; nextOffset: number }[] {
    return [...this.nextOffsets].map(([key, nextOffset]) => {
      const split = key.lastIndexOf(':');
      return { topic: key.slice(0, split), partition: Number(key.slice(split + 1)), nextOffset };
    });
  }

  /** 'retry' means nothing was committed and the records must be consumed again from expectedOffset. */
  async processBatch(records: InboundRecord[]): Promise<CommitOutcome> {
    const last = records.at(-1);
    if (!last) return 'committed';
    if (this.state !== 'running') return 'retry';
    return this.commitOrRecover(
      () => this.driver.process(records, Date.now()),
      [{ topic: last.topic, partition: last.partition, nextOffset: last.offset + 1 }],
    );
  }

  async fireTimers(now: number): Promise<void> {
    if (this.state !== 'running') return;
    const due = this.driver.nextTimerAt();
    if (due === undefined || due > now) return;
    await this.commitOrRecover(() => this.driver.fireTimers(now), []);
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      this.setState('closed');
      await this.committer.close().catch(() => {});
      await this.driver.close().catch((error) => log.warn({ task: this.id, err: String(error) }, 'closing the task failed'));
    });
  }

  private setState(state: TaskState): void {
    if (this.state === 'closed' || this.state === state) return;
    this.state = state;
    this.events.onStateChange?.(this.id, state);
  }

  /** Fence the previous owner, then read committed positions, then rebuild state. The order matters. */
  /** Reads committed positions, then rebuilds state. Runs after the claim, which fenced the previous owner. */
  private async prepare(): Promise<void> {
    const topics = [...new Set(this.driver.inputs.map((input) => input.topic))];
    for (const entry of await this.admin.fetchOffsets({ groupId: this.groupId, topics })) {
      for (const { partition, offset } of entry.partitions) {
        if (this.driver.inputs.some((input) => input.topic === entry.topic && input.partition === partition)) {
          this.nextOffsets.set(`${entry.topic}:${partition}`, Math.max(0, Number(offset)));
        }
      }
    }
    this.setState('restoring');
    const began = Date.now();
    let restored = 0;
    await readChangelogs(
      this.kafka,
      this.admin,
      this.driver.changelogs,
      (record) => {
        restored++;
        this.driver.restore({ topic: record.topic, key: record.key, value: record.value?.toString() ?? null });
      },
      (progress) => this.events.onRestoreProgress?.(this.id, progress),
    );
    if (this.driver.changelogs.length > 0) log.info({ task: this.id, restored, ms: Date.now() - began }, 'task state restored');
    this.setState('running');
  }

  private async commitOrRecover(
    work: () => TaskOutput,
    positions: { topic: string; partition: number; nextOffset: number }[],
  ): Promise<CommitOutcome> {
    try {
      const output = work();
      await output.beforeCommit?.();
      await this.committer.commit(output.messages, positions);
      for (const position of positions) this.nextOffsets.set(`${position.topic}:${position.partition}`, position.nextOffset);
      return 'committed';
    } catch (error) {
      if (error instanceof TaskFencedError) {
        log.warn({ task: this.id }, 'task fenced: another worker owns it now');
        this.setState('fenced');
        return 'fenced';
      }
      // The batch did not commit, but the in-memory state already saw it: throw that state
      // away and rebuild it from the changelog, then process the same records again.
      log.warn({ task: this.id, err: error instanceof Error ? error.message : String(error) }, 'commit failed; restoring the task');
      await this.recover();
      return 'retry';
    }
  }

  private async recover(): Promise<void> {
    for (let attempt = 1; this.state !== 'closed'; attempt++) {
      try {
        this.replaceDriver();
        this.nextOffsets.clear();
        await this.prepare(); // never claim again: that could fence the rightful owner
        return;
      } catch (error) {
        log.warn({ task: this.id, attempt, err: error instanceof Error ? error.message : String(error) }, 'task recovery failed; retrying');
        await new Promise((done) => setTimeout(done, Math.min(500 * attempt, 5000)));
      }
    }
  }
}
