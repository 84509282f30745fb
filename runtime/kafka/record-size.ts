// How many bytes a write takes as one Kafka record batch (format v2, uncompressed), at most. kafkajs sends one
// batch per partition in one produce request, and the broker refuses a batch over the topic's max.message.bytes
// for that partition only, appending the others: so a write is checked whole, as if every record went to one
// partition, and refused before anything is sent.

/** The v2 batch header: base offset, length, epoch, magic, CRC, attributes, offsets, timestamps, producer, count. */
const BATCH_HEADER_BYTES = 61;
/** Per record at most: length, attributes, timestamp and offset deltas, key and value lengths (varints), header count. */
const RECORD_OVERHEAD_BYTES = 5 + 1 + 10 + 5 + 5 + 5 + 1;

export function recordBatchBytes(messages: { key: string; value: string | null }[]): number {
  let bytes = BATCH_HEADER_BYTES;
  for (const message of messages) {
    bytes += RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.key) + (message.value === null ? 0 : Buffer.byteLength(message.value));
  }
  return bytes;
}

/** The broker's default message.max.bytes, when the topic's own setting cannot be read. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
