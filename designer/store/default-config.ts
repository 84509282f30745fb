// What a node starts with when dropped from the palette: its declaration's starter (placeholders for the required
// fields, so the form shows them) with every default the schema has; the validator then says which still need a
// real value.
import { declarationOf, type NodeType } from '../../shared/index.ts';

export function defaultConfig(type: NodeType): Record<string, unknown> {
  const { starter, configSchema } = declarationOf(type);
  const parsed = configSchema.safeParse(starter);
  return parsed.success ? (parsed.data as Record<string, unknown>) : { ...starter };
}
