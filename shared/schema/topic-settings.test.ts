import { describe, expect, it } from 'vitest';
import { validPipelineInput } from '../validation/test-pipelines.ts';
import { validatePipeline } from '../validation/validate.ts';
import { defaultReplication, replicationFor } from './topic-settings.ts';

describe('replication of the topics a pipeline creates', () => {
  it('follows the cluster by default: min(3, brokers) replicas and one fewer in sync', () => {
    expect(defaultReplication(1)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(defaultReplication(2)).toEqual({ replicationFactor: 2, minInsyncReplicas: 1 });
    expect(defaultReplication(3)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(defaultReplication(5)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
  });

  it('takes what the pipeline asks for, deriving the other figure', () => {
    expect(replicationFor(5, { replicationFactor: 5 })).toEqual({ ok: true, replication: { replicationFactor: 5, minInsyncReplicas: 4 } });
    expect(replicationFor(3, { minInsyncReplicas: 1 })).toEqual({ ok: true, replication: { replicationFactor: 3, minInsyncReplicas: 1 } });
  });

  it('refuses more replicas than the cluster has brokers, or more in sync than replicas, saying why', () => {
    const tooMany = replicationFor(1, { replicationFactor: 3 });
    expect(tooMany).toEqual({ ok: false, reason: expect.stringMatching(/replicationFactor is 3, but the cluster has 1 broker/) });
    const impossible = replicationFor(1, { minInsyncReplicas: 2 });
    expect(impossible).toEqual({ ok: false, reason: expect.stringMatching(/minInsyncReplicas is 2, more than the 1 replica/) });
  });

  it('is a section of the pipeline format, checked by the validator', () => {
    const valid = validatePipeline({ ...validPipelineInput(), topics: { replicationFactor: 3, minInsyncReplicas: 2 } });
    expect(valid.ok).toBe(true);
    const invalid = validatePipeline({ ...validPipelineInput(), topics: { replicationFactor: 2, minInsyncReplicas: 3 } });
    expect(invalid.ok ? [] : invalid.issues.map((issue) => issue.path)).toEqual(['/topics/minInsyncReplicas']);
    const unknown = validatePipeline({ ...validPipelineInput(), topics: { replicas: 3 } });
    expect(unknown.ok).toBe(false);
  });
});
