// Test support: the endpoints a pipeline file's nodes declare, connected to in-memory writers and readers, so route
// tests exercise exactly what a runtime running that pipeline serves.
import { readFileSync } from 'node:fs';
import type { Pipeline } from '../../../shared/index.ts';
import { validatePipeline } from '../../../shared/index.ts';
import { type EndpointDirectory, staticEndpoints } from '../../control/endpoints.ts';
import type { RecordWriter } from '../../control/record-writer.ts';
import type { ViewReader } from '../../control/view-reader.ts';
import { recordingWriter } from './recording-writer.ts';

/** A pipeline from pipelines/<name>.json, validated. */
export function pipelineFile(name: string): Pipeline {
  const result = validatePipeline(JSON.parse(readFileSync(new URL(`../../../pipelines/${name}.json`, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(`pipelines/${name}.json is invalid: ${JSON.stringify(result.issues)}`);
  return result.pipeline;
}

/** A replica that holds nothing and is caught up. */
export const emptyReader: ViewReader = { ready: () => true, get: () => undefined, freshness: () => ({ stale: false }) };

export function pipelineEndpoints(pipeline: Pipeline, connect: { writer?: RecordWriter; reader?: ViewReader } = {}): EndpointDirectory {
  return staticEndpoints([pipeline], { writer: () => connect.writer ?? recordingWriter(), reader: () => connect.reader ?? emptyReader });
}
