import type { Review } from '../../shared/api/review.ts';

/** Writes reviews durably: a call resolves only once the cluster acknowledged the write. */
export interface ReviewIngest {
  put(reviews: Review[]): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The cluster could not take a write in time: the caller must not report success. */
export class IngestUnavailableError extends Error {}
