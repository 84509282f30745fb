// JSON.parse with the line and column of a syntax error. V8 puts a character offset in most messages
// ("... in JSON at position 14") but not all ("Unexpected token ']', "[1,]" is not valid JSON"); for those
// a small scanner finds where the text stops being JSON.

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reported = /at position (\d+)/.exec(message)?.[1];
    const offset = reported === undefined ? syntaxErrorOffset(text) : Number(reported);
    const reason = message.replace(/ (in JSON )?at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return { ok: false, message: reason, ...lineAndColumn(text, offset) };
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The offset of the first character that makes `text` invalid JSON (text.length when it ends too early). */
export function syntaxErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const expect = (literal: string) => {
    for (const char of literal) {
      if (text.charAt(at) !== char) fail();
      at++;
    }
  };
  const string = () => {
    expect('"');
    while (text.charAt(at) !== '"') {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail();
      if (text.charAt(at) === '\\') {
        at++;
        if (text.charAt(at) === 'u') {
          at++;
          for (let i = 0; i < 4; i++, at++) if (!/[0-9a-fA-F]/.test(text.charAt(at))) fail();
          continue;
        }
        if (!'"\\/bfnrt'.includes(text.charAt(at)) || at >= text.length) fail();
      }
      at++;
    }
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at));
    if (!match || match[0] === '' || match[0] === '-') fail();
    at += match?.[0].length ?? 0;
  };
  const list = (close: string, item: () => void) => {
    at++;
    space();
    if (text.charAt(at) === close) return void at++;
    for (;;) {
      item();
      space();
      if (text.charAt(at) === close) return void at++;
      expect(',');
      space();
    }
  };
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === '{') {
      list('}', () => {
        string();
        space();
        expect(':');
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else if (char === 't') expect('true');
    else if (char === 'f') expect('false');
    else if (char === 'n') expect('null');
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return text.length;
  } catch (offset) {
    return Math.min(typeof offset === 'number' ? offset : at, text.length);
  }
}
