import { describe, expect, it } from 'vitest';
import { accountingProblems } from '../../engine/accounting.ts';
import { MemoryDriver } from '../../engine/memory-driver.ts';
import { validatePipeline } from '../../index.ts';
import { compilePipeline } from '../index.ts';
import { VERSION_HEADER } from '../source-kafka/implementation.ts';
import { type HarnessNode, harness, pipelineJson, planFor, sinkTo } from '../testing/harness.ts';
import { serializeModel, train } from './classifier.ts';
import { REASONS_HEADER } from './implementation.ts';

// The classifier off, and any link spam: these tests are about the node's stages, not a trained model's judgement.
const noClassifier = { classifier: { enabled: false }, links: { maxLinks: 0 } };
const spamNode = (rules: Record<string, unknown> = noClassifier): HarnessNode => ({
  id: 'spam',
  type: 'spam-filter',
  config: { textFields: ['title', 'content'], rules },
});
const source: HarnessNode = {
  id: 'reviews',
  type: 'source.kafka',
  config: { topic: 'reviews', keyField: 'id', eventTimeField: 'createdAt' },
};
const nodes = (rules?: Record<string, unknown>) => [
  source,
  spamNode(rules),
  sinkTo('valid', 'reviews-valid'),
  sinkTo('flagged', 'reviews-spam'),
];
const edges = ['reviews->spam', 'spam:valid->valid', 'spam:spam->flagged'];

let sequence = 0;
function review(fields: { userId?: string; content: string; id?: string; minutesAgo?: number }, now: number) {
  const id = fields.id ?? `r${sequence++}`;
  return {
    key: id,
    value: {
      id,
      userId: fields.userId ?? `u-${id}`,
      title: 'A course',
      content: fields.content,
      createdAt: new Date(now - (fields.minutesAgo ?? 0) * 60_000).toISOString(),
    },
  };
}
const reasonsOf = (records: { value: unknown }[]) =>
  records.map((record) => (record.value as { spamReasons: Record<string, unknown>[] }).spamReasons);
const reasonsIn = (records: { value: unknown }[]) =>
  records.map((record) => (record.value as { spamReasons: { rule: string }[] }).spamReasons.map((reason) => reason.rule));

describe('the spam-filter node', () => {
  it('passes a clean review unchanged and flags one with a link, with the reason', () => {
    const driver = harness(nodes(), edges, { defaultPartitions: 2 });
    const clean = review({ content: 'Clear explanations and good exercises throughout the course.' }, driver.now());
    driver.send('reviews', [clean, review({ content: 'Cheap essays at www.essays-now.com' }, driver.now())]);
    expect(driver.output('reviews-valid').map((record) => [record.value, record.headers])).toEqual([
      [clean.value, { [VERSION_HEADER]: expect.any(String) }],
    ]);
    expect(reasonsIn(driver.output('reviews-spam'))).toEqual([['links']]);
    expect(reasonsOf(driver.output('reviews-spam'))[0]).toEqual([
      { rule: 'links', detail: 'contains a link to www.essays-now.com (none are allowed)', links: ['www.essays-now.com'], maxLinks: 0 },
    ]);
    expect(driver.output('reviews-spam')[0]?.headers[REASONS_HEADER]).toBeUndefined();
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });

  it('flags the review that takes a user over the velocity limit, wherever their reviews were read', () => {
    const driver = harness(nodes({ ...noClassifier, velocity: { maxReviews: 3, within: '1h' } }), edges, { defaultPartitions: 4 });
    const reviews = [50, 40, 30, 20].map((minutesAgo, i) =>
      review({ userId: 'eager', content: `Honest opinion number ${i} about this course.`, minutesAgo }, driver.now()),
    );
    for (const one of reviews) driver.send('reviews', [one]); // in time order: they start on different partitions
    expect(driver.output('reviews-valid')).toHaveLength(3);
    expect(reasonsIn(driver.output('reviews-spam'))).toEqual([['velocity']]);
    driver.send('reviews', [
      review({ userId: 'eager', content: 'Coming back much later with one more opinion.', minutesAgo: -2 * 60 }, driver.now()),
    ]);
    expect(driver.output('reviews-valid')).toHaveLength(4);
  });

  it('flags the same text posted by another review, and lets the same review sent again change nothing', () => {
    const driver = harness(nodes(), edges, { defaultPartitions: 3 });
    const text = 'This course changed my life, the best purchase I ever made!!';
    const first = review({ id: 'first', content: text }, driver.now());
    // One send at a time: records of different input partitions have no order between them.
    driver.send('reviews', [first]);
    driver.send('reviews', [review({ id: 'copy', content: `  ${text.toLowerCase().replaceAll(' ', '  ')}` }, driver.now())]);
    driver.send('reviews', [first]);
    expect(driver.output('reviews-valid').map((record) => record.key)).toEqual(['first']);
    expect(reasonsIn(driver.output('reviews-spam'))).toEqual([['duplicateText']]);
    expect(driver.trace.filter((event) => event.kind === 'dropped').map((event) => event.kind === 'dropped' && event.reason)).toEqual([
      'identical-version',
    ]);
  });

  it('lets a short common text from different users through over time, and flags a burst of it and a repeat by one user', () => {
    const driver = harness(nodes(), edges, { defaultPartitions: 3 });
    const good = (id: string, userId: string, minutesAgo: number) => review({ id, userId, content: 'Good', minutesAgo }, driver.now());
    // A day apart each: different people who found the course good.
    for (let i = 0; i < 6; i++) driver.send('reviews', [good(`day${i}`, `fan${i}`, (6 - i) * 24 * 60)]);
    expect(driver.output('reviews-spam')).toEqual([]);
    // Five different accounts within ten minutes: the fifth makes it a burst. And one of them posting it again.
    for (let i = 0; i < 5; i++) driver.send('reviews', [good(`burst${i}`, `sock${i}`, 10 - i)]);
    driver.send('reviews', [good('again', 'sock0', 1)]);
    const details = driver
      .output('reviews-spam')
      .map((record) => (record.value as { spamReasons: { detail: string }[] }).spamReasons[0]?.detail);
    expect(details).toEqual([
      'the 5th review with this short text from a different user within 10 minutes (also burst0, burst1, burst2 and 1 more)',
      'same text as review burst0 by the same user 9 minutes ago',
    ]);
  });

  it('forgets a text `remember` after it was last posted: its state goes, and a later copy is judged afresh', () => {
    const driver = harness(nodes({ ...noClassifier, duplicateText: { remember: '1d' } }), edges, { defaultPartitions: 1 });
    const text = 'The instructor explains every step clearly and the exercises build on each other.';
    driver.send('reviews', [review({ id: 'original', userId: 'ada', content: text }, driver.now())]);
    const texts = () =>
      driver.tasks
        .flatMap((task) => task.storeStats())
        .filter((stats) => stats.store === 'spam.texts')
        .reduce((sum, stats) => sum + stats.keys, 0);
    expect(texts()).toBe(1);
    driver.advanceTime(25 * 3_600_000);
    expect(texts()).toBe(0);
    driver.send('reviews', [review({ id: 'much-later', userId: 'bob', content: text }, driver.now())]);
    expect(driver.output('reviews-spam')).toEqual([]);
  });

  it('asks the classifier, with the model read through the environment, and says why', () => {
    const model = train([
      { text: 'win free money now click', spam: true },
      { text: 'great course clear teacher', spam: false },
    ]);
    const rules = { classifier: { enabled: true, model: 'models/tiny.json', threshold: 0 } };
    const plan = planFor(pipelineJson(nodes(rules), edges), { defaultPartitions: 1, env: { readResource: () => serializeModel(model) } });
    const driver = new MemoryDriver(plan);
    driver.send('reviews', [review({ content: 'Click now, win free money.' }, driver.now())]);
    expect(reasonsIn(driver.output('reviews-spam'))).toEqual([['classifier']]);
    const [reason] = reasonsOf(driver.output('reviews-spam'))[0] ?? [];
    expect(reason?.detail).toMatch(/^spam score 0\.\d\d, the threshold is 0\.00; pushed up most by (click|win|free|money) \+/);
    expect(reason?.pushedBy).toHaveLength(3);
  });

  it('reports a config issue when the classifier has no model file to read', () => {
    const validation = validatePipeline(pipelineJson(nodes({}), edges));
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
    const result = compilePipeline(validation.pipeline);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['/nodes/1/config/rules/classifier/model']);
  });

  it('needs no repartition topic when its stateful rules are off', () => {
    const plan = planFor(pipelineJson(nodes({ ...noClassifier, velocity: { enabled: false }, duplicateText: { enabled: false } }), edges));
    expect(plan.topics.filter((topic) => topic.role === 'repartition')).toEqual([]);
    const full = planFor(pipelineJson(nodes(), edges));
    expect(full.topics.filter((topic) => topic.role === 'repartition').map((topic) => topic.name)).toEqual([
      'sluice.test.spam.velocity.repartition',
      'sluice.test.spam.duplicate.repartition',
      'sluice.test.spam.latest.repartition',
    ]);
  });

  it('retracts the valid version of a review when an edit makes it spam, and a valid edit replaces it', () => {
    const driver = harness(nodes(), edges, { defaultPartitions: 3 });
    const original = review({ id: 'r', content: 'Clear explanations and good exercises.' }, driver.now());
    driver.send('reviews', [original]);
    driver.send('reviews', [{ ...original, value: { ...original.value, content: 'Buy now at http://spam.example' } }]);
    driver.send('reviews', [{ ...original, value: { ...original.value, content: 'Clear, and the exercises are good.' } }]);
    expect(
      driver.output('reviews-valid').map((record) => [record.key, (record.value as { content?: string } | null)?.content ?? null]),
    ).toEqual([
      ['r', 'Clear explanations and good exercises.'],
      ['r', null],
      ['r', 'Clear, and the exercises are good.'],
    ]);
    expect(reasonsIn(driver.output('reviews-spam').filter((record) => record.value !== null))).toEqual([['links']]);
    // The valid edit retracts the spam version, so the spam topic read as a table no longer holds it.
    expect(driver.output('reviews-spam').map((record) => [record.key, record.value === null])).toEqual([
      ['r', false],
      ['r', true],
    ]);
  });

  it('tells both sides of a deleted review, since it may have been either', () => {
    const driver = harness(nodes(), edges, { defaultPartitions: 2 });
    driver.send('reviews', [{ key: 'gone', value: null }]);
    expect(driver.output('reviews-valid').map((record) => [record.key, record.value])).toEqual([['gone', null]]);
    expect(driver.output('reviews-spam').map((record) => [record.key, record.value])).toEqual([['gone', null]]);
    expect(accountingProblems(driver.metrics.snapshot())).toEqual([]);
  });

  it('carries no reasons between its stages for a clean review, and reads those an older version wrote', () => {
    const driver = harness(nodes({ ...noClassifier, velocity: { maxReviews: 1, within: '1h' } }), edges, { defaultPartitions: 2 });
    const clean = review({ userId: 'one', content: 'Clear explanations and good exercises throughout the course.' }, driver.now());
    driver.send('reviews', [clean]);
    const internal = driver.plan.topics
      .filter((topic) => topic.name.endsWith('.repartition'))
      .flatMap((topic) => driver.topics.all(topic.name));
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((record) => record.headers[REASONS_HEADER] === undefined)).toBe(true);
    // In flight during an upgrade: records with the empty list an older version wrote, and with its reasons.
    const velocity = driver.plan.topics.find((topic) => topic.name.endsWith('velocity.repartition'))?.name ?? '';
    const older = (id: string, reasons: string) => {
      const value = review({ id, userId: 'older', content: `An honest text number ${id} about it.` }, driver.now()).value;
      return { key: 'older', value, headers: { [REASONS_HEADER]: reasons, 'sluice.key': id, [VERSION_HEADER]: '0' } };
    };
    const linkReason = [{ rule: 'links', detail: 'contains a link', links: ['x.com'], maxLinks: 0 }];
    driver.send(velocity, [older('o1', '[]'), older('o2', JSON.stringify(linkReason))]);
    expect(driver.output('reviews-valid').map((record) => record.key)).toEqual([clean.key, 'o1']);
    expect(reasonsIn(driver.output('reviews-spam'))).toEqual([['links', 'velocity']]);
  });

  it('does not believe a reasons header that came with the input', () => {
    const driver = harness(nodes(), edges, { defaultPartitions: 2 });
    const clean = review({ content: 'Clear explanations and good exercises throughout the course.' }, driver.now());
    const spoofed = [{ rule: 'links', detail: 'made up', links: [], maxLinks: 0 }];
    driver.send('reviews', [{ ...clean, headers: { [REASONS_HEADER]: JSON.stringify(spoofed) } }]);
    driver.send('reviews', [{ key: 'gone', value: null, headers: { [REASONS_HEADER]: 'not json' } }]);
    expect(driver.output('reviews-valid').map((record) => record.key)).toEqual([clean.key, 'gone']);
    expect(driver.output('reviews-spam').map((record) => record.key)).toEqual(['gone']);
    expect(driver.deadLetters()).toEqual([]);
  });
});
