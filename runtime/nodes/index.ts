// Every node type's implementation, keyed by type: a type declared in the shared
// catalog without an entry here does not compile.
import type { Pipeline } from '../../shared/index.ts';
import { type CompileOptions, type CompileResult, compile } from '../engine/compile.ts';
import type { NodeFactories } from '../engine/node-implementation.ts';
import { branch } from './branch.ts';
import { filter } from './filter.ts';
import { map } from './map.ts';
import { sinkKafka } from './sink-kafka.ts';
import { sinkPostgres } from './sink-postgres.ts';
import { sourceKafka } from './source-kafka.ts';
import { spamFilter } from './spam-filter.ts';
import { window } from './window.ts';

export const nodeFactories = {
  'source.kafka': sourceKafka,
  filter,
  map,
  branch,
  'sink.kafka': sinkKafka,
  'sink.postgres': sinkPostgres,
  'spam-filter': spamFilter,
  window,
} satisfies NodeFactories;

export function compilePipeline(pipeline: Pipeline, options?: CompileOptions): CompileResult {
  return compile(pipeline, nodeFactories, options);
}
