// "Does the document differ from what runs?" Semantically: layout, $schema, ordering and spelled-out defaults aside.
import { type Pipeline, pipelinesEquivalent, validatePipeline } from '../../shared/index.ts';
import type { DesignDocument } from '../store/document.ts';

export type Deployedness = 'not-deployed' | 'in-sync' | 'changed';

export function deployedness(doc: DesignDocument, running: DesignDocument | undefined): Deployedness {
  if (!running) return 'not-deployed';
  const current = validatePipeline(doc);
  const deployed = validatePipeline(running);
  if (!current.ok || !deployed.ok) return 'changed';
  return pipelinesEquivalent(current.pipeline, deployed.pipeline as Pipeline) ? 'in-sync' : 'changed';
}

/** What deployedness looks at: the document without its layout, as a new object only when one of its parts changes. */
export function meaningOf(doc: DesignDocument): DesignDocument {
  const { format, id, name, description, nodes, edges } = doc;
  return description === undefined ? { format, id, name, nodes, edges } : { format, id, name, description, nodes, edges };
}
