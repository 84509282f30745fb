import { describe, expect, it } from 'vitest';
import { freePort } from '../local/kafka/broker.ts';
import { checkKafka } from './health.ts';

describe('checkKafka', () => {
  it('reports a cluster that does not answer as not connected, with the reason, within its timeout', async () => {
    const nothingListens = `127.0.0.1:${await freePort()}`;
    const health = await checkKafka([nothingListens], 1500);
    expect(health.connected).toBe(false);
    expect(health.brokers).toEqual([nothingListens]);
    if (!health.connected) expect(health.reason.length).toBeGreaterThan(0);
  });
});
