// What a sink.postgres table would hold after the writes so far: the memory
// driver applies sink writes the way the Postgres writer does (by primary key).
import type { SinkWrite } from './sink-write.ts';

export class MemoryTables {
  private readonly tables = new Map<string, Map<string, Record<string, unknown>>>();

  apply(write: SinkWrite): void {
    let rows = this.tables.get(write.target.table);
    if (!rows) {
      rows = new Map();
      this.tables.set(write.target.table, rows);
    }
    const keyOf = (source: Record<string, unknown>) => JSON.stringify(write.target.primaryKey.map((column) => source[column]));
    for (const operation of write.operations) {
      if (operation.op === 'upsert') rows.set(keyOf(operation.row), { ...rows.get(keyOf(operation.row)), ...operation.row });
      else rows.delete(keyOf(operation.key));
    }
  }

  rows(table: string): Record<string, unknown>[] {
    return [...(this.tables.get(table)?.values() ?? [])];
  }
}
