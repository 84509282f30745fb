// Subscribes to a running pipeline's metrics stream (SSE, a snapshot a second) and feeds the metrics store.
import { useEffect } from 'react';
import { metricsStreamUrl } from '../api/client.ts';
import type { MetricsSnapshot } from '../api/types.ts';
import { clearMetrics, recordSnapshot } from './metrics-store.ts';

export function useMetricsStream(pipelineId: string | undefined, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !pipelineId || typeof EventSource === 'undefined') return;
    const source = new EventSource(metricsStreamUrl(pipelineId));
    source.onmessage = (message: MessageEvent<string>) => {
      try {
        recordSnapshot(JSON.parse(message.data) as MetricsSnapshot);
      } catch {
        // A malformed frame is skipped; the next one arrives in a second.
      }
    };
    return () => {
      source.close();
      clearMetrics(); // a stopped or closed pipeline shows no stale rates
    };
  }, [pipelineId, enabled]);
}
