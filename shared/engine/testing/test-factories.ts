// Small stand-in node implementations for engine tests, so the engine is tested
// on its own: a JSON source, pass-through transforms, a keyed counter with a
// store and timers (in the window's place), a two-stage node keyed twice (in the
// spam filter's place), and sinks. A node type without a stand-in runs its real
// implementation, so a new node type needs nothing here.
import { nodeFactories } from '../../nodes/index.ts';
import type { Pipeline } from '../../schema/pipeline.ts';
import { validatePipeline } from '../../validation/validate.ts';
import type { NodeFactories, NodeImplementation } from '../node-implementation.ts';
import { partitionByField } from '../partitioning.ts';
import { type EngineRecord, isPlainObject } from '../record.ts';

const passThrough = (port = 'out'): NodeImplementation => ({
  kind: 'operators',
  stages: [{ name: 'pass', create: () => ({ process: (record, ctx) => ctx.emit(port, record) }) }],
});

/** Counts records per key field; each record emits the running count, and a timer 1 s after it emits a tick. */
export const TIMER_DELAY = 1000;

function keyedCounter(keyField: string): NodeImplementation {
  return {
    kind: 'operators',
    stages: [
      {
        name: 'count',
        partitionBy: partitionByField(keyField),
        stores: [{ name: 'counts' }],
        create: () => ({
          process(record, ctx) {
            if (record.value === null) throw new Error('the counter cannot take tombstones');
            const key = String(record.value[keyField]);
            if (record.value.explode === true) {
              ctx.stores.get('counts').put(key, -1); // undone: the record is dead-lettered
              throw new Error('boom');
            }
            const count = Number(ctx.stores.get('counts').get(key) ?? 0) + 1;
            ctx.stores.get('counts').put(key, count);
            ctx.schedule(record.timestamp + TIMER_DELAY);
            ctx.emit('out', { ...record, key, value: { key, count } });
          },
          onTimer(firedAt, ctx) {
            ctx.emit('out', { key: null, value: { tick: firedAt, now: ctx.now() }, timestamp: firedAt, headers: {} });
          },
        }),
      },
    ],
  };
}

const normalisedText = (record: EngineRecord) => (isPlainObject(record.value) ? String(record.value.text ?? '').toLowerCase() : null);

const standIns: Partial<NodeFactories> = {
  'source.kafka': {
    create: ({ config }) => ({
      kind: 'source',
      topic: config.topic,
      startFrom: config.startFrom,
      partitioning: config.keyField ? { kind: 'field', field: config.keyField } : { kind: 'record-key' },
      decode(raw) {
        if (raw.value === null) return { ok: true, record: { key: raw.key, value: null, timestamp: raw.timestamp, headers: raw.headers } };
        try {
          const value: unknown = JSON.parse(raw.value);
          if (!isPlainObject(value)) return { ok: false, reason: 'not-a-json-object', error: 'not an object' };
          const key = config.keyField ? String(value[config.keyField]) : raw.key;
          const origin = { topic: raw.topic, partition: raw.partition, offset: raw.offset };
          return { ok: true, record: { key, value, timestamp: raw.timestamp, headers: raw.headers, origin } };
        } catch (error) {
          return { ok: false, reason: 'invalid-json', error: String(error) };
        }
      },
    }),
  },
  filter: { create: () => passThrough() },
  map: { create: () => passThrough() },
  branch: { create: () => passThrough('otherwise') },
  window: { create: ({ config }) => keyedCounter(config.keyField) },
  'spam-filter': {
    create: ({ config }) => ({
      kind: 'operators',
      stages: [
        {
          name: 'velocity',
          partitionBy: partitionByField(config.userField),
          stores: [{ name: 'recent' }],
          next: { checked: 'duplicate' },
          create: () => ({ process: (record, ctx) => ctx.emit('checked', record) }),
        },
        {
          name: 'duplicate',
          partitionBy: { by: { kind: 'derived', name: 'normalised text' }, keyOf: normalisedText },
          stores: [{ name: 'texts' }],
          create: () => ({ process: (record, ctx) => ctx.emit('valid', record) }),
        },
      ],
    }),
  },
  'sink.kafka': {
    create: ({ config }) => ({
      kind: 'operators',
      sinkTopics: [{ name: config.topic, partitions: config.partitions, config: {} }],
      stages: [{ name: 'sink', create: () => ({ process: (record, ctx) => ctx.produce({ topic: config.topic, ...record }) }) }],
    }),
  },
  'sink.postgres': {
    create: ({ config }) => ({
      kind: 'operators',
      sinkTarget: {
        kind: 'postgres',
        connection: config.connection,
        table: config.table,
        primaryKey: config.primaryKey,
        mode: config.mode,
      },
      stages: [{ name: 'sink', create: () => ({ process: (record, ctx) => ctx.writeRow({ op: 'upsert', row: record.value ?? {} }) }) }],
    }),
  },
};

export const testFactories: NodeFactories = { ...nodeFactories, ...standIns };

export interface TestNode {
  id: string;
  type: string;
  config: Record<string, unknown>;
}

/**
 * A pipeline from JSON-like nodes and `from:port->to` edges, through the shared
 * validator (so defaults apply), the way a pipeline file would arrive.
 */
export function testPipeline(nodes: TestNode[], edges: string[], id = 'test'): Pipeline {
  const input = {
    format: 1,
    id,
    name: id,
    nodes,
    edges: edges.map((edge) => {
      const [from = '', to = ''] = edge.split('->');
      const [fromNode = '', fromPort = 'out'] = from.split(':');
      return { from: { node: fromNode, port: fromPort }, to: { node: to, port: 'in' } };
    }),
  };
  const validation = validatePipeline(input);
  if (!validation.ok) throw new Error(`invalid test pipeline: ${JSON.stringify(validation.issues)}`);
  return validation.pipeline;
}
