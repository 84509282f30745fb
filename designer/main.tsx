import '@xyflow/react/dist/style.css';
import './app/styles.css';
import './app/overlays.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startDraftKeeper } from './app/draft-keeper.ts';
import { openDraft } from './app/open-deployed.ts';
import { openTemplate } from './pages/templates.ts';
import { browserStorage, lastOpen, loadDraft } from './store/drafts.ts';
import { startLiveValidation } from './store/validation.ts';

// Reopen what was being edited when a draft of it is kept; otherwise start with the review-stats template, so the
// first thing anyone sees is a real pipeline (the runtime's copy replaces it once the runtime answers).
const storage = browserStorage();
const last = storage && lastOpen(storage);
const draft = storage && last ? loadDraft(storage, last) : undefined;
if (draft) openDraft(draft);
else openTemplate();
startLiveValidation();
startDraftKeeper(storage);

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
