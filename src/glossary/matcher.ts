/**
 * Finds glossary terms in text: the pure core of the hover, the "Terms in this Note" view and
 * the preview plugin. No `vscode` import; positions are VS Code's (0-based line, UTF-16 character).
 *
 * Matching rules
 * - Words are runs of letters, digits and combining marks (Unicode), with an apostrophe (' or ’)
 *   inside a word belonging to it: "disc" is not found in "discussion" nor in "disc's".
 * - Terms and variants match case-insensitively; abbreviations case-sensitively ("OA", never "oa").
 * - Plurals come for free: the last word of a term or variant also matches +s, +es after
 *   s/x/z/ch/sh/o, and y→ies after a consonant ("discs", "therapies"); an abbreviation +s ("NSAIDs").
 *   Irregular plurals ("vertebrae") must be listed as variants.
 * - Between the words of a form, whitespace matches any run of spaces and tabs with at most one
 *   line break, after which indentation and blockquote markers (`>`) may follow; a blank line
 *   never does. Any other separator must be written as in the form; hyphen, non-breaking hyphen
 *   and en dash count as the same hyphen. So "hip flexor" does not match "hip-flexor" (nor the
 *   reverse) unless the entry lists both, while "hip" alone matches in "hip-flexor" (a hyphen
 *   ends a word) when no longer form does. Leading and trailing punctuation of a form is ignored.
 * - Scanning is left to right; at each word the longest form wins (greatest end offset); ties go
 *   to the form listed first (entries in order, each term, variants, abbreviations), and a
 *   listed form always beats a generated plural. Matches never overlap.
 * - In Markdown, code, front matter, link destinations, autolinks, raw URLs and HTML tags are
 *   skipped (see markdownRegions.ts); link text matches.
 *
 * Design: no regular expression per glossary (a regex alternation of thousands of terms grows
 * past the size V8 optimises). Text is tokenised into words once, left to right, by a loop over
 * character codes that also hashes each word; a bit set of the forms' first words rules out
 * most words from that hash alone, without making a string. Most of the others are compared in
 * place with the one form word that has their hash, and then looked up in a trie of the forms,
 * word by word; only when a form continues is the next separator and word read. Cost is linear
 * in the text and nearly independent of the glossary's size.
 */
import { lineStartsOf, positionAt } from '../markdown/positions';
import type { GlossaryEntry } from './types';
import {
  isAtxHeading,
  inlineMarkupDetector,
  isBlankLine,
  markCodeAndFrontMatter,
  markdownInlineExclusions,
  plainTextExclusions,
  splitMarkdownLines,
  type LinePredicate,
  type MarkdownLines,
  type TextRange,
} from '../markdown/regions';

export { codeAndFrontMatterLines, type LinePredicate, type MarkdownLines } from '../markdown/regions';

/** A VS Code-compatible position: 0-based line, character in UTF-16 code units. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** A term found in a document: which entry, as written, and where. */
export interface TermLocation {
  readonly entry: GlossaryEntry;
  /** The text as written in the note, e.g. "herniated discs" (may contain a line break). */
  readonly text: string;
  /** Start (inclusive) and end (exclusive) of the match. */
  readonly range: { readonly start: TextPosition; readonly end: TextPosition };
}

/** A term found by scanning a whole text: its location plus offsets into that text. */
export interface TermMatch extends TermLocation {
  /** Offset (UTF-16 code units) of the first character in the scanned text. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** How often one entry occurs in a note, for the "Terms in this Note" view. */
export interface TermCount {
  readonly entry: GlossaryEntry;
  /** Every occurrence, in document order; never empty. */
  readonly occurrences: readonly TermMatch[];
}

export interface CompiledGlossary {
  readonly entries: readonly GlossaryEntry[];
  /**
   * Every term in a Markdown note, in order, skipping code, front matter, URLs and link
   * destinations. Pass `split` when the note's lines are already at hand (`splitMarkdownLines`
   * or the same from elsewhere) to spare splitting and classifying them again.
   */
  scan(markdown: string, split?: MarkdownLines): TermMatch[];
  /**
   * Every term in text that has no Markdown syntax left (a markdown-it text token), skipping
   * only raw URLs, e-mail addresses and things that look like HTML tags.
   */
  scanPlainText(text: string): TermMatch[];
  /**
   * The term covering a position of a Markdown document (start ≤ position < end), or undefined.
   * Looks only at the hovered paragraph, at most a few dozen lines around `line` and a few
   * kilobytes around `character`, so its cost does not grow with the document. Pass
   * `isExcludedLine` from {@link codeAndFrontMatterLines}, computed once per document version;
   * without it the lines are classified on every call (linear in the document).
   */
  termAt(lines: readonly string[], line: number, character: number, isExcludedLine?: LinePredicate): TermLocation | undefined;
  /** The entries found in a Markdown note with all their occurrences, in order of first occurrence. */
  countTerms(markdown: string): TermCount[];
}

/**
 * Prepares a glossary for matching. Cheap: the lookup tables are built on first use and kept,
 * so compile once per glossary (re-compile when a team glossary changes).
 */
export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  let built: FormIndex | undefined;
  const index = (): FormIndex => (built ??= buildFormIndex(entries));
  return {
    entries,
    scan: (markdown, split) => scanMarkdown(index(), markdown, split),
    scanPlainText: (text) => scanPlainText(index(), text),
    termAt: (lines, line, character, isExcludedLine) => termAt(index(), lines, line, character, isExcludedLine),
    countTerms: (markdown) => countByEntry(scanMarkdown(index(), markdown)),
  };
}

// ---------------------------------------------------------------------------------------------
// Words and separators

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const NON_ASCII_WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;

/** Length (1, or 2 for a surrogate pair) of the word character at `i`, or 0 if it is none. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return NON_ASCII_WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return NON_ASCII_WORD_CHAR.test(text[i]) ? 1 : 0;
}

/** End of the word starting at `start`: word characters and apostrophes between them. */
function wordEnd(text: string, start: number, limit: number): number {
  let i = start;
  while (i < limit) {
    const length = wordCharLength(text, i);
    if (length > 0) {
      i += length;
      continue;
    }
    const c = text.charCodeAt(i);
    if ((c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) && i + 1 < limit && wordCharLength(text, i + 1) > 0) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

/** Whether `i` is inside a word (so a scan starting there must skip to the word's end). */
function insideWord(text: string, i: number): boolean {
  if (i === 0 || i >= text.length || wordCharLength(text, i) === 0) return false;
  const before = text.charCodeAt(i - 1);
  if (before === APOSTROPHE || before === RIGHT_SINGLE_QUOTE) return i >= 2 && wordCharLength(text, i - 2) > 0;
  return wordCharLength(text, i - 1) > 0 || (before >= 0xdc00 && before <= 0xdfff && wordCharLength(text, i - 2) > 0);
}

function normalizeApostrophes(word: string): string {
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}

const HYPHENS = /[\u2010\u2011\u2013]/g;
const NON_ASCII_SPACE = /\s/;

/** Spaces and tabs (and Unicode spaces) that may separate the words of a term on one line. */
function isInlineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || (c > 0x7f && NON_ASCII_SPACE.test(String.fromCharCode(c)));
}
const WHITESPACE_RUN = /\s+/g;

/** A form's separator as a lookup key: whitespace becomes one space, every hyphen "-". */
function separatorKey(raw: string): string {
  return raw.replace(WHITESPACE_RUN, ' ').replace(HYPHENS, '-');
}

/**
 * The key of the separator in running text between `start` and the next word character, or
 * undefined if it cannot join the words of a term (a blank line, or a second line break).
 * After a line break only spaces, tabs and blockquote markers may precede other characters.
 */
function textSeparatorKey(text: string, start: number, end: number): string | undefined {
  if (end === start + 1) {
    // Most separators: one space or one hyphen.
    const c = text.charCodeAt(start);
    if (c === 0x20) return ' ';
    if (c === 0x2d) return '-';
  }
  let key = '';
  let lineBreaks = 0;
  let inWhitespace = false;
  let lineStart = false; // just after a line break, where `>` markers are allowed
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0a && ++lineBreaks > 1) return undefined;
      inWhitespace = true;
      lineStart = true;
    } else if (isInlineSpace(c) || (lineStart && c === 0x3e)) {
      inWhitespace = true;
    } else {
      if (inWhitespace) key += ' ';
      inWhitespace = false;
      lineStart = false;
      key += c === 0x2010 || c === 0x2011 || c === 0x2013 ? '-' : text[i];
    }
  }
  return inWhitespace ? key + ' ' : key;
}

/** The words of a form and the separator keys between them; empty if it has no word. */
function splitForm(form: string): { words: string[]; separators: string[] } {
  const words: string[] = [];
  const separators: string[] = [];
  let previousEnd = -1;
  for (let i = 0; i < form.length; ) {
    if (wordCharLength(form, i) === 0) {
      i++;
      continue;
    }
    const end = wordEnd(form, i, form.length);
    if (previousEnd >= 0) separators.push(separatorKey(form.slice(previousEnd, i)));
    words.push(normalizeApostrophes(form.slice(i, end)));
    previousEnd = end;
    i = end;
  }
  return { words, separators };
}

// ---------------------------------------------------------------------------------------------
// First words: most words of a note start no form. Bit sets of the forms' first words, indexed
// by a hash computed while the word's characters are read, rule such a word out without
// slicing, lower-casing or hashing a new string for a Map lookup. A false positive (a hash
// collision) only costs the lookup.

/** 2^16 slots (8 KB per set, cache-friendly): about 2% false positives with a thousand first words. */
const SLOT_BITS = 16;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** For each ASCII code: its lower-case form if it is a word character (letter or digit), else 0. */
const ASCII_WORD_FOLDED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) ASCII_WORD_FOLDED[c] = c;
  else if (c >= 0x41 && c <= 0x5a) ASCII_WORD_FOLDED[c] = c + 0x20;
}

/** Where {@link readWord} puts the filter slot of the word it read. */
interface WordSlot {
  /** Of the word lower-cased, or -1 when it has a non-ASCII character other than ’. */
  slot: number;
}

/**
 * The end of the word starting at `start` (as {@link wordEnd}), finding its filter slot on the
 * way: one pass over its characters. ’ hashes as ' (the index holds normalised words); a word
 * with another non-ASCII character gets no slot and is always looked up, since Unicode
 * lower-casing differs from ASCII's (it may even change the length).
 */
function readWord(text: string, start: number, limit: number, out: WordSlot): number {
  let hash = FNV_OFFSET;
  let i = start;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    let lower = c < 0x80 ? ASCII_WORD_FOLDED[c] : 0;
    if (lower === 0) {
      const apostrophe = c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE;
      if (apostrophe && i + 1 < limit && wordCharLength(text, i + 1) > 0) {
        lower = APOSTROPHE;
      } else if (c >= 0x80 && !apostrophe && wordCharLength(text, i) > 0) {
        out.slot = -1;
        return wordEnd(text, i, limit);
      } else break;
    }
    hash = Math.imul(hash ^ lower, FNV_PRIME);
  }
  out.slot = (hash ^ (hash >>> SLOT_BITS)) & SLOT_MASK;
  return i;
}

/** A set of filter slots, one bit each. */
class SlotSet {
  private readonly bits = new Uint32Array(1 << (SLOT_BITS - 5));

  add(slot: number): void {
    this.bits[slot >>> 5] |= 1 << (slot & 31);
  }

  /** Whether a word with this slot may be in the set: always for a word without slot (-1). */
  mayHave(slot: number): boolean {
    return slot < 0 || (this.bits[slot >>> 5] & (1 << (slot & 31))) !== 0;
  }
}

// ---------------------------------------------------------------------------------------------
// The index: for case-insensitive forms and for case-sensitive abbreviations, a trie of the
// forms' normalised words ("lumbar" → "spinal" → "stenosis"), each step keyed by the separator
// key and then the word, so a scan extends a match word by word, longest first, looking up
// short strings only. Words of the forms are also kept by filter slot: a word of text with that
// slot is compared with the one word of the forms that has it, character by character, without
// making a string for it.

interface FormNode {
  /** The entry whose form ends here, if any. */
  entry: GlossaryEntry | undefined;
  /** Lower wins a tie between the two tries: listing order, listed forms before plurals. */
  priority: number;
  /** How longer forms go on: by separator key, then by next word; undefined if none does. */
  next: Map<string, Map<string, FormNode>> | undefined;
}

/** The one word (lower-cased) of the forms with a slot, or null when several share it. */
type WordsBySlot = Map<number, string | null>;

interface FormIndex {
  /** First words of terms and variants, lower-cased. */
  readonly caseInsensitive: Map<string, FormNode>;
  /** First words of abbreviations, as written. */
  readonly caseSensitive: Map<string, FormNode>;
  /** Slots of the first words of both tries (ASCII ones; see readWord): one test rules a word out. */
  readonly firstWords: SlotSet;
  /** Slots of the first words of the case-sensitive trie alone, lower-cased like all slots. */
  readonly caseSensitiveFirstWords: SlotSet;
  /** Slots of the other words of both tries. */
  readonly laterWords: SlotSet;
  readonly firstWordBySlot: WordsBySlot;
  readonly laterWordBySlot: WordsBySlot;
}

const ENDS_WITH_LETTER = /\p{L}$/u;

/** Regular plurals of a term's last word: +s; +es after s, x, z, ch, sh, o; y→ies after a consonant. */
export function regularPlurals(word: string): string[] {
  if (!ENDS_WITH_LETTER.test(word)) return [];
  const lower = word.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return [word.slice(0, -1) + 'ies'];
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return [word + 'es'];
  if (lower.endsWith('o')) return [word + 's', word + 'es'];
  return [word + 's'];
}

function buildFormIndex(entries: readonly GlossaryEntry[]): FormIndex {
  const caseInsensitive = new Map<string, FormNode>();
  const caseSensitive = new Map<string, FormNode>();
  const firstWords = new SlotSet();
  const caseSensitiveFirstWords = new SlotSet();
  const laterWords = new SlotSet();
  const firstWordBySlot: WordsBySlot = new Map();
  const laterWordBySlot: WordsBySlot = new Map();
  const read: WordSlot = { slot: -1 };
  let priority = 0;

  const keepBySlot = (bySlot: WordsBySlot, slot: number, word: string): void => {
    const lower = word.toLowerCase();
    const kept = bySlot.get(slot);
    if (kept === undefined) bySlot.set(slot, lower);
    else if (kept !== lower) bySlot.set(slot, null);
  };

  const insert = (roots: Map<string, FormNode>, words: readonly string[], separators: readonly string[], entry: GlossaryEntry): void => {
    const foldCase = roots === caseInsensitive;
    priority++;
    let node: FormNode | undefined;
    words.forEach((word, i) => {
      const keyWord = foldCase ? word.toLowerCase() : word;
      // A word without a slot is not ASCII: only a non-ASCII word of text can match it, and those are always looked up.
      readWord(keyWord, 0, keyWord.length, read);
      if (read.slot >= 0 && i > 0) {
        laterWords.add(read.slot);
        keepBySlot(laterWordBySlot, read.slot, keyWord);
      } else if (read.slot >= 0) {
        firstWords.add(read.slot);
        if (!foldCase) caseSensitiveFirstWords.add(read.slot);
        keepBySlot(firstWordBySlot, read.slot, keyWord);
      }
      let children = roots;
      if (node) {
        node.next ??= new Map();
        const separator = separators[i - 1];
        children = node.next.get(separator) ?? new Map();
        node.next.set(separator, children);
      }
      node = children.get(keyWord);
      if (!node) children.set(keyWord, (node = { entry: undefined, priority: 0, next: undefined }));
    });
    if (node && !node.entry) {
      node.entry = entry;
      node.priority = priority;
    }
  };

  const forms = entries
    .flatMap((entry) => [
      ...[entry.term, ...entry.variants].map((form) => ({ entry, roots: caseInsensitive, ...splitForm(form) })),
      ...entry.abbreviations.map((form) => ({ entry, roots: caseSensitive, ...splitForm(form) })),
    ])
    .filter((form) => form.words.length > 0);

  // Listed forms first, so a generated plural never displaces a form someone wrote down.
  for (const form of forms) insert(form.roots, form.words, form.separators, form.entry);
  for (const form of forms) {
    const last = form.words[form.words.length - 1];
    // An abbreviation's plural is a lower-case s ("NSAIDs"); "NSAIDS" could be another abbreviation.
    const plurals = form.roots === caseSensitive ? (ENDS_WITH_LETTER.test(last) ? [last + 's'] : []) : regularPlurals(last);
    for (const plural of plurals) insert(form.roots, [...form.words.slice(0, -1), plural], form.separators, form.entry);
  }
  return { caseInsensitive, caseSensitive, firstWords, caseSensitiveFirstWords, laterWords, firstWordBySlot, laterWordBySlot };
}

// ---------------------------------------------------------------------------------------------
// Matching one run of text

interface RawMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
}

/**
 * Greedy left-to-right matching of the words starting in [from, to) of `text`; matches may
 * extend up to `limit`. `excluded` (sorted, disjoint) ranges are never part of a match.
 */
function matchWords(index: FormIndex, text: string, from: number, to: number, limit: number, excluded: readonly TextRange[], out: RawMatch[]): void {
  const fold = ASCII_WORD_FOLDED;
  const firstWords = index.firstWords;
  let nextExcluded = 0;
  const word: WordSlot = { slot: -1 };
  let i = from;
  if (insideWord(text, i)) i = wordEnd(text, i, limit);
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c < 0x80 ? fold[c] === 0 : wordCharLength(text, i) === 0) {
      i++;
      continue;
    }
    // The hot loop: most words are plain ASCII, read and hashed here without a call (as readWord would).
    const start = i;
    let hash = FNV_OFFSET;
    let lower = 0;
    while (i < limit && (c = text.charCodeAt(i)) < 0x80 && (lower = fold[c]) !== 0) {
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      i++;
    }
    let end = i;
    let slot = (hash ^ (hash >>> SLOT_BITS)) & SLOT_MASK;
    if (i < limit && (c === APOSTROPHE || c >= 0x80)) {
      // An apostrophe or a non-ASCII character: the word may go on, so read it the careful way.
      end = readWord(text, start, limit, word);
      slot = word.slot;
    }
    while (nextExcluded < excluded.length && excluded[nextExcluded].end <= start) nextExcluded++;
    const barrier = nextExcluded < excluded.length ? excluded[nextExcluded].start : limit;
    if (barrier < end) {
      // The word is (partly) markup: resume after the excluded range.
      i = Math.max(end, excluded[nextExcluded].end);
      if (insideWord(text, i)) i = wordEnd(text, i, limit);
      continue;
    }
    // Most words start no form: rule them out before making any string.
    if (!firstWords.mayHave(slot)) {
      i = end;
      continue;
    }
    const lowerWord = knownWord(index.firstWordBySlot, slot, text, start, end);
    if (lowerWord === null) {
      i = end; // not the one first word with its slot: it starts no form
      continue;
    }
    // Abbreviations are few: most words need no case-sensitive lookup.
    const mayBeAbbreviation = index.caseSensitiveFirstWords.mayHave(slot);
    // The word as written, made only when a lookup needs it.
    const written = lowerWord === undefined || mayBeAbbreviation ? normalizeApostrophes(text.slice(start, end)) : '';
    const insensitive = longestFrom(index.caseInsensitive, index, text, lowerWord ?? written.toLowerCase(), end, barrier, true);
    const sensitive = mayBeAbbreviation ? longestFrom(index.caseSensitive, index, text, written, end, barrier, false) : undefined;
    const best =
      !insensitive ? sensitive
      : !sensitive ? insensitive
      : sensitive.end > insensitive.end || (sensitive.end === insensitive.end && sensitive.node.priority < insensitive.node.priority) ? sensitive
      : insensitive;
    if (best) {
      out.push({ entry: best.node.entry!, start, end: best.end });
      i = best.end;
    } else {
      i = end;
    }
  }
}

/** Where the first word after `from` and before `barrier` starts, or -1 if there is none. */
function nextWordStart(text: string, from: number, barrier: number): number {
  let next = from;
  while (next < barrier && wordCharLength(text, next) === 0) next++;
  return next < barrier ? next : -1;
}

/**
 * The word [start, end) of text lower-cased, when its slot belongs to one word of the forms:
 * that word if the text's word is it (compared character by character, ’ as '), null if not.
 * Undefined when the slot tells nothing (no slot, or shared): the caller makes the string.
 */
function knownWord(bySlot: WordsBySlot, slot: number, text: string, start: number, end: number): string | null | undefined {
  const known = slot < 0 ? undefined : bySlot.get(slot);
  if (typeof known !== 'string') return undefined;
  if (known.length !== end - start) return null;
  for (let k = 0; k < known.length; k++) {
    const c = text.charCodeAt(start + k);
    const folded = c < 0x80 ? (c === APOSTROPHE ? c : ASCII_WORD_FOLDED[c]) : c === RIGHT_SINGLE_QUOTE ? APOSTROPHE : 0;
    if (folded !== known.charCodeAt(k)) return null;
  }
  return known;
}

/**
 * Extends a match word by word from a first word; the longest form found, and where it ends.
 * `laterWords` rules out most next words before their separator and key are built.
 */
function longestFrom(roots: Map<string, FormNode>, index: FormIndex, text: string, firstWord: string, firstEnd: number, barrier: number, foldCase: boolean): { node: FormNode; end: number } | undefined {
  let node = roots.get(firstWord);
  let best = node?.entry ? { node, end: firstEnd } : undefined;
  let wordEndAt = firstEnd;
  const nextWord: WordSlot = { slot: -1 };
  while (node?.next) {
    const next = nextWordStart(text, wordEndAt, barrier);
    if (next === -1) break;
    const end = readWord(text, next, barrier, nextWord);
    // No form continues with this word, whatever the separator.
    if (!index.laterWords.mayHave(nextWord.slot)) break;
    const separator = textSeparatorKey(text, wordEndAt, next);
    if (separator === undefined) break;
    // A word running into an excluded range is not a whole word of prose.
    if (end === barrier && barrier < text.length && wordCharLength(text, barrier) > 0) break;
    const byWord = node.next.get(separator);
    if (!byWord) break;
    const lowerWord = knownWord(index.laterWordBySlot, nextWord.slot, text, next, end);
    if (lowerWord === null) break;
    const written = foldCase && lowerWord !== undefined ? lowerWord : normalizeApostrophes(text.slice(next, end));
    node = byWord.get(foldCase && lowerWord === undefined ? written.toLowerCase() : written);
    if (node?.entry) best = { node, end };
    wordEndAt = end;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Whole texts

/** Matches with their text and positions; `raw` is in text order, so one forward pass over the lines places them all. */
function toTermMatches(text: string, lineStarts: readonly number[], raw: readonly RawMatch[]): TermMatch[] {
  let line = 0;
  const positionOf = (offset: number): TextPosition => {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line, character: offset - lineStarts[line] };
  };
  return raw.map(({ entry, start, end }) => ({
    entry,
    text: text.slice(start, end),
    start,
    end,
    range: { start: positionOf(start), end: positionOf(end) },
  }));
}

/** Whether a line cannot share a paragraph with its neighbour (so no term or code span crosses it). */
function breaksParagraph(line: string, excluded: boolean): boolean {
  return excluded || isBlankLine(line);
}

const NO_RANGES: readonly TextRange[] = [];

function scanMarkdown(index: FormIndex, text: string, split = splitMarkdownLines(text)): TermMatch[] {
  const { lineStarts, lines, excluded: excludedLines } = split;

  const mayHaveMarkup = inlineMarkupDetector(text);
  const raw: RawMatch[] = [];
  for (let first = 0; first < lines.length; ) {
    if (breaksParagraph(lines[first], excludedLines[first] === 1)) {
      first++;
      continue;
    }
    // A paragraph: following lines that do not break it; a heading stands alone.
    let last = first;
    if (!isAtxHeading(lines[first])) {
      while (last + 1 < lines.length && !breaksParagraph(lines[last + 1], excludedLines[last + 1] === 1) && !isAtxHeading(lines[last + 1])) last++;
    }
    const start = lineStarts[first];
    const end = lineStarts[last] + lines[last].length;
    // Exclusions are found in the paragraph alone (code spans pair within it), but words are
    // read from the whole text: characters of a flat string are cheaper to read than a slice's.
    const exclusions = mayHaveMarkup(start, end) ? markdownInlineExclusions(text.slice(start, end)) : NO_RANGES;
    const shifted = exclusions.length === 0 ? exclusions : exclusions.map((range) => ({ start: range.start + start, end: range.end + start }));
    matchWords(index, text, start, end, end, shifted, raw);
    first = last + 1;
  }
  return toTermMatches(text, lineStarts, raw);
}

function scanPlainText(index: FormIndex, text: string): TermMatch[] {
  const raw: RawMatch[] = [];
  matchWords(index, text, 0, text.length, text.length, plainTextExclusions(text), raw);
  return toTermMatches(text, lineStartsOf(text), raw);
}

function countByEntry(matches: readonly TermMatch[]): TermCount[] {
  const byEntry = new Map<GlossaryEntry, TermMatch[]>();
  for (const match of matches) {
    const occurrences = byEntry.get(match.entry);
    if (occurrences) occurrences.push(match);
    else byEntry.set(match.entry, [match]);
  }
  return [...byEntry].map(([entry, occurrences]) => ({ entry, occurrences }));
}

// ---------------------------------------------------------------------------------------------
// One position

/** Lines of a paragraph looked at on each side of the hovered line (for code spans that cross lines). */
const PARAGRAPH_CONTEXT_LINES = 20;
/** Characters looked at on each side of the hovered offset: far more than any term is long. */
const WINDOW = 2048;

function termAt(index: FormIndex, lines: readonly string[], line: number, character: number, isExcludedLine?: LinePredicate): TermLocation | undefined {
  if (line < 0 || line >= lines.length || character < 0 || character >= lines[line].length) return undefined;
  let excluded = isExcludedLine;
  if (!excluded) {
    const marked = markCodeAndFrontMatter(lines);
    excluded = (l) => marked[l] === 1;
  }
  if (breaksParagraph(lines[line], excluded(line))) return undefined;

  // The hovered paragraph, bounded so a paragraph of thousands of lines stays cheap.
  let first = line;
  let last = line;
  if (!isAtxHeading(lines[line])) {
    while (first > 0 && line - first < PARAGRAPH_CONTEXT_LINES && !breaksParagraph(lines[first - 1], excluded(first - 1)) && !isAtxHeading(lines[first - 1])) first--;
    while (last + 1 < lines.length && last - line < PARAGRAPH_CONTEXT_LINES && !breaksParagraph(lines[last + 1], excluded(last + 1)) && !isAtxHeading(lines[last + 1])) last++;
  }
  const paragraphLines = lines.slice(first, last + 1);
  const paragraph = paragraphLines.length === 1 ? paragraphLines[0] : paragraphLines.join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const text of paragraphLines) {
    lineStarts.push(offset);
    offset += text.length + 1;
  }
  const hovered = lineStarts[line - first] + character;

  // Only words starting shortly before the hovered offset can cover it.
  const from = Math.max(0, hovered - WINDOW);
  const limit = Math.min(paragraph.length, hovered + WINDOW);
  const exclusions = markdownInlineExclusions(paragraph, Math.max(0, from - WINDOW), limit);
  const found: RawMatch[] = [];
  matchWords(index, paragraph, from, hovered + 1, limit, exclusions, found);
  const match = found.find((candidate) => candidate.start <= hovered && hovered < candidate.end);
  if (!match) return undefined;
  const toDocument = (at: number): TextPosition => {
    const position = positionAt(lineStarts, at);
    return { line: position.line + first, character: position.character };
  };
  return {
    entry: match.entry,
    text: paragraph.slice(match.start, match.end),
    range: { start: toDocument(match.start), end: toDocument(match.end) },
  };
}
