// One way for a component to show a runtime answer: loading, then the value or why there is none. It asks again when
// `key` changes (say, another pipeline id) and, with `everyMs`, on a timer; an answer to an old question is ignored.
import { useEffect, useRef, useState } from 'react';
import type { ApiResult } from './types.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; value: T };

export function useApi<T>(key: string, call: () => Promise<ApiResult<T>>, everyMs?: number): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const latestCall = useRef(call);
  latestCall.current = call;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the question; the call is read through a ref
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    const ask = () =>
      void latestCall.current().then((result) => {
        if (live) setLoaded(result.ok ? { state: 'ok', value: result.value } : { state: 'error', message: result.error.message });
      });
    ask();
    const timer = everyMs === undefined ? undefined : setInterval(ask, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [key, everyMs]);
  return loaded;
}
