// Live per-course statistics from the runtime (the review-stats pipeline's output), refreshed every second.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { navigate } from '../app/use-hash-route.ts';
import sampleReviews from '../preview/sample-reviews.json';

const REFRESH_EVERY_MS = 1000;
const DEFAULT_COURSES = [...new Set(sampleReviews.map((review) => review.courseId))].join(', ');

export function CourseStatsPage() {
  const [ids, setIds] = useState(DEFAULT_COURSES);
  const courseIds = ids
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const stats = useApi(courseIds.join(','), () => api.coursesStats(courseIds), REFRESH_EVERY_MS);
  return (
    <main className="page courses-page">
      <header className="page-header">
        <h1>Course statistics</h1>
        <label>
          Courses <input value={ids} onChange={(e) => setIds(e.target.value)} size={60} aria-label="Course ids" />
        </label>
        <button type="button" className="link" onClick={() => navigate('#/')}>
          Back to the designer
        </button>
      </header>
      {stats.state === 'loading' && <p className="muted">Loading…</p>}
      {stats.state === 'error' && <p className="muted">Statistics unavailable: {stats.message}</p>}
      {stats.state === 'ok' && (
        <table className="course-stats">
          <thead>
            <tr>
              <th>Course</th>
              <th>Reviews (all time)</th>
              <th>Average (all time)</th>
              <th>Reviews (90 days)</th>
              <th>Average (90 days)</th>
              <th>As of</th>
            </tr>
          </thead>
          <tbody>
            {stats.value.courses.map((c) =>
              'missing' in c ? (
                <tr key={c.courseId}>
                  <td>
                    <code>{c.courseId}</code>
                  </td>
                  <td colSpan={5} className="muted">
                    no reviews counted yet
                  </td>
                </tr>
              ) : (
                <tr key={c.courseId} data-testid={`course-${c.courseId}`}>
                  <td>
                    <code>{c.courseId}</code>
                  </td>
                  <td>{c.allTime.count}</td>
                  <td>{formatAverage(c.allTime.averageRating)}</td>
                  <td>{c.last90Days.count}</td>
                  <td>{formatAverage(c.last90Days.averageRating)}</td>
                  <td>{new Date(c.asOf).toLocaleTimeString()}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </main>
  );
}

function formatAverage(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}
