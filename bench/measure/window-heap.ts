// A micro-measure, not a test: heap per key and per review, and operations per
// second, for the review-stats shapes. Run with
//   node --expose-gc --import tsx bench/measure/window-heap.ts
import type { ResolvedWindowConfig } from '../../shared/nodes/window/window-config.ts';
import { WindowOperator } from '../../shared/nodes/window/window-operator.ts';
import { DAY, reviewStatsConfig, T0 } from '../../shared/nodes/window/window-test-fixtures.ts';

const REVIEWS = Number(process.argv[2] ?? 1_000_000);
const COURSES = 10_000;

function heap(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  // Typed arrays keep their contents outside V8's heap (the window packs keys into Float64Arrays): counted too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function measure(label: string, config: ResolvedWindowConfig, withIds: boolean, spanDays: number, courses = COURSES): void {
  const operator = new WindowOperator(config);
  const inputs = Array.from({ length: REVIEWS }, (_, i) => ({
    id: withIds ? `review-${i}` : undefined,
    key: `course-${i % courses}`,
    eventTime: T0 - spanDays * DAY + Math.floor((i / REVIEWS) * spanDays * DAY),
    rating: ((i * 7) % 10) / 2 + 0.5,
  }));
  const before = heap();
  const started = performance.now();
  for (const [index, input] of inputs.entries()) {
    const { id, key, eventTime, rating } = input;
    // The engine drains after every batch; an undrained dirty set would count as state.
    if (index % 1000 === 0) operator.drainChangelog();
    operator.apply(
      id === undefined ? { kind: 'upsert', key, eventTime, value: { rating } } : { kind: 'upsert', id, key, eventTime, value: { rating } },
      T0,
    );
  }
  const applySeconds = (performance.now() - started) / 1000;
  const after = heap();
  const stats = operator.stats();
  const readStarted = performance.now();
  for (let i = 0; i < 200_000; i += 1) operator.read(`course-${i % courses}`, T0 + i);
  const readsPerSecond = 200_000 / ((performance.now() - readStarted) / 1000);
  const expireStarted = performance.now();
  let expired = 0;
  for (let at = T0; at <= T0 + 91 * DAY; at += DAY) expired += operator.advance(at).length;
  const expireSeconds = (performance.now() - expireStarted) / 1000;
  const bytes = after - before;
  // Keeps the inputs alive until here, so collecting them does not count as negative state.
  if (inputs.length !== REVIEWS) throw new Error('inputs changed');
  console.log(
    JSON.stringify({
      label,
      reviews: REVIEWS,
      keys: stats.keys,
      heldRows: stats.heldRows,
      heapMB: +(bytes / 2 ** 20).toFixed(1),
      bytesPerKey: Math.round(bytes / stats.keys),
      bytesPerReview: Math.round(bytes / REVIEWS),
      appliesPerSecond: Math.round(REVIEWS / applySeconds),
      readsPerSecond: Math.round(readsPerSecond),
      advanceSeconds91Days: +expireSeconds.toFixed(2),
      keyChangesFromExpiry: expired,
      rowsAfterExpiry: operator.stats().rows,
      sampleInput: inputs[inputs.length - 1]?.key,
    }),
  );
}

const allTimeOnly: ResolvedWindowConfig = { ...reviewStatsConfig, windows: [{ name: 'allTime', type: 'all-time' }] };
measure('all-time only, append-only (no ids)', allTimeOnly, false, 80);
measure('all-time only, upsert by id', allTimeOnly, true, 80);
// One review per course: the per-key cost shows once the per-review cost above is subtracted.
measure('all-time only, upsert by id, one review per course', allTimeOnly, true, 80, REVIEWS);
measure('all-time + last90Days, upsert by id, every review inside the window', reviewStatsConfig, true, 80);
