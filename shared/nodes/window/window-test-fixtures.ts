// Configs and helpers the window tests share: the review-stats node as the
// default pipeline declares it, and a builder for review records.
import type { ResolvedWindowConfig } from './window-config.ts';
import type { WindowInput } from './window-input.ts';

export const SECOND = 1000;
export const DAY = 86_400_000;
export const T0 = Date.parse('2026-06-01T00:00:00Z');

export const reviewStatsConfig: ResolvedWindowConfig = {
  keyField: 'courseId',
  windows: [
    { name: 'allTime', type: 'all-time' },
    { name: 'last90Days', type: 'sliding', size: 90 * DAY },
  ],
  aggregates: [
    { name: 'count', fn: 'count' },
    { name: 'averageRating', fn: 'avg', field: 'rating' },
  ],
  allowedLateness: 0,
};

export function review(id: string, courseId: string, rating: number, eventTime: number, extra: Record<string, unknown> = {}): WindowInput {
  return { kind: 'upsert', id, key: courseId, eventTime, value: { id, courseId, rating, ...extra } };
}

export function remove(id: string): WindowInput {
  return { kind: 'delete', id };
}
