import { describe, expect, it } from 'vitest';
import type { IngestSpec, ViewSpec } from '../../shared/catalog/http-routes.ts';
import { emptyReader, pipelineFile } from '../http/testing/pipeline-endpoints.ts';
import { recordingWriter } from '../http/testing/recording-writer.ts';
import { LiveEndpoints, type ManagedConnections } from './live-endpoints.ts';
import { PipelineRegistry } from './pipeline-registry.ts';
import { MemoryPipelineStore } from './testing/memory-pipeline-store.ts';

function connections() {
  const retained: { ingest: string[]; views: string[] }[] = [];
  const managed: ManagedConnections = {
    writer: () => recordingWriter(),
    reader: () => emptyReader,
    retain: (ingest: IngestSpec[], views: ViewSpec[]) =>
      void retained.push({ ingest: ingest.map((spec) => spec.path), views: views.map((spec) => spec.path) }),
  };
  return { managed, retained };
}

const served = (endpoints: LiveEndpoints) => {
  const current = endpoints.current();
  return { ingest: current.ingest.map((one) => one.spec.path), views: current.views.map((one) => one.spec.path) };
};

describe('the endpoints every runtime process serves', () => {
  it("are every deployed pipeline's, a stopped one's too (posts wait in its topic), until it is deleted", async () => {
    const registry = new PipelineRegistry(new MemoryPipelineStore());
    await registry.deploy('product-ratings', pipelineFile('examples/product-ratings'));
    const { managed, retained } = connections();
    const endpoints = new LiveEndpoints(() => registry.list(), managed);
    const ratings = { ingest: ['/api/ratings'], views: ['/api/products/{sku}/stats'] };
    expect(served(endpoints)).toEqual(ratings);

    await registry.setDesired('product-ratings', 'stopped');
    expect(served(endpoints)).toEqual(ratings);

    await registry.remove('product-ratings');
    expect(served(endpoints)).toEqual({ ingest: [], views: [] });
    // The writer and replica of a deleted pipeline are let go.
    expect(retained.at(-1)).toEqual({ ingest: [], views: [] });
  });
});
