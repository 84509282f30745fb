// Loads Monaco from the bundle (never a CDN), with its workers built by Vite. This module is only ever imported
// dynamically, so Monaco and its workers stay out of the first load.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import pipelineSchema from '../../shared/generated/pipeline.schema.json';

export type Monaco = typeof import('monaco-editor');

export const SCHEMA_URI = 'sluice://schemas/pipeline.schema.json';
export const MODEL_URI = 'sluice://pipelines/pipeline.json';

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    self.MonacoEnvironment = {
      getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
    };
    const monaco = await import('monaco-editor');
    monaco.json.jsonDefaults.setDiagnosticsOptions({
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
