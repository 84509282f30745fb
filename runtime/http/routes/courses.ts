// The website's side: live per-course statistics.
import type { FastifyInstance } from 'fastify';
import type { CourseStatsReader } from '../../control/course-stats.ts';
import { ApiError } from '../errors.ts';

const MAX_IDS = 100;

function ensureReady(reader: CourseStatsReader): void {
  // Never silently wrong numbers while the local copy catches up.
  if (!reader.ready()) throw new ApiError(503, 'stats-restoring', 'Course statistics are being restored; try again in a moment.');
}

/** A replica that fell behind still answers, but says so: `stale: true` and how many records behind. */
function marked<T extends object>(reader: CourseStatsReader, body: T): T | (T & { stale: true; behindBy?: number }) {
  const freshness = reader.freshness?.();
  return freshness?.stale ? { ...body, stale: true, behindBy: freshness.behindBy } : body;
}

export function courseRoutes(app: FastifyInstance, reader: CourseStatsReader): void {
  app.get<{ Params: { courseId: string } }>('/api/courses/:courseId/stats', async (request) => {
    ensureReady(reader);
    const stats = reader.get(request.params.courseId);
    if (!stats) throw new ApiError(404, 'course-not-found', `No reviews were ever counted for course '${request.params.courseId}'.`);
    return marked(reader, stats);
  });

  app.get<{ Querystring: { ids?: string | string[] } }>('/api/courses/stats', async (request) => {
    // ?ids=a,b and ?ids=a&ids=b (which the query parser gives as an array) say the same.
    const given = request.query.ids;
    const ids = (Array.isArray(given) ? given : [given ?? '']).flatMap((list) => list.split(',')).filter(Boolean);
    if (ids.length === 0 || ids.length > MAX_IDS) {
      throw new ApiError(400, 'invalid-ids', `Give 1 to ${MAX_IDS} course ids as ?ids=a,b,c.`, [
        { path: '/ids', message: `must list 1 to ${MAX_IDS} ids` },
      ]);
    }
    ensureReady(reader);
    return marked(reader, { courses: ids.map((id) => reader.get(id) ?? { courseId: id, missing: true }) });
  });
}
