// A preview's outcome: why reviews went to spam, then node by node what came in and what left.
import type { NodePreview, PreviewResult, SpamVerdict } from './preview-types.ts';

const SHOWN_PER_PORT = 20;

export function PreviewResults({ result }: { result: PreviewResult }) {
  if (result.status === 'failed') return <p className="field-error">The preview failed: {result.message}</p>;
  if (result.status === 'invalid') {
    return (
      <div className="field-error">
        <p>The pipeline cannot run yet:</p>
        <ul>
          {result.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.nodeId && <strong>{issue.nodeId}: </strong>}
              {issue.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="preview-results" data-testid="preview-results">
      {result.spam.length > 0 && <SpamReasons verdicts={result.spam} />}
      {result.nodes.map((node) => (
        <NodeOutput key={node.nodeId} node={node} />
      ))}
    </div>
  );
}

function SpamReasons({ verdicts }: { verdicts: SpamVerdict[] }) {
  return (
    <table className="preview-spam" data-testid="preview-spam">
      <caption>Why these reviews went to spam</caption>
      <thead>
        <tr>
          <th>Review</th>
          <th>Title</th>
          <th>Reasons</th>
        </tr>
      </thead>
      <tbody>
        {verdicts.map((verdict) => (
          <tr key={`${verdict.nodeId}:${verdict.id}`}>
            <td>
              <code>{verdict.id}</code>
            </td>
            <td>{verdict.title}</td>
            <td>
              {verdict.reasons.map((reason) => (
                <div key={`${reason.rule}:${reason.detail}`}>
                  <strong>{reason.rule}</strong>: {reason.detail}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NodeOutput({ node }: { node: NodePreview }) {
  const summary = [
    `in ${node.received}`,
    ...node.outputs.map((output) => `${output.port} ${output.values.length}`),
    ...(node.written ? [`${node.written.kind} ${node.written.name}: ${node.written.values.length}`] : []),
    ...(node.dropped.length > 0 ? [`dropped ${node.dropped.length}`] : []),
    ...(node.deadLettered.length > 0 ? [`dead-lettered ${node.deadLettered.length}`] : []),
  ].join(' · ');
  const shown = node.written ? [{ port: `${node.written.kind} ${node.written.name}`, values: node.written.values }] : node.outputs;
  return (
    <details className="preview-node" data-testid={`preview-node-${node.nodeId}`}>
      <summary>
        <strong>{node.nodeId}</strong> <span className="muted">{node.nodeType}</span> <span className="preview-counts">{summary}</span>
      </summary>
      {shown.map((output) => (
        <div key={output.port}>
          <h5>
            {output.port}
            {output.values.length > SHOWN_PER_PORT && ` (first ${SHOWN_PER_PORT} of ${output.values.length})`}
          </h5>
          <pre>{JSON.stringify(output.values.slice(0, SHOWN_PER_PORT), null, 2)}</pre>
        </div>
      ))}
      {node.deadLettered.map((letter, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: dead letters are positional
        <p key={index} className="field-error">
          dead-lettered ({letter.reason}): {letter.error}
        </p>
      ))}
    </details>
  );
}
