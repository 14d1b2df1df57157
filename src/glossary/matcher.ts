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
 *   skipped (see src/markdown/regions.ts); link text matches.
 *
 * Design: no regular expression per glossary (a regex alternation of thousands of terms grows
 * past the size V8 optimises). Text is tokenised into words once, left to right, by a loop over
 * character codes that also hashes each word; a bit set of the forms' first words rules out
 * most words from that hash alone, without making a string. Most of the others are compared in
 * place with the one form word that has their hash, and then looked up in a trie of the forms,
 * word by word; only when a form continues is the next separator and word read. Cost is linear
 * in the text and nearly independent of the glossary's size.
 *
 * This file is the API; the parts are in matching/: words.ts (word characters, separators and
 * the filter slots, from one table), forms.ts (the tries of a glossary's forms) and scan.ts
 * (one run of text, whole notes, one position).
 */
import type { GlossaryEntry } from './types';
import type { LinePredicate, MarkdownLines } from '../markdown/regions';
import { buildFormIndex, type FormIndex, type FormIndexPlan } from './matching/forms';
import { countByEntry, scanMarkdown, scanPlainText, termAt } from './matching/scan';

export { codeAndFrontMatterLines, type LinePredicate, type MarkdownLines } from '../markdown/regions';
export { planFormIndex, regularPlurals, type FormIndexPlan } from './matching/forms';

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
  /** Builds the lookup tables now rather than on first use (the store does it just after activation). */
  prepare(): void;
}

/**
 * Prepares a glossary for matching. Cheap: the lookup tables are built on first use and kept,
 * so compile once per glossary (re-compile when a team glossary changes). `plan`, if given, is
 * asked for when the tables are built: a plan of these very entries made earlier (the build's,
 * for the shipped glossary), which spares reading every form then.
 */
export function compileGlossary(entries: readonly GlossaryEntry[], plan?: () => FormIndexPlan | undefined): CompiledGlossary {
  let built: FormIndex | undefined;
  const index = (): FormIndex => (built ??= buildFormIndex(entries, plan?.()));
  return {
    entries,
    scan: (markdown, split) => scanMarkdown(index(), markdown, split),
    scanPlainText: (text) => scanPlainText(index(), text),
    termAt: (lines, line, character, isExcludedLine) => termAt(index(), lines, line, character, isExcludedLine),
    countTerms: (markdown) => countByEntry(scanMarkdown(index(), markdown)),
    prepare: () => void index(),
  };
}
