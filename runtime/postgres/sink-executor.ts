// Executes a batch's sink.postgres writes: one pool per connection string,
// `${env:NAME}` references resolved here (pipelines never hold secrets).
import { type RefusedRow, type RowOperation, type SinkWrite, SinkWriteError } from '../../shared/engine/sink-write.ts';
import { failureKind, failureMessage } from './sink-failure.ts';
import { lastOperationPerKey, TableWriter } from './table-writer.ts';

export function resolveEnvReferences(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return text.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = env[name];
    if (value === undefined || value === '') throw new Error(`the environment variable ${name} is not set`);
    return value;
  });
}

export class PostgresSinks {
  private readonly writers = new Map<string, TableWriter>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Writes every sink's rows, each sink in one transaction; a failure is a SinkWriteError naming its node. */
  readonly execute = async (writes: SinkWrite[]): Promise<void> => {
    for (const write of writes) await this.writeOperations(write, write.operations);
  };

  /**
   * Writes each row on its own (idempotently: rows that were written before are written again),
   * and returns the rows the database refuses for good. An outage still throws.
   */
  readonly isolate = async (writes: SinkWrite[]): Promise<RefusedRow[]> => {
    const refused: RefusedRow[] = [];
    for (const write of writes) {
      for (const operation of lastOperationPerKey(write.operations, write.target.primaryKey)) {
        try {
          await this.writeOperations(write, [operation]);
        } catch (error) {
          if (!(error instanceof SinkWriteError) || error.kind !== 'refused') throw error;
          refused.push({ node: write.node, operation, reason: error.message });
        }
      }
    }
    return refused;
  };

  private async writeOperations(write: SinkWrite, operations: RowOperation[]): Promise<void> {
    try {
      const url = resolveEnvReferences(write.target.connection, this.env);
      let writer = this.writers.get(url);
      if (!writer) {
        writer = TableWriter.connect(url);
        this.writers.set(url, writer);
      }
      await writer.write({ table: write.target.table, primaryKey: write.target.primaryKey }, operations);
    } catch (error) {
      throw new SinkWriteError(write.node, failureKind(error), `${write.target.table}: ${failureMessage(error)}`);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.writers.values()].map((writer) => writer.close()));
    this.writers.clear();
  }
}
