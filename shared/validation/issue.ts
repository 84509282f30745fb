/** Every kind of problem the validator reports; codes are stable, tools may match on them. */
export const ISSUE_CODES = [
  // the shape of the document
  'invalid-type',
  'missing-field',
  'unknown-field',
  'invalid-value',
  'unknown-node-type',
  // the graph
  'duplicate-node-id',
  'duplicate-edge',
  'edge-unknown-node',
  'edge-unknown-port',
  'source-has-input',
  'sink-has-output',
  'input-unconnected',
  'unreachable-node',
  'no-source',
  'cycle',
  'input-not-keyed',
  // inside node configs
  'bad-expression',
  'expression-not-boolean',
  'bad-duration',
  'duplicate-name',
  // the records along the edges
  'schema-mismatch',
  'route-taken',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type ValidationIssue = {
  code: IssueCode;
  /** A JSON pointer into the pipeline document, e.g. /nodes/3/config/size ('' is the whole document). */
  path: string;
  /** The node the issue is about, when there is one. */
  nodeId?: string;
  /** What is wrong and what to do about it. */
  message: string;
};
