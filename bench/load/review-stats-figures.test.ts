// review-stats' figures per node and per edge, in the memory driver with the shipped model: what the canvas shows
// must add up. Every edge is the same at both ends, every input of every node is settled, internal traffic (the spam
// filter's own repartitions, broadcast deletes, retractions) is never counted as a node's input.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPipelineResource } from '../../runtime/cli/resources.ts';
import { MemoryDriver } from '../../shared/engine/memory-driver.ts';
import { identityProblems, pipelineTotals } from '../../shared/engine/node-figures.ts';
import { validatePipeline } from '../../shared/index.ts';
import { compilePipeline } from '../../shared/nodes/index.ts';
import { corpusTexts } from '../corpus-texts.ts';
import { defaultTraffic, generateTraffic, type LoadOperation, type TextSource } from './traffic.ts';

const pipeline = (() => {
  const validated = validatePipeline(JSON.parse(readFileSync(new URL('../../pipelines/review-stats.json', import.meta.url), 'utf8')));
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return validated.pipeline;
})();

const NOW = Date.UTC(2026, 5, 1);

function driver(): MemoryDriver {
  const compiled = compilePipeline(pipeline, {
    sourcePartitions: { reviews: 3 },
    internalPartitions: 4,
    env: { readResource: readPipelineResource },
  });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return new MemoryDriver(compiled.plan, { startTime: NOW });
}

function send(target: MemoryDriver, operations: LoadOperation[]): void {
  target.send(
    'reviews',
    operations.map((op) => (op.kind === 'put' ? { key: op.review.id, value: { ...op.review } } : { key: op.id, value: null })),
  );
}

let texts: TextSource;
beforeAll(async () => {
  texts = await corpusTexts();
});

const traffic = (count: number, seed: number) => [
  ...generateTraffic({ ...defaultTraffic(texts, new Date(NOW)), seed, count, courses: 40, users: 200 }),
];

describe("review-stats' figures", () => {
  it('count N new reviews once per edge and once per node, whatever crosses the repartition topics', () => {
    const seen = new Set<string>();
    const fresh = traffic(600, 3).filter((op) => op.kind === 'put' && !seen.has(op.review.id) && seen.add(op.review.id));
    const run = driver();
    send(run, fresh);
    const totals = pipelineTotals(run.metrics.snapshot(), pipeline);
    expect(identityProblems(totals)).toEqual([]);
    expect(totals.nodes.reviews?.out.out).toBe(fresh.length);
    const { valid = 0, spam = 0 } = totals.nodes.spamFilter?.out ?? {};
    expect(valid + spam).toBe(fresh.length);
    expect(spam).toBeGreaterThan(0);
    expect(totals.nodes.spamFilter?.in).toBe(fresh.length);
    expect(totals.nodes.spamFilter?.internal['stage-hop']).toBe(3 * fresh.length); // rules → velocity → duplicate → latest
    expect(totals.nodes.courseStats?.in).toBe(valid);
    expect(totals.nodes.validReviewsTable?.out.written).toBe(valid);
  });

  it('settles every input with edits, resends and deletes: retractions and broadcast copies stay apart from in', () => {
    const operations = traffic(1500, 5);
    expect(operations.some((op) => op.kind === 'delete')).toBe(true);
    const run = driver();
    send(run, operations);
    const totals = pipelineTotals(run.metrics.snapshot(), pipeline);
    expect(identityProblems(totals)).toEqual([]);
    expect(totals.nodes.reviews?.in).toBe(operations.length);
    const filter = totals.nodes.spamFilter?.accounting;
    expect(filter?.in).toBe(operations.length);
    // Deletes go out on both ports and an edit retracts the valid version before it: more out than passed on.
    const { valid = 0, spam = 0 } = totals.nodes.spamFilter?.out ?? {};
    expect(valid + spam).toBe((filter?.passedOn ?? 0) + (totals.nodes.spamFilter?.internal['extra-output'] ?? 0));
    const window = totals.nodes.courseStats;
    expect(window?.in).toBe(valid);
    expect(window?.internal['broadcast-copy']).toBeGreaterThan(0);
    expect(window?.accounting.dropped['tombstone-ignored']).toBeGreaterThan(0); // deletes of spam, announced on valid too
  });

  it('holds a future-dated review until its time, then counts what the window emits as timer output', () => {
    const run = driver();
    const review = { id: 'f1', courseId: 'c1', userId: 'ada', rating: 4, title: 'Soon', content: 'A review from a minute ahead' };
    run.send('reviews', [{ key: 'f1', value: { ...review, createdAt: new Date(NOW + 60_000).toISOString() } }]);
    let window = pipelineTotals(run.metrics.snapshot(), pipeline).nodes.courseStats;
    expect(window?.accounting.held).toEqual({ 'future-dated': 1 });
    expect(window?.out.out).toBe(0);
    run.advanceTime(120_000);
    window = pipelineTotals(run.metrics.snapshot(), pipeline).nodes.courseStats;
    expect(window?.internal['timer-output']).toBeGreaterThan(0);
    expect(window?.out.out).toBe(window?.internal['timer-output']);
    expect(identityProblems(pipelineTotals(run.metrics.snapshot(), pipeline))).toEqual([]);
  });
});
