// The shared floor of Sluice: the pipeline format, the node catalog, validation and expressions.
// The designer and the runtime import from here; this folder imports neither.
export * from './catalog/index.ts';
export { outputsWrittenBy, sinkTopicsOf, sourceTopicsOf, topicsReadBy } from './catalog/io.ts';
export { type Duration, durationSchema, formatDuration, parseDuration } from './duration.ts';
export { assertNever } from './errors.ts';
export { type CompiledExpression, compileExpression, type ExpressionError } from './expressions/compile.ts';
export { pipelineJsonSchema, pipelineJsonSchemaText } from './json-schema.ts';
export type { SluiceRecord } from './record.ts';
export type { RecordSchema } from './records/record-schema.ts';
export {
  type ChangedNode,
  type DiffablePipeline,
  diffIsEmpty,
  diffPipelines,
  type NodeRef,
  type PipelineDiff,
  type ValueChange,
  valueChanges,
} from './schema/diff.ts';
export * from './schema/pipeline.ts';
export { pipelinesEquivalent, semanticPipeline } from './schema/semantic.ts';
export * from './schema/topic-settings.ts';
export { connectionIssues, type DraftGraph } from './validation/connection.ts';
export { draftRecordFlow, type FieldChoice, fieldChoices, fieldsLine } from './validation/draft-flow.ts';
export { ISSUE_CODES, type IssueCode, type ValidationIssue } from './validation/issue.ts';
export { parentPointer, pointerExists, pointerSegments, toPointer } from './validation/json-pointer.ts';
export { type ValidationResult, validatePipeline } from './validation/validate.ts';
