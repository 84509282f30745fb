// The soak's website: sends review operations to the API at a steady rate, one at a time per
// lane (a review's operations always go to the same lane, so they arrive in order), and sends an
// operation again until it gets a 202, as a well-behaved client does with the API's 503s. Every
// answer goes to the ledger.
import type { LoadOperation } from '../load/traffic.ts';
import type { Ledger, Outcome } from './ledger.ts';

export interface SendCounts {
  sent: number;
  stored: number;
  /** Answers other than 202, by status ('network' when no answer came). */
  refused: Record<string, number>;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function idOf(operation: LoadOperation): string {
  return operation.kind === 'put' ? operation.review.id : operation.id;
}

/** What an answer says about the write: 202 stored; a 503 says whether it may have been; no answer: unknown. */
async function outcomeOf(response: Response): Promise<Outcome> {
  if (response.status === 202) return 'stored';
  if (response.status !== 503) return 'not-stored';
  const body = (await response.json().catch(() => undefined)) as { error?: { details?: { stored?: string }[] } } | undefined;
  return body?.error?.details?.[0]?.stored === 'no' ? 'not-stored' : 'unknown';
}

export class SoakSender {
  readonly counts: SendCounts = { sent: 0, stored: 0, refused: {} };
  private stopped = false;

  constructor(
    private readonly url: () => string,
    private readonly ledger: Ledger,
    private readonly lanes = 4,
  ) {}

  /** Sends `operations` at `rate` per second over all lanes until they run out or stop() is called. */
  async run(operations: Iterable<LoadOperation>, rate: number): Promise<void> {
    const queues: LoadOperation[][] = Array.from({ length: this.lanes }, () => []);
    const iterator = operations[Symbol.iterator]();
    const began = performance.now();
    let released = 0;
    const feeder = (async () => {
      while (!this.stopped) {
        const due = Math.floor(((performance.now() - began) / 1000) * rate);
        for (; released < due; released++) {
          const next = iterator.next();
          if (next.done) return;
          queues[this.laneOf(idOf(next.value))]?.push(next.value);
        }
        await sleep(20);
      }
    })();
    let feederDone = false;
    const lanes = queues.map((queue) => this.drain(queue, () => feederDone));
    await feeder;
    feederDone = true;
    await Promise.all(lanes);
  }

  stop(): void {
    this.stopped = true;
  }

  private laneOf(id: string): number {
    let hash = 0;
    for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
    return hash % this.lanes;
  }

  private async drain(queue: LoadOperation[], feederDone: () => boolean): Promise<void> {
    while (!this.stopped || queue.length > 0) {
      const operation = queue.shift();
      if (!operation) {
        if (feederDone() || this.stopped) return;
        await sleep(10);
        continue;
      }
      await this.sendUntilStored(operation);
    }
  }

  private async sendUntilStored(operation: LoadOperation): Promise<void> {
    const id = idOf(operation);
    for (let attempt = 1; ; attempt++) {
      this.counts.sent++;
      const outcome = await this.sendOnce(operation);
      this.ledger.record(id, operation.kind, outcome);
      if (outcome === 'stored') {
        this.counts.stored++;
        return;
      }
      await sleep(Math.min(100 * attempt, 2000));
    }
  }

  private async sendOnce(operation: LoadOperation): Promise<Outcome> {
    const base = this.url();
    try {
      const response =
        operation.kind === 'put'
          ? await fetch(`${base}/api/reviews`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(operation.review),
              signal: AbortSignal.timeout(20_000),
            })
          : await fetch(`${base}/api/reviews/${encodeURIComponent(operation.id)}`, {
              method: 'DELETE',
              signal: AbortSignal.timeout(20_000),
            });
      const outcome = await outcomeOf(response);
      if (outcome !== 'stored') this.refused(String(response.status));
      return outcome;
    } catch (error) {
      // Refused before it was sent (the runtime is restarting) or cut off after: only the former is known.
      const refusedConnection = /ECONNREFUSED/.test(String((error as { cause?: unknown }).cause ?? error));
      this.refused(refusedConnection ? 'connection refused' : 'network');
      return refusedConnection ? 'not-stored' : 'unknown';
    }
  }

  private refused(status: string): void {
    this.counts.refused[status] = (this.counts.refused[status] ?? 0) + 1;
  }
}
