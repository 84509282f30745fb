/** One course's live figures, as the review-stats window emits them. */
export interface CourseStatsValue {
  courseId: string;
  allTime: { count: number; averageRating: number | null };
  last90Days: { count: number; averageRating: number | null };
  asOf: string;
}

export interface CourseStatsReader {
  /** False while the local copy is still catching up: reads would be stale. */
  ready(): boolean;
  get(courseId: string): CourseStatsValue | undefined;
  /** Stale, and by how many records, when the local copy fell behind the topic after it caught up. */
  freshness?(): { stale: boolean; behindBy?: number; reason?: string };
}
