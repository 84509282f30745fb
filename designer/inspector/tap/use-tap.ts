// The last records that crossed a port, live: asked of the runtime every second until paused. "Clear" hides what
// was shown when it was pressed, so only records that cross afterwards appear.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { TappedRecord } from '../../api/types.ts';
import { recordIdentity } from './readable-record.ts';

const EVERY_MS = 1000;
const LIMIT = 20;

export type Tap = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; records: TappedRecord[]; hidden: number };

export function useTap(pipelineId: string, nodeId: string, port: string, paused: boolean, cleared: ReadonlySet<string>): Tap {
  const [answer, setAnswer] = useState<{ key: string; tap: Tap }>({ key: '', tap: { state: 'loading' } });
  const key = `${pipelineId}/${nodeId}/${port}`;
  useEffect(() => {
    if (paused) return;
    let live = true;
    const ask = () =>
      void api.tap(pipelineId, nodeId, port, LIMIT).then((result) => {
        if (!live) return;
        const tap: Tap = result.ok
          ? { state: 'ok', records: result.value.records, hidden: 0 }
          : { state: 'error', message: result.error.message };
        setAnswer((before) => (before.key === key && JSON.stringify(before.tap) === JSON.stringify(tap) ? before : { key, tap }));
      });
    ask();
    const timer = setInterval(ask, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pipelineId, nodeId, port, paused, key]);
  return useMemo(() => {
    const tap = answer.key === key ? answer.tap : { state: 'loading' as const };
    if (tap.state !== 'ok') return tap;
    // Newest first: the record that just crossed is the one at the top.
    const records = tap.records.filter((record) => !cleared.has(recordIdentity(record))).reverse();
    return { state: 'ok', records, hidden: tap.records.length - records.length };
  }, [answer, key, cleared]);
}
