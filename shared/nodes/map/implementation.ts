// map: reshapes records. In this order: `pick` keeps the listed fields (all when
// absent), `rename` renames fields, `compute` sets fields from CEL expressions
// evaluated against the *input* record. The record key is left as it was.
import type { NodeFactory } from '../../engine/node-implementation.ts';
import type { Partitioning } from '../../engine/partitioning.ts';
import { compileOrThrow } from '../expression.ts';
import type { MapConfig } from './declaration.ts';

const pointer = (field: string) => field.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Where a stream partitioned by a field stays partitioned after the map: under the
 * field's new name, or nowhere known if the map dropped or overwrote it.
 */
export function partitioningAfterMap(config: MapConfig, input: Partitioning): Partitioning {
  if (input.kind === 'record-key' || input.kind === 'unknown') return input;
  if (input.kind === 'derived') return { kind: 'unknown' };
  const field = input.field;
  if (config.pick && !config.pick.includes(field)) return { kind: 'unknown' };
  const renamed = config.rename?.[field] ?? field;
  const collides = Object.entries(config.rename ?? {}).some(([from, to]) => from !== field && to === renamed);
  if (collides || Object.hasOwn(config.compute ?? {}, renamed)) return { kind: 'unknown' };
  return { kind: 'field', field: renamed };
}

export function mapper(config: MapConfig): (value: Record<string, unknown>) => Record<string, unknown> {
  const computed = Object.entries(config.compute ?? {}).map(([field, source]) => ({
    field,
    evaluate: compileOrThrow(source, `/compute/${pointer(field)}`),
  }));
  const rename = config.rename ?? {};
  return (value) => {
    const out: Record<string, unknown> = {};
    const fields = config.pick ? config.pick.filter((field) => Object.hasOwn(value, field)) : Object.keys(value);
    for (const field of fields) out[rename[field] ?? field] = value[field];
    for (const { field, evaluate } of computed) out[field] = evaluate(value); // shared's CEL wrapper already turns CEL ints into numbers
    return out;
  };
}

export const mapImplementation: NodeFactory<MapConfig> = {
  create({ config }) {
    const transform = mapper(config);
    return {
      kind: 'operators',
      stages: [
        {
          name: 'map',
          outputPartitioning: (input) => partitioningAfterMap(config, input),
          create: () => ({
            process(record, ctx) {
              ctx.emit('out', record.value === null ? record : { ...record, value: transform(record.value) });
            },
          }),
        },
      ],
    };
  },
};
