// Short messages (a refused connection, a failed call) that fade on their own.
import { createStore } from '../store/create-store.ts';

export type Toast = { id: number; message: string; kind: 'info' | 'error' };

export const toastStore = createStore<Toast[]>([]);
let nextId = 1;

export function showToast(message: string, kind: Toast['kind'] = 'info', durationMs = 4000): void {
  const toast = { id: nextId++, message, kind };
  toastStore.set((toasts) => [...toasts.slice(-3), toast]);
  setTimeout(() => toastStore.set((toasts) => toasts.filter((t) => t.id !== toast.id)), durationMs);
}
