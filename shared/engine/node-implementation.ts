// What a node type gives the engine: either a source (a topic and a decoder) or a
// chain of operator stages. Each folder of shared/nodes implements one NodeFactory;
// the engine receives them as a map, so it never imports the nodes.
import type { ConfigOf, NodeType } from '../catalog/index.ts';
import type { Operator } from './operator.ts';
import type { Partitioning, PartitionRequirement } from './partitioning.ts';
import type { EngineRecord, RawRecord } from './record.ts';
import type { SinkTarget } from './sink-write.ts';

export interface StoreDeclaration {
  /** Unique within the node; names the changelog topic. */
  name: string;
  doc?: string;
}

export interface StageSpec {
  /** Unique within the node, e.g. 'velocity'; a single-stage node may use any name (its stage id is the node id). */
  name: string;
  /** The key this stage needs its input partitioned by; absent for stages that work on any partitioning. */
  partitionBy?: PartitionRequirement;
  stores?: StoreDeclaration[];
  /** Ports wired to a later stage of the same node. */
  next?: Record<string, string>;
  /**
   * The node's output ports this stage emits on (e.g. an early rule stage emitting `spam`).
   * Default: the last stage emits every node port, earlier stages only their `next` ports.
   */
  emits?: string[];
  /** How records leaving this stage are partitioned, given how they came in; absent = unchanged. */
  outputPartitioning?(input: Partitioning): Partitioning;
  create(): Operator;
}

export type DecodeResult = { ok: true; record: EngineRecord } | { ok: false; reason: string; error: string };

export interface ExternalTopic {
  name: string;
  partitions: number;
  config: Record<string, string>;
}

export type NodeImplementation =
  | {
      kind: 'source';
      topic: string;
      /** How the topic's records are partitioned once decoded. */
      partitioning: Partitioning;
      /** Where a new deployment (a consumer group without offsets) starts reading. */
      startFrom: 'earliest' | 'latest';
      decode(raw: RawRecord): DecodeResult;
      /**
       * Stages the decoded records go through before they leave the node (a deduplication, say): they run in the
       * source's sub-topology, the first fed by the source's `out`; the node's ports are the last stage's.
       */
      stages?: StageSpec[];
    }
  | {
      kind: 'operators';
      /** The node's input goes to the first stage. */
      stages: StageSpec[];
      /** Topics a sink stage writes with ctx.produce. */
      sinkTopics?: ExternalTopic[];
      /** Where a sink stage's ctx.writeRow goes. */
      sinkTarget?: SinkTarget;
    };

/** Services a node may need that differ between Node and the browser. */
export interface NodeEnvironment {
  pipelineId: string;
  /** A stable non-cryptographic hash as hex, for short keys of long text. */
  hashText(text: string): string;
  /**
   * Reads a file shipped with the pipelines (e.g. the spam model), by a path relative to the
   * pipeline file's folder. Node passes one built on node:fs, the browser one over preloaded
   * files; absent when the caller has no files (then a node needing one reports a config error).
   */
  readResource?: (path: string) => string;
}

/** A config the node cannot run with (validation normally catches these first). */
export class NodeConfigError extends Error {
  constructor(
    message: string,
    /** JSON pointer inside the node's config, e.g. /expression. */
    readonly path = '',
  ) {
    super(message);
  }
}

export interface NodeFactory<Config = unknown> {
  create(node: { id: string; config: Config }, env: NodeEnvironment): NodeImplementation;
}

/** One factory per node type, keyed by type (shared/nodes derives it from the node list). */
export type NodeFactories = { [T in NodeType]: NodeFactory<ConfigOf<T>> };
