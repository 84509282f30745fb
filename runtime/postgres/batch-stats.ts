// The legacy nightly job, kept as the oracle: one SQL query over the history of
// valid reviews gives each course's four figures as of a moment. The stream
// must always agree with it (`sluice verify`).
import type pg from 'pg';

export interface WindowFigures {
  count: number;
  averageRating: number | null;
}

export interface CourseStats {
  courseId: string;
  allTime: WindowFigures;
  last90Days: WindowFigures;
}

export const BATCH_STATS_SQL = `
  WITH reviews AS (
    SELECT "courseId" AS course_id, rating, "createdAt"::timestamptz AS created_at
    FROM reviews_valid
    WHERE "createdAt"::timestamptz <= $1
  )
  SELECT course_id,
         count(*)                                                     AS all_time_count,
         avg(rating)                                                  AS all_time_average,
         count(*)    FILTER (WHERE created_at > $1 - interval '90 days') AS last_90_count,
         avg(rating) FILTER (WHERE created_at > $1 - interval '90 days') AS last_90_average
  FROM reviews
  GROUP BY course_id
  ORDER BY course_id`;

interface BatchRow {
  course_id: string;
  all_time_count: string;
  all_time_average: number | null;
  last_90_count: string;
  last_90_average: number | null;
}

/** Per-course statistics as the nightly batch would have computed them at `asOf`. */
export async function batchStats(db: pg.Pool | pg.Client, asOf: Date): Promise<CourseStats[]> {
  const { rows } = await db.query<BatchRow>(BATCH_STATS_SQL, [asOf.toISOString()]);
  return rows.map((row) => ({
    courseId: row.course_id,
    allTime: { count: Number(row.all_time_count), averageRating: row.all_time_average === null ? null : Number(row.all_time_average) },
    last90Days: { count: Number(row.last_90_count), averageRating: row.last_90_average === null ? null : Number(row.last_90_average) },
  }));
}
