// Preview: run the open pipeline in the browser (the engine's in-memory driver) over the bundled sample reviews or
// pasted records, and see what each node emits and why a review went to spam.
import { useState } from 'react';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import { PreviewResults } from './PreviewResults.tsx';
import { parsePasted, previewInput, type RecordValue, SAMPLE_REVIEWS } from './preview-input.ts';
import type { PreviewResult } from './preview-types.ts';

type Run = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: PreviewResult } | { state: 'bad-input'; message: string };

export function PreviewPanel() {
  const [source, setSource] = useState<'sample' | 'pasted'>('sample');
  const [pasted, setPasted] = useState('');
  const [run, setRun] = useState<Run>({ state: 'idle' });

  async function start() {
    const parsed = source === 'sample' ? { ok: true as const, values: [...SAMPLE_REVIEWS] } : parsePasted(pasted);
    if (!parsed.ok) return setRun({ state: 'bad-input', message: parsed.message });
    setRun({ state: 'running' });
    setRun({ state: 'done', result: await previewOpenDocument(parsed.values) });
  }

  return (
    <div className="panel-body preview" data-testid="preview">
      <div className="preview-controls">
        <label>
          <input type="radio" name="preview-source" checked={source === 'sample'} onChange={() => setSource('sample')} />
          {SAMPLE_REVIEWS.length} sample reviews (a few of them spam)
        </label>
        <label>
          <input type="radio" name="preview-source" checked={source === 'pasted'} onChange={() => setSource('pasted')} />
          Pasted records
        </label>
        <button type="button" className="primary" disabled={run.state === 'running'} onClick={() => void start()}>
          Run preview
        </button>
      </div>
      {source === 'pasted' && (
        <textarea
          aria-label="Records to preview"
          rows={4}
          placeholder='[{"id": "r1", "courseId": "c1", "userId": "u1", "rating": 4, "content": "…", "createdAt": "2026-01-01T10:00:00Z"}]'
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
      )}
      {run.state === 'running' && <p className="muted">Running the pipeline in the browser…</p>}
      {run.state === 'bad-input' && <p className="field-error">{run.message}</p>}
      {run.state === 'done' && <PreviewResults result={run.result} />}
    </div>
  );
}

async function previewOpenDocument(values: RecordValue[]): Promise<PreviewResult> {
  try {
    const { runPreview } = await import('./run-preview.ts');
    return runPreview(currentDocument(designerStore.get()), previewInput(values));
  } catch (error) {
    return { status: 'failed', message: `The preview engine failed to load: ${String(error)}` };
  }
}
