/**
 * The matchers our glossary matcher is compared with, all giving the same answer on the
 * benchmark's prose (checked before timing):
 * - one alternation regular expression of every form, longest first (what most extensions do);
 * - the same forms as one trie-shaped regular expression (prefixes shared);
 * - `modern-ahocorasick` (npm) over the lower-cased text, with word-boundary, case and
 *   leftmost-longest filtering added;
 * - the floor: one regular expression for a single term, with the same flags and boundaries.
 *
 * They share one expansion of the glossary into literal forms, written here because the
 * matcher keeps its own private. It follows the matcher's documented rules for the text the
 * benchmark generates (ASCII punctuation, single spaces between words, no Markdown that is
 * skipped): terms and variants case-insensitive, abbreviations case-sensitive; the regular
 * plurals of the last word (+s; +es after s, x, z, ch, sh, o; y→ies after a consonant) and an
 * abbreviation's +s; leading and trailing punctuation dropped, whitespace collapsed to one
 * space; ties between forms ending at the same place go to the form listed first, and a listed
 * form beats every generated plural. It does not spell out what that text never contains
 * (line breaks, tabs or `>` between the words of a term, Unicode hyphens and apostrophes),
 * which only spares the competitors work.
 */
import AhoCorasick from 'modern-ahocorasick';
import { regularPlurals } from '../src/glossary/matcher';
import type { GlossaryEntry } from '../src/glossary/types';

/** A literal form of an entry, as the competitors search for it. */
export interface Form {
  readonly text: string;
  readonly entry: GlossaryEntry;
  readonly caseSensitive: boolean;
  /** Lower wins a tie at the same end: listing order, listed forms before plurals (as in the matcher). */
  readonly priority: number;
}

/** A term occurrence as every matcher reports it, for comparing them. */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly entry: GlossaryEntry;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;
const ENDS_WITH_LETTER = /\p{L}$/u;


/** Every literal form of a glossary, listed forms first; a form already claimed (same case class) keeps its first owner. */
export function expandForms(entries: readonly GlossaryEntry[]): Form[] {
  const listed = entries.flatMap((entry) => [
    ...[entry.term, ...entry.variants].map((text) => ({ text, entry, caseSensitive: false })),
    ...entry.abbreviations.map((text) => ({ text, entry, caseSensitive: true })),
  ]);
  const normalized = listed
    .map((form) => ({ ...form, text: form.text.replace(/\s+/g, ' ').replace(/’/g, "'").replace(EDGE_PUNCTUATION, '') }))
    .filter((form) => form.text.length > 0);
  const withPlurals = [
    ...normalized,
    ...normalized.flatMap((form) => {
      const lastWord = /[\p{L}\p{N}\p{M}']+$/u.exec(form.text)?.[0] ?? '';
      const plurals = form.caseSensitive ? (ENDS_WITH_LETTER.test(lastWord) ? [lastWord + 's'] : []) : regularPlurals(lastWord);
      return plurals.map((plural) => ({ ...form, text: form.text.slice(0, form.text.length - lastWord.length) + plural }));
    }),
  ];
  const seen = new Set<string>();
  const forms: Form[] = [];
  withPlurals.forEach((form, priority) => {
    const key = form.caseSensitive ? `=${form.text}` : `~${form.text.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    forms.push({ ...form, priority });
  });
  return forms;
}

/** Whether [start, end) of `text` is made of whole words by the matcher's rules (an apostrophe inside a word belongs to it). */
function isWholeWords(text: string, start: number, end: number): boolean {
  const isWordChar = (i: number): boolean => i >= 0 && i < text.length && WORD_CHAR.test(text[i]);
  const isApostrophe = (i: number): boolean => text[i] === "'" || text[i] === '’';
  if (isWordChar(start - 1) || (isApostrophe(start - 1) && isWordChar(start - 2))) return false;
  return !(isWordChar(end) || (isApostrophe(end) && isWordChar(end + 1)));
}

/** From candidate occurrences: at each start, the longest (then the first listed); left to right, never overlapping. */
function selectLeftmostLongest(candidates: { start: number; end: number; form: Form }[]): Occurrence[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.form.priority - b.form.priority);
  const selected: Occurrence[] = [];
  let cursor = 0;
  for (const { start, end, form } of candidates) {
    if (start < cursor) continue;
    selected.push({ start, end, entry: form.entry });
    cursor = end;
  }
  return selected;
}

// ---------------------------------------------------------------------------------------------

const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
/** The matcher's word boundaries as look-arounds: no word character, nor word character + apostrophe, next to the match. */
const BEFORE = String.raw`(?<!${WORD}|${WORD}['’])`;
const AFTER = String.raw`(?!${WORD}|['’]${WORD})`;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Scanner {
  scan(text: string): Occurrence[];
}

/**
 * One regular expression, flags `giu`: every form, longest first (then by priority), so the
 * first alternative that matches at a position is the one the matcher would choose;
 * abbreviations keep their case with the `(?-i:…)` modifier (Node 23+).
 */
export function alternationScanner(forms: readonly Form[]): Scanner {
  const ordered = [...forms].sort((a, b) => b.text.length - a.text.length || a.priority - b.priority);
  const alternatives = ordered.map((form) => (form.caseSensitive ? `(?-i:${escapeRegExp(form.text)})` : escapeRegExp(form.text)));
  let pattern: RegExp;
  try {
    pattern = new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'giu');
  } catch (error) {
    throw new Error(`the alternation needs RegExp modifiers (Node 23 or later; this is ${process.version}): ${(error as Error).message}`);
  }
  // Of the forms spelled like a match, the regex tried the first listed one first.
  return regexScanner(pattern, formsBySpelling(forms));
}

/** The form a match of a regex over these forms is: of the forms spelled like it, the one listed first. */
function formsBySpelling(forms: readonly Form[]): (text: string) => Form {
  const caseSensitive = new Map(forms.filter((form) => form.caseSensitive).map((form) => [form.text, form]));
  const caseInsensitive = new Map(forms.filter((form) => !form.caseSensitive).map((form) => [form.text.toLowerCase(), form]));
  return (text) => {
    const exact = caseSensitive.get(text);
    const folded = caseInsensitive.get(text.toLowerCase());
    return exact && (!folded || exact.priority < folded.priority) ? exact : folded!;
  };
}

/** Every match of a `g` regex over the forms, as occurrences of the entries `formOf` names. */
function regexScanner(pattern: RegExp, formOf: (text: string) => Form): Scanner {
  return {
    scan(text) {
      const found: Occurrence[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        found.push({ start: match.index, end: match.index + match[0].length, entry: formOf(match[0]).entry });
      }
      return found;
    },
  };
}

interface TrieNode {
  end: boolean;
  /** Longest form below this node, in characters: deeper branches are tried first. */
  depth: number;
  readonly children: Map<string, TrieNode>;
}

/**
 * The same forms as one regular expression shaped like a trie: shared prefixes written once
 * ("lumbar(?: spinal stenosis)?"), each branch tried longest first, a form that ends at a node
 * made optional after its continuations, so the regex engine's backtracking finds the longest
 * form that ends on a word boundary, as the alternation does. Case-sensitive forms' letters are
 * `(?-i:…)`; the same word boundaries as the alternation.
 */
export function trieRegexScanner(forms: readonly Form[]): Scanner {
  const root: TrieNode = { end: false, depth: 0, children: new Map() };
  for (const form of forms) {
    let node = root;
    for (const character of form.text) {
      const key = form.caseSensitive ? `=${character}` : `~${character.toLowerCase()}`;
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { end: false, depth: 0, children: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const measure = (node: TrieNode): number => (node.depth = Math.max(0, ...[...node.children.values()].map((child) => 1 + measure(child))));
  measure(root);
  const emit = (node: TrieNode): string => {
    const branches = [...node.children].sort(([, a], [, b]) => b.depth - a.depth);
    if (branches.length === 0) return '';
    const alternatives = branches.map(([key, child]) => {
      const character = escapeRegExp(key.slice(1));
      return `${key[0] === '=' ? `(?-i:${character})` : character}${emit(child)}`;
    });
    const group = alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
    return node.end ? `(?:${group})?` : group;
  };
  const pattern = new RegExp(`${BEFORE}(?:${emit(root)})${AFTER}`, 'giu');
  return regexScanner(pattern, formsBySpelling(forms));
}

/**
 * modern-ahocorasick is case-sensitive and knows nothing of words: one automaton of the
 * lower-cased forms runs over the lower-cased text (one pass), reporting every occurrence;
 * then occurrences that are not whole words, or abbreviations in the wrong case, are dropped,
 * and the leftmost-longest selection made.
 */
export function ahoCorasickScanner(forms: readonly Form[]): Scanner {
  const automaton = new AhoCorasick(forms.map((form) => ({ pattern: form.text.toLowerCase(), data: form })));
  return {
    scan(text) {
      const lower = text.toLowerCase();
      if (lower.length !== text.length) throw new Error('lower-casing changed the text length: offsets would not match');
      const candidates: { start: number; end: number; form: Form }[] = [];
      for (const { start, end, data } of automaton.search(lower)) {
        const form = data!;
        if (!isWholeWords(text, start, end)) continue;
        if (form.caseSensitive && text.slice(start, end) !== form.text) continue;
        candidates.push({ start, end, form });
      }
      return selectLeftmostLongest(candidates);
    },
  };
}

/** One term, the same flags and boundaries as the alternation: no matcher of many terms can beat it. */
export function singleTermScanner(term: string): { scan(text: string): { start: number; end: number }[] } {
  const pattern = new RegExp(`${BEFORE}${escapeRegExp(term)}${AFTER}`, 'giu');
  return {
    scan(text) {
      const found: { start: number; end: number }[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push({ start: match.index, end: match.index + match[0].length });
      return found;
    },
  };
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Not a matcher: a loop that reads every character once and counts the ASCII words, the least
 * any matcher that looks at every word must do in JavaScript. For reference beside the floor.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isWord = c < 0x80 ? ASCII_WORD[c] : 0;
    words += isWord & ~inWord;
    inWord = isWord;
  }
  return words;
}
