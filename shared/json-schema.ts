// The JSON Schema of the pipeline format, generated from the zod schemas so editors (Monaco, VS Code "$schema")
// check and complete exactly what the validator accepts, with the same one-line docs on hover.
import { z } from 'zod';
import { pipelineSchema } from './schema/pipeline.ts';

export function pipelineJsonSchema(): Record<string, unknown> {
  // io: 'input' describes the file as written: a field with a default may be left out.
  const schema = z.toJSONSchema(pipelineSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, title: 'Sluice pipeline' };
}

/** The text of shared/generated/pipeline.schema.json. */
export function pipelineJsonSchemaText(): string {
  return `${JSON.stringify(pipelineJsonSchema(), null, 2)}\n`;
}
