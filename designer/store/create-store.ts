// A tiny external store (the zustand idea in forty lines) so components subscribe to just the slice they draw.
import { useRef, useSyncExternalStore } from 'react';

export type Store<S> = {
  get(): S;
  set(update: (state: S) => S): void;
  subscribe(listener: () => void): () => void;
};

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const next = update(state);
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The component re-renders only when the selected value changes by `isEqual`. With the default (Object.is) the
 * selector must return something stable (a slice of state, a string); a selector that builds a fresh object needs an
 * `isEqual` such as `shallowEqual`.
 */
export function useStore<S, T>(store: Store<S>, selector: (state: S) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ value: T } | undefined>(undefined);
  return useSyncExternalStore(store.subscribe, () => {
    const next = selector(store.get());
    if (last.current && isEqual(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  });
}

/** Equal when both are the same, or objects with the same keys and Object.is-equal values. */
export function shallowEqual<T extends object | undefined>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (a === undefined || b === undefined) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.is(left[key], right[key]));
}
