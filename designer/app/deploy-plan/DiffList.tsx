// A pipeline diff as a person reads it: which nodes were added or removed, what changed in which node's config
// (field, before → after), which edges. Used by the deploy confirmation and the version history.
import type { Edge, PipelineDiff, ValueChange } from '../../../shared/index.ts';

export function DiffList({ diff }: { diff: PipelineDiff }) {
  const { fields, nodes, edges } = diff;
  const nothing =
    fields.length + nodes.added.length + nodes.removed.length + nodes.changed.length + edges.added.length + edges.removed.length === 0;
  if (nothing) return <p className="muted">No change to what runs (layout aside).</p>;
  return (
    <ul className="diff-list" data-testid="diff-list">
      {fields.map((change) => (
        <li key={change.path} className="diff-changed">
          Pipeline <code>{change.path.slice(1)}</code>: <Change change={change} />
        </li>
      ))}
      {nodes.added.map((node) => (
        <li key={`+${node.id}`} className="diff-added" data-testid="diff-node-added">
          + node <strong>{node.id}</strong> <span className="muted">({node.type})</span>
        </li>
      ))}
      {nodes.removed.map((node) => (
        <li key={`-${node.id}`} className="diff-removed" data-testid="diff-node-removed">
          − node <strong>{node.id}</strong> <span className="muted">({node.type})</span>
        </li>
      ))}
      {nodes.changed.map((node) => (
        <li key={`~${node.id}`} className="diff-changed" data-testid="diff-node-changed">
          ~ node <strong>{node.id}</strong>
          {node.typeBefore ? ` is now a ${node.type} (was ${node.typeBefore})` : ''}
          <ul>
            {node.config.map((change) => (
              <li key={change.path}>
                <code>{change.path === '' ? 'config' : change.path.slice(1).replaceAll('/', '.')}</code>: <Change change={change} />
              </li>
            ))}
          </ul>
        </li>
      ))}
      {edges.added.map((edge) => (
        <li key={`+${edgeText(edge)}`} className="diff-added">
          + edge {edgeText(edge)}
        </li>
      ))}
      {edges.removed.map((edge) => (
        <li key={`-${edgeText(edge)}`} className="diff-removed">
          − edge {edgeText(edge)}
        </li>
      ))}
    </ul>
  );
}

function Change({ change }: { change: ValueChange }) {
  return (
    <>
      <code className="diff-before">{shown(change.before)}</code> → <code className="diff-after">{shown(change.after)}</code>
    </>
  );
}

function shown(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

function edgeText(edge: Edge): string {
  return `${edge.from.node}.${edge.from.port} → ${edge.to.node}.${edge.to.port}`;
}
