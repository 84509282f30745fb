// Reading what someone typed in the JSON view: a document the canvas can draw, or the first reason it is not one,
// with the line and column to show in the problems list. The text itself is never thrown away for it.
import { validatePipeline } from '../../shared/index.ts';
import { asDesignDocument, type DesignDocument } from '../store/document.ts';
import { offsetToLineColumn, pointerToSpan } from './json-locations.ts';

export type TextProblem = { message: string; line: number; column: number };
export type ReadText = { ok: true; doc: DesignDocument } | { ok: false; problem: TextProblem };

export function readJsonText(text: string): ReadText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { message: `JSON syntax: ${withoutPosition(message)}`, ...syntaxPosition(text, message) } };
  }
  const doc = asDesignDocument(value);
  if (doc) return { ok: true, doc };
  // JSON, but not a drawing: the validator names the first part that is not (an unknown node type, a missing list).
  const issue = validatePipeline(value).issues[0];
  const span = issue ? pointerToSpan(text, issue.path) : undefined;
  const at = offsetToLineColumn(text, span?.start ?? 0);
  const reason = issue ? `${issue.path || '/'}: ${issue.message}` : 'it needs format 1, an id, a name, nodes and edges';
  return { ok: false, problem: { message: `Not a pipeline the canvas can draw: ${reason}`, ...at } };
}

/** V8 says "… at position 13" (and, in newer versions, "(line 3 column 3)"); the end of the text when it ran out. */
function syntaxPosition(text: string, message: string): { line: number; column: number } {
  const lineColumn = message.match(/line (\d+) column (\d+)/);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = message.match(/at position (\d+)/);
  return offsetToLineColumn(text, position ? Number(position[1]) : text.length);
}

function withoutPosition(message: string): string {
  return message
    .replace(/\s*at position \d+/, '')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends too early');
}
