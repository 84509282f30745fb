// While an edge is dragged over a port: whether it may be dropped there, and if not why, in the validator's words,
// beside the pointer. The handle itself turns green or red (React Flow's `valid` class, from isValidConnection).
import { type ConnectionInProgress, useConnection, useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import { type ConnectionAttempt, checkConnection } from './connection-rules.ts';

export function ConnectionHint() {
  const attempt = useConnection((connection) => (connection.inProgress ? attemptOf(connection) : undefined));
  const doc = useStore(designerStore, currentDocument);
  const key = attempt && `${attempt.source}.${attempt.sourceHandle}>${attempt.target}.${attempt.targetHandle}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the attempt; a new object for the same one changes nothing
  const verdict = useMemo(() => (attempt ? checkConnection(doc, attempt) : undefined), [key, doc]);
  const at = useConnection((connection) => (connection.inProgress ? connection.to : undefined));
  const { flowToScreenPosition } = useReactFlow();
  if (!attempt || !verdict || !at) return null;
  // In window pixels, so it reads the same at any zoom.
  const screen = flowToScreenPosition(at);
  return (
    <div
      className={`connection-hint ${verdict.ok ? 'connection-ok' : 'connection-refused'}`}
      style={{ left: screen.x + 14, top: screen.y + 12 }}
      data-testid="connection-hint"
      data-valid={verdict.ok}
      role="status"
    >
      {verdict.ok ? `Connect ${attempt.source}.${verdict.edge.from.port} → ${attempt.target}.${verdict.edge.to.port}` : verdict.reason}
    </div>
  );
}

/** The edge the drag would make: from an output to an input, whichever end it started at; none until over a port. */
function attemptOf(connection: ConnectionInProgress): ConnectionAttempt | undefined {
  const { fromHandle, toHandle } = connection;
  if (!toHandle) return undefined;
  const [source, target] = fromHandle.type === 'source' ? [fromHandle, toHandle] : [toHandle, fromHandle];
  return { source: source.nodeId, sourceHandle: source.id ?? null, target: target.nodeId, targetHandle: target.id ?? null };
}
