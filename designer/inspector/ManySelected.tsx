// Several nodes and edges selected: say how many, and offer what applies to all of them.
import { deleteSelection, duplicateSelection } from '../canvas/canvas-actions.ts';
import { select } from '../store/designer-store.ts';
import { EMPTY_SELECTION } from '../store/selection.ts';

export function ManySelected({ nodes, edges }: { nodes: number; edges: number }) {
  const parts = [nodes > 0 && `${nodes} node${nodes === 1 ? '' : 's'}`, edges > 0 && `${edges} edge${edges === 1 ? '' : 's'}`].filter(
    Boolean,
  );
  return (
    <div className="inspector-many" data-testid="many-selected">
      <h3>{parts.join(' and ')} selected</h3>
      <p className="field-help">Shift-click adds or removes one; drag on the canvas with Shift to select a box.</p>
      <div className="inspector-actions">
        {nodes > 0 && (
          <button type="button" onClick={duplicateSelection}>
            Duplicate
          </button>
        )}
        <button type="button" onClick={deleteSelection}>
          Delete
        </button>
        <button type="button" onClick={() => select(EMPTY_SELECTION)}>
          Clear selection
        </button>
      </div>
    </div>
  );
}
