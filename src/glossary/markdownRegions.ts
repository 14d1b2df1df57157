/**
 * Pure detection of the parts of a Markdown note that are not prose, so the glossary matcher
 * can skip them: YAML front matter, fenced and indented code blocks (whole lines), and inline
 * code spans, HTML tags and comments, link destinations, autolinks and raw URLs (ranges).
 *
 * This is a deliberately small, line-based approximation of CommonMark, not a parser: it is
 * cheap enough to run once per document version for hovers, and it errs towards the common
 * shapes of clinical notes (paragraphs, lists, quotes, fences).
 */

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
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** A line with nothing but spaces, tabs and blockquote markers: it ends a paragraph. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3e /* > */) return false;
  }
  return true;
}

/** An ATX heading (`# Title`): a paragraph of its own, so terms and code spans never cross it. */
export function isAtxHeading(line: string): boolean {
  return ATX_HEADING.test(line);
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

/** The same classification as {@link codeAndFrontMatterLines}, one byte per line (1 = excluded). */
export function markCodeAndFrontMatter(lines: readonly string[]): Uint8Array {
  const marked = new Uint8Array(lines.length);
  let lineIndex = 0;

  if (lines.length > 0 && FRONT_MATTER_OPEN.test(lines[0])) {
    let close = 1;
    while (close < lines.length && !FRONT_MATTER_CLOSE.test(lines[close])) close++;
    // An unclosed `---` is a thematic break, not front matter.
    if (close < lines.length) {
      marked.fill(1, 0, close + 1);
      lineIndex = close + 1;
    }
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
    const quote = QUOTE_MARKERS.exec(line);
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
    const item = LIST_ITEM.exec(rest);
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
    const open = FENCE_OPEN.exec(rest);
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

// Inline constructs found by one pass of a regex. Each alternative starts with a fixed
// character or is anchored by a look-behind, so a failed attempt never rescans a long run.
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

const PLAIN_MARKUP = new RegExp([URL_START, MAILTO, EMAIL, AUTOLINK, HTML_TAG].join('|'), 'gu');
const MARKDOWN_MARKUP = new RegExp([LINK_DESTINATION, REFERENCE_LABEL, URL_START, MAILTO, EMAIL, AUTOLINK, HTML_TAG].join('|'), 'gu');
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

/** Code spans that start before `until`: a run of n backticks up to the next run of exactly n. */
function codeSpans(text: string, until: number): TextRange[] {
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

function regexRanges(pattern: RegExp, text: string, from: number, to: number, codeSpans: readonly TextRange[], found: TextRange[]): void {
  // A window of a huge line is searched on its own, so a search that finds nothing stops at `to`.
  const searched = from === 0 && to === text.length ? text : text.slice(from, to);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(searched); match; match = pattern.exec(searched)) {
    const at = match.index + from;
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
    const lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd === -1 ? text.length : lineEnd;
    REFERENCE_DEFINITION.lastIndex = lineStart;
    if (REFERENCE_DEFINITION.test(text)) found.push({ start: lineStart, end });
    if (lineEnd === -1) break;
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
