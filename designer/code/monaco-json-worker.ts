// Stands in for monaco-editor's internal/common/workers.js when its JSON language starts its worker (vite.config.ts
// points that one import here). The original also imports every editor feature Monaco has, about 500 kB the JSON
// view never uses; this does the rest of what it does: start the worker, hand it its settings, wrap it for the
// language features.
import { editor } from 'monaco-editor/editor/editor.api';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

type WorkerOptions = { createData?: unknown; host?: Record<string, (...args: unknown[]) => unknown>; keepIdleModels?: boolean };

export function createWebWorker<T extends object>(options: WorkerOptions): editor.MonacoWebWorker<T> {
  const worker = new JsonWorker();
  worker.postMessage('ignore');
  worker.postMessage(options.createData);
  return editor.createWebWorker<T>({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}
