// The last records that passed each node's output port, for the designer's
// inspector: sampled (every record while traffic is light, then fewer), and
// size-capped so a tap never holds much memory.
import type { TaskObserver } from './task.ts';

export interface TappedRecord {
  key: string | null;
  value: unknown;
  timestamp: number;
}

const MAX_VALUE_CHARS = 4096;

function capped(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text !== undefined && text.length > MAX_VALUE_CHARS ? { truncated: `${text.slice(0, MAX_VALUE_CHARS)}…` } : value;
}

export class Taps {
  private readonly buffers = new Map<string, TappedRecord[]>();
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 20,
    /** Above this many records per port, only every n-th is kept (n grows with the count). */
    private readonly everyRecordUpTo = 1000,
  ) {}

  readonly observer: TaskObserver = {
    emitted: ({ node, port, record }) => this.add(`${node}:${port}`, { key: record.key, value: record.value, timestamp: record.timestamp }),
  };

  last(node: string, port: string, limit = this.capacity): TappedRecord[] {
    return (this.buffers.get(`${node}:${port}`) ?? []).slice(-limit);
  }

  private add(id: string, record: TappedRecord): void {
    const seen = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, seen);
    const stride = seen <= this.everyRecordUpTo ? 1 : Math.ceil(seen / this.everyRecordUpTo);
    if (seen % stride !== 0) return;
    const buffer = this.buffers.get(id) ?? [];
    buffer.push({ ...record, value: capped(record.value) });
    if (buffer.length > this.capacity) buffer.shift();
    this.buffers.set(id, buffer);
  }
}
