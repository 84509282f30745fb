// A micro-measure, not a test: heap per course of the window's state when its rows
// are in LMDB (as the Kafka driver keeps them), for the review-stats shapes. Run with
//   node --expose-gc --import tsx runtime/state/measure-key-memory.ts [courses]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreRowTable } from '../nodes/window/store-row-table.ts';
import type { ResolvedWindowConfig } from '../nodes/window/window-config.ts';
import { WindowOperator } from '../nodes/window/window-operator.ts';
import { DAY, reviewStatsConfig, T0 } from '../nodes/window/window-test-fixtures.ts';
import { StateDirectory } from './state-directory.ts';

const COURSES = Number(process.argv[2] ?? 200_000);

function heap(): number {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

async function measure(label: string, config: ResolvedWindowConfig, ageDays: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sluice-measure-'));
  const directory = new StateDirectory(root);
  const store = directory.openTask('measure').openStore('rows');
  const operator = new WindowOperator(config, new StoreRowTable(store, () => {}));
  const before = heap();
  for (let i = 0; i < COURSES; i++) {
    operator.apply({ kind: 'upsert', id: `review-${i}`, key: `course-${i}`, eventTime: T0 - ageDays * DAY, value: { rating: 4.5 } }, T0);
    if (i % 1000 === 0) {
      operator.drainChangelog();
      store.flush();
    }
  }
  operator.drainChangelog();
  store.flush();
  const bytes = heap() - before;
  // Reading the operator after the measure keeps it alive through it (otherwise it is collected early).
  const { keys, heldRows } = operator.stats();
  console.log(JSON.stringify({ label, keys, heldRows, heapMB: +(bytes / 2 ** 20).toFixed(1), bytesPerCourse: Math.round(bytes / keys) }));
  await directory.close();
  rmSync(root, { recursive: true, force: true });
}

const allTimeOnly: ResolvedWindowConfig = { ...reviewStatsConfig, windows: [{ name: 'allTime', type: 'all-time' }] };
await measure('all-time only, rows in LMDB', allTimeOnly, 200);
await measure('review-stats (all-time + last 90 days), reviews older than 90 days, rows in LMDB', reviewStatsConfig, 200);
await measure('review-stats, every review inside the 90 days, rows in LMDB', reviewStatsConfig, 10);
