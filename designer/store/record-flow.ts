// The records along the document's edges, worked out once per document (a drag or an edit makes a new one): each
// edge's tooltip and each node's field pickers read from here.
import { draftRecordFlow, fieldsLine } from '../../shared/index.ts';
import type { RecordFlow } from '../../shared/validation/record-flow.ts';
import type { DesignDocument } from './document.ts';

const flows = new WeakMap<DesignDocument, RecordFlow>();

export function documentFlow(doc: DesignDocument): RecordFlow {
  let flow = flows.get(doc);
  if (!flow) {
    flow = draftRecordFlow(doc);
    flows.set(doc, flow);
  }
  return flow;
}

/** The fields of the records leaving a node's port, in a line. */
export function edgeFields(doc: DesignDocument, node: string, port: string): string {
  return fieldsLine(documentFlow(doc).output(node, port));
}
