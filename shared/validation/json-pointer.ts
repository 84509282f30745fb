// JSON pointers (RFC 6901): how every validation issue says where it is.

/** The pointer for a path of keys and indexes: ['nodes', 3, 'config'] → /nodes/3/config. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapeSegment(String(segment))}`).join('');
}

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The segments of a pointer: /nodes/3/config → ['nodes', '3', 'config']. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Whether the pointer names something that exists in the document. */
export function pointerExists(document: unknown, pointer: string): boolean {
  let current: unknown = document;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment) || Number(segment) >= current.length) return false;
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return false;
    }
  }
  return true;
}

/** The pointer one level up: /nodes/3/config → /nodes/3. */
export function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}
