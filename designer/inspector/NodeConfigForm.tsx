// The generated form for one node's config; its issues (from the live validator) appear next to their fields.
import { useMemo } from 'react';
import type { NodeType, ValidationIssue } from '../../shared/index.ts';
import { FormContext, issueIndex } from './form/form-context.tsx';
import { configJsonSchema } from './form/json-schema.ts';
import { ObjectFieldset } from './form/ObjectFieldset.tsx';

type Props = {
  type: NodeType;
  config: Record<string, unknown>;
  /** Where the config sits in the document, e.g. /nodes/2/config; issue paths are matched against it. */
  pointer: string;
  issues: readonly ValidationIssue[];
  onChange(config: Record<string, unknown>): void;
};

export function NodeConfigForm({ type, config, pointer, issues, onChange }: Props) {
  const context = useMemo(() => issueIndex(issues), [issues]);
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
