// Scanning text for a glossary's forms (pure): one run of text, whole notes, one position.
import type { GlossaryEntry } from '../types';
import type { TermLocation, TermMatch, TermCount, TextPosition } from '../matcher';
import { lineStartsOf, positionAt } from '../../markdown/positions';
import { forEachParagraph, isAtxHeading, inlineMarkupDetector, isBlankLine, markCodeAndFrontMatter, markdownInlineExclusions, plainTextExclusions, splitMarkdownLines, LinePredicate, TextRange } from '../../markdown/regions';
import { FormNode, FormRoots, WordsBySlot, FormIndex } from './forms';
import { APOSTROPHE, RIGHT_SINGLE_QUOTE, wordCharLength, wordEnd, insideWord, normalizeApostrophes, textSeparatorKey, SLOT_BITS, SLOT_MASK, FNV_OFFSET, FNV_PRIME, ASCII_WORD_FOLDED, WordSlot, readWord } from './words';

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
      // A phrase the entry does not apply in covers its words: they stay silent.
      if (!best.node.silent) out.push({ entry: best.node.entry!, start, end: best.end });
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
function longestFrom(roots: FormRoots, index: FormIndex, text: string, firstWord: string, firstEnd: number, barrier: number, foldCase: boolean): { node: FormNode; end: number } | undefined {
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

export function scanMarkdown(index: FormIndex, text: string, split = splitMarkdownLines(text)): TermMatch[] {
  const { lineStarts, lines } = split;

  const mayHaveMarkup = inlineMarkupDetector(text);
  const raw: RawMatch[] = [];
  forEachParagraph(split, (first, last) => {
    const start = lineStarts[first];
    const end = lineStarts[last] + lines[last].length;
    // Exclusions are found in the paragraph alone (code spans pair within it), but words are
    // read from the whole text: characters of a flat string are cheaper to read than a slice's.
    const exclusions = mayHaveMarkup(start, end) ? markdownInlineExclusions(text.slice(start, end)) : NO_RANGES;
    const shifted = exclusions.length === 0 ? exclusions : exclusions.map((range) => ({ start: range.start + start, end: range.end + start }));
    matchWords(index, text, start, end, end, shifted, raw);
  });
  return toTermMatches(text, lineStarts, raw);
}

export function scanPlainText(index: FormIndex, text: string): TermMatch[] {
  const raw: RawMatch[] = [];
  matchWords(index, text, 0, text.length, text.length, plainTextExclusions(text), raw);
  return toTermMatches(text, lineStartsOf(text), raw);
}

export function countByEntry(matches: readonly TermMatch[]): TermCount[] {
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

export function termAt(index: FormIndex, lines: readonly string[], line: number, character: number, isExcludedLine?: LinePredicate): TermLocation | undefined {
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
