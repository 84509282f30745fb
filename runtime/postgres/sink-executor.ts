// Executes a batch's sink.postgres writes: one pool per connection string,
// `${env:NAME}` references resolved here (pipelines never hold secrets).
import type { SinkWrite } from '../engine/sink-write.ts';
import { TableWriter } from './table-writer.ts';

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

  readonly execute = async (writes: SinkWrite[]): Promise<void> => {
    for (const write of writes) {
      const url = resolveEnvReferences(write.target.connection, this.env);
      let writer = this.writers.get(url);
      if (!writer) {
        writer = TableWriter.connect(url);
        this.writers.set(url, writer);
      }
      await writer.write({ table: write.target.table, primaryKey: write.target.primaryKey }, write.operations);
    }
  };

  async close(): Promise<void> {
    await Promise.all([...this.writers.values()].map((writer) => writer.close()));
    this.writers.clear();
  }
}
