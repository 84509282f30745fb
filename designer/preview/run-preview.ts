// The preview runs a pipeline over sample records in the browser. The engine's in-memory driver will back this
// (runtime/engine/memory-driver.ts); until it is wired in, runPreview says so instead of pretending.
import type { SluiceRecord } from '../../shared/index.ts';
import type { DesignDocument } from '../store/document.ts';

export type PreviewOutput = { nodeId: string; port: string; records: SluiceRecord[] };
export type PreviewResult =
  | { status: 'ok'; outputs: PreviewOutput[] }
  | { status: 'invalid'; message: string }
  | { status: 'unavailable'; message: string };

export type PreviewRunner = (pipeline: DesignDocument, records: SluiceRecord[]) => Promise<PreviewResult>;

let runner: PreviewRunner | undefined;

/** The lead plugs the engine's in-memory driver in here. */
export function setPreviewRunner(next: PreviewRunner): void {
  runner = next;
}

export async function runPreview(pipeline: DesignDocument, records: SluiceRecord[]): Promise<PreviewResult> {
  if (!runner) return { status: 'unavailable', message: 'The in-browser engine is not wired in yet.' };
  return runner(pipeline, records);
}
