// biome-ignore-all lint/style/noRestrictedImports: the test reads the checked-in file to compare it
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from './catalog/index.ts';
import { pipelineJsonSchema, pipelineJsonSchemaText } from './json-schema.ts';
import { pipelineSchema } from './schema/pipeline.ts';
import { mutatedPipeline, plausiblePipeline } from './testing/arbitraries.ts';

const checkedIn = new URL('./generated/pipeline.schema.json', import.meta.url);

describe('the generated JSON Schema', () => {
  it('is up to date: regenerating gives the checked-in file byte for byte (run shared/generate-schema.ts)', () => {
    expect(readFileSync(checkedIn, 'utf8')).toBe(pipelineJsonSchemaText());
  });

  it('keeps the one-line docs for editor hovers', () => {
    const text = pipelineJsonSchemaText();
    expect(text).toContain('The field to group by (e.g. courseId); output records are keyed by it.');
    expect(text).toContain('The pipeline format version; 1.');
    expect(text).toContain('The rules; a review matching any enabled rule is spam.');
  });

  it('chooses each node config by the node type, so editors complete configs per type', () => {
    const nodes = (pipelineJsonSchema().properties as Record<string, { items: { oneOf: { properties: { type: { const: string } } }[] } }>)
      .nodes;
    const types = nodes?.items.oneOf.map((variant) => variant.properties.type.const);
    expect(types).toEqual([...NODE_TYPES]);
  });

  it('accepts exactly what the zod schema accepts', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    const accepts = ajv.compile(pipelineJsonSchema());
    const samples = fc.oneof(plausiblePipeline, mutatedPipeline, fc.jsonValue());
    let accepted = 0;
    fc.assert(
      fc.property(samples, (sample) => {
        const byZod = pipelineSchema.safeParse(sample).success;
        expect(accepts(sample), JSON.stringify(ajv.errors)).toBe(byZod);
        if (byZod) accepted++;
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
