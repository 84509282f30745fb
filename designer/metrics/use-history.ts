// A pipeline's history as the runtime keeps it (24 hours of rates every 10 s, and its deploys, stops and starts):
// asked when a node panel opens and every 10 s while it stays open.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { PipelineHistory } from '../api/types.ts';

const EVERY_MS = 10_000;

export type HistoryAnswer = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; history: PipelineHistory };

export function useHistory(pipelineId: string): HistoryAnswer {
  const [answer, setAnswer] = useState<{ pipelineId: string; answer: HistoryAnswer }>({ pipelineId, answer: { state: 'loading' } });
  useEffect(() => {
    let live = true;
    const ask = () =>
      void api.history(pipelineId).then((result) => {
        if (!live) return;
        setAnswer({
          pipelineId,
          answer: result.ok ? { state: 'ok', history: result.value } : { state: 'error', message: result.error.message },
        });
      });
    ask();
    const timer = setInterval(ask, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pipelineId]);
  return answer.pipelineId === pipelineId ? answer.answer : { state: 'loading' };
}
