// A worker says it is alive, and which tasks it holds, every two seconds on its pipeline's counters topic: a worker
// that dies stops counting as alive after the timeout (its totals stay, they are in its tasks' committed records);
// one that stops on purpose deletes its entry (a tombstone), so it is gone at once and compaction forgets it.
import { hostname } from 'node:os';
import type { Kafka, Producer } from 'kafkajs';
import type { WorkerBeat } from '../control/cluster-reports.ts';
import { logger } from '../log/logger.ts';
import { WORKER_KEY_PREFIX } from './task-counters.ts';

const log = logger.child({ component: 'heartbeat' });

export const HEARTBEAT_INTERVAL_MS = 2000;

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`;
}

export class WorkerHeartbeat {
  private producer: Producer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly where: { topic: string; partition: number; worker: string; version: number },
    private readonly tasks: () => string[],
  ) {}

  async start(): Promise<void> {
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    this.beat(false);
    this.timer = setInterval(() => this.beat(false), HEARTBEAT_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.beat(true);
    await this.sending;
    await this.producer?.disconnect().catch(() => {});
  }

  private beat(stopped: boolean): void {
    const producer = this.producer;
    if (!producer || (this.busy && !stopped)) return; // a slow broker skips a beat rather than piling them up
    const { topic, partition, worker, version } = this.where;
    const beat: WorkerBeat = { worker, version, at: Date.now(), tasks: this.tasks() };
    const value = stopped ? null : JSON.stringify(beat);
    this.busy = true;
    this.sending = this.sending
      .then(() => producer.send({ topic, acks: 1, messages: [{ key: `${WORKER_KEY_PREFIX}${worker}`, partition, value }] }))
      .then(() => {})
      .catch((error: unknown) => log.debug({ err: String(error) }, 'a heartbeat was not written'))
      .finally(() => {
        this.busy = false;
      });
  }
}
