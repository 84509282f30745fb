// Trust, but check, read_committed. kafkajs drops records of aborted transactions using the
// fetch response's list of aborted transactions (node_modules/kafkajs/src/consumer/
// filterAbortedMessages.js), assuming it is ordered by each transaction's first offset and taking
// at most one entry per record. The broker orders it by where each transaction ended, and a fetch
// can start after several began: when transactions of several producers overlap and abort (what
// a crash leaves on repartition topics and changelogs), their records are delivered as if
// committed. Such records reached the outputs and restored state. patches/kafkajs+2.2.4.patch
// (applied by `npm ci` through patch-package) fixes that filter; this one checks it.
//
// This filter decides every transactional record by its own transaction's marker instead: the
// control record (COMMIT or ABORT) that its producer wrote next on the partition. A fetch in
// read_committed mode only holds records below the last stable offset, so every transaction in
// it is decided, but its marker may lie beyond what this fetch returned: from the first such
// record on, the caller fetches again (`resumeAt`).

/** What kafkajs decodes of each record of a fetch (`batch.rawMessages`, control records included). */
export interface FetchedRecord {
  offset: string;
  key: Buffer | null;
  isControlRecord?: boolean;
  batchContext?: { producerId: string; inTransaction: boolean };
}

export interface CommittedRecords<T> {
  /** Records of committed transactions and non-transactional records, in offset order; no control records. */
  records: T[];
  /** The offset to fetch again from: the first record whose transaction's marker is not in this fetch. */
  resumeAt?: number;
  /** How many records of aborted transactions were left out. */
  aborted: number;
}

// A control record's key is its version (int16) and type (int16): 0 is ABORT, 1 is COMMIT.
function isCommitMarker(record: FetchedRecord): boolean {
  return record.key !== null && record.key.length >= 4 && record.key.readInt16BE(2) === 1;
}

/** Per producer, its markers' offsets and kinds, in offset order. */
function markersByProducer(fetched: FetchedRecord[]): Map<string, { offset: number; commit: boolean }[]> {
  const markers = new Map<string, { offset: number; commit: boolean }[]>();
  for (const record of fetched) {
    if (!record.isControlRecord || !record.batchContext) continue;
    const list = markers.get(record.batchContext.producerId) ?? [];
    list.push({ offset: Number(record.offset), commit: isCommitMarker(record) });
    markers.set(record.batchContext.producerId, list);
  }
  return markers;
}

/** The records of a fetch at or after `fromOffset` that a read_committed reader may see. */
export function committedRecords<T extends FetchedRecord>(fetched: T[], fromOffset: number): CommittedRecords<T> {
  const markers = markersByProducer(fetched);
  const cursor = new Map<string, number>(); // per producer: index of its next marker not before the record
  const records: T[] = [];
  let aborted = 0;
  for (const record of fetched) {
    const offset = Number(record.offset);
    if (record.isControlRecord || offset < fromOffset) continue;
    const context = record.batchContext;
    if (!context?.inTransaction) {
      records.push(record);
      continue;
    }
    const list = markers.get(context.producerId) ?? [];
    let index = cursor.get(context.producerId) ?? 0;
    while (index < list.length && (list[index]?.offset ?? 0) < offset) index++;
    cursor.set(context.producerId, index);
    const marker = list[index];
    if (!marker) return { records, resumeAt: offset, aborted };
    if (marker.commit) records.push(record);
    else aborted++;
  }
  return { records, aborted };
}

/** The part of a kafkajs batch this module needs; `rawMessages` is there at run time, not in its types. */
interface FetchedBatch<T> {
  messages: T[];
  fetchedOffset?: string;
}

/**
 * The committed records of a kafkajs batch. When the first record's marker lies beyond the fetch
 * (a transaction larger than a fetch), nothing can be decided here: then kafkajs' own filtering is
 * all there is, and `fellBack` says so.
 */
export function committedRecordsOf<T>(batch: FetchedBatch<T>): CommittedRecords<T> & { fellBack: boolean } {
  const raw = (batch as { rawMessages?: (T & FetchedRecord)[] }).rawMessages;
  if (!raw) return { records: batch.messages, aborted: 0, fellBack: true };
  const from = Number(batch.fetchedOffset ?? 0);
  const result = committedRecords(raw, from);
  if (result.resumeAt !== undefined && result.records.length === 0 && result.resumeAt <= firstOffset(raw, from))
    return { records: batch.messages, aborted: 0, fellBack: true };
  return { ...result, fellBack: false };
}

function firstOffset(raw: FetchedRecord[], from: number): number {
  for (const record of raw) if (!record.isControlRecord && Number(record.offset) >= from) return Number(record.offset);
  return Number.POSITIVE_INFINITY;
}
