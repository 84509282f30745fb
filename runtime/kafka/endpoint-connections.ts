// The Kafka side of the HTTP endpoints: one record writer per ingest topic, one local replica per view topic,
// opened when an endpoint appears and closed when none uses them any more.
import type { Admin, Kafka } from 'kafkajs';
import type { IngestSpec, ViewSpec } from '../../shared/catalog/http-routes.ts';
import { VIEW_HEADERS } from '../../shared/nodes/view-http/implementation.ts';
import type { ManagedConnections } from '../control/live-endpoints.ts';
import type { KeyedRecord, RecordWriter } from '../control/record-writer.ts';
import type { ViewReader, ViewValue } from '../control/view-reader.ts';
import { logger } from '../log/logger.ts';
import { CompactedView } from './compacted-view.ts';
import { KafkaRecordWriter } from './record-writer.ts';

const log = logger.child({ component: 'endpoints' });

function viewValueOf(text: string, headers: Record<string, string>): ViewValue {
  const eventTime = headers[VIEW_HEADERS.eventTime];
  const processedAt = headers[VIEW_HEADERS.processedAt];
  return {
    value: JSON.parse(text) as Record<string, unknown>,
    ...(eventTime === undefined ? {} : { eventTime }),
    ...(processedAt === undefined ? {} : { processedAt }),
  };
}

/** A writer whose topic is made ready (created when missing, its size limit read) before its first write. */
class ReadyWriter implements RecordWriter {
  private readonly ready: Promise<void>;
  constructor(
    readonly writer: KafkaRecordWriter,
    admin: Admin,
  ) {
    this.ready = writer.ensureTopic(admin).catch((error: unknown) => {
      log.warn({ error: String(error) }, 'could not prepare an ingest topic; writes will say so');
    });
  }
  async put(records: KeyedRecord[]): Promise<void> {
    await this.ready;
    await this.writer.put(records);
  }
  async remove(key: string): Promise<void> {
    await this.ready;
    await this.writer.remove(key);
  }
}

export class KafkaEndpointConnections implements ManagedConnections {
  private readonly writers = new Map<string, ReadyWriter>();
  private readonly views = new Map<string, CompactedView<ViewValue>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly options: { timeoutMs?: number } = {},
  ) {}

  writer(spec: IngestSpec): RecordWriter {
    let writer = this.writers.get(spec.topic);
    if (!writer) {
      writer = new ReadyWriter(
        new KafkaRecordWriter(this.kafka, { topic: spec.topic, partitions: spec.partitions, timeoutMs: this.options.timeoutMs }),
        this.admin,
      );
      this.writers.set(spec.topic, writer);
    }
    return writer;
  }

  reader(spec: ViewSpec): ViewReader {
    let view = this.views.get(spec.topic);
    if (!view) {
      const replica = new CompactedView<ViewValue>(this.kafka, this.admin, spec.topic, viewValueOf);
      view = replica;
      this.views.set(spec.topic, replica);
      void replica
        .open()
        .catch((error: unknown) => log.warn({ topic: spec.topic, error: String(error) }, 'a view replica could not start'));
    }
    return view;
  }

  retain(ingest: IngestSpec[], views: ViewSpec[]): void {
    const writers = new Set(ingest.map((spec) => spec.topic));
    const replicas = new Set(views.map((spec) => spec.topic));
    for (const [topic, writer] of this.writers)
      if (!writers.has(topic)) {
        this.writers.delete(topic);
        void writer.writer.close();
      }
    for (const [topic, view] of this.views)
      if (!replicas.has(topic)) {
        this.views.delete(topic);
        void view.close().catch(() => {});
      }
  }

  /** The topics ingest endpoints write: the health check asks whether each can take writes. */
  ingestTopics(): string[] {
    return [...this.writers.keys()];
  }

  async close(): Promise<void> {
    this.retain([], []);
  }
}
