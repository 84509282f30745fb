// Where each value of a JSON text is, so a validator issue's JSON pointer can become a squiggle in the editor.
// A small recursive-descent scanner: it only needs offsets, JSON.parse has already said whether the text is valid.

export type Span = { start: number; end: number };
type Located = Span & { members?: Map<string, Located>; items?: Located[] };

function locateAll(text: string): Located | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const scanner = new Scanner(text);
  return scanner.value();
}

/**
 * The text span of the value a JSON pointer names. When the last part does not exist (a missing field), the span of
 * the first character of the nearest value that does, so the squiggle sits on the object that lacks it.
 */
export function pointerToSpan(text: string, pointer: string): Span | undefined {
  const root = locateAll(text);
  if (!root) return undefined;
  let current: Located = root;
  const segments =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  for (const segment of segments) {
    const next: Located | undefined = current.items ? current.items[Number(segment)] : current.members?.get(segment);
    if (!next) return { start: current.start, end: current.start + 1 };
    current = next;
  }
  return { start: current.start, end: current.end };
}

/** A 0-based offset as a 1-based line and column (what editors count in). */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Scanner {
  private at = 0;
  constructor(private readonly text: string) {}

  value(): Located {
    this.skipSpace();
    const start = this.at;
    const char = this.text[this.at];
    if (char === '{') return this.object(start);
    if (char === '[') return this.array(start);
    if (char === '"') {
      this.string();
      return { start, end: this.at };
    }
    while (this.at < this.text.length && !/[\s,\]}]/.test(this.text[this.at] as string)) this.at++;
    return { start, end: this.at };
  }

  private object(start: number): Located {
    const members = new Map<string, Located>();
    this.at++;
    this.skipSpace();
    while (this.text[this.at] !== '}') {
      this.skipSpace();
      const key = this.string();
      this.skipSpace();
      this.at++; // the colon
      members.set(key, this.value());
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      this.skipSpace();
    }
    this.at++;
    return { start, end: this.at, members };
  }

  private array(start: number): Located {
    const items: Located[] = [];
    this.at++;
    this.skipSpace();
    while (this.text[this.at] !== ']') {
      items.push(this.value());
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      this.skipSpace();
    }
    this.at++;
    return { start, end: this.at, items };
  }

  /** Reads a string literal and returns its value. */
  private string(): string {
    const start = this.at;
    this.at++;
    while (this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }
}
