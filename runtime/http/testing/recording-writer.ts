import { type FailedWriteOutcome, IngestUnavailableError, type RecordWriter } from '../../control/record-writer.ts';

/** An in-memory RecordWriter for route tests: records writes, or fails like an unreachable cluster. */
export function recordingWriter(
  options: { unavailable?: boolean; outcome?: FailedWriteOutcome } = {},
): RecordWriter & { written: Record<string, unknown>[]; removed: string[] } {
  const written: Record<string, unknown>[] = [];
  const removed: string[] = [];
  const check = () => {
    if (options.unavailable) throw new IngestUnavailableError('Kafka did not acknowledge the write within 5000 ms', options.outcome);
  };
  return {
    written,
    removed,
    async put(records) {
      check();
      written.push(...records.map((record) => record.value));
    },
    async remove(key) {
      check();
      removed.push(key);
    },
  };
}
