import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipelineSchema } from '../schema/pipeline.ts';
import { pipelinesEquivalent } from '../schema/semantic.ts';
import { mutatedPipeline, plausiblePipeline } from '../testing/arbitraries.ts';
import { parentPointer, pointerExists } from './json-pointer.ts';
import { validatePipeline } from './validate.ts';

function everyPathExists(input: unknown): void {
  const result = validatePipeline(input);
  for (const issue of result.issues) {
    // A missing field cannot exist; the object it is missing from must.
    const where = issue.code === 'missing-field' ? parentPointer(issue.path) : issue.path;
    expect(pointerExists(input, where), `${issue.code} at ${issue.path}`).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  expect(result.ok).toBe(result.issues.length === 0);
}

describe('validatePipeline on generated input', () => {
  it('never throws on arbitrary JSON, and every issue points into the input', () => {
    fc.assert(fc.property(fc.jsonValue(), everyPathExists), { numRuns: 300 });
  });

  it('never throws on objects shaped a little like pipelines', () => {
    const loose = fc.record({
      format: fc.oneof(fc.constant(1), fc.jsonValue()),
      id: fc.oneof(fc.constant('x'), fc.jsonValue()),
      nodes: fc.array(
        fc.record({ id: fc.jsonValue(), type: fc.oneof(fc.constantFrom('window', 'map', 'nope'), fc.jsonValue()), config: fc.jsonValue() }),
      ),
      edges: fc.array(fc.jsonValue()),
    });
    fc.assert(fc.property(loose, everyPathExists), { numRuns: 300 });
  });

  it('never throws on plausible pipelines or mutations of them, and every issue points into the input', () => {
    fc.assert(fc.property(fc.oneof(plausiblePipeline, mutatedPipeline), everyPathExists), { numRuns: 500 });
  });

  it('accepts most plausible pipelines (the generator stays near valid)', () => {
    const samples = fc.sample(plausiblePipeline, { numRuns: 200, seed: 7 });
    const valid = samples.filter((sample) => validatePipeline(sample).ok).length;
    expect(valid).toBeGreaterThan(40);
  });

  it('round-trips valid pipelines through JSON without loss, and parsing again changes nothing', () => {
    fc.assert(
      fc.property(plausiblePipeline, (input) => {
        const first = validatePipeline(input);
        if (!first.ok) return;
        const reparsed = validatePipeline(JSON.parse(JSON.stringify(first.pipeline)));
        expect(reparsed.ok).toBe(true);
        if (!reparsed.ok) return;
        expect(reparsed.pipeline).toEqual(first.pipeline);
        expect(pipelineSchema.parse(reparsed.pipeline)).toEqual(first.pipeline);
        expect(pipelinesEquivalent(first.pipeline, reparsed.pipeline)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
