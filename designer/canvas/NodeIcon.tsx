// Each node type's icon as inline SVG, bundled with the designer: no icon font, nothing the machine must have. The
// catalog's `icon` glyph stays the plain-text fallback (its title) for places that cannot draw.
import type { ReactNode } from 'react';
import { declarationOf, type NodeType } from '../../shared/index.ts';

const SHAPES = {
  'source.kafka': <path d="M3 3v10M5.5 8h7.5M10 5l3 3-3 3" />,
  'spam-filter': (
    <>
      <path d="M8 1.8l5 1.9v4.1c0 3.1-2.1 5.3-5 6.4-2.9-1.1-5-3.3-5-6.4V3.7z" />
      <path d="M6 6l4 4M10 6l-4 4" />
    </>
  ),
  window: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="1" />
      <path d="M2.5 6.5h11M6.5 6.5v7M10 6.5v7" />
    </>
  ),
  filter: <path d="M2 3h12l-4.5 5.2V13l-3 1.2v-6z" />,
  map: <path d="M11 2.5c-2.2-.3-3 .8-3.4 3L6.4 11c-.4 2-1.3 2.7-3 2.4M4.5 6.5h6" />,
  branch: <path d="M4 2v12M4 9c0-3.5 2.5-5 8-5M10 2l2 2-2 2" />,
  'sink.kafka': <path d="M13 3v10M3 8h7.5M8 5l3 3-3 3" />,
  'sink.postgres': (
    <>
      <ellipse cx="8" cy="4" rx="5" ry="2" />
      <path d="M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" />
    </>
  ),
} satisfies Record<NodeType, ReactNode>;

export function NodeIcon({ type, size = 16 }: { type: NodeType; size?: number }) {
  const { color, icon, label } = declarationOf(type);
  return (
    <svg
      className="node-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke={color}
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      role="img"
      aria-label={label}
      data-glyph={icon}
    >
      {SHAPES[type]}
    </svg>
  );
}
