// The spam filter's promise to honest reviewers, on the real broker and PostgreSQL: the 2,000 real review sentences
// the project carries (Yelp and IMDb, positive and negative, long and short, all honest) posted as reviews through
// POST /api/reviews, each by its own reviewer at its own time, run through pipelines/review-stats.json as shipped;
// at most 1% of them may end up on the spam topic.
import type { Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asReviewText } from '../../bench/corpus-texts.ts';
import { readPipelineResource } from '../../runtime/cli/resources.ts';
import { staticEndpoints } from '../../runtime/control/endpoints.ts';
import { buildServer } from '../../runtime/http/server.ts';
import { emptyReader } from '../../runtime/http/testing/pipeline-endpoints.ts';
import { checkKafka } from '../../runtime/kafka/health.ts';
import { PipelineRunner } from '../../runtime/kafka/pipeline-runner.ts';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import { PostgresSinks } from '../../runtime/postgres/sink-executor.ts';
import { readProjectCorpora } from '../../runtime/spam/corpus-files.ts';
import { testKafka, uniqueName } from '../setup/kafka.ts';
import { freshDatabase, reviewStatsPipeline, until } from '../setup/review-stats.ts';

const kafka = testKafka();
const admin = kafka.admin();
let database: Awaited<ReturnType<typeof freshDatabase>>;
const consumers: Consumer[] = [];

beforeAll(async () => {
  await admin.connect();
  database = await freshDatabase(inject('databaseUrl'), `honest_reviews_${Date.now()}`);
});
afterAll(async () => {
  for (const consumer of consumers) await consumer.disconnect();
  await database?.db.end();
  await admin.disconnect();
});

/** Every record that reaches a topic, as parsed JSON (null for a tombstone). */
async function collect(topic: string): Promise<unknown[]> {
  const values: unknown[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('honest-check') });
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(message.value === null ? null : JSON.parse(message.value.toString()));
    },
  });
  return values;
}

const HOUR = 3_600_000;

describe('honest reviews through the API and review-stats', () => {
  it('sends at most 1% of 2,000 real honest review sentences to the spam topic', async () => {
    const suffix = uniqueName('honest');
    const pipeline = reviewStatsPipeline(suffix);
    const sinks = new PostgresSinks({ ...process.env, DATABASE_URL: database.url });
    const runner = new PipelineRunner(kafka, admin, pipeline, { executeSinks: sinks.execute, readResource: readPipelineResource });
    const writer = new KafkaRecordWriter(kafka, { topic: `reviews-${suffix}`, partitions: 3 });
    await writer.ensureTopic(admin);
    const endpoints = staticEndpoints([pipeline], { writer: () => writer, reader: () => emptyReader });
    const app = await buildServer({ control: { endpoints, kafkaHealth: () => checkKafka(inject('kafkaBrokers'), 1500) } });
    try {
      await runner.start();
      const spam = await collect(`reviews-spam-${suffix}`);
      const valid = await collect(`reviews-valid-${suffix}`);

      const sentences = await readProjectCorpora('reviewSentences');
      const now = Date.now();
      // Each by its own reviewer, an hour apart over the last three months: honest people writing over time.
      const reviews = sentences.map((sentence, i) => ({
        id: `honest-${i}`,
        courseId: `course-${i % 40}`,
        userId: `reviewer-${i}`,
        rating: 3,
        // What the sentence meant: a few hold Windows-1252 quotes and dashes mis-decoded as control characters, which the API refuses.
        content: asReviewText(sentence.text),
        createdAt: new Date(now - (sentences.length - i) * HOUR).toISOString(),
      }));
      for (let start = 0; start < reviews.length; start += 50) {
        const answers = await Promise.all(
          reviews.slice(start, start + 50).map((review) => app.inject({ method: 'POST', url: '/api/reviews', payload: review })),
        );
        expect(answers.map((answer) => answer.statusCode).filter((code) => code !== 202)).toEqual([]);
      }

      await until(() => spam.length + valid.length >= reviews.length, 300_000);
      expect(spam.length + valid.length).toBe(reviews.length);
      const flagged = spam.map((value) => {
        const review = value as { content: string; spamReasons: { detail: string }[] };
        return `${review.content} → ${review.spamReasons.map((reason) => reason.detail).join('; ')}`;
      });
      // Measured 1 of 2,000 with the model as shipped, which saw 80% of them in training (on sentences a model never
      // saw, 0.3%: docs/spam-filter.md); the promise is at most 1%. A failure lists each flagged sentence with its reasons.
      expect(flagged.length, flagged.join('\n')).toBeLessThanOrEqual(reviews.length / 100);
    } finally {
      await app.close();
      await writer.close();
      await runner.stop();
      await sinks.close();
    }
  }, 600_000);
});
