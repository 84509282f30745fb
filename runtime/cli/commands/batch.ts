import pg from 'pg';
import { batchStats } from '../../postgres/batch-stats.ts';
import { type Command, UsageError } from '../command.ts';
import { databaseUrl } from '../database-url.ts';

export function parseAsOf(args: string[]): Date {
  const index = args.indexOf('--as-of');
  if (index < 0) return new Date();
  const value = args[index + 1];
  const asOf = value ? new Date(value) : undefined;
  if (!asOf || Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of needs an ISO-8601 time, not '${value ?? ''}'`);
  return asOf;
}

export const batch: Command = {
  name: 'batch',
  summary: 'compute per-course stats from reviews_valid with the legacy batch SQL',
  usage: 'batch [--as-of <ISO time>] [--json]',
  async run(args) {
    const asOf = parseAsOf(args);
    const pool = new pg.Pool({ connectionString: databaseUrl() });
    try {
      const stats = await batchStats(pool, asOf);
      if (args.includes('--json')) console.log(JSON.stringify({ asOf: asOf.toISOString(), courses: stats }, null, 2));
      else {
        console.log(`as of ${asOf.toISOString()}: ${stats.length} courses`);
        console.log('courseId\tallTime.count\tallTime.avg\tlast90Days.count\tlast90Days.avg');
        for (const s of stats)
          console.log(
            `${s.courseId}\t${s.allTime.count}\t${s.allTime.averageRating ?? ''}\t${s.last90Days.count}\t${s.last90Days.averageRating ?? ''}`,
          );
      }
      return 0;
    } finally {
      await pool.end();
    }
  },
};
