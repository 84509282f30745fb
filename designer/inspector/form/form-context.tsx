// What every field of a form needs without passing it down by hand: issues by JSON pointer, for inline errors.
import { createContext, useContext } from 'react';
import type { ValidationIssue } from '../../../shared/index.ts';

export type FormContextValue = { issuesAt(pointer: string): ValidationIssue[] };

export const FormContext = createContext<FormContextValue>({ issuesAt: () => [] });

export function useIssuesAt(pointer: string): ValidationIssue[] {
  return useContext(FormContext).issuesAt(pointer);
}

export function issueIndex(issues: readonly ValidationIssue[]): FormContextValue {
  const byPath = new Map<string, ValidationIssue[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  return { issuesAt: (pointer) => byPath.get(pointer) ?? [] };
}
