// The JSON view: Monaco (loaded on first open), kept in step with the canvas both ways. Text that parses into a
// drawable document updates the document; document changes rewrite the text, keeping the cursor where it was.
import type { editor } from 'monaco-editor';
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore, edit } from '../store/designer-store.ts';
import { validationStore } from '../store/validation.ts';
import { documentFromText, documentText, textMatches } from './document-text.ts';
import { issueRanges } from './issue-markers.ts';
import type { Monaco } from './monaco-loader.ts';

export function JsonEditor() {
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{ monaco: Monaco; editor: editor.IStandaloneCodeEditor } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const doc = useStore(designerStore, currentDocument);
  const issues = useStore(validationStore, (s) => s.issues);

  useEffect(() => {
    let disposed = false;
    let created: editor.IStandaloneCodeEditor | undefined;
    void import('./monaco-loader.ts')
      .then(({ loadMonaco, MODEL_URI }) =>
        loadMonaco().then((monaco) => {
          if (disposed || !host.current) return;
          const uri = monaco.Uri.parse(MODEL_URI);
          const model =
            monaco.editor.getModel(uri) ?? monaco.editor.createModel(documentText(currentDocument(designerStore.get())), 'json', uri);
          created = monaco.editor.create(host.current, {
            model,
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 12,
            tabSize: 2,
          });
          created.onDidChangeModelContent(() => {
            const typed = documentFromText(model.getValue(), currentDocument(designerStore.get()));
            if (typed) edit(() => typed, 'json-text');
          });
          setLoaded({ monaco, editor: created });
        }),
      )
      .catch((cause: unknown) => setError(String(cause)));
    return () => {
      disposed = true;
      created?.dispose();
    };
  }, []);

  // Canvas → text, only when the text says something else (so typing is never rewritten under the cursor).
  useEffect(() => {
    const model = loaded?.editor.getModel();
    if (!loaded || !model || textMatches(model.getValue(), doc)) return;
    const position = loaded.editor.getPosition();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: documentText(doc) }], () => null);
    if (position) loaded.editor.setPosition(position);
  }, [doc, loaded]);

  useEffect(() => {
    const model = loaded?.editor.getModel();
    if (!loaded || !model) return;
    const markers = issueRanges(model.getValue(), issues).map((range) => ({
      ...range,
      severity: loaded.monaco.MarkerSeverity.Error,
      source: 'sluice',
    }));
    loaded.monaco.editor.setModelMarkers(model, 'sluice', markers);
  }, [issues, loaded]);

  return (
    <div className="json-editor">
      {!loaded && !error && <p className="muted">Loading the editor…</p>}
      {error && <p className="field-error">The editor failed to load: {error}</p>}
      <div ref={host} className="json-editor-host" data-testid="json-editor" />
    </div>
  );
}
