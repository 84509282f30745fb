// source.http: reads the topic its endpoint writes (the runtime's HTTP layer checks and writes each record; other
// producers may write the topic too). Every record is checked against the schema again on the way in, so what leaves
// the node is what the schema says whoever wrote it; one that does not match goes to the dead-letter topic with the
// fields at fault. With idempotencyField, a stage remembers the values seen per key and drops a write sent again.
import { parseDuration } from '../../duration.ts';
import type { DecodeResult, NodeFactory, StageSpec } from '../../engine/node-implementation.ts';
import type { OperatorContext } from '../../engine/operator.ts';
import { issuesOf } from '../../records/parse-record.ts';
import { objectValidator } from '../../records/record-validator.ts';
import { decodeSourceRecord } from '../source-kafka/implementation.ts';
import { ingestTopicOf, type SourceHttpConfig } from './declaration.ts';

const SEEN = 'seen';

/** Expiry entries sort by time: `t:<16 digits>:<value key>`. */
const expiryKey = (at: number, valueKey: string) => `t:${String(at).padStart(16, '0')}:${valueKey}`;

function dedupeStage(field: string, windowMs: number): StageSpec {
  const sweep = (ctx: OperatorContext) => {
    const seen = ctx.stores.get(SEEN);
    const due = [...seen.range('t:', expiryKey(ctx.now(), '\uffff'))];
    for (const [key] of due) {
      seen.delete(key);
      seen.delete(key.slice(19));
    }
  };
  return {
    name: 'dedupe',
    stores: [{ name: SEEN, doc: `the idempotency values of each key's writes, for ${windowMs} ms` }],
    create: () => ({
      process(record, ctx) {
        const value = record.value?.[field];
        if (record.value === null || value === undefined || value === null) {
          ctx.emit('out', record);
          return;
        }
        const seen = ctx.stores.get(SEEN);
        const valueKey = `v:${record.key ?? ''}\u0000${typeof value === 'string' ? value : JSON.stringify(value)}`;
        if (seen.get(valueKey) !== undefined) {
          ctx.drop('duplicate');
          return;
        }
        const expires = ctx.now() + windowMs;
        seen.put(valueKey, expires);
        seen.put(expiryKey(expires, valueKey), 1);
        ctx.schedule(expires);
        ctx.emit('out', record);
      },
      onTimer: (_firedAt, ctx) => sweep(ctx),
    }),
  };
}

export const sourceHttpImplementation: NodeFactory<SourceHttpConfig> = {
  create({ id, config }, env) {
    const validator = objectValidator(config.schema);
    const decoded = {
      topic: '',
      format: 'json' as const,
      keyField: config.keyField,
      eventTimeField: config.eventTimeField,
      startFrom: 'earliest' as const,
    };
    const decode = (raw: Parameters<typeof decodeSourceRecord>[0]): DecodeResult => {
      const result = decodeSourceRecord(raw, decoded);
      if (!result.ok || result.record.value === null) return result;
      const checked = validator.safeParse(result.record.value);
      if (checked.success) return result;
      const fields = issuesOf(checked.error).map((issue) => `${issue.path || '/'}: ${issue.message}`);
      return { ok: false, reason: 'schema-mismatch', error: `the record does not match the schema: ${fields.join('; ')}` };
    };
    const windowMs = parseDuration(config.idempotencyWindow) ?? 86_400_000;
    return {
      kind: 'source',
      topic: ingestTopicOf(config, { pipelineId: env.pipelineId, nodeId: id }),
      startFrom: 'earliest',
      partitioning: { kind: 'field', field: config.keyField },
      decode,
      ...(config.idempotencyField ? { stages: [dedupeStage(config.idempotencyField, windowMs)] } : {}),
    };
  },
};
