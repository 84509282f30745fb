// Where generated traffic goes: the runtime's HTTP API, or Kafka directly.

import { createKafka } from '../../runtime/kafka/client.ts';
import { KafkaRecordWriter } from '../../runtime/kafka/record-writer.ts';
import type { Review } from '../../shared/api/review.ts';
import { asWrites, type LoadOperation } from './traffic.ts';

export interface LoadTarget {
  /** Sends a chunk in order; resolves to the number of operations that failed. */
  send(operations: LoadOperation[]): Promise<number>;
  close(): Promise<void>;
}

/** Writes to `topic` (the API's `reviews` by default) as the API would: keyed by review id, deletes as tombstones. */
export function kafkaTarget(brokers: string[], options: { timeoutMs?: number; topic?: string } = {}): LoadTarget {
  const writer = new KafkaRecordWriter(createKafka(brokers), { topic: options.topic ?? 'reviews', timeoutMs: options.timeoutMs ?? 30_000 });
  return {
    async send(operations) {
      try {
        await writer.apply(asWrites(operations));
        return 0;
      } catch {
        return operations.length;
      }
    },
    close: () => writer.close(),
  };
}

/** Posts reviews in batches of up to 1,000 and deletes one by one, keeping the order of each review's versions. */
export function httpTarget(baseUrl: string, token?: string): LoadTarget {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  // A DELETE has no body, so no content-type either: the API answers 400 to an empty JSON body.
  const headers: Record<string, string> = { 'content-type': 'application/json', ...auth };
  const postBatch = async (reviews: Review[]): Promise<number> => {
    if (reviews.length === 0) return 0;
    try {
      const response = await fetch(`${baseUrl}/api/reviews:batch`, { method: 'POST', headers, body: JSON.stringify({ reviews }) });
      if (response.status >= 500) return reviews.length;
      const body = (await response.json()) as { rejected?: number };
      return body.rejected ?? (response.ok ? 0 : reviews.length);
    } catch {
      return reviews.length;
    }
  };
  const remove = async (id: string): Promise<number> => {
    try {
      const response = await fetch(`${baseUrl}/api/reviews/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth });
      return response.ok ? 0 : 1;
    } catch {
      return 1;
    }
  };
  return {
    async send(operations) {
      let failed = 0;
      let pending: Review[] = [];
      for (const op of operations) {
        if (op.kind === 'put') pending.push(op.review);
        else {
          failed += await postBatch(pending);
          pending = [];
          failed += await remove(op.id);
        }
      }
      return failed + (await postBatch(pending));
    },
    close: async () => {},
  };
}
