/**
 * Pure detection of the parts of a Markdown note that are not prose, so the glossary matcher
 * can skip them: YAML front matter, fenced and indented code blocks (whole lines), and inline
 * code spans, HTML tags and comments, link destinations, autolinks and raw URLs (ranges).
 *
 * This is a deliberately small, line-based approximation of CommonMark, not a parser: it is
 * cheap enough to run once per document version for hovers, and it errs towards the common
 * shapes of clinical notes (paragraphs, lists, quotes, fences).
 */

import { lineStartsOf } from './positions';

/** Answers whether a (0-based) line of a document is code or front matter. */
export type LinePredicate = (line: number) => boolean;

/** A half-open range [start, end) of UTF-16 offsets into some text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

// Both applied after the line's indentation (and list marker) is removed.
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
const QUOTE_MARKERS = /^ {0,3}(?:>[ \t]?)+/;
const LIST_ITEM = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A line that opens front matter when it is the first line of a document. */
export const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** A line with nothing but spaces, tabs and blockquote markers: it ends a paragraph. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3e /* > */) return false;
  }
  return true;
}

/** The character code after up to three leading spaces, where block markers (`#`, `>`) stand; NaN past the end. */
function codeAfterIndent(line: string): number {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 0x20) i++;
  return line.charCodeAt(i);
}

/** An ATX heading (`# Title`): a paragraph of its own, so terms and code spans never cross it. */
export function isAtxHeading(line: string): boolean {
  // Called for every line of a scan: the regex only runs where a `#` stands.
  return codeAfterIndent(line) === 0x23 && ATX_HEADING.test(line);
}

/** Leading indentation in columns, tabs advancing to the next multiple of 4 (as CommonMark does). */
function indentColumns(text: string): { columns: number; length: number } {
  let columns = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) columns++;
    else if (c === 0x09) columns += 4 - (columns % 4);
    else break;
  }
  return { columns, length: i };
}

/**
 * Marks the lines of a document that are YAML front matter (a first line `---` up to the next
 * `---` or `...` line) or code: fenced blocks (``` or ~~~, also inside blockquotes and list
 * items, closed by a fence of the same character at least as long, or by the end of the
 * document) and indented code (4+ columns past the enclosing list item's content, not
 * continuing a paragraph). Linear in the number of lines; compute it once per document version.
 */
export function codeAndFrontMatterLines(lines: readonly string[]): LinePredicate {
  const marked = markCodeAndFrontMatter(lines);
  return (line) => marked[line] === 1;
}

/** The first line of [from, to) that could close front matter (`---` or `...`), or -1. `lineAt` gives a line without "\r". */
function frontMatterCloser(lineAt: (line: number) => string, from: number, to: number): number {
  for (let line = from; line < to; line++) {
    const text = lineAt(line);
    const c = text.charCodeAt(0);
    // The regex only where a closer can start: most lines of a long note are not one.
    if ((c === 0x2d || c === 0x2e) /* - . */ && FRONT_MATTER_CLOSE.test(text)) return line;
  }
  return -1;
}

/**
 * The line that closes a note's YAML front matter, or -1 when it has none: no first line `---`,
 * or none below it closes it (then the `---` is a thematic break). `lineAt` gives a line
 * without "\r" of a note of `lineCount` lines.
 */
export function frontMatterEnd(lineCount: number, lineAt: (line: number) => string): number {
  if (lineCount === 0 || !FRONT_MATTER_OPEN.test(lineAt(0))) return -1;
  return frontMatterCloser(lineAt, 1, lineCount);
}

/**
 * For the incremental indexes: how an edit that replaced lines from `editFrom` on by the new
 * lines [editFrom, editTo) changed the front matter, which ended at `previousEnd` (as
 * {@link frontMatterEnd}, -1 for none). `fromTop` says that it may have opened, closed, moved or
 * removed it, and the lines must be classified again from line 0: front matter is decided by the
 * first line and the first closing line below it, however far apart, so no sync line between
 * them sees it (a `---` typed below a blank line inside it closes it from there). `end` is the
 * front matter's new end. Costs the edited lines, or the front matter when `fromTop`.
 */
export function frontMatterAfterEdit(previousEnd: number, editFrom: number, editTo: number, lineCount: number, lineAt: (line: number) => string): { end: number; fromTop: boolean } {
  // The edit reaches the first line or into the front matter: it may end elsewhere, or not at all.
  if (editFrom === 0 || editFrom <= previousEnd) return { end: frontMatterEnd(lineCount, lineAt), fromTop: true };
  // Below closed front matter, or in a note without a first line `---`: nothing changes.
  if (previousEnd !== -1 || !FRONT_MATTER_OPEN.test(lineAt(0))) return { end: previousEnd, fromTop: false };
  // Below an unclosed `---`: a closing line can only be one the edit wrote, since no old line was one.
  const closer = frontMatterCloser(lineAt, editFrom, editTo);
  return { end: closer, fromTop: closer !== -1 };
}

/** The same classification as {@link codeAndFrontMatterLines}, one byte per line (1 = excluded). */
export function markCodeAndFrontMatter(lines: readonly string[]): Uint8Array {
  const marked = new Uint8Array(lines.length);
  let lineIndex = 0;

  // An unclosed `---` is a thematic break, not front matter.
  const close = frontMatterEnd(lines.length, (line) => lines[line]);
  if (close !== -1) {
    marked.fill(1, 0, close + 1);
    lineIndex = close + 1;
  }

  // The open fence, with the column its list item's content starts at (closers are measured from there).
  let fence: { char: string; length: number; base: number } | undefined;
  // True when the previous line was paragraph text, which an indented line merely continues.
  let afterParagraph = false;
  // Content columns of the open list items, innermost last; indented code is measured from there.
  const listContent: number[] = [];
  let previousBlank = true;

  for (; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    // Each regex below runs only where its first character stands: most lines are plain text.
    const quote = codeAfterIndent(line) === 0x3e /* > */ ? QUOTE_MARKERS.exec(line) : null;
    const content = quote ? line.slice(quote[0].length) : line;
    const indent = indentColumns(content);

    if (fence) {
      marked[lineIndex] = 1;
      const close = FENCE_CLOSE.exec(content.slice(indent.length));
      if (close && indent.columns - fence.base <= 3 && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (isBlankLine(content)) {
      afterParagraph = false;
      previousBlank = true;
      continue;
    }

    let rest = content.slice(indent.length);
    let relative: number;
    const marker = rest.charCodeAt(0);
    const item = marker === 0x2d || marker === 0x2b || marker === 0x2a || (marker >= 0x30 && marker <= 0x39) ? LIST_ITEM.exec(rest) : null; // - + * digit
    if (item) {
      // A new item closes the items whose content starts to its right.
      while (listContent.length > 0 && listContent[listContent.length - 1] > indent.columns) listContent.pop();
      const gap = item[2].length === 0 || item[2].length > 4 ? 1 : item[2].length;
      listContent.push(indent.columns + item[1].length + gap);
      rest = rest.slice(item[0].length);
      relative = 0;
    } else {
      // After a blank line, a line left of an item's content ends that item.
      if (previousBlank) while (listContent.length > 0 && listContent[listContent.length - 1] > indent.columns) listContent.pop();
      relative = indent.columns - (listContent.length > 0 ? listContent[listContent.length - 1] : 0);
    }
    previousBlank = false;

    if (relative >= 4 && !afterParagraph) {
      marked[lineIndex] = 1;
      continue;
    }
    const fenceChar = rest.charCodeAt(0);
    const open = fenceChar === 0x60 || fenceChar === 0x7e ? FENCE_OPEN.exec(rest) : null; // ` ~
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      marked[lineIndex] = 1;
      fence = { char: open[1][0], length: open[1].length, base: listContent.length > 0 ? listContent[listContent.length - 1] : 0 };
      afterParagraph = false;
      continue;
    }
    afterParagraph = !isAtxHeading(rest);
  }
  return marked;
}

// Inline constructs, each tried by a sticky regex at the few positions where one can start (see
// regexRanges). Each alternative starts with a fixed character or is anchored by a look-behind,
// so an attempt that fails does so quickly.
const URL_START = String.raw`(?<![\p{L}\p{N}+.\-])(?:[A-Za-z][A-Za-z0-9+.\-]*:\/\/|www\.)[^\s<>]*`;
const MAILTO = String.raw`(?<![\p{L}\p{N}])mailto:[^\s<>]+`;
const EMAIL = String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`;
const AUTOLINK = String.raw`<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>`;
const HTML_TAG = String.raw`<\/?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?\/?>`;
// `](destination "title")`: the group is what is excluded, the text before it is link text.
// Whitespace is matched so that no run can be split two ways (a failed match stays linear).
const LINK_DESTINATION = String.raw`\](\((?:\s*(?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))+))?(?:\s+(?:"[^"]{0,1000}"|'[^']{0,1000}'|\([^()]{0,1000}\)))?\s*\))`;
// `[text][label]`: the label is not shown.
const REFERENCE_LABEL = String.raw`\](\[[^\[\]]{0,999}\])`;

/** An inline-markup pattern (sticky) and the strings of which every match contains at least one. */
interface MarkupPattern {
  readonly at: RegExp;
  readonly triggers: readonly string[];
}

// Every match of these patterns contains a trigger: `]` (links), `<` (autolinks, tags), `@`
// (e-mail), `:` (`scheme://`, `mailto:`) or `www.`. A match starts at a trigger or in the run of
// scheme or e-mail characters just before it (see isSchemeOrEmailChar), so only those positions
// are tried, and a paragraph without any trigger (most prose) costs a few indexOf calls.
const PLAIN_MARKUP: MarkupPattern = {
  at: new RegExp([URL_START, MAILTO, EMAIL, AUTOLINK, HTML_TAG].join('|'), 'uy'),
  triggers: ['<', '@', ':', 'www.'],
};
const MARKDOWN_MARKUP: MarkupPattern = {
  at: new RegExp([LINK_DESTINATION, REFERENCE_LABEL, URL_START, MAILTO, EMAIL, AUTOLINK, HTML_TAG].join('|'), 'uy'),
  triggers: [']', '<', '@', ':', 'www.'],
};
const REFERENCE_DEFINITION = /[ \t]{0,3}(?:>[ \t]?)*[ \t]{0,3}\[[^\]\n]{1,999}\]:/y;

/**
 * Ranges of `text` that look like markup rather than words when no Markdown parsing happened
 * (markdown-it's text tokens): raw URLs, e-mail addresses, `<autolinks>`, HTML tags and comments.
 * Constructs are looked for in [from, to) only (one running past `to` is cut there); the result
 * is sorted and disjoint.
 */
export function plainTextExclusions(text: string, from = 0, to = text.length): TextRange[] {
  const found: TextRange[] = [];
  htmlComments(text, from, to, found);
  regexRanges(PLAIN_MARKUP, text, from, to, [], found);
  return mergeRanges(found);
}

/**
 * Ranges of one paragraph of Markdown (`text`, never containing a blank line) that are not
 * prose: code spans, HTML comments and tags, link destinations and reference labels, reference
 * definitions, autolinks, raw URLs and e-mail addresses. Link text and image alt text are prose.
 *
 * Code spans are paired over the whole paragraph (one linear pass over its backtick runs), so
 * the answer for a window is the same as for the whole paragraph; every other construct is
 * looked for in [from, to) only, so one that starts before `from` is missed and one running past
 * `to` is cut there: callers pass a window with slack around what they look at. Only ranges
 * reaching into [from, to) are reported; the result is sorted and disjoint.
 */
export function markdownInlineExclusions(text: string, from = 0, to = text.length): TextRange[] {
  const spans = codeSpans(text, to);
  const found: TextRange[] = spans.filter((span) => span.end > from);
  htmlComments(text, from, to, found, spans);
  regexRanges(MARKDOWN_MARKUP, text, from, to, spans, found);
  referenceDefinitions(text, from, to, found);
  return mergeRanges(found);
}

/** Every construct {@link markdownInlineExclusions} finds contains one of these (`<!--` has `<`, `]:` has `]`). */
const MARKDOWN_TRIGGERS = ['`', ...MARKDOWN_MARKUP.triggers];

/**
 * For a note scanned paragraph by paragraph, front to back: whether [start, end) holds any
 * character inline markup needs, so a paragraph of plain prose can skip
 * {@link markdownInlineExclusions}. One indexOf per trigger and occurrence over the whole note;
 * `start` must never decrease from one call to the next.
 */
export function inlineMarkupDetector(text: string): (start: number, end: number) => boolean {
  const next = MARKDOWN_TRIGGERS.map((trigger) => text.indexOf(trigger));
  return (start, end) => {
    let found = false;
    for (let k = 0; k < next.length; k++) {
      if (next[k] !== -1 && next[k] < start) next[k] = text.indexOf(MARKDOWN_TRIGGERS[k], start);
      if (next[k] !== -1 && next[k] < end) found = true;
    }
    return found;
  };
}

/** Code spans that start before `until`: a run of n backticks up to the next run of exactly n. */
function codeSpans(text: string, until: number): TextRange[] {
  if (text.indexOf('`') === -1) return []; // most paragraphs: skip building the pairing tables
  const runStarts: number[] = [];
  const runLengths: number[] = [];
  for (let i = text.indexOf('`'); i !== -1; ) {
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) === 0x60) end++;
    runStarts.push(i);
    runLengths.push(end - i);
    i = text.indexOf('`', end);
  }
  // For each run length, the indices of its runs in order, and how far we have looked: pairing
  // only ever moves forward, so the whole pass is linear in the number of runs.
  const byLength = new Map<number, { runs: number[]; next: number }>();
  runLengths.forEach((length, index) => {
    const entry = byLength.get(length);
    if (entry) entry.runs.push(index);
    else byLength.set(length, { runs: [index], next: 0 });
  });

  const spans: TextRange[] = [];
  for (let run = 0; run < runStarts.length && runStarts[run] < until; run++) {
    // A backslash-escaped backtick cannot open a span.
    if (runStarts[run] > 0 && text.charCodeAt(runStarts[run] - 1) === 0x5c && !escapedBackslash(text, runStarts[run] - 1)) continue;
    const sameLength = byLength.get(runLengths[run])!;
    while (sameLength.next < sameLength.runs.length && sameLength.runs[sameLength.next] <= run) sameLength.next++;
    if (sameLength.next === sameLength.runs.length) continue;
    const closer = sameLength.runs[sameLength.next];
    spans.push({ start: runStarts[run], end: runStarts[closer] + runLengths[closer] });
    run = closer;
  }
  return spans;
}

/** Whether the backslash at `index` is itself escaped by an odd run of backslashes before it. */
function escapedBackslash(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) count++;
  return count % 2 === 1;
}

function insideAny(ranges: readonly TextRange[], offset: number): boolean {
  // Ranges are few per paragraph window and sorted; a binary search keeps huge lines fast.
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= offset) low = mid + 1;
    else if (ranges[mid].start > offset) high = mid - 1;
    else return true;
  }
  return false;
}

function htmlComments(text: string, from: number, to: number, found: TextRange[], codeSpans: readonly TextRange[] = []): void {
  for (let open = text.indexOf('<!--', from); open !== -1 && open < to; ) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return; // no later comment can close either
    if (!insideAny(codeSpans, open)) found.push({ start: open, end: close + 3 });
    open = text.indexOf('<!--', close + 3);
  }
}

/** Whether a character can precede a trigger inside a match: a URL scheme's or an e-mail local part's (any non-ASCII one, to be safe). */
function isSchemeOrEmailChar(c: number): boolean {
  return (
    c >= 0x80 ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b /* + */ ||
    c === 0x2d /* - */ ||
    c === 0x2e /* . */ ||
    c === 0x5f /* _ */ ||
    c === 0x25 /* % */
  );
}

/**
 * The matches of `pattern` in [from, to), as a global regex run from `from` would find them
 * (leftmost first, resuming after each), but trying only the positions where a match can start:
 * at the next trigger or in the scheme or e-mail characters just before it. A regex run over the
 * whole paragraph attempts a match at every character, which cost more than the word matching.
 */
function regexRanges(pattern: MarkupPattern, text: string, from: number, to: number, codeSpans: readonly TextRange[], found: TextRange[]): void {
  // A window of a huge line is searched on its own, so nothing past `to` is looked at.
  const searched = from === 0 && to === text.length ? text : text.slice(from, to);
  const { at: regex, triggers } = pattern;
  // The next occurrence of each trigger at or after `resumeAt` (-1: none left), refreshed lazily.
  const nextTrigger = triggers.map((trigger) => searched.indexOf(trigger));
  let resumeAt = 0;
  for (;;) {
    let trigger = -1;
    for (let k = 0; k < triggers.length; k++) {
      if (nextTrigger[k] !== -1 && nextTrigger[k] < resumeAt) nextTrigger[k] = searched.indexOf(triggers[k], resumeAt);
      if (nextTrigger[k] !== -1 && (trigger === -1 || nextTrigger[k] < trigger)) trigger = nextTrigger[k];
    }
    if (trigger === -1) return;
    let candidate = trigger;
    while (candidate > resumeAt && isSchemeOrEmailChar(searched.charCodeAt(candidate - 1))) candidate--;
    let match: RegExpExecArray | null = null;
    for (; candidate <= trigger && !match; candidate++) {
      regex.lastIndex = candidate;
      match = regex.exec(searched);
    }
    if (!match) {
      resumeAt = trigger + 1;
      continue;
    }
    const at = match.index + from;
    resumeAt = match.index + match[0].length;
    if (insideAny(codeSpans, at)) continue;
    // For links, only the captured destination or label is markup; the `]` ends link text.
    const start = match[1] !== undefined || match[2] !== undefined ? at + 1 : at;
    found.push({ start, end: at + match[0].length });
  }
}

/** `[label]: destination "title"` lines: nothing on them is shown. */
function referenceDefinitions(text: string, from: number, to: number, found: TextRange[]): void {
  let lineStart = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  while (lineStart < to) {
    // Only lines with a `]:` can be definitions (a label never spans lines): go to the next one.
    const colon = text.indexOf(']:', lineStart);
    if (colon === -1) return;
    lineStart = text.lastIndexOf('\n', colon) + 1; // the start of the colon's line (never before lineStart)
    if (lineStart >= to) return;
    const lineEnd = text.indexOf('\n', colon);
    const end = lineEnd === -1 ? text.length : lineEnd;
    REFERENCE_DEFINITION.lastIndex = lineStart;
    if (REFERENCE_DEFINITION.test(text)) found.push({ start: lineStart, end });
    if (lineEnd === -1) return;
    lineStart = lineEnd + 1;
  }
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [ranges[0]];
  for (let i = 1; i < ranges.length; i++) {
    const last = merged[merged.length - 1];
    if (ranges[i].start <= last.end) {
      if (ranges[i].end > last.end) merged[merged.length - 1] = { start: last.start, end: ranges[i].end };
    } else merged.push(ranges[i]);
  }
  return merged;
}

/** A note split for scanning: where each line starts, its text (without "\r"), and which lines are code or front matter. */
export interface MarkdownLines {
  readonly lineStarts: readonly number[];
  readonly lines: readonly string[];
  /** 1 for a line of code or front matter, as {@link markCodeAndFrontMatter} marks it. */
  readonly excluded: Uint8Array;
}

export function splitMarkdownLines(text: string): MarkdownLines {
  const lineStarts = lineStartsOf(text);
  const lineEnd = (line: number): number => {
    const next = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
    return next > lineStarts[line] && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
  };
  const lines = lineStarts.map((start, line) => text.slice(start, lineEnd(line)));
  return { lineStarts, lines, excluded: markCodeAndFrontMatter(lines) };
}

/**
 * Calls `visit` with the first and last line of each paragraph of prose, in order: a run of lines
 * none of which is blank, code or front matter; a heading stands alone. Code spans pair within a
 * paragraph, and nothing a scan finds crosses one.
 */
export function forEachParagraph({ lines, excluded }: MarkdownLines, visit: (first: number, last: number) => void): void {
  const breaks = (line: number): boolean => excluded[line] === 1 || isBlankLine(lines[line]);
  for (let first = 0; first < lines.length; ) {
    if (breaks(first)) {
      first++;
      continue;
    }
    let last = first;
    if (!isAtxHeading(lines[first])) {
      while (last + 1 < lines.length && !breaks(last + 1) && !isAtxHeading(lines[last + 1])) last++;
    }
    visit(first, last);
    first = last + 1;
  }
}

/** The last line of the paragraph (or list, or heading) that contains `line`. */
export function paragraphEndLine(lines: readonly string[], line: number): number {
  if (isAtxHeading(lines[line] ?? '')) return line;
  let end = line;
  while (end + 1 < lines.length && !isBlankLine(lines[end + 1]) && !isAtxHeading(lines[end + 1])) end++;
  return end;
}

/**
 * The run of non-blank lines around `line`, as the reading-grade status grades it ("this
 * paragraph": a heading with the text under it, a list, a paragraph), at most `maxLines` long.
 */
export function blockAround(lines: readonly string[], line: number, maxLines: number): { first: number; last: number } {
  let first = line;
  let last = line;
  while (first > 0 && !isBlankLine(lines[first - 1]) && last - first + 1 < maxLines) first--;
  while (last + 1 < lines.length && !isBlankLine(lines[last + 1]) && last - first + 1 < maxLines) last++;
  return { first, last };
}

/** The line without a final "\r" (lines split at "\n" keep it). */
export function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Whether the classifier's state before `line` is that of a fresh document (a *sync line*):
 * `previous` is blank and not inside a fence (`previousExcluded` false), and `line` starts at
 * column 0 outside a quote, so it closes every open list item; a `---` there could open front
 * matter in a scan that starts at it, so it is no sync line. Below a sync line, classification
 * and paragraphs do not depend on anything above it: the incremental indexes rescan from one.
 */
export function isSyncLine(previous: string, previousExcluded: boolean, line: string): boolean {
  if (previousExcluded || !isBlankLine(previous) || line.length === 0) return false;
  const first = line.charCodeAt(0);
  return first !== 0x20 && first !== 0x09 && first !== 0x3e /* > */ && !isBlankLine(line) && !FRONT_MATTER_OPEN.test(line);
}
