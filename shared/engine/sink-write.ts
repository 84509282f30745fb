// Writes outside Kafka (sink.postgres), collected per batch and executed by the
// driver before it commits the batch's transaction. They must be idempotent:
// upserts and deletes by primary key (the shape runtime/postgres/table-writer.ts takes).

export type RowOperation = { op: 'upsert'; row: Record<string, unknown> } | { op: 'delete'; key: Record<string, unknown> };

export interface SinkTarget {
  kind: 'postgres';
  /** May hold `${env:NAME}` placeholders, resolved by the driver, never by the engine. */
  connection: string;
  table: string;
  primaryKey: string[];
  mode: 'upsert' | 'append';
}

export interface SinkWrite {
  node: string;
  target: SinkTarget;
  /** In input order; only the last operation per primary key decides the row. */
  operations: RowOperation[];
}

export type SinkFailureKind = 'outage' | 'refused';

/**
 * A sink write that failed, naming the node whose rows it was. An outage (the database is down)
 * passes and is retried; a refusal (the database will never take a row) is not worth retrying:
 * the driver writes row by row and dead-letters the refused ones.
 */
export class SinkWriteError extends Error {
  constructor(
    readonly node: string,
    readonly kind: SinkFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** A row a sink refused for good, with the database's reason. */
export interface RefusedRow {
  node: string;
  operation: RowOperation;
  reason: string;
}
