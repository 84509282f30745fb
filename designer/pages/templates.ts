// Templates a new pipeline can start from; review-stats is the one the project exists for.
import reviewStats from '../../pipelines/review-stats.json';
import { openDocument } from '../store/designer-store.ts';
import { asDesignDocument, type DesignDocument, emptyDocument } from '../store/document.ts';

export function reviewStatsTemplate(): DesignDocument {
  return asDesignDocument(structuredClone(reviewStats)) ?? emptyDocument('review-stats', 'Review statistics');
}

export function openTemplate(): void {
  openDocument(reviewStatsTemplate());
}
