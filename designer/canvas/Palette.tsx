// The node catalog as a palette: grouped by category, searchable, each entry draggable onto the canvas.
import { useState } from 'react';
import { catalog, NODE_TYPES, type NodeCategory } from '../../shared/index.ts';
import { NodeIcon } from './NodeIcon.tsx';

export const DRAG_MIME = 'application/x-sluice-node-type';
const CATEGORIES: NodeCategory[] = ['source', 'transform', 'stateful', 'sink'];

export function Palette() {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const matches = NODE_TYPES.filter((type) => {
    const { label, doc } = catalog[type];
    return needle === '' || `${type} ${label} ${doc}`.toLowerCase().includes(needle);
  });
  return (
    <aside className="palette" aria-label="Node palette">
      <input className="palette-search" type="search" placeholder="Search nodes" value={query} onChange={(e) => setQuery(e.target.value)} />
      {CATEGORIES.map((category) => {
        const types = matches.filter((type) => catalog[type].category === category);
        if (types.length === 0) return null;
        return (
          <section key={category}>
            <h3 className="palette-category">{category}</h3>
            {types.map((type) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: a drag source; dropping it on the canvas is the interaction
              <div
                key={type}
                className="palette-item"
                data-testid={`palette-${type}`}
                draggable
                title={catalog[type].doc}
                onDragStart={(event) => {
                  event.dataTransfer.setData(DRAG_MIME, type);
                  event.dataTransfer.effectAllowed = 'move';
                }}
              >
                <span className="palette-icon">
                  <NodeIcon type={type} />
                </span>
                <span>
                  <strong>{catalog[type].label}</strong>
                  <small>{catalog[type].doc}</small>
                </span>
              </div>
            ))}
          </section>
        );
      })}
      {matches.length === 0 && <p className="muted">No node matches “{query}”.</p>}
    </aside>
  );
}
