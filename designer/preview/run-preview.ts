// Runs a pipeline in the browser over sample records with the engine's in-memory driver: the same compile and the
// same node implementations as the runtime, one partition, a clock that stands still unless told. Imported lazily
// (with the spam model) by the preview panel, so none of it weighs on the designer's first load.

import spamModel from '../../pipelines/models/spam-model.json?raw';
import { MemoryDriver } from '../../shared/engine/memory-driver.ts';
import { pipelineTotals } from '../../shared/engine/node-figures.ts';
import { sourceTopicsOf, validatePipeline } from '../../shared/index.ts';
import { compilePipeline } from '../../shared/nodes/index.ts';
import { previewOf } from './preview-result.ts';
import type { PreviewInput, PreviewResult } from './preview-types.ts';

/** Files a pipeline may name, relative to pipelines/: the ones the bundled nodes need. */
const RESOURCES: Record<string, string> = { 'models/spam-model.json': spamModel };

function readResource(path: string): string {
  const text = RESOURCES[path.replace(/^\.\//, '')];
  if (text === undefined) throw new Error(`the preview has no file ${path}; it carries only ${Object.keys(RESOURCES).join(', ')}`);
  return text;
}

export function runPreview(document: unknown, input: PreviewInput): PreviewResult {
  const validation = validatePipeline(document);
  if (!validation.ok) return { status: 'invalid', issues: validation.issues };
  const pipeline = validation.pipeline;
  const compiled = compilePipeline(pipeline, { defaultPartitions: 1, env: { readResource } });
  if (!compiled.ok) return { status: 'invalid', issues: compiled.issues };
  try {
    const driver = new MemoryDriver(compiled.plan, { startTime: input.clock });
    for (const { topic } of sourceTopicsOf(pipeline)) driver.send(topic, input.records);
    return previewOf(pipeline, driver, pipelineTotals(driver.metrics.snapshot(), pipeline).nodes);
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
