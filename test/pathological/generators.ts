/**
 * Pathological inputs for the pathological suite, in the spirit of markdown-it's own
 * (test/pathological.mjs there): each generator is a pure function `(n) => string` whose text
 * grows linearly with n, named for what it makes. They are deterministic, so a failure names an
 * input that anyone can make again with the generator and n from its message.
 */
import { generateNote } from '../../bench/inputs';
import { loadBuiltInGlossary } from '../../src/glossary/entries';

export type Generate = (n: number) => string;

/** `unit` repeated until the text is `length` long (cut there), for inputs sized in characters. */
function cycle(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** `make(k)` for k = 1, 2, … joined, until the text is at least `length` long. */
function growing(make: (k: number) => string, length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 1; size < length; k++) {
    const part = make(k);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Punctuation: the ASCII marks that mean something to Markdown, snippets or the matchers (`&`
// entities, `@` e-mail addresses, `:` URL schemes), and the sentence marks. The other six
// (`% + / ; = ^`) start nothing in any of them.

export const PUNCTUATION: readonly string[] = [...'.!?,-*_`[]()<>#|\\${}~\'":&@'];

/** n copies of one mark: `runOf('[')(40_000)` is "[[[[…". */
export function runOf(mark: string): Generate {
  return (n) => mark.repeat(n);
}

// ---------------------------------------------------------------------------------------------
// Words and sentences: the readability rules' favourite inputs.

const LETTERS = 'iliopsoas';

/** One word of n letters (vowels and consonants, as a real word has). */
export const longWord: Generate = (n) => cycle(LETTERS, n);

/** A long word, then " ." (a full stop after a space, where a sentence ends without a last word). */
export const longWordThenSpaceDot: Generate = (n) => `${cycle(LETTERS, n)} .`;

/** A word, then n sentence marks `.!?` mixed, then a letter: a run that ends no sentence. */
export const sentenceMarksThenLetter: Generate = (n) => `Pain${cycle('.!?', n)}x`;

/** One sentence of n abbreviations whose full stop does not end it: "e.g. e.g. …". */
export const abbreviationsInOneSentence: Generate = (n) => `Rest ${'e.g. '.repeat(n)}walk.`;

/** A word, n spaces, a word. */
export const longRunOfSpaces: Generate = (n) => `Psoas${' '.repeat(n)}pain`;

/** n laboratory values in units per millilitre on one line, each checked for an order word around it. */
export const unitsPerMillilitre: Generate = (n) => 'TSH 2.8 IU/ML, 1.0 U/mL; '.repeat(n);

// ---------------------------------------------------------------------------------------------
// Brackets and nesting.

/** n `[` before a term, never closed. */
export const unclosedSquareBrackets: Generate = (n) => `${'['.repeat(n)}psoas`;

/** n `(` before a term, never closed. */
export const unclosedParentheses: Generate = (n) => `${'('.repeat(n)}psoas`;

/** A term inside n balanced square brackets: "[[[psoas]]]". */
export const balancedSquareBrackets: Generate = (n) => `${'['.repeat(n)}psoas${']'.repeat(n)}`;

/** A term inside n balanced parentheses. */
export const balancedParentheses: Generate = (n) => `${'('.repeat(n)}psoas${')'.repeat(n)}`;

/** A term inside n balanced braces: JSON and snippet syntax nest with these. */
export const balancedBraces: Generate = (n) => `${'{'.repeat(n)}psoas${'}'.repeat(n)}`;

/** n link texts nested in each other: "[[[psoas](x)](x)](x)". */
export const nestedLinks: Generate = (n) => `${'['.repeat(n)}psoas${'](https://x.org/p)'.repeat(n)}`;

/** n snippet placeholders nested in each other: "${1:${1:psoas}}". */
export const nestedSnippetPlaceholders: Generate = (n) => `${'${1:'.repeat(n)}psoas${'}'.repeat(n)}`;

/** One line quoted n levels deep: "> > > psoas pain". */
export const deepBlockquote: Generate = (n) => `${'> '.repeat(n)}psoas pain`;

/** One line of n nested list markers: "- - - psoas". */
export const nestedListMarkers: Generate = (n) => `${'- '.repeat(n)}psoas`;

// ---------------------------------------------------------------------------------------------
// Code.

/** n code spans in one paragraph: "`psoas` `psoas` …". */
export const manyCodeSpans: Generate = (n) => '`psoas` '.repeat(n);

/** Backtick runs of growing length, 1, 2, 3, …, none of them closed (each length occurs once), n characters in all. */
export const unmatchedGrowingBacktickRuns: Generate = (n) => growing((k) => `${'`'.repeat(k)} psoas `, n);

/** Single backticks with a word between each: "` psoas ` psoas …", odd ones unpaired at the end. */
export const manyLoneBackticks: Generate = (n) => '` psoas '.repeat(n);

/** A fence that never closes, then n lines of prose. */
export const unclosedFence: Generate = (n) => `\`\`\`\n${'psoas pain\n'.repeat(n)}`;

// ---------------------------------------------------------------------------------------------
// Front matter.

/** A first line `---`, then n lines, never closed (so it is not front matter but a thematic break). */
export const unclosedFrontMatter: Generate = (n) => `---\n${'title: psoas pain\n'.repeat(n)}`;

/** Front matter of n lines with a blank line after each, closed, then a paragraph. */
export const frontMatterWithBlankLines: Generate = (n) => `---\n${'title: psoas pain\n\n'.repeat(n)}---\n\nPsoas pain.\n`;

/** A first line `---`, then n lines with blank lines between, never closed. */
export const unclosedFrontMatterWithBlankLines: Generate = (n) => `---\n${'title: psoas pain\n\n'.repeat(n)}`;

// ---------------------------------------------------------------------------------------------
// Line ends and odd characters.

/** n lines ended by a lone "\r" (old Mac line ends): one line for a "\n" splitter. */
export const crOnlyLines: Generate = (n) => 'psoas pain\r'.repeat(n);

/** n lines ended by "\r\n". */
export const crlfLines: Generate = (n) => 'psoas pain\r\n'.repeat(n);

/** n terms with NUL characters between them. */
export const nulCharacters: Generate = (n) => 'psoas\u0000\u0000 '.repeat(n);

/** n lone surrogates (high and low, unpaired) around terms. */
export const loneSurrogates: Generate = (n) => '\ud800psoas\udfff '.repeat(n);

/** n groups of astral characters: emoji (symbols) and mathematical bold letters (word characters) around a term. */
export const astralCharacters: Generate = (n) => '🦴 psoas 𝐩𝐬𝐨𝐚𝐬 🩻'.repeat(n);

/** n empty lines. */
export const manyEmptyLines: Generate = (n) => '\n'.repeat(n);

/** One paragraph of n short lines without a glossary term. */
export const paragraphOfManyLines: Generate = (n) => 'Pain at rest\n'.repeat(n);

/** n one-line paragraphs separated by blank lines: as many segments for the incremental indexes. */
export const manyShortParagraphs: Generate = (n) => 'Psoas pain.\n\n'.repeat(n);

// ---------------------------------------------------------------------------------------------
// Glossary terms.

/** n occurrences of one glossary term: "psoas psoas …". */
export const repeatedTerm: Generate = (n) => 'psoas '.repeat(n);

let denseForms: string | undefined;
/** Every form (term, variant, abbreviation) of the built-in glossary once, space-separated. */
function glossaryForms(): string {
  denseForms ??= loadBuiltInGlossary()
    .flatMap((entry) => [entry.term, ...entry.variants, ...entry.abbreviations])
    .join(' ');
  return denseForms;
}

/** n characters of glossary forms (one-word, multi-word, abbreviations) back to back, on one line. */
export const denseTermsOneLine: Generate = (n) => cycle(`${glossaryForms()} `, n);

/** The same as one paragraph wrapped every few words, so terms run across soft line breaks. */
export const denseTermsWrapped: Generate = (n) => cycle(`${glossaryForms()} `, n).replace(/((?:\S+ ){6}\S+) /g, '$1\n');

/** n list items, each with a term. */
export const manyListItems: Generate = (n) => '- psoas pain\n'.repeat(n);

/** A table of n rows with a term in each. */
export const manyTableRows: Generate = (n) => `| term | note |\n| --- | --- |\n${'| psoas | hip flexor pain |\n'.repeat(n)}`;

/** n emphasis openers, none closed: "*psoas _pain *psoas _pain …". */
export const unclosedEmphasis: Generate = (n) => '*psoas _pain '.repeat(n);

// ---------------------------------------------------------------------------------------------
// Links, URLs, HTML-looking text and entities.

/** A link whose destination is n characters long. */
export const longLinkDestination: Generate = (n) => `[psoas](https://example.org/${'a'.repeat(n)})`;

/** An autolink n characters long. */
export const longAutolink: Generate = (n) => `<https://example.org/${'a'.repeat(n)}>`;

/** A raw URL of n path segments. */
export const longRawUrl: Generate = (n) => `https://example.org/${'psoas/'.repeat(n)}`;

/** n links in one paragraph. */
export const manyLinks: Generate = (n) => '[psoas](https://x.org/p) '.repeat(n);

/** One HTML-looking tag `<a` with n attributes and no `>`. */
export const longUnclosedTag: Generate = (n) => `<a${' href="psoas"'.repeat(n)}`;

/** n HTML-looking tags `<a` without `>`. */
export const manyUnclosedTags: Generate = (n) => '<a psoas '.repeat(n);

/** n character references, named and numeric. */
export const manyEntities: Generate = (n) => '&amp;&#x41;&lt;&psoas;'.repeat(n);

/** One numeric character reference of n digits, never ended by `;`. */
export const longNumericEntity: Generate = (n) => `&#${'1'.repeat(n)} psoas`;

/** n Do Not Use disable comments, each naming a rule and an unknown name, above a line with a dose. */
export const manyDisableComments: Generate = (n) => '<!-- iliopsoas-disable-next-line unit dialy -->\nGive 10 U qd.\n'.repeat(n);

/** A disable comment that never closes, then n more openings on its line. */
export const unclosedDisableComments: Generate = (n) => '<!-- iliopsoas-disable-next-line '.repeat(n);

/** A disable comment on one line with n closings `-->` after it. */
export const disableCommentClosings: Generate = (n) => `<!-- iliopsoas-disable-next-line ${'--> '.repeat(n)}`;

// ---------------------------------------------------------------------------------------------
// Size: whole notes.

/** Ordinary clinical Markdown of n characters (headings, lists, paragraphs, code, links): the benchmark's note. */
export const clinicalNote: Generate = (n) => generateNote({ length: n, seed: 7, entries: loadBuiltInGlossary(), markup: true });

/** The clinical note written on one line: n characters without a line break. */
export const clinicalNoteOnOneLine: Generate = (n) => generateNote({ length: n + (n >> 4), seed: 11, entries: loadBuiltInGlossary(), markup: false }).replace(/\n+/g, ' ').slice(0, n);
