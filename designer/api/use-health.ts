// Polls the runtime's health so the app can say plainly when the runtime is not there (and keep working).
import { useEffect, useState } from 'react';
import { api } from './client.ts';
import type { Health } from './types.ts';

export type HealthView = { state: 'checking' } | { state: 'unreachable'; message: string } | { state: 'up'; health: Health };

export function useHealth(intervalMs = 5000): HealthView {
  const [view, setView] = useState<HealthView>({ state: 'checking' });
  useEffect(() => {
    let live = true;
    const check = () =>
      void api.health().then((result) => {
        if (live) setView(result.ok ? { state: 'up', health: result.value } : { state: 'unreachable', message: result.error.message });
      });
    check();
    const timer = setInterval(check, intervalMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [intervalMs]);
  return view;
}
