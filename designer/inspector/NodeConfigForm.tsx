// The generated form for one node's config; its issues (from the live validator) appear next to their fields.
import { useMemo } from 'react';
import type { FieldChoice, NodeType, ValidationIssue } from '../../shared/index.ts';
import { FormContext, issueIndex } from './form/form-context.tsx';
import { configJsonSchema } from './form/json-schema.ts';
import { ObjectFieldset } from './form/ObjectFieldset.tsx';

type Props = {
  type: NodeType;
  config: Record<string, unknown>;
  /** Where the config sits in the document, e.g. /nodes/2/config; issue paths are matched against it. */
  pointer: string;
  issues: readonly ValidationIssue[];
  /** The fields of the records reaching the node, for its field pickers. */
  inputFields?: FieldChoice[];
  onChange(config: Record<string, unknown>): void;
};

/** The fields of the node's own record schema (a source's), for pickers of its key and time fields. */
function ownFields(config: Record<string, unknown>): FieldChoice[] {
  const schema = config.schema as { properties?: unknown } | undefined;
  const properties = schema && typeof schema.properties === 'object' && schema.properties !== null ? schema.properties : {};
  return Object.entries(properties as Record<string, { type?: unknown }>).map(([name, field]) => ({
    name,
    type: String(field?.type ?? 'any value'),
  }));
}

export function NodeConfigForm({ type, config, pointer, issues, inputFields = [], onChange }: Props) {
  const context = useMemo(() => issueIndex(issues, { input: inputFields, schema: ownFields(config) }), [issues, inputFields, config]);
  return (
    <FormContext.Provider value={context}>
      <form className="config-form" onSubmit={(e) => e.preventDefault()}>
        <ObjectFieldset
          name="config"
          schema={configJsonSchema(type)}
          value={config}
          pointer={pointer}
          required
          legend={false}
          onChange={(next) => onChange(next as Record<string, unknown>)}
        />
      </form>
    </FormContext.Provider>
  );
}
