// Kafka answers some requests with errors that go away on their own: a partition
// whose leader is still being elected right after its topic was created, a group
// coordinator still loading. kafkajs marks them retriable but does not retry
// every request kind itself.

/** Runs `request` again while it fails with a retriable error, backing off a little more each time. */
export async function retryWhileRetriable<T>(request: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || attempt >= attempts) throw error;
      await new Promise((done) => setTimeout(done, Math.min(50 * attempt, 1000)));
    }
  }
}
