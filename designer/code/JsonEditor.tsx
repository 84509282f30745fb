// The JSON view: Monaco (loaded on first open), kept in step with the canvas both ways, and never losing text. Text
// that reads as a drawable document updates the document; text that does not is kept as typed (in the store, so a
// tab switch or a page change keeps it too), the problems list says where it breaks, and the canvas says it is behind
// until the text reads again. Document changes rewrite the text only while the text is not ahead.
import type { editor } from 'monaco-editor';
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store/create-store.ts';
import { currentDocument, designerStore } from '../store/designer-store.ts';
import { validationStore } from '../store/validation.ts';
import { documentText, textMatches } from './document-text.ts';
import { issueRanges } from './issue-markers.ts';
import type { Monaco } from './monaco-loader.ts';
import { takeTypedText, wantedText } from './typed-text.ts';

type Loaded = { monaco: Monaco; editor: editor.IStandaloneCodeEditor };

export function JsonEditor() {
  const host = useRef<HTMLDivElement>(null);
  const writing = useRef(false);
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const doc = useStore(designerStore, currentDocument);
  const ahead = useStore(designerStore, (s) => s.textAhead);
  const issues = useStore(validationStore, (s) => s.issues);

  useEffect(() => {
    let disposed = false;
    let created: editor.IStandaloneCodeEditor | undefined;
    void import('./monaco-loader.ts')
      .then(({ loadMonaco, MODEL_URI }) =>
        loadMonaco().then((monaco) => {
          if (disposed || !host.current) return;
          const uri = monaco.Uri.parse(MODEL_URI);
          const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(wantedText(), 'json', uri);
          if (model.getValue() !== wantedText() && designerStore.get().textAhead) model.setValue(wantedText());
          created = monaco.editor.create(host.current, {
            model,
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 12,
            tabSize: 2,
          });
          created.onDidChangeModelContent(() => {
            if (!writing.current) takeTypedText(model.getValue());
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

  // Canvas → text, only while the text is not ahead and says something else (typing is never rewritten).
  useEffect(() => {
    const model = loaded?.editor.getModel();
    if (!loaded || !model || ahead || textMatches(model.getValue(), doc)) return;
    const position = loaded.editor.getPosition();
    writing.current = true;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: documentText(doc) }], () => null);
    writing.current = false;
    if (position) loaded.editor.setPosition(position);
  }, [doc, loaded, ahead]);

  useEffect(() => {
    const model = loaded?.editor.getModel();
    if (!loaded || !model) return;
    const severity = loaded.monaco.MarkerSeverity.Error;
    const markers = ahead
      ? [
          {
            startLineNumber: ahead.problem.line,
            startColumn: ahead.problem.column,
            endLineNumber: ahead.problem.line,
            endColumn: ahead.problem.column + 1,
            message: ahead.problem.message,
            severity,
            source: 'sluice',
          },
        ]
      : issueRanges(model.getValue(), issues).map((range) => ({ ...range, severity, source: 'sluice' }));
    loaded.monaco.editor.setModelMarkers(model, 'sluice', markers);
  }, [issues, loaded, ahead]);

  return (
    <div className="json-editor">
      {!loaded && !error && <p className="muted">Loading the editor…</p>}
      {error && <p className="field-error">The editor failed to load: {error}</p>}
      <div ref={host} className="json-editor-host" data-testid="json-editor" />
    </div>
  );
}
