/**
 * Reading grades of patient handouts written in Markdown (pure: no `vscode`).
 *
 * The Markdown is parsed with the project's markdown-it and reduced to the words a patient reads:
 * headings, paragraphs, list items, quotes and table rows keep their text (link text, emphasis
 * and image alt text included); code blocks, code spans, HTML tags and comments, raw URLs and
 * e-mail addresses, link destinations and YAML front matter are dropped. Each block becomes its
 * own paragraph of plain text, so a heading or a list item ends a sentence even without a full
 * stop, as readability.ts expects.
 *
 * Handout sources may still hold VS Code snippet syntax (tab stops not yet filled in): it reads
 * as inserted (markdown/snippets.ts `snippetPlainText`, the one parser), as in the HTML export.
 */
import { markdownIt, type Token } from '../markdown/engine';
import { blockAround, markCodeAndFrontMatter, plainTextExclusions } from '../markdown/regions';
import { snippetPlainText } from '../markdown/snippets';
import { exemptTerms, fleschKincaidGrade, sentences, smogGrade, taughtTerms, words } from './grade';

export interface MarkdownReadingGrades {
  /** The reading grade by the project's one rule: the higher of the two below. */
  readonly grade: number;
  /** Flesch–Kincaid grade, one decimal, taught terms exempted. */
  readonly fleschKincaid: number;
  /** SMOG grade, one decimal, taught terms exempted. */
  readonly smog: number;
  /** The terms the text explains, which count as one short word each. */
  readonly taughtTerms: readonly string[];
  readonly words: number;
  readonly sentences: number;
}

/** Fewer words than this give grades that swing on a single word; no grade is shown. */
export const MIN_WORDS_TO_GRADE = 10;

/** Stands in for a tab stop or variable without default text when grading: one short word. */
export const UNFILLED_WORD = 'blank';

// Grading is linear in the text: a paragraph that is one huge line is graded around the cursor only.
export const MAX_GRADED_CHARACTERS = 20_000;
const MAX_GRADED_LINES = 501;

/**
 * What the reading-grade status grades when nothing is selected: the run of non-blank lines
 * around the cursor (see `blockAround`), at most MAX_GRADED_CHARACTERS of it centred on the cursor.
 */
export function paragraphToGrade(lines: readonly string[], line: number, character: number): string {
  const at = Math.min(Math.max(line, 0), lines.length - 1);
  const { first, last } = blockAround(lines, at, MAX_GRADED_LINES);
  const text = lines.slice(first, last + 1).join('\n');
  let cursor = character;
  for (let l = first; l < at; l++) cursor += lines[l].length + 1;
  const start = Math.max(0, Math.min(cursor - MAX_GRADED_CHARACTERS / 2, text.length - MAX_GRADED_CHARACTERS));
  return text.slice(start, start + MAX_GRADED_CHARACTERS);
}

/** The Markdown without its YAML front matter (a first line `---` up to the next `---` or `...`). */
export function withoutFrontMatter(markdown: string): string {
  if (!markdown.startsWith('---')) return markdown;
  const lines = markdown.split('\n');
  // markdownRegions decides what counts as front matter (an unclosed `---` is a thematic break).
  if (markCodeAndFrontMatter(lines.map((line) => line.replace(/\r$/, '')))[0] !== 1) return markdown;
  let close = 1;
  while (close < lines.length && !/^(?:---|\.\.\.)[ \t]*\r?$/.test(lines[close])) close++;
  return lines.slice(close + 1).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Handout Markdown → tokens → plain prose

/**
 * The markdown-it tokens of a handout as a reader sees it: front matter dropped, snippet
 * placeholders filled in (`unfilled` for tab stops without a default), images reduced to their
 * alt text, and links to anything but http(s), mailto or # reduced to their link text.
 * Shared by the reading grade and the HTML export, so both see the same words.
 */
export function handoutTokens(markdown: string, unfilled: string): Token[] {
  const shared = markdownIt();
  // A view of the one instance that accepts every destination while parsing, so an image or a
  // relative link ("![stretch](stretch.png)", "[more](plan.md)") parses as one rather than
  // showing its syntax; the shared instance's own validateLink still decides which links stay.
  const acceptingAnyDestination: ReturnType<typeof markdownIt> = Object.create(shared);
  acceptingAnyDestination.validateLink = () => true;
  const tokens = acceptingAnyDestination.parse(snippetPlainText(withoutFrontMatter(markdown), unfilled), {});

  for (const block of tokens) {
    if (!block.children) continue;
    const kept: Token[] = [];
    let insideDroppedLink = false; // links never nest
    for (const token of block.children) {
      if (token.type === 'image') {
        token.content = shared.renderer.renderInlineAsText(token.children ?? [], shared.options, {});
        token.type = 'text';
        token.tag = '';
        token.attrs = null;
        token.children = null;
        kept.push(token);
      } else if (token.type === 'link_open' && !shared.validateLink(String(token.attrGet('href') ?? ''))) {
        insideDroppedLink = true;
      } else if (token.type === 'link_close' && insideDroppedLink) {
        insideDroppedLink = false;
      } else {
        kept.push(token);
      }
    }
    block.children = kept;
  }
  return tokens;
}

/** The words of a run of text as a patient reads them: raw URLs, e-mail addresses and HTML-looking tags dropped. */
function wordsWithoutExclusions(text: string): string {
  let result = '';
  let from = 0;
  for (const excluded of plainTextExclusions(text)) {
    result += `${text.slice(from, excluded.start)} `;
    from = excluded.end;
  }
  return (result + text.slice(from)).replace(/\s+/g, ' ').trim();
}

// What can make Markdown (or snippet syntax) of text: any of these characters anywhere, or a
// line that does not start with a letter or a number (a list item, a quote, a rule, indented code).
const MARKUP_CHARACTER = /[\\`*_[\]<>&|~#=!${}]/;
const PLAIN_LINE_START = /^ {0,3}(?:\p{L}|\d+(?![.)\d]))/u;

/**
 * The prose of text that holds no Markdown at all (see MARKUP_CHARACTER), as handoutProse would
 * find it, without parsing: each run of lines between blank lines is one block, its lines joined
 * by spaces. Undefined when the text may hold Markdown, which then takes the parser.
 */
export function proseOfPlainText(text: string): string | undefined {
  if (MARKUP_CHARACTER.test(text)) return undefined;
  const blocks: string[] = [];
  let block: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (block.length > 0) blocks.push(wordsWithoutExclusions(block.join(' ')));
      block = [];
    } else if (PLAIN_LINE_START.test(line)) {
      block.push(line);
    } else {
      return undefined; // e.g. a list item or a setext underline, which may end the paragraph above
    }
  }
  if (block.length > 0) blocks.push(wordsWithoutExclusions(block.join(' ')));
  return blocks.filter((prose) => prose !== '').join('\n\n');
}

/** The words of one inline token (a paragraph, heading or table cell) as a patient reads them. */
function inlineProse(inline: Token): string {
  const text = (inline.children ?? [])
    // Code spans are not prose; link and emphasis tokens carry no text of their own.
    .map((child) => (child.type === 'text' ? child.content : child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : ''))
    .join('');
  // With html: false, HTML tags and comments arrive as text; raw URLs and e-mail addresses are not read aloud.
  return wordsWithoutExclusions(text);
}

/**
 * The prose of a handout: one paragraph per heading, paragraph, list item or table row, separated
 * by blank lines, with placeholders shown as their default text (see the top of this file).
 */
export function handoutProse(markdown: string): string {
  // Most paragraphs of a note are plain sentences: their prose is their words, without parsing.
  return proseOfPlainText(markdown) ?? parsedProse(markdown);
}

/** {@link handoutProse} by parsing with markdown-it, whatever the text holds. */
export function parsedProse(markdown: string): string {
  const blocks: string[] = [];
  // A table row reads as one sentence, not one per cell.
  let row: string[] | undefined;
  for (const token of handoutTokens(markdown, UNFILLED_WORD)) {
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      blocks.push(row.join(' '));
      row = undefined;
    } else if (token.type === 'inline') {
      const prose = inlineProse(token);
      if (row) row.push(prose);
      else blocks.push(prose);
    }
  }
  return blocks.filter((block) => block !== '').join('\n\n');
}

/**
 * Reading grades of a Markdown handout, or undefined when it has too few words to grade. Of
 * `teachable` terms, those the text explains are exempted (see
 * readability.ts `patientReadingGrade`, the same rule for plain text).
 */
export function markdownReadingGrades(markdown: string, teachable: readonly string[] = []): MarkdownReadingGrades | undefined {
  const prose = handoutProse(markdown);
  const wordCount = words(prose).length;
  if (wordCount < MIN_WORDS_TO_GRADE) return undefined;
  const taught = taughtTerms(prose, teachable);
  const graded = exemptTerms(prose, taught);
  const fleschKincaid = fleschKincaidGrade(graded);
  const smog = smogGrade(graded);
  return { grade: Math.max(fleschKincaid, smog), fleschKincaid, smog, taughtTerms: taught, words: wordCount, sentences: sentences(prose).length };
}
