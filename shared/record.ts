/** The record the runtime moves between nodes; declared here so the designer's preview shows the same thing. */
export type SluiceRecord = {
  key: string | null;
  /** null is a tombstone: the record with this key was deleted. */
  value: Record<string, unknown> | null;
  /** Event or ingest time, in milliseconds since the epoch. */
  timestamp: number;
  headers?: Record<string, string>;
};
