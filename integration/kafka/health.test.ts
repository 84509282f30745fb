// Health on the real broker: one bootstrap address that does not answer makes the cluster degraded, not down.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkKafka } from '../../runtime/kafka/health.ts';
import { freePort } from '../../runtime/local/kafka/broker.ts';
import { createTopic, testKafka, uniqueName } from '../setup/kafka.ts';

const topic = uniqueName('health');
const admin = testKafka().admin();
beforeAll(async () => {
  await admin.connect();
  await createTopic(admin, topic, 3);
});
afterAll(() => admin.disconnect());

describe('checkKafka', () => {
  it('says ok for a broker whose topic has a leader on every partition', async () => {
    const health = await checkKafka(inject('kafkaBrokers'), 3000, [topic]);
    expect(health).toEqual({ connected: true, brokers: inject('kafkaBrokers') });
  });

  it('says degraded, still connected, when one bootstrap address does not answer', async () => {
    const nothingListens = `127.0.0.1:${await freePort()}`;
    const health = await checkKafka([...inject('kafkaBrokers'), nothingListens], 1500, [topic]);
    expect(health.connected).toBe(true);
    if (health.connected) expect(health.degraded).toMatch(new RegExp(`^${nothingListens} does not answer: `));
  });
});
