// One write in flight at a time; the writes that arrive meanwhile go out together in the next one
// (group commit).
//
// Why one at a time: kafkajs' idempotent producer numbers each partition's records, and when a
// produce request fails it hands that request's numbers back (src/producer/sendMessages.js). If the
// request had in fact been written before its broker died, and another write to the same partition
// takes those numbers before the failed one is sent again, the broker takes the other write for a
// duplicate of the first: it answers success and stores nothing (an acknowledged record lost), or it
// refuses it as out of order. With one write in flight, the only write that can take numbers handed
// back is the retry of the very request they came from, which the broker then recognises as a
// duplicate of itself. Writes that wait are sent together, so throughput does not suffer.

export interface Pending<M> {
  messages: M[];
  /** Set by the caller that gave up waiting: not sent when it has not been yet. */
  abandoned: boolean;
  /** Set by the sender once the messages are part of a write: from then on they may be stored. */
  taken?: boolean;
}

export class CoalescingSender<M> {
  private readonly queue: { pending: Pending<M>; done: () => void; fail: (error: unknown) => void }[] = [];
  private running = false;

  constructor(
    /** Writes one group of messages, in order; throws when the write failed (or may have). */
    private readonly write: (messages: M[]) => Promise<void>,
    /** How many bytes one write may hold; a single caller's messages always go out, together. */
    private readonly maxBytes: () => number,
    private readonly bytesOf: (messages: M[]) => number,
  ) {}

  /** Resolves once the messages are written; `pending.abandoned` may be set meanwhile to drop them if not sent yet. */
  send(pending: Pending<M>): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.queue.push({ pending, done, fail });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const group = this.nextGroup();
        if (group.length === 0) return;
        try {
          await this.write(group.flatMap((entry) => entry.pending.messages));
          for (const entry of group) entry.done();
        } catch (error) {
          for (const entry of group) entry.fail(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** The callers at the head of the queue whose messages fit one write together (at least one). */
  private nextGroup(): { pending: Pending<M>; done: () => void; fail: (error: unknown) => void }[] {
    const group: typeof this.queue = [];
    let bytes = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (!next) break;
      if (next.pending.abandoned) {
        this.queue.shift();
        next.fail(new Error('abandoned before it was sent'));
        continue;
      }
      const size = this.bytesOf(next.pending.messages);
      if (group.length > 0 && bytes + size > this.maxBytes()) break;
      next.pending.taken = true;
      group.push(next);
      this.queue.shift();
      bytes += size;
    }
    return group;
  }
}
