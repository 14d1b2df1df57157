/**
 * The comment that silences Do Not Use findings on the next line (pure: no `vscode`):
 *
 *     <!-- iliopsoas-disable-next-line -->                    every rule
 *     <!-- iliopsoas-disable-next-line daily trailing-zero --> only those (spaces or commas between)
 *
 * It is an HTML comment alone on its line (after any indentation and blockquote markers), so the
 * rendered note does not show it. Rule names are case-insensitive; a name that is not a rule is
 * ignored and reported, and a comment that names only unknown rules silences nothing (a typo
 * never silences every rule). Whether the line is code is for the caller to say: a comment in a
 * code block is code.
 */
import { isAtxHeading } from '../markdown/regions';
import { isDoNotUseRuleId, type DoNotUseRuleId } from './doNotUseRules';

export const DISABLE_NEXT_LINE = 'iliopsoas-disable-next-line';

export interface DisableComment {
  /** The rules it silences on the next line; undefined for every rule. */
  readonly rules: ReadonlySet<DoNotUseRuleId> | undefined;
  /** The names that are not rules, with their place in the line (UTF-16 characters, end exclusive). */
  readonly unknown: readonly { readonly name: string; readonly start: number; readonly end: number }[];
}

// Indentation and blockquote markers, then the comment, then nothing but spaces.
const COMMENT_LINE = /^([ \t]*(?:>[ \t]*)*)<!--(.*?)-->[ \t]*$/;
const WORD = /[^\s,]+/g;

/** The comment on a line, or undefined when the line is anything else. */
export function parseDisableComment(line: string): DisableComment | undefined {
  // Most lines: one indexOf.
  if (line.indexOf(DISABLE_NEXT_LINE) === -1) return undefined;
  const comment = COMMENT_LINE.exec(line);
  if (!comment || comment[2].includes('-->')) return undefined;
  const bodyStart = comment[1].length + 4;
  const words = [...comment[2].matchAll(WORD)];
  if (words.length === 0 || words[0][0] !== DISABLE_NEXT_LINE || words[0].index !== comment[2].search(/\S/)) return undefined;
  const names = words.slice(1);
  if (names.length === 0) return { rules: undefined, unknown: [] };
  const rules = new Set<DoNotUseRuleId>();
  const unknown: { name: string; start: number; end: number }[] = [];
  for (const word of names) {
    const name = word[0].toLowerCase();
    if (isDoNotUseRuleId(name)) rules.add(name);
    else unknown.push({ name: word[0], start: bodyStart + word.index, end: bodyStart + word.index + word[0].length });
  }
  return { rules, unknown };
}

/** Whether a line is an HTML comment and nothing else: in Markdown it is a block of its own, never part of a paragraph. */
export function isCommentLine(line: string): boolean {
  if (line.indexOf('<!--') === -1) return false;
  const comment = COMMENT_LINE.exec(line);
  return comment !== null && !comment[2].includes('-->');
}

/** A replacement in a note: the range [start, end) of one line, or an insertion where they are equal. */
export interface LineEdit {
  readonly line: number;
  readonly startCharacter: number;
  readonly endCharacter: number;
  readonly text: string;
}

// As src/markdown/regions.ts reads lines: blockquote markers, then indentation in columns, then a list marker.
const QUOTE_MARKERS = /^ {0,3}(?:>[ \t]?)+/;
const LIST_ITEM = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/;

const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

const isBlank = (line: string): boolean => /^[ \t>]*$/.test(line);

/** A line as a list sees it: its blockquote markers, its indentation in columns, and its list marker if it has one. */
function listLine(line: string): { quote: string; indentText: string; columns: number; item: { marker: string; kind: string; content: number } | undefined; rest: string } {
  const quote = QUOTE_MARKERS.exec(line)?.[0] ?? '';
  let columns = 0;
  let length = quote.length;
  for (; length < line.length; length++) {
    const c = line[length];
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4 - (columns % 4);
    else break;
  }
  const marker = LIST_ITEM.exec(line.slice(length));
  if (!marker) return { quote, indentText: line.slice(quote.length, length), columns, item: undefined, rest: line.slice(length) };
  // Items of one list share the bullet, or the delimiter after the number; the text starts one column after the marker when more than four spaces follow it.
  const kind = /^\d/.test(marker[1]) ? marker[1].slice(-1) : marker[1];
  const gap = marker[2].length === 0 || marker[2].length > 4 ? 1 : marker[2].length;
  return { quote, indentText: line.slice(quote.length, length), columns, item: { marker: marker[1], kind, content: columns + marker[1].length + gap }, rest: line.slice(length + marker[0].length) };
}

/** How far up the open list items are looked for. */
const MAX_LINES_UP = 1000;

const quoteDepth = (quote: string): number => quote.split('>').length - 1;

interface OpenItem {
  readonly kind: string;
  readonly content: number;
}

/**
 * The list items open at a line of a note (innermost last), read line by line much as
 * src/markdown/regions.ts reads them: an item closes the items whose text starts right of its
 * marker, and so does any other line left of an item's text, except one that continues a
 * paragraph (lazily). An item that would start a list inside a paragraph (of the innermost item,
 * or outside lists) must start with a bullet or "1." (CommonMark), or it continues the paragraph.
 * A line in another blockquote depth starts afresh (lists do not run into or out of a quote),
 * unless it lazily continues a paragraph of it. Checked against markdown-it by a property test.
 */
class ListScan {
  private open: OpenItem[] = [];
  private afterParagraph = false;
  private depth = 0;

  /** What `step` would make of an item line: the items it closes and whether it is one. */
  asItem(line: string): { readonly isItem: boolean; readonly closes: readonly OpenItem[] } {
    const { quote, columns, item, rest } = listLine(line);
    // A line in another quote depth is in another container: it interrupts no paragraph.
    const sameContainer = quoteDepth(quote) === this.depth;
    const open = sameContainer ? this.open : [];
    let kept = open.length;
    while (kept > 0 && open[kept - 1].content > columns) kept--;
    const closes = open.slice(kept);
    const interrupts = item !== undefined && /^(?:[-+*]|0*1[.)])$/.test(item.marker) && rest.trim() !== '';
    // (Only a paragraph in the innermost item, or outside lists, is interrupted: left of that item's text, the line is out of it.)
    const isItem = item !== undefined && (!this.afterParagraph || !sameContainer || closes.length > 0 || interrupts);
    return { isItem, closes };
  }

  step(line: string, code: boolean): void {
    if (isBlank(line)) {
      // A line without the quote's `>` ends the quote.
      const depth = quoteDepth(QUOTE_MARKERS.exec(line)?.[0] ?? '');
      if (depth < this.depth) this.reset(depth);
      this.afterParagraph = false;
      return;
    }
    const { quote, columns, item, rest } = listLine(line);
    const innermost = quoteDepth(quote) === this.depth ? this.open[this.open.length - 1] : undefined;
    // Indented code the note model may not see as code (it keeps lists open past headings).
    if (!this.afterParagraph && columns - (innermost?.content ?? 0) >= 4) code = true;
    const isItem = !code && item !== undefined && this.asItem(line).isItem;
    // Text that can continue a paragraph (a heading, a comment, a rule or code cannot).
    const text = !code && rest.trim() !== '' && !isAtxHeading(rest) && !isCommentLine(rest) && !THEMATIC_BREAK.test(rest);
    const lazy = this.afterParagraph && !isItem && (text || item !== undefined) && quoteDepth(quote) <= this.depth;
    // Fewer `>` than the paragraph above: a lazy continuation of it, still in its quote.
    if (lazy && quoteDepth(quote) < this.depth) return;
    if (quoteDepth(quote) !== this.depth) this.reset(quoteDepth(quote));
    if (!lazy) while (this.open.length > 0 && this.open[this.open.length - 1].content > columns) this.open.pop();
    if (isItem && item) this.open.push({ kind: item.kind, content: item.content });
    this.afterParagraph = text || lazy;
  }

  private reset(depth: number): void {
    this.open = [];
    this.depth = depth;
  }
}

/**
 * The edit that silences `rule` on `line`: a comment inserted above it, or the rule added to the
 * comment already there. Undefined when the comment above already silences every rule.
 * `isCode` says which lines are code (or front matter), as the note model classifies them.
 *
 * Where the comment goes, so the rendered note keeps its shape: at the line's indentation and
 * inside its blockquote; above a list item that follows an item of the same list, at that item's
 * text column, so the comment belongs to it and the list stays one list (at the marker's column
 * it would end the list: an HTML block cannot continue a list item it is not indented into).
 * Above the first item of a list, at the marker's column.
 * Inside a paragraph the comment splits it in two in the rendered note: Markdown starts an HTML
 * block there.
 */
export function disableCommentEdit(lines: readonly string[], line: number, rule: DoNotUseRuleId, isCode: (line: number) => boolean = () => false): LineEdit | undefined {
  const above = line > 0 && !isCode(line - 1) ? parseDisableComment(lines[line - 1]) : undefined;
  if (above) {
    if (!above.rules) return undefined;
    const text = lines[line - 1];
    const close = text.lastIndexOf('-->');
    // Before the `-->`, with one space on each side.
    let at = close;
    while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    return { line: line - 1, startCharacter: at, endCharacter: close, text: ` ${rule} ` };
  }
  const target = listLine(lines[line]);
  let prefix = target.quote + target.indentText;
  if (target.item) {
    const scan = new ListScan();
    for (let at = Math.max(0, line - MAX_LINES_UP); at < line; at++) scan.step(lines[at], isCode(at));
    const { isItem, closes } = scan.asItem(lines[line]);
    // Following an item of its own list (the outermost of those it closes): into that item, at its text column.
    if (isItem && closes[0]?.kind === target.item.kind) prefix = target.quote + ' '.repeat(closes[0].content);
  }
  return { line, startCharacter: 0, endCharacter: 0, text: `${prefix}<!-- ${DISABLE_NEXT_LINE} ${rule} -->\n` };
}
