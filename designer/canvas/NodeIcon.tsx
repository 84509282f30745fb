// Each node type's icon as inline SVG from its declaration's path data, bundled with the designer: no icon font,
// nothing the machine must have. The catalog's `icon` glyph stays the plain-text fallback (its data attribute).
import { declarationOf, type NodeType } from '../../shared/index.ts';

export function NodeIcon({ type, size = 16 }: { type: NodeType; size?: number }) {
  const { color, icon, iconPaths, label } = declarationOf(type);
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
      {iconPaths.map((path) => (
        <path key={path} d={path} />
      ))}
    </svg>
  );
}
