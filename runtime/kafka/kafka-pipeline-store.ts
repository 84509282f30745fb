// The desired state in a compacted topic keyed by pipeline id.
import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import type { DeploymentRecord, PipelineStore } from '../control/pipeline-store.ts';
import { readChangelogs } from './changelog-reader.ts';
import { createTopicsWithLeaders } from './create-topics.ts';
import { countFetches } from './fetch-counter.ts';
import { FOLLOWER_FETCH_WAIT_MS } from './poll-settings.ts';
import { clusterReplication, replicationSettings } from './replication.ts';

export const PIPELINES_TOPIC = 'sluice.pipelines';

export class KafkaPipelineStore implements PipelineStore {
  private producer: Producer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly topic = PIPELINES_TOPIC,
  ) {}

  async ensureTopic(): Promise<void> {
    if ((await this.admin.listTopics()).includes(this.topic)) return;
    const { replicationFactor, configEntries } = replicationSettings(await clusterReplication(this.admin));
    await createTopicsWithLeaders(this.admin, [
      {
        topic: this.topic,
        numPartitions: 1,
        replicationFactor,
        configEntries: [...configEntries, { name: 'cleanup.policy', value: 'compact' }],
      },
    ]);
  }

  async load(): Promise<Map<string, DeploymentRecord>> {
    const records = new Map<string, DeploymentRecord>();
    await readChangelogs(this.kafka, this.admin, [{ topic: this.topic, partition: 0 }], ({ key, value }) => {
      if (value === null) records.delete(key);
      else records.set(key, JSON.parse(value.toString()) as DeploymentRecord);
    });
    return records;
  }

  async put(record: DeploymentRecord): Promise<void> {
    await this.send(record.id, JSON.stringify(record));
  }

  async remove(id: string): Promise<void> {
    await this.send(id, null);
  }

  async watch(onChange: (id: string, record: DeploymentRecord | undefined) => void): Promise<() => Promise<void>> {
    const consumer: Consumer = this.kafka.consumer({
      groupId: `sluice-pipelines-watch-${randomUUID()}`,
      maxWaitTimeInMs: FOLLOWER_FETCH_WAIT_MS,
    });
    countFetches(consumer, 'desired-state');
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const id = message.key?.toString();
        if (!id) return;
        onChange(id, message.value ? (JSON.parse(message.value.toString()) as DeploymentRecord) : undefined);
      },
    });
    return () => consumer.disconnect();
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }

  private async send(key: string, value: string | null): Promise<void> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true });
      await producer.connect();
      this.producer = producer;
    }
    await this.producer.send({ topic: this.topic, acks: -1, messages: [{ key, value }] });
  }
}
