import '@xyflow/react/dist/style.css';
import './app/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { openTemplate } from './pages/templates.ts';
import { startLiveValidation } from './store/validation.ts';

// Start with the review-stats template open, so the first thing anyone sees is a real pipeline.
openTemplate();
startLiveValidation();

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
