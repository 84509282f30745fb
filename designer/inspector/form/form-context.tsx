// What every field of a form needs without passing it down by hand: issues by JSON pointer, for inline errors, and
// the record fields a picker offers (those of the records reaching the node, or of the node's own schema).
import { createContext, useContext } from 'react';
import type { FieldChoice, ValidationIssue } from '../../../shared/index.ts';

export type FieldSource = 'input' | 'schema';

export type FormContextValue = {
  issuesAt(pointer: string): ValidationIssue[];
  fields: Record<FieldSource, FieldChoice[]>;
};

export const FormContext = createContext<FormContextValue>({ issuesAt: () => [], fields: { input: [], schema: [] } });

export function useIssuesAt(pointer: string): ValidationIssue[] {
  return useContext(FormContext).issuesAt(pointer);
}

/** The fields a picker for this kind of field offers; [] when the field names no record field, or none are known. */
export function useFieldChoices(source: FieldSource | undefined): FieldChoice[] {
  const { fields } = useContext(FormContext);
  return source ? fields[source] : [];
}

export function issueIndex(
  issues: readonly ValidationIssue[],
  fields: Record<FieldSource, FieldChoice[]> = { input: [], schema: [] },
): FormContextValue {
  const byPath = new Map<string, ValidationIssue[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  return { issuesAt: (pointer) => byPath.get(pointer) ?? [], fields };
}
