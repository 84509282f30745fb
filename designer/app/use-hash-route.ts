// Three pages, addressed by the URL hash so the runtime can serve one static index.html.
import { useSyncExternalStore } from 'react';

export type Route = { page: 'designer' } | { page: 'pipelines' } | { page: 'courses' };

function parseRoute(hash: string): Route {
  if (hash.startsWith('#/pipelines')) return { page: 'pipelines' };
  if (hash.startsWith('#/courses')) return { page: 'courses' };
  return { page: 'designer' };
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
