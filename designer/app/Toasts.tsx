import { useStore } from '../store/create-store.ts';
import { toastStore } from './toasts.ts';

export function Toasts() {
  const toasts = useStore(toastStore, (t) => t);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          {toast.message}
        </div>
      ))}
    </div>
  );
}
