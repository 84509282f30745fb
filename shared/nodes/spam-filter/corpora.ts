import { parseCsv } from './csv.ts';

/** One labelled text from a corpus; `source` names the file it came from, for per-corpus figures. */
export interface LabelledExample {
  text: string;
  spam: boolean;
  source: string;
}

export type CorpusRead = { ok: true; examples: LabelledExample[] } | { ok: false; message: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** YouTube comments come as HTML: line breaks as tags, quotes as entities, and a stray U+FEFF at the end. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\uFEFF/g, '')
    .trim();
}

/** SMS Spam Collection: `ham|spam<TAB>text` per line. No quote handling: texts contain literal quotes. */
export function readSmsCollection(content: string, source: string): CorpusRead {
  const examples: LabelledExample[] = [];
  const lines = content.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const label = line.slice(0, tab);
    if (tab < 0 || (label !== 'ham' && label !== 'spam')) {
      return { ok: false, message: `line ${index + 1}: expected 'ham' or 'spam', a tab, then the text` };
    }
    examples.push({ text: line.slice(tab + 1), spam: label === 'spam', source });
  }
  return { ok: true, examples };
}

function columnsOf(header: string[], wanted: string[]): number[] | undefined {
  const lower = header.map((name) => name.trim().toLowerCase());
  const indexes = wanted.map((name) => lower.indexOf(name));
  return indexes.every((index) => index >= 0) ? indexes : undefined;
}

const SPAM_LABELS = new Set(['spam', '1', 'true']);
const HAM_LABELS = new Set(['ham', '0', 'false']);

function readRows(rows: string[][], textColumn: number, labelColumn: number, clean: (text: string) => string, source: string): CorpusRead {
  const examples: LabelledExample[] = [];
  for (const [index, row] of rows.entries()) {
    if (row.length === 1 && row[0] === '') continue;
    const label = (row[labelColumn] ?? '').trim().toLowerCase();
    const spam = SPAM_LABELS.has(label) ? true : HAM_LABELS.has(label) ? false : undefined;
    // +2: the header is row 1 and people count from 1.
    if (spam === undefined) return { ok: false, message: `row ${index + 2}: label '${label}' is not spam/ham or 1/0` };
    examples.push({ text: clean(row[textColumn] ?? ''), spam, source });
  }
  return { ok: true, examples };
}

/** YouTube Spam Collection: COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS with CLASS 1 = spam. */
export function readYoutubeCsv(content: string, source: string): CorpusRead {
  const [header = [], ...rows] = parseCsv(content);
  const columns = columnsOf(header, ['content', 'class']);
  if (columns === undefined) return { ok: false, message: 'header lacks CONTENT and CLASS columns' };
  const [text = 0, label = 0] = columns;
  return readRows(rows, text, label, htmlToText, source);
}

/** Any CSV with `text` and `label` columns; label spam/ham or 1/0. */
export function readLabelledCsv(content: string, source: string): CorpusRead {
  const [header = [], ...rows] = parseCsv(content);
  const columns = columnsOf(header, ['text', 'label']);
  if (columns === undefined) return { ok: false, message: 'header lacks text and label columns' };
  const [text = 0, label = 0] = columns;
  return readRows(rows, text, label, (value) => value, source);
}

/**
 * Sentiment Labelled Sentences: `sentence<TAB>score` per line, score 1 positive / 0 negative.
 * The score is sentiment, not spam: every sentence is an honest review sentence (ham).
 */
export function readReviewSentences(content: string, source: string): CorpusRead {
  const examples: LabelledExample[] = [];
  for (const [index, line] of content.split(/\r?\n/).entries()) {
    if (line === '') continue;
    const match = /^(.*)\t([01])\s*$/.exec(line);
    if (!match) return { ok: false, message: `line ${index + 1}: expected a sentence, a tab, then 0 or 1` };
    examples.push({ text: (match[1] ?? '').trim(), spam: false, source });
  }
  return { ok: true, examples };
}

/** Picks the reader by content: a CSV header names its columns, otherwise tab-separated SMS lines. */
export function readCorpus(content: string, source: string): CorpusRead {
  const firstLine = (content.startsWith('\uFEFF') ? content.slice(1) : content).split(/\r?\n/, 1)[0] ?? '';
  const header = (parseCsv(firstLine)[0] ?? []).map((name) => name.trim().toLowerCase());
  if (header.includes('content') && header.includes('class')) return readYoutubeCsv(content, source);
  if (header.includes('text') && header.includes('label')) return readLabelledCsv(content, source);
  if (/^(ham|spam)\t/.test(firstLine)) return readSmsCollection(content, source);
  if (/\t[01]\s*$/.test(firstLine)) return readReviewSentences(content, source);
  return {
    ok: false,
    message:
      'not a labelled corpus: expected a CSV with text,label (or CONTENT,CLASS) columns, SMS lines `ham|spam<TAB>text`, or review sentences `sentence<TAB>0|1`',
  };
}
