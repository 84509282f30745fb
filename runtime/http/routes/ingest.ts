// An ingest endpoint's three requests: one record, a batch, a delete. A 2xx means the write is durable in Kafka;
// every message names the endpoint's own records ("The rating has invalid fields" for a rating endpoint).
import type { FastifyReply } from 'fastify';
import { describeKey, type FieldIssue, keyOf } from '../../../shared/records/parse-record.ts';
import type { ServedIngest } from '../../control/endpoints.ts';
import { IngestUnavailableError, type KeyedRecord, WriteTooLargeError } from '../../control/record-writer.ts';
import { ApiError } from '../errors.ts';

export const MAX_BATCH = 1000;
/** A batch's body: with every record checked, the records fit one write under the broker's default max.message.bytes. */
export const BATCH_BODY_LIMIT = 1024 * 1024;
/** One record's body. */
export const RECORD_BODY_LIMIT = 64 * 1024;

type WriteKind = 'one' | 'batch' | 'delete';

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function ambiguity(kind: WriteKind, { noun, keyField }: ServedIngest['spec']): string {
  const replaces = `(${article(noun.one)} ${noun.one} sent again under its ${keyField} replaces itself, and the pipeline counts each ${keyField} once)`;
  if (kind === 'one') return `It may have been stored: sending it again with the same ${keyField} is safe ${replaces}.`;
  if (kind === 'batch') return `Some or all of its ${noun.many} may have been stored: sending the same batch again is safe ${replaces}.`;
  return `It may have been stored: sending it again is safe (deleting ${article(keyField)} ${keyField} twice deletes it once).`;
}

/** Maps the writer's failures: 413 before anything was sent, 503 saying whether the write may be in Kafka anyway. */
async function durably(endpoint: ServedIngest, kind: WriteKind, write: () => Promise<void>): Promise<void> {
  const { noun, keyField } = endpoint.spec;
  try {
    await write();
  } catch (error) {
    if (error instanceof WriteTooLargeError)
      throw new ApiError(
        413,
        'batch-too-large',
        `The batch comes to ${error.bytes.toLocaleString('en-US')} bytes as Kafka records; one write to '${error.topic}' takes at most ` +
          `${error.limit.toLocaleString('en-US')}: send fewer ${noun.many} per batch. Nothing was written.`,
        [{ path: `/${noun.many}`, bytes: error.bytes, limit: error.limit }],
      );
    if (!(error instanceof IngestUnavailableError)) throw error;
    const unknown = error.outcome === 'unknown';
    const message = `${error.message}. ${unknown ? ambiguity(kind, endpoint.spec) : 'Nothing was stored; send it again in a moment.'}`;
    throw new ApiError(
      503,
      'kafka-unavailable',
      message,
      [{ stored: unknown ? 'unknown' : 'no', retry: `safe with the same ${keyField}` }],
      {
        'retry-after': '1',
      },
    );
  }
}

const keyed = (endpoint: ServedIngest, record: Record<string, unknown>): KeyedRecord => ({
  key: keyOf(record, endpoint.spec.keyField),
  value: record,
});

export async function postOne(endpoint: ServedIngest, body: unknown, now: number, reply: FastifyReply): Promise<unknown> {
  const { noun, keyField } = endpoint.spec;
  const parsed = endpoint.parse(body, now);
  if (!parsed.ok) throw new ApiError(400, `invalid-${kebab(noun.one)}`, `The ${noun.one} has invalid fields.`, parsed.issues);
  await durably(endpoint, 'one', () => endpoint.writer.put([keyed(endpoint, parsed.record)]));
  return reply.status(202).send({ [keyField]: parsed.record[keyField] });
}

export async function deleteOne(endpoint: ServedIngest, key: string, reply: FastifyReply): Promise<unknown> {
  const { noun, keyField, schema } = endpoint.spec;
  const checked = endpoint.parseKey(key);
  if (!checked.ok)
    throw new ApiError(
      400,
      `invalid-${kebab(noun.one)}-${kebab(keyField)}`,
      `No ${noun.one} can have this ${keyField}: ${article(keyField)} ${keyField} ${describeKey(schema.properties[keyField])}.`,
      checked.issues,
    );
  await durably(endpoint, 'delete', () => endpoint.writer.remove(key));
  return reply.status(202).send({ [keyField]: key, deleted: true });
}

type ItemResult = { index: number; id?: string; status: 202 } | { index: number; id?: string; status: 400; errors: FieldIssue[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The records of `{"<many>": [...]}` or of a bare array, with the JSON pointer of the list. */
function batchItems(body: unknown, many: string): { items: unknown[]; pointer: string } {
  if (Array.isArray(body)) return { items: body, pointer: '' };
  const invalid = (path: string, message: string) =>
    new ApiError(400, 'invalid-batch', `Send {"${many}": [...]} or a JSON array of ${many}.`, [{ path, message }]);
  if (!isObject(body)) throw invalid('', `must be a JSON object {"${many}": [...]} or an array`);
  const unknownKey = Object.keys(body).find((key) => key !== many);
  if (unknownKey !== undefined) throw invalid(`/${unknownKey}`, `is not a field of a batch (only "${many}")`);
  if (!Array.isArray(body[many])) throw invalid(`/${many}`, `must be an array of ${many}`);
  return { items: body[many], pointer: `/${many}` };
}

/** Every item is checked before anything is written; the valid ones go in one write, all of them or none. */
export async function postBatch(endpoint: ServedIngest, body: unknown, now: number, reply: FastifyReply): Promise<unknown> {
  const { noun, keyField } = endpoint.spec;
  const { items, pointer } = batchItems(body, noun.many);
  if (items.length === 0 || items.length > MAX_BATCH)
    throw new ApiError(400, 'invalid-batch', `A batch holds 1 to ${MAX_BATCH} ${noun.many}; this one has ${items.length}.`, [
      { path: pointer || '/', message: `must hold 1 to ${MAX_BATCH} items` },
    ]);
  const results: ItemResult[] = [];
  const valid: KeyedRecord[] = [];
  items.forEach((item, index) => {
    const parsed = endpoint.parse(item, now);
    const key = isObject(item) && typeof item[keyField] === 'string' ? item[keyField] : undefined;
    if (parsed.ok) {
      valid.push(keyed(endpoint, parsed.record));
      results.push({ index, id: key, status: 202 });
    } else results.push({ index, id: key, status: 400, errors: parsed.issues });
  });
  if (valid.length === 0) {
    const details = results.flatMap((result) =>
      result.status === 400
        ? result.errors.map((issue) => ({ path: `${pointer}/${result.index}${issue.path}`, message: issue.message }))
        : [],
    );
    throw new ApiError(400, 'invalid-batch', `None of the ${items.length} ${noun.many} is valid; nothing was written.`, details);
  }
  await durably(endpoint, 'batch', () => endpoint.writer.put(valid));
  return reply
    .status(valid.length === items.length ? 202 : 207)
    .send({ accepted: valid.length, rejected: items.length - valid.length, results });
}
