// `sluice verify`: holds the stream's course statistics against the batch oracle.
import type pg from 'pg';
import { batchStats, type CourseStats, type WindowFigures } from './batch-stats.ts';

export interface StatsDifference {
  courseId: string;
  where: string;
  stream: CourseStats | undefined;
  batch: CourseStats | undefined;
}

const TOLERANCE = 1e-9;

function sameFigures(a: WindowFigures, b: WindowFigures): boolean {
  if (a.count !== b.count) return false;
  if (a.averageRating === null || b.averageRating === null) return a.averageRating === b.averageRating;
  return Math.abs(a.averageRating - b.averageRating) <= TOLERANCE;
}

const empty: WindowFigures = { count: 0, averageRating: null };

/** A course the stream does not list has all-zero figures: the window deletes such keys. */
export function compareStats(where: string, stream: CourseStats[], batch: CourseStats[]): StatsDifference[] {
  const streamById = new Map(stream.map((s) => [s.courseId, s]));
  const batchById = new Map(batch.map((s) => [s.courseId, s]));
  const differences: StatsDifference[] = [];
  for (const courseId of new Set([...streamById.keys(), ...batchById.keys()])) {
    const s = streamById.get(courseId);
    const b = batchById.get(courseId);
    const same = sameFigures(s?.allTime ?? empty, b?.allTime ?? empty) && sameFigures(s?.last90Days ?? empty, b?.last90Days ?? empty);
    if (!same) differences.push({ courseId, where, stream: s, batch: b });
  }
  return differences.sort((x, y) => x.courseId.localeCompare(y.courseId));
}

interface StatsRow {
  courseId: string;
  allTime: WindowFigures;
  last90Days: WindowFigures;
}

/** The stream's figures as the course_stats table holds them. */
export async function tableStats(db: pg.Pool | pg.Client): Promise<CourseStats[]> {
  const { rows } = await db.query<StatsRow>('SELECT "courseId", "allTime", "last90Days" FROM course_stats');
  return rows.map((row) => ({ courseId: row.courseId, allTime: row.allTime, last90Days: row.last90Days }));
}

/** Parses a record of the course-stats topic (null for a tombstone). */
export function statsOfRecord(value: string | null): CourseStats | null {
  if (value === null) return null;
  const parsed = JSON.parse(value) as StatsRow;
  return { courseId: parsed.courseId, allTime: parsed.allTime, last90Days: parsed.last90Days };
}

export async function verifyTable(db: pg.Pool | pg.Client, asOf: Date): Promise<StatsDifference[]> {
  return compareStats('course_stats', await tableStats(db), await batchStats(db, asOf));
}
