// Every node type's implementation, keyed by type: a type declared in the shared
// catalog without an entry here does not compile.
import type { NodeType, Pipeline } from '../../shared/index.ts';
import { type CompileOptions, type CompileResult, compile } from '../engine/compile.ts';
import { NodeConfigError, type NodeFactories, type NodeFactory } from '../engine/node-implementation.ts';
import { branch } from './branch.ts';
import { filter } from './filter.ts';
import { map } from './map.ts';
import { sinkKafka } from './sink-kafka.ts';
import { sinkPostgres } from './sink-postgres.ts';
import { sourceKafka } from './source-kafka.ts';
import { window } from './window.ts';

/** TODO(spam-filter): replaced by runtime/nodes/spam-filter.ts once the rules and classifier land. */
function notImplementedYet(type: NodeType): NodeFactory {
  return {
    create() {
      throw new NodeConfigError(`the ${type} node has no runtime implementation yet`);
    },
  };
}

export const nodeFactories = {
  'source.kafka': sourceKafka,
  filter,
  map,
  branch,
  'sink.kafka': sinkKafka,
  'sink.postgres': sinkPostgres,
  'spam-filter': notImplementedYet('spam-filter'),
  window,
} satisfies NodeFactories;

export function compilePipeline(pipeline: Pipeline, options?: CompileOptions): CompileResult {
  return compile(pipeline, nodeFactories, options);
}
