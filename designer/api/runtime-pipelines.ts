// The runtime's pipelines and their reported status, polled, in a store of their own so the top bar's switcher and
// status badge re-render only when what they show changes.
import { createStore } from '../store/create-store.ts';
import { api } from './client.ts';
import type { PipelineSummary } from './types.ts';

export type RuntimePipelines =
  | { state: 'loading' }
  | { state: 'unreachable'; message: string }
  | { state: 'ok'; pipelines: PipelineSummary[] };

export const runtimePipelinesStore = createStore<RuntimePipelines>({ state: 'loading' });

/**
 * Asks the runtime once and stores the answer; resolves to the pipelines, or undefined when it could not. `first`
 * runs on the answer before it is stored, so what it opens is there when the badges that read the store show it.
 */
export async function refreshRuntimePipelines(
  first?: (pipelines: PipelineSummary[]) => Promise<void>,
): Promise<PipelineSummary[] | undefined> {
  const result = await api.listPipelines();
  try {
    if (result.ok) await first?.(result.value.pipelines);
  } finally {
    publish(result);
  }
  return result.ok ? result.value.pipelines : undefined;
}

function publish(result: Awaited<ReturnType<typeof api.listPipelines>>): void {
  runtimePipelinesStore.set((before) => {
    if (!result.ok) return { state: 'unreachable', message: result.error.message };
    // An unchanged answer keeps the old state object, so subscribers are not woken for nothing.
    if (before.state === 'ok' && JSON.stringify(before.pipelines) === JSON.stringify(result.value.pipelines)) return before;
    return { state: 'ok', pipelines: result.value.pipelines };
  });
}

export function summaryOf(state: RuntimePipelines, pipelineId: string): PipelineSummary | undefined {
  return state.state === 'ok' ? state.pipelines.find((pipeline) => pipeline.id === pipelineId) : undefined;
}
