// Monaco as the JSON view needs it: the editor core, the features that make JSON editing pleasant, and the JSON
// language with its worker. Importing `monaco-editor` itself would bundle every language and the TypeScript, CSS and
// HTML workers (several MB the designer never uses).
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
// Completion: the widget itself (features/suggest only adds inline completions).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';

export { editor, MarkerSeverity, Uri } from 'monaco-editor/editor/editor.api';
export { jsonDefaults } from 'monaco-editor/languages/features/json/register';
