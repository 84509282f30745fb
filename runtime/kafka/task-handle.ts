// One task owned by this worker: its transactional committer, its committed
// positions, its restore, and a lock so batches and timers never interleave.
//
// No state in which a task neither processes nor fails: a sink that is down is
// retried with capped backoff while the batch's output (and so the task's state)
// is kept, rows a sink refuses for good go to the dead-letter topic, and after
// any Kafka error the producer is thrown away and a fresh one claims the task.
import type { Admin, Kafka } from 'kafkajs';
import { SinkWriteError } from '../../shared/engine/sink-write.ts';
import { logger } from '../log/logger.ts';
import { changelogEnds, type RestoreProgress, readChangelogs } from './changelog-reader.ts';
import type { DriverTask, InboundRecord, TaskFactory, TaskOutput } from './driver-task.ts';
import { TaskCommitter, TaskFencedError } from './task-committer.ts';

const log = logger.child({ component: 'task' });

export type CommitOutcome = 'committed' | 'retry' | 'fenced';

/**
 * `failing`: a sink keeps failing and the batch waits for it; `recovering`: a Kafka error
 * threw the producer and the state away and the task is claimed and restored again.
 */
export type TaskState = 'claiming' | 'restoring' | 'running' | 'failing' | 'recovering' | 'fenced' | 'closed';

export interface TaskEvents {
  onRestoreProgress?: (taskId: string, progress: RestoreProgress) => void;
  /** `reason` says why a task is failing or recovering. */
  onStateChange?: (taskId: string, state: TaskState, reason?: string) => void;
}

export interface RetryPolicy {
  /** The first wait after a failure; it doubles with each failure in a row. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Refusals of a batch by a sink before its rows are written one by one and the refused ones dead-lettered. */
  refusalsBeforeIsolating: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialBackoffMs: 200, maxBackoffMs: 30_000, refusalsBeforeIsolating: 3 };

/** The task was closed (it moved to another worker, or the pipeline stops) while it waited. */
class TaskClosedError extends Error {}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class TaskHandle {
  state: TaskState = 'claiming';
  ready: Promise<void>;
  private readonly startWaiters: (() => void)[] = [];
  private driver: DriverTask;
  private committer: TaskCommitter;
  private readonly nextOffsets = new Map<string, number>();
  private chain: Promise<unknown> = Promise.resolve();
  private closing = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly id: string,
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly factory: TaskFactory,
    private readonly groupId: string,
    private readonly events: TaskEvents = {},
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.driver = factory.create(id);
    this.committer = this.newCommitter();
    this.ready = this.claimAndPrepare('claiming');
  }

  private newCommitter(): TaskCommitter {
    return new TaskCommitter(this.kafka, `${this.groupId}.${this.id}`, this.groupId);
  }

  /**
   * Claims the transactional id (fencing a previous owner), reads committed offsets, restores
   * state. Right after topics are created or partitions move, leaders may not be known yet;
   * after an outage the broker may still be gone: retry with backoff until it works or the task
   * closes, each time with a fresh producer (one whose InitProducerId or transaction failed can
   * stay unusable) and empty state.
   */
  private async claimAndPrepare(state: 'claiming' | 'recovering', reason?: string): Promise<void> {
    for (let attempt = 1; !this.closing; attempt++) {
      try {
        this.setState(state, reason);
        await this.committer.claim(this.driver.outputTopics);
        if (this.closing) return;
        await this.prepare();
        return;
      } catch (error) {
        if (this.closing) return;
        if (error instanceof TaskFencedError) {
          this.setState('fenced');
          return;
        }
        reason = messageOf(error);
        log.warn({ task: this.id, attempt, err: reason }, 'claiming the task failed; retrying');
        await this.resetCommitterAndState();
        await this.backoff(attempt);
      }
    }
  }

  private async resetCommitterAndState(): Promise<void> {
    const previous = this.committer;
    this.committer = this.newCommitter();
    await previous.close().catch(() => {});
    // Closed first: its local files (and their lock) go to the new instance, which undoes what did not commit.
    await this.driver.close().catch(() => {});
    this.driver = this.factory.create(this.id);
    this.nextOffsets.clear();
  }

  /** Still claiming or restoring: not ready for records yet. */
  get starting(): boolean {
    return this.state === 'claiming' || this.state === 'restoring' || this.state === 'recovering';
  }

  /** Resolves when the task stops starting, or after `ms`: a batch that waits for a restore begins the moment it ends. */
  untilStarted(ms: number): Promise<void> {
    if (!this.starting) return Promise.resolve();
    return new Promise((done) => {
      const started = () => {
        clearTimeout(timer);
        done();
      };
      // Gone from the list when it times out: a batch waiting through a long restore asks again every `ms`.
      const timer = setTimeout(() => {
        this.startWaiters.splice(this.startWaiters.indexOf(started), 1);
        done();
      }, ms);
      this.startWaiters.push(started);
    });
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
  async processBatch(fetched: InboundRecord[]): Promise<CommitOutcome> {
    if (this.state !== 'running') return fetched.length === 0 ? 'committed' : 'retry';
    const records = this.notCommittedYet(fetched);
    const last = records.at(-1);
    if (!last) return 'committed';
    return this.commitOrRecover(
      () => this.driver.process(records, Date.now()),
      [{ topic: last.topic, partition: last.partition, nextOffset: last.offset + 1 }],
    );
  }

  /**
   * The records past this task's committed position, each once. Decided here, inside the task's lock, and not when
   * the batch was fetched: with batches of many partitions handled at once, a partition whose leader moved can be
   * delivered twice (by the old leader's fetch and the new one's) while the first copy still commits. Deciding at
   * fetch time let both copies through to be processed twice.
   */
  private notCommittedYet(fetched: InboundRecord[]): InboundRecord[] {
    const next = new Map<string, number>();
    const records: InboundRecord[] = [];
    for (const record of fetched) {
      const key = `${record.topic}:${record.partition}`;
      if (record.offset < (next.get(key) ?? this.expectedOffset(record.topic, record.partition))) continue;
      next.set(key, record.offset + 1);
      records.push(record);
    }
    return records;
  }

  async fireTimers(now: number): Promise<void> {
    if (this.state !== 'running') return;
    const due = this.driver.nextTimerAt();
    if (due === undefined || due > now) return;
    await this.commitOrRecover(() => this.driver.fireTimers(now), []);
  }

  async close(): Promise<void> {
    this.closing = true; // ends any wait at once: the work in flight gives up instead of retrying
    this.wake?.();
    await this.exclusive(async () => {
      this.setState('closed');
      await this.committer.close().catch(() => {});
      await this.driver.close().catch((error) => log.warn({ task: this.id, err: String(error) }, 'closing the task failed'));
    });
  }

  private setState(state: TaskState, reason?: string): void {
    if (this.state === 'closed' || (this.state === state && reason === undefined)) return;
    this.state = state;
    if (!this.starting) for (const waiter of this.startWaiters.splice(0)) waiter();
    this.events.onStateChange?.(this.id, state, reason);
  }

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
    const changelogs = this.driver.changelogs;
    if (changelogs.length > 0) {
      const ends = await changelogEnds(this.admin, changelogs);
      // Local state from an earlier run (with its checkpoint): only the changelog's tail is read.
      const from = this.driver.resumeFrom?.(ends);
      await readChangelogs(
        this.kafka,
        this.admin,
        changelogs,
        (record) => {
          restored++;
          this.driver.restore({ topic: record.topic, key: record.key, value: record.value?.toString() ?? null });
        },
        (progress) => this.events.onRestoreProgress?.(this.id, progress),
        { ends, from },
      );
      this.driver.checkpoint?.(new Map([...ends].map(([partition, end]) => [partition, end.high])));
      log.info({ task: this.id, restored, ms: Date.now() - began, from: from ? 'checkpoint' : 'start' }, 'task state restored');
    }
    this.setState('running');
  }

  private async commitOrRecover(
    work: () => TaskOutput,
    positions: { topic: string; partition: number; nextOffset: number }[],
  ): Promise<CommitOutcome> {
    let output: TaskOutput;
    let deadLetters: TaskOutput['messages'];
    try {
      output = work();
      deadLetters = await this.writeSinks(output);
    } catch (error) {
      if (error instanceof TaskClosedError) return 'retry';
      // The operators threw: the state saw part of the batch; rebuild it and try again.
      return this.recover(`processing failed: ${messageOf(error)}`);
    }
    try {
      const counters = this.driver.countersRecord?.(Date.now());
      const written = await this.committer.commit([...output.messages, ...deadLetters, ...(counters ? [counters] : [])], positions);
      for (const position of positions) this.nextOffsets.set(`${position.topic}:${position.partition}`, position.nextOffset);
      this.checkpoint(written);
      return 'committed';
    } catch (error) {
      if (error instanceof TaskFencedError) {
        log.warn({ task: this.id }, 'task fenced: another worker owns it now');
        this.setState('fenced');
        return 'fenced';
      }
      // The batch did not commit, but the state already saw it, and the producer may be stuck in
      // a transaction state it never leaves (after a broker outage): start over with both fresh.
      return this.recover(`commit failed: ${messageOf(error)}`);
    }
  }

  /**
   * Local files behind a checkpoint are a speed-up, never the truth: failing to write one is only logged.
   * The checkpoint is past the commit's marker: a changelog partition has one writer, this task's
   * producer, and its next transaction cannot begin before the markers of this one are written, so
   * the offset after the batch's last record holds this commit's marker. Reading from there would
   * cost a restore consumer (a group join) for nothing after a clean stop or an idle crash.
   */
  private checkpoint(written: Map<string, number>): void {
    try {
      this.driver.checkpoint?.(new Map([...written].map(([partition, end]) => [partition, end + 1])));
    } catch (error) {
      log.warn({ task: this.id, err: messageOf(error) }, 'writing the local checkpoint failed; a restart restores more');
    }
  }

  private async recover(reason: string): Promise<CommitOutcome> {
    log.warn({ task: this.id, err: reason }, 'recovering the task: a fresh producer claims it and its state is restored');
    await this.resetCommitterAndState();
    await this.claimAndPrepare('recovering', reason);
    return this.state === 'fenced' ? 'fenced' : 'retry';
  }

  /**
   * Writes the batch's sink rows, waiting out outages with capped backoff while the task keeps
   * its state. A batch refused a few times is written row by row: what the sink still refuses
   * comes back as dead letters, committed with the batch, and the partition moves on.
   */
  private async writeSinks(output: TaskOutput): Promise<TaskOutput['messages']> {
    const sinks = output.sinks;
    if (!sinks) return [];
    let refusals = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        if (refusals >= this.retry.refusalsBeforeIsolating && sinks.writeIsolated) {
          const letters = await sinks.writeIsolated();
          if (letters.length > 0) log.warn({ task: this.id, refused: letters.length }, 'rows a sink refused went to the dead-letter topic');
          this.setState('running');
          return letters;
        }
        await sinks.write();
        if (this.state === 'failing') this.setState('running');
        return [];
      } catch (error) {
        if (this.closing) throw new TaskClosedError();
        if (error instanceof SinkWriteError && error.kind === 'refused') refusals++;
        const who = error instanceof SinkWriteError ? `sink ${error.node}: ` : '';
        this.setState('failing', `${who}${messageOf(error)}`);
        log.warn({ task: this.id, attempt, err: messageOf(error) }, 'a sink write failed; retrying');
        await this.backoff(attempt);
        if (this.closing) throw new TaskClosedError();
      }
    }
  }

  /** Waits 200 ms, 400 ms, … up to the cap; close() cuts it short. */
  private backoff(attempt: number): Promise<void> {
    const ms = Math.min(this.retry.initialBackoffMs * 2 ** (attempt - 1), this.retry.maxBackoffMs);
    return new Promise((done) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        done();
      }
      this.wake = finish;
    });
  }
}
