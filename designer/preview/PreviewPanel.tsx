// Preview: run the pipeline over the bundled sample reviews and show what each output port would emit.
import { useState } from 'react';
import type { SluiceRecord } from '../../shared/index.ts';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import { type PreviewResult, runPreview } from './run-preview.ts';
import sampleReviews from './sample-reviews.json';

const SAMPLE_RECORDS: SluiceRecord[] = sampleReviews.map((review) => ({ key: review.id, value: review, timestamp: review.createdAt }));

export function PreviewPanel() {
  const [result, setResult] = useState<PreviewResult | undefined>();
  return (
    <div className="panel-body preview">
      <p>
        Runs the pipeline in the browser over {SAMPLE_RECORDS.length} sample reviews (a few of them spam).{' '}
        <button type="button" onClick={() => void runPreview(currentDocument(designerStore.get()), SAMPLE_RECORDS).then(setResult)}>
          Run preview
        </button>
      </p>
      {result?.status === 'unavailable' && <p className="muted">Preview is not available yet: {result.message}</p>}
      {result?.status === 'invalid' && <p className="field-error">{result.message}</p>}
      {result?.status === 'ok' &&
        result.outputs.map((output) => (
          <details key={`${output.nodeId}.${output.port}`} open>
            <summary>
              {output.nodeId}.{output.port}: {output.records.length} records
            </summary>
            <pre>{JSON.stringify(output.records.slice(0, 20), null, 2)}</pre>
          </details>
        ))}
    </div>
  );
}
