import { foldText } from './normalize.ts';
import { listBriefly, type SpamReason } from './reason.ts';
import { signalsOf, type TextInput } from './signals.ts';

export interface BlocklistOptions {
  terms: readonly string[];
}

interface CompiledBlocklist {
  pattern: RegExp | undefined;
  termByFolded: Map<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(terms: readonly string[]): CompiledBlocklist {
  const termByFolded = new Map<string, string>();
  for (const term of terms) {
    const folded = foldText(term).trim().replace(/\s+/g, ' ');
    if (folded !== '') termByFolded.set(folded, term);
  }
  if (termByFolded.size === 0) return { pattern: undefined, termByFolded };
  // Longest first so "free money" wins over "free"; any run of spaces matches a space in a term.
  const alternatives = [...termByFolded.keys()]
    .sort((a, b) => b.length - a.length)
    .map((folded) => escapeRegExp(folded).replace(/ /g, String.raw`\s+`));
  // Lookarounds instead of \b: \b knows only ASCII letters, and terms may start or end with symbols.
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join('|')})(?![\p{L}\p{N}])`, 'gu');
  return { pattern, termByFolded };
}

// Config arrays live as long as the deployed pipeline, so compile each one once.
const compiled = new WeakMap<readonly string[], CompiledBlocklist>();

function compiledFor(terms: readonly string[]): CompiledBlocklist {
  let entry = compiled.get(terms);
  if (entry === undefined) {
    entry = compile(terms);
    compiled.set(terms, entry);
  }
  return entry;
}

/** The configured terms the text contains, as configured, each once. */
export function findBlockedTerms(text: string, terms: readonly string[]): string[] {
  return blockedTermsOfFolded(foldText(text), terms);
}

/** The same, for a text folded already (TextSignals.folded). */
function blockedTermsOfFolded(folded: string, terms: readonly string[]): string[] {
  const { pattern, termByFolded } = compiledFor(terms);
  if (pattern === undefined) return [];
  const found = new Set<string>();
  for (const match of folded.matchAll(pattern)) {
    found.add(termByFolded.get(match[0].replace(/\s+/g, ' ')) ?? match[0]);
  }
  return [...found];
}

/** Flags a text containing any blocked term, ignoring case, accents and look-alike letters. */
export function blocklistRule(input: TextInput, options: BlocklistOptions): SpamReason[] {
  if (options.terms.length === 0) return [];
  const found = blockedTermsOfFolded(signalsOf(input).folded, options.terms);
  if (found.length === 0) return [];
  const quoted = listBriefly(found.map((term) => `"${term}"`));
  return [{ rule: 'blocklist', detail: `contains the blocked ${found.length === 1 ? 'term' : 'terms'} ${quoted}`, terms: found }];
}
