// While the JSON view holds text the canvas cannot draw, the canvas says it is behind, and why.
import { useStore } from '../store/create-store.ts';
import { designerStore, showBottomTab } from '../store/designer-store.ts';

export function CanvasBehindText() {
  const problem = useStore(designerStore, (s) => s.textAhead?.problem);
  if (!problem) return null;
  return (
    <div className="canvas-behind" role="status" data-testid="canvas-behind">
      <strong>The canvas is behind the JSON text</strong> until it reads again: line {problem.line}, column {problem.column}:{' '}
      {problem.message}{' '}
      <button type="button" className="link" onClick={() => showBottomTab('json')}>
        Show the text
      </button>
    </div>
  );
}
