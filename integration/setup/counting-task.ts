// A small stateful task for driver tests: it counts records per key (state with a
// changelog) and emits each record with its running count. Duplicates or gaps
// in the output, or counts that skip or repeat, show an exactly-once failure.
import type { DriverTask, InboundRecord, TaskFactory, TaskOutput } from '../../runtime/kafka/driver-task.ts';
import type { OutboundMessage } from '../../runtime/kafka/task-committer.ts';

export interface CountingTopics {
  input: string;
  output: string;
  changelog: string;
}

export class CountingTask implements DriverTask {
  readonly inputs;
  readonly changelogs;
  private readonly counts = new Map<string, number>();

  constructor(
    readonly id: string,
    private readonly topics: CountingTopics,
    partition: number,
    private readonly delayMs = 0,
  ) {
    this.inputs = [{ topic: topics.input, partition }];
    this.changelogs = [{ topic: topics.changelog, partition }];
  }

  restore({ key, value }: { key: string; value: string | null }): void {
    if (value === null) this.counts.delete(key);
    else this.counts.set(key, Number(value));
  }

  process(records: InboundRecord[]): TaskOutput {
    const messages: OutboundMessage[] = [];
    for (const record of records) {
      const key = record.key ?? '';
      const count = (this.counts.get(key) ?? 0) + 1;
      this.counts.set(key, count);
      messages.push({ topic: this.topics.output, key, value: JSON.stringify({ value: record.value, count }) });
      messages.push({ topic: this.topics.changelog, partition: this.inputs[0]?.partition, key, value: String(count) });
    }
    // A slow batch widens the window in which a kill lands between process and commit.
    const sinks = this.delayMs > 0 ? { write: () => new Promise<void>((done) => setTimeout(done, this.delayMs)) } : undefined;
    return { messages, sinks };
  }

  fireTimers(): TaskOutput {
    return { messages: [] };
  }

  nextTimerAt(): number | undefined {
    return undefined;
  }

  async close(): Promise<void> {}
}

export function countingFactory(topics: CountingTopics, delayMs = 0): TaskFactory {
  return {
    taskIdFor: ({ partition }) => `count.${partition}`,
    create: (taskId) => new CountingTask(taskId, topics, Number(taskId.split('.')[1]), delayMs),
  };
}
