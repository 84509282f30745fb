// The validator's issues as a list; clicking one selects its node and reveals the field its path points at.
import type { ValidationIssue } from '../../shared/index.ts';
import { useStore } from '../store/create-store.ts';
import { select } from '../store/designer-store.ts';
import { validationStore } from '../store/validation.ts';

export function ProblemsList() {
  const issues = useStore(validationStore, (s) => s.issues);
  if (issues.length === 0) return <p className="muted panel-body">No problems. The pipeline is valid.</p>;
  return (
    <ul className="problems panel-body">
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.code}:${issue.message}`}>
          <button type="button" onClick={() => reveal(issue)}>
            <span className="problem-code">{issue.code}</span>
            {issue.nodeId && <span className="problem-node">{issue.nodeId}</span>}
            <span className="problem-message">{issue.message}</span>
            <code className="problem-path">{issue.path || '/'}</code>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function reveal(issue: ValidationIssue): void {
  select({ nodeIds: issue.nodeId ? [issue.nodeId] : [], edgeKeys: [], focusPath: issue.path });
}
