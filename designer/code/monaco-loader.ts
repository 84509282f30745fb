// Loads Monaco from the bundle (never a CDN), with its two workers (editor, JSON) built by Vite. This module is only ever imported
// dynamically, so Monaco and its workers stay out of the first load.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import pipelineSchema from '../../shared/generated/pipeline.schema.json';

export type Monaco = typeof import('./monaco-json.ts');

const SCHEMA_URI = 'sluice://schemas/pipeline.schema.json';
export const MODEL_URI = 'sluice://pipelines/pipeline.json';

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    self.MonacoEnvironment = {
      // The JSON language starts its own worker (monaco-json-worker.ts); this one is the editor's.
      getWorker: () => new EditorWorker(),
    };
    const monaco = await import('./monaco-json.ts');
    monaco.jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      // The pipeline's $schema is a relative file path; the schema is registered here instead of fetched.
      enableSchemaRequest: false,
      schemaRequest: 'ignore',
      schemas: [{ uri: SCHEMA_URI, fileMatch: [MODEL_URI], schema: pipelineSchema }],
    });
    return monaco;
  })();
  return loading;
}
