// The engine's public surface, for drivers (runtime/kafka), the HTTP layer and the designer's preview.
export { type AccountingProblem, accountingProblems } from './accounting.ts';
export { type BatchResult, batchMessages, type ChangelogWrite, type ConsumedPosition, changelogRecord } from './batch-result.ts';
export { type CompileIssue, type CompileOptions, type CompileResult, compile, FALLBACK_PARTITIONS } from './compile.ts';
export { DLQ_HEADERS } from './dead-letter.ts';
export { MemoryDriver, type MemoryDriverOptions, type MemoryInput, type TraceEvent } from './memory-driver.ts';
export * from './metrics.ts';
export type {
  DecodeResult,
  ExternalTopic,
  NodeEnvironment,
  NodeFactories,
  NodeFactory,
  NodeImplementation,
  StageSpec,
  StoreDeclaration,
} from './node-implementation.ts';
export { NodeConfigError } from './node-implementation.ts';
export type { EngineLogger, Operator, OperatorContext, ProducedRecord, StageMetrics } from './operator.ts';
export { hashText, murmur2, partitionForKey } from './partitioner.ts';
export { type Partitioning, type PartitionRequirement, partitionByField } from './partitioning.ts';
export * from './plan.ts';
export { describePlan, planAsData } from './plan-summary.ts';
export type { EngineRecord, OutboundRecord, RawRecord, RecordOrigin, TopicPartition } from './record.ts';
export { decodeChangelogValue, encodeChangelogValue, KEY_HEADER } from './record-codec.ts';
export { RecordError } from './record-error.ts';
export type { RowOperation, SinkTarget, SinkWrite } from './sink-write.ts';
export { InMemoryKeyValueStore, type KeyValueStore } from './store.ts';
export { Task, type TaskObserver, type TaskOptions } from './task.ts';
export { changelogTopicName, dlqTopicName, repartitionTopicName, taskIdOf } from './topic-names.ts';
