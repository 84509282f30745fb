// Every node type, one line each: the catalog, NODE_TYPES, the config schemas, the engine's implementations, the
// designer's palette and starters and the tests' generators all derive from this list (see docs/ARCHITECTURE.md,
// "Adding a node type"). Each folder holds its declaration, implementation, tests and README.
export { branchNode } from './branch/index.ts';
export { filterNode } from './filter/index.ts';
export { mapNode } from './map/index.ts';
export { sinkKafkaNode } from './sink-kafka/index.ts';
export { sinkPostgresNode } from './sink-postgres/index.ts';
export { sourceHttpNode } from './source-http/index.ts';
export { sourceKafkaNode } from './source-kafka/index.ts';
export { spamFilterNode } from './spam-filter/index.ts';
export { viewHttpNode } from './view-http/index.ts';
export { windowNode } from './window/index.ts';
