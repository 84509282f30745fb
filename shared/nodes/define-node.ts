// A node type is one folder: its declaration (what the validator, the palette and the inspector read) and its
// implementation (what the engine runs), joined here so that one cannot exist without the other.
import type { z } from 'zod';
import type { DeclarationOf } from '../catalog/declaration.ts';
import type { NodeFactory } from '../engine/node-implementation.ts';

export interface NodeModule<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  declaration: DeclarationOf<Type, Schema>;
  implementation: NodeFactory<z.output<Schema>>;
}

export function defineNode<const Type extends string, Schema extends z.ZodType>(
  declaration: DeclarationOf<Type, Schema>,
  implementation: NodeFactory<NoInfer<z.output<Schema>>>,
): NodeModule<Type, Schema> {
  return { declaration, implementation };
}
