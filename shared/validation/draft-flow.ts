// The records along the edges of a drawing still being made: what the designer shows on an edge and offers in a
// node's field pickers.
import { describeType, type FieldSchema, type RecordSchema } from '../records/record-schema.ts';
import { type DraftGraph, readableNodes } from './connection.ts';
import { type RecordFlow, recordFlow } from './record-flow.ts';

/** A field as a picker offers it: its name and its type in words. */
export interface FieldChoice {
  name: string;
  type: string;
  description?: string;
}

export function draftRecordFlow(graph: DraftGraph): RecordFlow {
  return recordFlow({ nodes: readableNodes(graph), edges: graph.edges });
}

export function fieldChoices(schema: RecordSchema | undefined): FieldChoice[] {
  if (!schema) return [];
  return Object.entries(schema.properties).map(([name, field]: [string, FieldSchema]) => ({
    name,
    type: `${describeType(field)}${(schema.required ?? []).includes(name) ? '' : ', optional'}${field.nullable ? ', or null' : ''}`,
    ...(field.description ? { description: field.description } : {}),
  }));
}

/** An edge's fields in a line, for its tooltip: "id: string, rating: number, createdAt: date-time string". */
export function fieldsLine(schema: RecordSchema | undefined): string {
  if (!schema) return 'fields not known (the source declares no schema)';
  const fields = fieldChoices(schema).map((field) => `${field.name}: ${field.type}`);
  return fields.length === 0 ? 'no fields' : fields.join(', ');
}
