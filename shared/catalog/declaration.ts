import type { z } from 'zod';
import type { RecordSchema } from '../records/record-schema.ts';
import type { ConfigProblem } from '../validation/config-problems.ts';
import type { EndpointSpec } from './http-routes.ts';

export interface PortDeclaration {
  name: string;
  doc: string;
}

export type NodeCategory = 'source' | 'transform' | 'stateful' | 'sink';

/** Where a node is: what a config's defaults may depend on (a topic named after the pipeline and the node). */
export interface NodePlace {
  pipelineId: string;
  nodeId: string;
}

/** A topic a source reads; partitions for when the runtime creates it. */
export type SourceTopic = { topic: string; partitions?: number };

/** Something outside the pipeline a sink writes. */
export type ExternalOutput = { kind: 'topic' | 'table'; name: string };

/** What a node does to the record key: sets it, keeps what came in, or leaves records unkeyed. */
export type KeyEffect = 'sets' | 'keeps' | 'none';

/** One node type, declared once: the runtime, the validator, the palette and the inspector all read this. */
export interface NodeDeclaration<Config, Type extends string = string> {
  type: Type;
  label: string;
  category: NodeCategory;
  /** One line for the palette and the inspector. */
  doc: string;
  /** A short glyph: the plain-text fallback of the icon (no icon font needed). */
  icon: string;
  /** The icon: SVG path data on a 16×16 grid, drawn as strokes in the node's colour. */
  iconPaths: string[];
  /** The node's accent colour (CSS hex). */
  color: string;
  configSchema: z.ZodType<Config>;
  /**
   * What a node starts with when dropped from the palette (the designer adds the schema's defaults): placeholders
   * for the required fields so the form shows them. A sink's destination stays empty on purpose: writing somewhere
   * by default could overwrite data someone cares about.
   */
  starter: Record<string, unknown>;
  /** [] for sources. */
  inputs: PortDeclaration[];
  /** [] for sinks; branch derives its ports from its config. */
  outputs: (config: Config) => PortDeclaration[];
  /** What the node needs of its input. */
  requires?: { keyField?: boolean; eventTimeField?: boolean };
  /** How the node's output is keyed, so the validator can tell whether a window's input is keyed. */
  keyEffect: (config: Config) => KeyEffect;
  /** The Kafka topics a source reads (the runtime creates the missing ones, the preview feeds them). */
  reads?: (config: Config, place: NodePlace) => SourceTopic[];
  /** The HTTP endpoint the node gives the pipeline (an ingest path, a view), served by every runtime process while it runs. */
  endpoint?: (config: Config, place: NodePlace) => EndpointSpec;
  /** Where a sink writes outside the pipeline (deploy plans warn when another pipeline writes there too). */
  writes?: (config: Config, place: NodePlace) => ExternalOutput[];
  /**
   * The schema of the records leaving `port`, given the schema of those reaching the input (undefined: not known).
   * Absent: a source's records are not known, any other node's leave as they came.
   */
  outputSchema?: (config: Config, input: RecordSchema | undefined, port: string) => RecordSchema | undefined;
  /** What the config asks of the records reaching it that they do not have ("averages `rating`, but … no numeric `rating`"). */
  inputIssues?: (config: Config, input: RecordSchema) => ConfigProblem[];
  /** What the config schema cannot say: expressions that do not parse, durations that make no sense, names used twice. */
  configIssues?: (config: Config) => ConfigProblem[];
  stateful: boolean;
}

/**
 * A declaration with its type name and config schema kept exact, so the node list can derive `NodeType`, `ConfigOf`
 * and the written (input) form of each config from it; `starter` is checked against the schema's input type.
 */
export type DeclarationOf<Type extends string, Schema extends z.ZodType> = Omit<
  NodeDeclaration<z.output<Schema>, Type>,
  'configSchema' | 'starter'
> & {
  configSchema: Schema;
  starter: z.input<Schema>;
};

export function declareNode<const Type extends string, Schema extends z.ZodType>(
  declaration: DeclarationOf<Type, Schema>,
): DeclarationOf<Type, Schema> {
  return declaration;
}

export const IN_PORT: PortDeclaration = { name: 'in', doc: 'Records to process.' };
export const OUT_PORT: PortDeclaration = { name: 'out', doc: 'Records produced.' };
