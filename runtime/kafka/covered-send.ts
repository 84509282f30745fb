// A send that checks kafkajs wrote every partition it was given.
//
// kafkajs 2.2.4 (src/producer/sendMessages.js) sends one request per partition leader and keeps the
// responses per broker across retries. When one broker's request fails (the broker died) and its
// partitions move to a broker that already answered in an earlier attempt, the retry skips that
// broker ("it has a response") and the send resolves successfully without ever writing those
// partitions: acknowledged records are lost. Reproduced on a local 3-broker cluster
// (integration/cluster/kafkajs-send-retry.test.ts). The opposite move (a partition that was written
// on a live broker moving to one that has no response yet) writes it twice.
//
// The workaround: every message is pinned to its partition on the first attempt (so that retries and
// the check agree on where it goes), the result is compared with the partitions sent, partitions left
// out are sent again (kafkajs never sent them, so their sequence numbers are still free, and a resend
// is not a duplicate), and a partition answered twice is reported as such.
//
// A second hazard of the same retry, patched in kafkajs (patches/kafkajs+2.2.4.patch): an attempt failed as soon as
// one broker's request failed, while another broker's was still in flight; the next attempt sent that broker's
// partitions again, the copy took the next sequence numbers once the first request was done, so the broker appended
// the records twice, and the copy's answer replaced the first one's, leaving nothing here to notice
// (send-retry-race.test.ts). Patched, an attempt fails only once all its requests settled, and a broker's answers
// accumulate, so should one broker ever write a partition twice in one send another way, it shows here as answered twice.
import { type ICustomPartitioner, type Message, Partitioners, type RecordMetadata, type TopicMessages } from 'kafkajs';

/** Kafka's default partitioner, writing its choice into the message so every retry sends it to the same partition. */
export const pinningPartitioner: ICustomPartitioner = () => {
  const choose = Partitioners.DefaultPartitioner();
  return (args) => {
    const partition = choose(args);
    args.message.partition = partition;
    return partition;
  };
};

/** A partition of the send was written twice (its leader moved from a broker that had answered). */
export class DuplicatedWriteError extends Error {
  readonly retriable = true;
}

/** kafkajs left partitions out again and again: the write did not happen for them. */
export class IncompleteWriteError extends Error {
  readonly retriable = true;
}

export interface Coverage {
  /** The messages of partitions no response covered: never written. */
  missing: TopicMessages[];
  /** `topic:partition` of partitions with more than one response. */
  duplicated: string[];
}

const keyOf = (topic: string, partition: number | undefined) => `${topic}:${partition}`;

/** Which of the messages sent (each pinned to a partition by now) the responses do not cover, and which partitions they cover twice. */
export function coverage(sent: TopicMessages[], responses: RecordMetadata[]): Coverage {
  const answers = new Map<string, number>();
  for (const response of responses)
    answers.set(keyOf(response.topicName, response.partition), (answers.get(keyOf(response.topicName, response.partition)) ?? 0) + 1);
  const missing: TopicMessages[] = [];
  for (const { topic, messages } of sent) {
    const left: Message[] = messages.filter((message) => message.partition === undefined || !answers.has(keyOf(topic, message.partition)));
    if (left.length > 0) missing.push({ topic, messages: left });
  }
  const duplicated = [...answers].filter(([, count]) => count > 1).map(([key]) => key);
  return { missing, duplicated };
}

export interface CoveredSendOptions {
  /** How often partitions left out are sent again before giving up. */
  resends?: number;
  /** Called when partitions were left out (so the workaround is visible in the logs). */
  onResend?: (missing: TopicMessages[], attempt: number) => void;
}

/**
 * Sends through `send` (a producer's or a transaction's sendBatch, whose producer uses pinningPartitioner)
 * until every partition is covered. Throws DuplicatedWriteError when a partition was written twice: in a
 * transaction, abort it; outside one, the records are stored (twice).
 */
export async function sendCovered(
  send: (topicMessages: TopicMessages[]) => Promise<RecordMetadata[]>,
  topicMessages: TopicMessages[],
  options: CoveredSendOptions = {},
): Promise<RecordMetadata[]> {
  const all: RecordMetadata[] = [];
  let pending = topicMessages.filter((entry) => entry.messages.length > 0);
  const resends = options.resends ?? 5;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > resends)
      throw new IncompleteWriteError(
        `kafkajs left ${pending.map((entry) => entry.messages.length).reduce((a, b) => a + b, 0)} records unwritten ${resends} times`,
      );
    if (attempt > 0) options.onResend?.(pending, attempt);
    const responses = await send(pending);
    all.push(...responses);
    const found = coverage(pending, responses);
    if (found.duplicated.length > 0) throw new DuplicatedWriteError(`kafkajs wrote partitions ${found.duplicated.join(', ')} twice`);
    pending = found.missing;
  }
  return all;
}
