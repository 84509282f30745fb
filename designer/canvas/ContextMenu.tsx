// A right-click menu at the pointer, kept inside the window; a click elsewhere or Esc closes it.
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { type FlowView, menuItems } from './context-menu-items.ts';
import { closeOverlay, type MenuTarget } from './overlays.ts';

export function ContextMenu({ x, y, target }: { x: number; y: number; target: MenuTarget }) {
  const { fitView } = useReactFlow();
  const menu = useRef<HTMLDivElement>(null);
  const view: FlowView = {
    fitNode: (nodeId) => void fitView({ nodes: [{ id: nodeId }], padding: 0.6, duration: 200, maxZoom: 1.5 }),
    fitAll: () => void fitView({ padding: 0.15, duration: 200 }),
  };
  const items = menuItems(target, view);
  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
  }, []);
  const left = Math.min(x, window.innerWidth - 200);
  const top = Math.min(y, window.innerHeight - 36 * items.length - 12);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside the menu closes it; Esc does the same from the keyboard
    <div
      className="overlay-backdrop clear"
      onMouseDown={(event) => event.target === event.currentTarget && closeOverlay()}
      onContextMenu={(event) => {
        event.preventDefault();
        closeOverlay();
      }}
      role="presentation"
    >
      <div
        ref={menu}
        className="context-menu"
        role="menu"
        aria-label={`${target.kind} menu`}
        data-testid="context-menu"
        style={{ left, top }}
      >
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            onClick={() => {
              closeOverlay();
              item.run();
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
