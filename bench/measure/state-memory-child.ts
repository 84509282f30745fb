// Heap (with typed arrays' memory) per course and per review held by review-stats' window, with its rows in
// LMDB as the Kafka driver keeps them: run by state-memory.ts as
//   node --expose-gc --import tsx bench/measure/state-memory-child.ts <courses> <reviews held>
// and prints one JSON line.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateDirectory } from '../../runtime/state/state-directory.ts';
import { parseDuration } from '../../shared/index.ts';
import { StoreRowTable } from '../../shared/nodes/window/store-row-table.ts';
import { type ResolvedWindowConfig, resolveWindowConfig } from '../../shared/nodes/window/window-config.ts';
import { WindowOperator } from '../../shared/nodes/window/window-operator.ts';
import { reviewStatsForRun } from './bench-pipeline.ts';

const DAY = 86_400_000;
const [courses = 100_000, held = 200_000] = process.argv.slice(2).map(Number);

function heap(): number {
  if (!globalThis.gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) globalThis.gc();
  // Typed arrays keep their contents outside V8's heap (the window packs keys into Float64Arrays): counted too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function windowConfig(): ResolvedWindowConfig {
  const node = reviewStatsForRun('memory').pipeline.nodes.find((candidate) => candidate.id === 'courseStats');
  const resolved = resolveWindowConfig(node?.config as Parameters<typeof resolveWindowConfig>[0], parseDuration);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.config;
}

function folderBytes(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return bytes;
}

/** `reviews` reviews over `keys` courses, all `ageDays` old: heap added, LMDB bytes, and the operator's counts. */
async function measure(keys: number, reviews: number, ageDays: number) {
  const root = mkdtempSync(join(tmpdir(), 'sluice-bench-memory-'));
  const directory = new StateDirectory(root);
  const store = directory.openTask('memory').openStore('rows');
  const operator = new WindowOperator(windowConfig(), new StoreRowTable(store, () => {}));
  const now = Date.now();
  const before = heap();
  for (let i = 0; i < reviews; i++) {
    const eventTime = now - ageDays * DAY + (i % 3600) * 1000;
    operator.apply(
      { kind: 'upsert', id: `review-${i}`, key: `course-${i % keys}`, eventTime, value: { rating: ((i * 7) % 10) / 2 + 0.5 } },
      now,
    );
    if (i % 1000 === 999) {
      operator.drainChangelog(); // as the engine does after every batch
      store.flush();
    }
  }
  operator.drainChangelog();
  store.flush();
  const heapBytes = heap() - before;
  const { keys: counted, heldRows } = operator.stats(); // read after the measure: keeps the operator alive through it
  const diskBytes = folderBytes(root);
  await directory.close();
  rmSync(root, { recursive: true, force: true });
  return { heapBytes, keys: counted, heldRows, diskBytes };
}

// One review per course, older than 90 days: only the all-time figures stay on the heap.
const allTime = await measure(courses, courses, 200);
const perCourse = allTime.heapBytes / allTime.keys;
// Many reviews per course inside the last 90 days: the sliding window holds each on the heap.
const inside = await measure(1000, held, 10);
console.log(
  JSON.stringify({
    courses: allTime.keys,
    heapBytesPerCourse: perCourse,
    reviewsHeld: inside.heldRows,
    heapBytesPerReviewHeld: (inside.heapBytes - inside.keys * perCourse) / Math.max(1, inside.heldRows),
    diskBytesPerReview: inside.diskBytes / held,
  }),
);
process.exit(0);
