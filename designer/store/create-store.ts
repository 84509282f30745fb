// A tiny external store (the zustand idea in thirty lines) so components subscribe to just the slice they draw.
import { useSyncExternalStore } from 'react';

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

/** The selector must return something stable (a slice of state, not a fresh object) to avoid re-render loops. */
export function useStore<S, T>(store: Store<S>, selector: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
