import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../shared/index.ts';
import type { DeploymentRecord, PipelineVersion } from './pipeline-store.ts';
import { stateEpochs } from './state-epochs.ts';

const pipeline = (windowSize: string): Pipeline =>
  ({
    id: 'ratings',
    nodes: [
      { id: 'in', type: 'source.kafka', config: { topic: 'ratings' } },
      { id: 'avg', type: 'window', config: { keyBy: 'productId', size: windowSize, aggregations: [] } },
    ],
    edges: [],
  }) as unknown as Pipeline;

const record = (...configs: string[]): DeploymentRecord => ({
  id: 'ratings',
  desired: 'running',
  revision: configs.length,
  createdAt: 't1',
  versions: configs.map((size, i): PipelineVersion => ({ version: i + 1, deployedAt: `t${i + 1}`, pipeline: pipeline(size) })),
});

describe('when state began', () => {
  it('is the first deploy while every later version kept the node as it was', () => {
    expect(stateEpochs(record('90d', '90d', '90d'))).toEqual({ pipeline: 't1', nodes: { avg: 't1' } });
  });

  it('moves to the deploy that reset the node, and again on a rollback to its old config', () => {
    expect(stateEpochs(record('90d', '30d')).nodes.avg).toBe('t2');
    expect(stateEpochs(record('90d', '30d', '90d')).nodes.avg).toBe('t3');
  });

  it('differs for a pipeline deleted and deployed again under the same id', () => {
    const before = stateEpochs(record('90d'));
    const again = stateEpochs({
      ...record('90d'),
      createdAt: 't9',
      versions: [{ version: 1, deployedAt: 't9', pipeline: pipeline('90d') }],
    });
    expect(again.pipeline).not.toBe(before.pipeline);
    expect(again.nodes.avg).not.toBe(before.nodes.avg);
  });

  it('for a record without createdAt (an older runtime), is its first version while the record keeps it', () => {
    const { createdAt: _, ...legacy } = record('90d', '90d');
    expect(stateEpochs(legacy)).toEqual({ pipeline: 't1', nodes: { avg: 't1' } });
  });

  it('stays put when the oldest versions are dropped from the history', () => {
    const long = record(...Array.from({ length: 20 }, () => '90d'));
    const later = { ...long, versions: long.versions.slice(1).concat({ version: 21, deployedAt: 't21', pipeline: pipeline('90d') }) };
    expect(stateEpochs(later)).toEqual(stateEpochs(long));
  });
});
