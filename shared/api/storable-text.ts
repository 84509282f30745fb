// Text every sink can store: PostgreSQL refuses U+0000 in text, and control characters and lone surrogates
// break JSON consumers, terminals, CSV exports and other clients (a lone surrogate is not Unicode at all).
import { z } from 'zod';

// Unicode's control characters (general category Cc): C0, DEL and C1.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_BREAKS = /(?![\t\n\r])\p{Cc}/u;
// With the u flag a surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

const codePoint = (text: string, index: number) =>
  `U+${(text.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at ${index}`;

function problemIn(text: string, allowBreaks: boolean): string | undefined {
  const control = (allowBreaks ? CONTROL_EXCEPT_BREAKS : CONTROL).exec(text);
  if (control) {
    const what = allowBreaks ? 'control characters other than tab, line feed and carriage return' : 'control characters';
    return `must not hold ${what} (${codePoint(text, control.index)})`;
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `must be valid Unicode: a lone surrogate (${codePoint(text, surrogate.index)}) cannot be stored`;
  return undefined;
}

/** A string of at most `max` characters without control characters (tab, LF and CR allowed with `allowBreaks`) or lone surrogates. */
export function storableText(options: { min?: number; max: number; allowBreaks?: boolean }) {
  const allowBreaks = options.allowBreaks ?? false;
  const bounded = options.min === undefined ? z.string().max(options.max) : z.string().min(options.min).max(options.max);
  return bounded
    .superRefine((text, context) => {
      const problem = problemIn(text, allowBreaks);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .meta({
      // The same rule for readers of the OpenAPI document (the u flag is JSON Schema's default for patterns).
      pattern: allowBreaks ? '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$' : '^[^\\u0000-\\u001f\\u007f-\\u009f]*$',
    });
}
