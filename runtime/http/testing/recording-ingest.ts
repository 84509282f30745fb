import type { Review } from '../../../shared/api/review.ts';
import { type FailedWriteOutcome, IngestUnavailableError, type ReviewIngest } from '../../control/review-ingest.ts';

/** An in-memory ReviewIngest for route tests: records writes, or fails like an unreachable cluster. */
export function recordingIngest(
  options: { unavailable?: boolean; outcome?: FailedWriteOutcome } = {},
): ReviewIngest & { written: Review[]; removed: string[] } {
  const written: Review[] = [];
  const removed: string[] = [];
  const check = () => {
    if (options.unavailable) throw new IngestUnavailableError('Kafka did not acknowledge the write within 5000 ms', options.outcome);
  };
  return {
    written,
    removed,
    async put(reviews) {
      check();
      written.push(...reviews);
    },
    async remove(id) {
      check();
      removed.push(id);
    },
  };
}
