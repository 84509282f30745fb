import type { ClusterHealth } from '../engine/cluster-health.ts';
import type { ReviewIngest } from './review-ingest.ts';

/** What the HTTP layer may ask of the runtime. Grows with the deploy and query APIs. */
export interface RuntimeControl {
  kafkaHealth(): Promise<ClusterHealth>;
  reviews: ReviewIngest;
}
