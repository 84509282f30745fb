import type { ZodType } from 'zod';
import type { NodeType } from './node-type.ts';

export interface PortDeclaration {
  name: string;
  doc: string;
}

export type NodeCategory = 'source' | 'transform' | 'stateful' | 'sink';

/** What a node does to the record key: sets it, keeps what came in, or leaves records unkeyed. */
export type KeyEffect = 'sets' | 'keeps' | 'none';

/** One node type, declared once: the runtime, the validator, the palette and the inspector all read this. */
export interface NodeDeclaration<Config> {
  type: NodeType;
  label: string;
  category: NodeCategory;
  /** One line for the palette and the inspector. */
  doc: string;
  /** A short glyph the palette shows (plain text, no icon font needed). */
  icon: string;
  /** The node's accent colour (CSS hex). */
  color: string;
  configSchema: ZodType<Config>;
  /** [] for sources. */
  inputs: PortDeclaration[];
  /** [] for sinks; branch derives its ports from its config. */
  outputs: (config: Config) => PortDeclaration[];
  /** What the node needs of its input. */
  requires?: { keyField?: boolean; eventTimeField?: boolean };
  /** How the node's output is keyed, so the validator can tell whether a window's input is keyed. */
  keyEffect: (config: Config) => KeyEffect;
  stateful: boolean;
}

export const IN_PORT: PortDeclaration = { name: 'in', doc: 'Records to process.' };
export const OUT_PORT: PortDeclaration = { name: 'out', doc: 'Records produced.' };
