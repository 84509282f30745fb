// How often this process's consumers ask the broker for records (one fetch request per broker), by what they are
// for: an idle runtime should ask rarely (poll-settings.ts), and /metrics lets anyone check that it does.
import type { Consumer } from 'kafkajs';

const fetches = new Map<string, number>();

export function countFetches(consumer: Consumer, purpose: string): void {
  fetches.set(purpose, fetches.get(purpose) ?? 0);
  consumer.on(consumer.events.FETCH_START, () => {
    fetches.set(purpose, (fetches.get(purpose) ?? 0) + 1);
  });
}

export function fetchCounts(): Record<string, number> {
  return Object.fromEntries(fetches);
}
