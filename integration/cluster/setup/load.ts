// Posts reviews to a running Sluice at a steady rate from several clients, single writes and batches
// mixed, and records which ids were acknowledged (202) and every answer that was not a 202.
import type { Review } from '../../../shared/api/review.ts';

export interface LoadOptions {
  clients: number;
  /** Reviews per second over all clients. */
  ratePerSecond: number;
  /** Every n-th request is a batch of 10 reviews; the others carry one. */
  batchEvery: number;
}

export interface LoadResult {
  acknowledged: Set<string>;
  refused: { status: number; body: string; ids: string[] }[];
  ms: number;
  slowestMs: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function postUnderLoad(url: string, reviews: Review[], options: LoadOptions): Promise<LoadResult> {
  const acknowledged = new Set<string>();
  const refused: LoadResult['refused'] = [];
  const began = Date.now();
  let next = 0;
  let requests = 0;
  let slowestMs = 0;
  const client = async () => {
    while (next < reviews.length) {
      const size = ++requests % options.batchEvery === 0 ? 10 : 1;
      const chunk = reviews.slice(next, next + size);
      next += chunk.length;
      // Paced: the n-th review goes out n / rate seconds after the start.
      const due = began + (next / options.ratePerSecond) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      const sent = Date.now();
      const response = await fetch(`${url}/api/reviews${size === 1 ? '' : ':batch'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(size === 1 ? chunk[0] : { reviews: chunk }),
      }).catch((error: unknown) => ({ status: 0, text: async () => String(error) }));
      slowestMs = Math.max(slowestMs, Date.now() - sent);
      const ids = chunk.map((review) => review.id);
      if (response.status === 202) for (const id of ids) acknowledged.add(id);
      else refused.push({ status: response.status, body: await response.text(), ids });
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return { acknowledged, refused, ms: Date.now() - began, slowestMs };
}
