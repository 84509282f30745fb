// The HTTP endpoints the deployed pipelines give (their source.http and view.http nodes, or any node declaring an
// endpoint): every runtime process serves all of them, writing through a Kafka writer and reading from a local
// replica. The HTTP layer sees only this.
import type { IngestSpec, ViewSpec } from '../../shared/catalog/http-routes.ts';
import type { Pipeline } from '../../shared/index.ts';
import { type FieldIssue, keyParser, type ParsedRecord, recordParser } from '../../shared/records/parse-record.ts';
import type { RecordSchema } from '../../shared/records/record-schema.ts';
import { recordFlow } from '../../shared/validation/record-flow.ts';
import { endpointsOf } from '../../shared/validation/route-checks.ts';
import type { RecordWriter } from './record-writer.ts';
import type { ViewReader } from './view-reader.ts';

interface Placed {
  pipelineId: string;
  nodeId: string;
}

export interface ServedIngest extends Placed {
  spec: IngestSpec;
  writer: RecordWriter;
  /** Checks a record against the schema as of a clock. */
  parse(input: unknown, now: number): ParsedRecord;
  /** Checks a key as a URL carries it against the key field. */
  parseKey(key: string): { ok: true; key: string } | { ok: false; issues: FieldIssue[] };
}

export interface ServedView extends Placed {
  spec: ViewSpec;
  reader: ViewReader;
  /** The records reaching the view: what an answer holds, when the pipeline's sources say. */
  responseSchema: RecordSchema | undefined;
}

export interface ServedEndpoints {
  ingest: ServedIngest[];
  views: ServedView[];
}

export interface EndpointDirectory {
  /** What is served now: the endpoints of every deployed pipeline, running or stopped. */
  current(): ServedEndpoints;
}

/** Where an endpoint's records go and come from; the Kafka driver gives these, tests give fakes. */
export interface EndpointConnections {
  writer(spec: IngestSpec): RecordWriter;
  reader(spec: ViewSpec): ViewReader;
}

export function ingestEndpoint(placed: Placed, spec: IngestSpec, writer: RecordWriter): ServedIngest {
  const parse = recordParser(spec.schema, { name: spec.noun.one, eventTimeField: spec.eventTimeField, maxFutureMs: spec.maxFutureMs });
  return { ...placed, spec, writer, parse, parseKey: keyParser(spec.schema, spec.keyField) };
}

/** The endpoints of these pipelines, connected. */
export function servedEndpoints(pipelines: readonly Pipeline[], connections: EndpointConnections): ServedEndpoints {
  const served: ServedEndpoints = { ingest: [], views: [] };
  for (const pipeline of pipelines) {
    const flow = recordFlow(pipeline);
    for (const { node, spec } of endpointsOf(pipeline)) {
      const placed = { pipelineId: pipeline.id, nodeId: node.id };
      if (spec.kind === 'ingest') served.ingest.push(ingestEndpoint(placed, spec, connections.writer(spec)));
      else served.views.push({ ...placed, spec, reader: connections.reader(spec), responseSchema: flow.input(node.id) });
    }
  }
  return served;
}

/** A fixed set of endpoints: for tests, and for a runtime that serves one pipeline it was given. */
export function staticEndpoints(pipelines: readonly Pipeline[], connections: EndpointConnections): EndpointDirectory {
  const served = servedEndpoints(pipelines, connections);
  return { current: () => served };
}
