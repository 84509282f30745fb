// Sends operations in chunks at a target rate (or as fast as possible) and reports progress.
import type { LoadTarget } from './targets.ts';
import type { LoadOperation } from './traffic.ts';

export interface PaceOptions {
  /** Operations per second; undefined = as fast as the target takes them. */
  rate?: number;
  /** Stop after this long, even if operations remain. */
  durationMs?: number;
  chunkSize?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  sent: number;
  failed: number;
  elapsedMs: number;
  rate: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function pace(operations: Iterable<LoadOperation>, target: LoadTarget, options: PaceOptions = {}): Promise<LoadProgress> {
  const began = performance.now();
  const chunkSize = options.chunkSize ?? (options.rate ? Math.max(1, Math.min(500, Math.round(options.rate / 50))) : 500);
  let sent = 0;
  let failed = 0;
  let lastReport = 0;
  const progress = (): LoadProgress => {
    const elapsedMs = performance.now() - began;
    return { sent, failed, elapsedMs, rate: elapsedMs > 0 ? (sent * 1000) / elapsedMs : 0 };
  };
  let chunk: LoadOperation[] = [];
  const flush = async () => {
    failed += await target.send(chunk);
    sent += chunk.length;
    chunk = [];
    if (options.rate) {
      const due = (sent * 1000) / options.rate; // when, at the target rate, this many should have been sent
      const ahead = due - (performance.now() - began);
      if (ahead > 0) await sleep(ahead);
    }
    if (options.onProgress && performance.now() - lastReport > 500) {
      lastReport = performance.now();
      options.onProgress(progress());
    }
  };
  for (const operation of operations) {
    if (options.durationMs !== undefined && performance.now() - began >= options.durationMs) break;
    chunk.push(operation);
    if (chunk.length >= chunkSize) await flush();
  }
  if (chunk.length > 0) await flush();
  return progress();
}
