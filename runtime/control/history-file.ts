// The history on disk: one JSON line per point in <dir>/<pipeline>.jsonl, read back when the runtime starts and
// rewritten (without the points older than 24 hours) once it holds twice as many lines as it needs.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryPoint } from '../../shared/api/pipeline-metrics.ts';
import { logger } from '../log/logger.ts';
import { MemoryHistory } from './metrics-history.ts';

const log = logger.child({ component: 'history' });
const SUFFIX = '.jsonl';

function readPoints(file: string): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const point = JSON.parse(line) as HistoryPoint;
      if (typeof point.at === 'number' && typeof point.nodes === 'object') points.push(point);
    } catch {
      // a line cut short by a crash: the others still count
    }
  }
  return points;
}

export class FileHistory extends MemoryHistory {
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly dir: string,
    clock: () => number = Date.now,
  ) {
    super(clock);
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir).filter((entry) => entry.endsWith(SUFFIX))) {
      const pipelineId = name.slice(0, -SUFFIX.length);
      const points = readPoints(join(dir, name));
      for (const point of points) super.append(pipelineId, point);
      this.lines.set(pipelineId, points.length);
    }
  }

  override append(pipelineId: string, point: HistoryPoint): void {
    super.append(pipelineId, point);
    const file = this.fileOf(pipelineId);
    try {
      const kept = this.series.get(pipelineId) ?? [];
      const lines = (this.lines.get(pipelineId) ?? 0) + 1;
      if (lines > 2 * Math.max(kept.length, 100)) {
        writeFileSync(file, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
        this.lines.set(pipelineId, kept.length);
      } else {
        appendFileSync(file, `${JSON.stringify(point)}\n`);
        this.lines.set(pipelineId, lines);
      }
    } catch (error) {
      log.warn({ file, err: String(error) }, 'a history point was not written to disk');
    }
  }

  override forget(pipelineId: string): void {
    super.forget(pipelineId);
    this.lines.delete(pipelineId);
    const file = this.fileOf(pipelineId);
    if (existsSync(file)) rmSync(file, { force: true });
  }

  private fileOf(pipelineId: string): string {
    return join(this.dir, `${pipelineId}${SUFFIX}`);
  }
}
