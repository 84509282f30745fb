// Quick add: type a node type's name, Enter adds it at the pointer, or into the selected edge (A → new → B).
import { useReactFlow } from '@xyflow/react';
import { type KeyboardEvent, useState } from 'react';
import { catalog, NODE_TYPES, type NodeType } from '../../shared/index.ts';
import type { Position } from '../store/document.ts';
import { addNode, spliceNode } from './canvas-actions.ts';
import { NodeIcon } from './NodeIcon.tsx';
import { closeOverlay } from './overlays.ts';

type Props = { at?: Position | undefined; spliceInto?: string | undefined };

/**
 * Node types matching what was typed, best first (its type or label exactly, then starting with it, then containing
 * it, then its description); when splicing, only those with both an input and an output.
 */
export function matchingTypes(query: string, splicing: boolean): NodeType[] {
  const needle = query.trim().toLowerCase();
  const rank = (type: NodeType): number => {
    const { label, doc } = catalog[type];
    const names = [type, label.toLowerCase()];
    if (needle === '' || names.includes(needle)) return 0;
    if (names.some((name) => name.startsWith(needle))) return 1;
    if (names.some((name) => name.includes(needle))) return 2;
    return doc.toLowerCase().includes(needle) ? 3 : Number.POSITIVE_INFINITY;
  };
  return NODE_TYPES.filter((type) => !(splicing && ['source', 'sink'].includes(catalog[type].category)))
    .map((type) => ({ type, score: rank(type) }))
    .filter(({ score }) => Number.isFinite(score))
    .sort((a, b) => a.score - b.score)
    .map(({ type }) => type);
}

export function CommandPalette({ at, spliceInto }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { screenToFlowPosition } = useReactFlow();
  const types = matchingTypes(query, spliceInto !== undefined);
  const chosen = types[Math.min(active, types.length - 1)];

  function add(type: NodeType) {
    closeOverlay();
    if (spliceInto) spliceNode(type, spliceInto);
    else addNode(type, at ?? middleOfCanvas(screenToFlowPosition));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, types.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter' && chosen) add(chosen);
    else if (event.key === 'Escape') closeOverlay();
    else return;
    event.preventDefault();
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside the dialog closes it; Esc does the same from the keyboard
    <div className="overlay-backdrop" onMouseDown={(event) => event.target === event.currentTarget && closeOverlay()} role="presentation">
      <div className="command-palette" role="dialog" aria-label="Quick add" data-testid="command-palette">
        <p className="command-palette-title">{spliceInto ? 'Insert a node into the selected edge' : 'Add a node at the pointer'}</p>
        <input
          // biome-ignore lint/a11y/noAutofocus: the palette exists to be typed into
          autoFocus
          aria-label="Node type"
          placeholder="Type a node type: filter, window, Kafka…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="command-list" aria-label="Matching node types">
          {types.map((type) => (
            <li key={type} className={type === chosen ? 'active' : ''}>
              <button type="button" aria-current={type === chosen} onClick={() => add(type)}>
                <NodeIcon type={type} /> <strong>{catalog[type].label}</strong> <span className="muted">{type}</span>
              </button>
            </li>
          ))}
          {types.length === 0 && <li className="muted">No node type matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}

function middleOfCanvas(toFlow: (point: { x: number; y: number }) => Position): Position {
  const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  return box ? toFlow({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
}
