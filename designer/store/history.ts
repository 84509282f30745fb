// Undo/redo as a history of whole documents: documents are immutable, so a snapshot costs one reference.

export type History<T> = { past: T[]; present: T; future: T[]; lastKey?: string | undefined; lastAt?: number };

const HISTORY_LIMIT = 200;
/** Edits with the same key this close together (typing in one field) become one undo step. */
const COALESCE_MS = 1000;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function record<T>(history: History<T>, next: T, coalesceKey?: string, now = Date.now()): History<T> {
  if (Object.is(next, history.present)) return history;
  const coalesce =
    coalesceKey !== undefined && history.lastKey === coalesceKey && history.lastAt !== undefined && now - history.lastAt < COALESCE_MS;
  const past = coalesce ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: coalesceKey, lastAt: now };
}

/** Replaces the present without an undo step (while a drag is under way); `base` is pushed when it ends. */
export function replacePresent<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

export function pushPast<T>(history: History<T>, base: T): History<T> {
  if (Object.is(base, history.present)) return history;
  return { past: [...history.past, base].slice(-HISTORY_LIMIT), present: history.present, future: [] };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future };
}
