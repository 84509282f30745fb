// The validator's issues as a list, and beneath them what the runtime refused the last deploy for; clicking one
// selects its node and reveals the field its path points at.
import type { ValidationIssue } from '../../shared/index.ts';
import type { TextProblem } from '../code/read-json-text.ts';
import { useStore } from '../store/create-store.ts';
import { designerStore, select, setUi, showBottomTab } from '../store/designer-store.ts';
import { validationStore } from '../store/validation.ts';
import { DeployContext } from './deploy-context.ts';

const NONE: ValidationIssue[] = [];
const issueKey = (issue: ValidationIssue) => `${issue.path}:${issue.code}:${issue.message}`;

export function ProblemsList() {
  const issues = useStore(validationStore, (s) => s.issues);
  const textProblem = useStore(designerStore, (s) => s.textAhead?.problem);
  const refusedAll = DeployContext.useSelector((s) => (s.matches('failed') ? s.context.issues : NONE));
  const shown = new Set(issues.map(issueKey));
  const refused = refusedAll.filter((issue) => !shown.has(issueKey(issue)));
  if (issues.length === 0 && refused.length === 0 && !textProblem) {
    return (
      <p className="muted panel-body" data-testid="problems-none">
        No problems. The pipeline is valid.
      </p>
    );
  }
  return (
    <div className="panel-body" data-testid="problems">
      {textProblem && <TextProblemRow problem={textProblem} />}
      {textProblem && issues.length > 0 && <h4 className="problems-heading">The canvas, which is behind the text:</h4>}
      <Issues issues={issues} />
      {refused.length > 0 && (
        <>
          <h4 className="problems-heading">The runtime refused the deploy; the running version keeps running:</h4>
          <Issues issues={refused} />
        </>
      )}
    </div>
  );
}

/** The JSON view's text does not read: where it breaks, by line and column. */
function TextProblemRow({ problem }: { problem: TextProblem }) {
  return (
    <ul className="problems">
      <li data-testid="problem" data-kind="json-text">
        <button type="button" onClick={() => showBottomTab('json')}>
          <span className="problem-code">json-text</span>
          <span className="problem-message">{problem.message}</span>
          <code className="problem-path">
            line {problem.line}, column {problem.column}
          </code>
        </button>
      </li>
    </ul>
  );
}

function Issues({ issues }: { issues: ValidationIssue[] }) {
  return (
    <ul className="problems">
      {issues.map((issue) => (
        <li key={issueKey(issue)} data-testid="problem">
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

function reveal(issue: ValidationIssue): void {
  // The field the problem names is on the node's config form.
  setUi({ nodeView: 'config' });
  select({ nodeIds: issue.nodeId ? [issue.nodeId] : [], edgeKeys: [], focusPath: issue.path });
}
