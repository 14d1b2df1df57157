/**
 * The glossary terms of one note, kept up to date edit by edit for the "Terms in this Note" view
 * (pure: no `vscode`). Its answer is always the same as `glossary.countTerms(text)` on the
 * current text, but an edit costs about the paragraph it touches instead of the whole note.
 *
 * How: the note is cut into segments at *sync lines*, where the matcher's Markdown state is as
 * at the start of a document: a line after a blank line that is not code, starting at column 0
 * with neither `>` nor a front-matter `---`. Code/front-matter classification and paragraphs
 * below such a line do not depend on anything above it (no list item, fence or paragraph
 * reaches across), so `glossary.scan()` of a run of whole segments finds exactly what a scan of
 * the whole note finds there. An edit rescans from the sync line above it down to the first
 * segment boundary below it that is still a sync line after the edit. Usually that is the edited
 * paragraph; an edit that opens a fence, turns a line into a list item or edits front matter
 * widens the rescan down to where the classification agrees again (for an unclosed fence, the
 * end of the note, i.e. a full rescan below the edit), so it stays exact without special cases
 * but one: front matter is decided by the first line and the first closing line below it, which
 * no sync line between them sees, so an edit that may open, close or remove it rescans from line 0.
 *
 * Later segments are not rescanned: they store their matches relative to their own start, and
 * an edit only moves the start of each later segment. Those below the last edit share one
 * {@link Shift}, so an edit moves them all at once; only the segments between the last edit and
 * this one change hands, and typing, which stays in one place, touches none.
 */
import { frontMatterAfterEdit, frontMatterEnd, isSyncLine, markCodeAndFrontMatter, withoutCarriageReturn } from '../markdown/regions';
import type { CompiledGlossary, TermCount, TermMatch, TextPosition } from './matcher';
import type { GlossaryEntry } from './types';

/** A replacement of [start, end) of the text before it (UTF-16 offsets) by `text`: VS Code's rangeOffset, rangeLength and text. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How far edits above have moved the segments that share it. */
interface Shift {
  offset: number;
  line: number;
}

/** The shift of segments that no edit has moved since they were last settled. */
const UNMOVED: Shift = Object.freeze({ offset: 0, line: 0 });

/** A run of whole lines starting at a sync line (or the first line), with the terms found in it. */
class Segment {
  readonly matches: SegmentMatch[] = [];

  constructor(
    /** Offset and line of the first character, before `shift`. */
    private baseOffset: number,
    private baseLine: number,
    private shift: Shift = UNMOVED,
  ) {}

  /** Offset of the segment's first character in the current text. */
  get offset(): number {
    return this.baseOffset + this.shift.offset;
  }

  /** Line of the segment's first character in the current text. */
  get line(): number {
    return this.baseLine + this.shift.line;
  }

  /** Moves the segment under another shift without moving it in the text. */
  useShift(shift: Shift): void {
    this.baseOffset += this.shift.offset - shift.offset;
    this.baseLine += this.shift.line - shift.line;
    this.shift = shift;
  }
}

/**
 * A term found in a segment. Its offsets and range are relative to the segment, so they stay
 * right, without being touched, when an edit above moves the segment.
 */
class SegmentMatch implements TermMatch {
  constructor(
    private segment: Segment,
    readonly entry: GlossaryEntry,
    public text: string,
    private relativeStart: number,
    private relativeEnd: number,
    private relativeRange: { readonly start: TextPosition; readonly end: TextPosition },
  ) {}

  /** Becomes `match` (of the same entry, found by a rescan), keeping its identity for those who hold it. */
  takeOver(match: SegmentMatch): void {
    this.segment = match.segment;
    this.text = match.text;
    this.relativeStart = match.relativeStart;
    this.relativeEnd = match.relativeEnd;
    this.relativeRange = match.relativeRange;
  }

  get start(): number {
    return this.segment.offset + this.relativeStart;
  }

  get end(): number {
    return this.segment.offset + this.relativeEnd;
  }

  get range(): { readonly start: TextPosition; readonly end: TextPosition } {
    const { line } = this.segment;
    const { start, end } = this.relativeRange;
    return { start: { line: line + start.line, character: start.character }, end: { line: line + end.line, character: end.character } };
  }
}

/** Whether the matches of a run of segments are of the same entries as `before`, in the same order. */
function sameEntries(before: readonly SegmentMatch[], after: readonly Segment[]): boolean {
  let k = 0;
  for (const segment of after) {
    for (const match of segment.matches) if (k >= before.length || match.entry !== before[k++].entry) return false;
  }
  return k === before.length;
}

/** Puts the matches `kept` in the place of those of `after`, one for one, each taking over its counterpart's place. */
function takeOverMatches(kept: readonly SegmentMatch[], after: readonly Segment[]): void {
  let k = 0;
  for (const segment of after) {
    segment.matches.forEach((match, i) => {
      kept[k].takeOver(match);
      segment.matches[i] = kept[k++];
    });
  }
}

/** Above this many lines, an edit is applied by scanning the new text whole. */
const MAX_LINES_PER_EDIT = 10_000;

/** At most this many items are spread into one splice call; a call takes only about 100,000 arguments, fewer on a deep stack. */
const MAX_SPREAD = 1_000;

/**
 * `array.splice(start, deleteCount, ...items)`, but safe for any number of items: a few are
 * spliced in place (typing replaces one segment), many make a new array instead of overflowing
 * the stack (an edit that opens or closes a fence or front matter can rescan a whole note).
 */
function spliced<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): T[] {
  if (items.length <= MAX_SPREAD) {
    array.splice(start, deleteCount, ...items);
    return array;
  }
  return array.slice(0, start).concat(items, array.slice(start + deleteCount));
}

/**
 * The terms of one note, updated by {@link applyEdit}. `terms()` is what the view shows. The
 * matches it returns are live: their `start`, `end` and `range` follow later edits elsewhere in
 * the note. Those of a rescanned paragraph follow too while its terms stay the same, in the
 * same order; otherwise they are replaced by new ones.
 */
export class TermIndex {
  /** The note's lines, split at "\n" (a "\r" before it stays on the line). */
  private lines: string[] = [];
  private length = 0;
  /** In document order, tiling the note; the first starts at line 0. */
  private segments: Segment[] = [];
  /** Each entry found, with its occurrences in order; an edit replaces only the entries it touches. */
  private byEntry = new Map<GlossaryEntry, TermCount>();
  /** `byEntry` in order of first occurrence, made when first asked for, then kept in order by edits. */
  private counts: TermCount[] | undefined;
  /** The shift of segments[tailFrom] and every segment after it; the segments before it are unmoved. */
  private tail: Shift = { offset: 0, line: 0 };
  private tailFrom = 0;
  /** The line that closes the note's front matter, or -1 for none (see `frontMatterEnd`). */
  private frontMatterEnd = -1;
  private fullRescans = 0;
  private failures = 0;
  /**
   * True while the parts above may disagree with one another: from an update that failed
   * midway until a rebuild succeeds. The next call then rebuilds instead of building on them.
   */
  private broken = false;
  private rescanned = { fromLine: 0, toLine: 0 };

  constructor(
    private readonly glossary: CompiledGlossary,
    text: string,
  ) {
    this.rebuild(text);
  }

  /** The note's text as the index knows it. */
  get text(): string {
    return this.lines.join('\n');
  }

  /** How often the index rescanned the whole note (when built, or when an edit did not add up). */
  get wholeNoteScans(): number {
    return this.fullRescans;
  }

  /** How many updates failed midway and were made good by scanning the note whole (none, unless something is wrong). */
  get failedEdits(): number {
    return this.failures;
  }

  /** The lines [fromLine, toLine) of the current text that the last edit (or build) scanned. */
  get lastRescan(): { readonly fromLine: number; readonly toLine: number } {
    return this.rescanned;
  }

  /** The entries found, each with its occurrences in order, in order of first occurrence: `countTerms` of the current text. */
  terms(): readonly TermCount[] {
    if (this.broken) this.rebuild(this.text);
    // Matches never overlap, so no two entries share a first start.
    this.counts ??= [...this.byEntry.values()].sort((a, b) => a.occurrences[0].start - b.occurrences[0].start);
    return this.counts;
  }

  /** Forgets everything and scans `text` whole. */
  rebuild(text: string): void {
    this.fullRescans++;
    // The text first, so that a rebuild that fails is retried from it by the next call.
    this.lines = text.split('\n');
    this.length = text.length;
    this.broken = true;
    this.rescanned = { fromLine: 0, toLine: this.lines.length };
    const lines = this.lines.map(withoutCarriageReturn);
    this.frontMatterEnd = frontMatterEnd(lines.length, (line) => lines[line]);
    this.segments = this.scanSegments(0, 0, lines, markCodeAndFrontMatter(lines), text);
    this.tail = { offset: 0, line: 0 };
    this.tailFrom = this.segments.length;
    const byEntry = new Map<GlossaryEntry, TermMatch[]>();
    for (const segment of this.segments) {
      for (const match of segment.matches) {
        const occurrences = byEntry.get(match.entry);
        if (occurrences) occurrences.push(match);
        else byEntry.set(match.entry, [match]);
      }
    }
    this.byEntry = new Map([...byEntry].map(([entry, occurrences]) => [entry, { entry, occurrences }]));
    this.counts = undefined;
    this.broken = false;
  }

  /** One change, as VS Code reports it; see {@link applyEdits} for `newText`. */
  applyEdit(change: TextChange, newText: string | (() => string)): void {
    this.applyEdits([change], newText);
  }

  /**
   * The changes of one VS Code change event, applied one after the other in the order given,
   * as VS Code's own extension host applies them to its copy of the document. `newText` is the note after them: as
   * a string, its length is checked too; as a function (e.g. `() => document.getText()`, which
   * spares copying the note on every keystroke), it is called only when a change does not fit
   * the text the index knows. Either way an index out of step with the note is rebuilt from it,
   * and so is one that an update left broken by throwing midway.
   */
  applyEdits(changes: readonly TextChange[], newText: string | (() => string)): void {
    let inStep = false;
    if (!this.broken) {
      try {
        inStep = changes.every((change) => this.applyOne(change)) && (typeof newText !== 'string' || this.length === newText.length);
      } catch {
        // Half applied, the lines, segments and occurrence lists may disagree: the note whole is the way back.
        this.broken = true;
        this.failures++;
      }
    }
    if (!inStep) this.rebuild(typeof newText === 'string' ? newText : newText());
  }

  /** Applies one change; false if it does not fit the text (the caller then rebuilds). */
  private applyOne(change: TextChange): boolean {
    const { start, end, text } = change;
    if (!(start >= 0 && start <= end && end <= this.length)) return false;

    const first = this.lineAt(start);
    const last = end === start ? first : this.lineAt(end, first.segment);
    const replaced = this.lines[first.line].slice(0, first.character) + text + this.lines[last.line].slice(last.character);
    const newLines = text.includes('\n') ? replaced.split('\n') : [replaced];
    // A paste of a whole note is cheaper scanned whole.
    if (newLines.length > MAX_LINES_PER_EDIT) return false;
    const lineDelta = newLines.length - (last.line - first.line + 1);
    const offsetDelta = text.length - (end - start);
    if (newLines.length === 1 && last.line === first.line) this.lines[first.line] = newLines[0]; // typing within a line
    else this.lines = spliced(this.lines, first.line, last.line - first.line + 1, newLines);
    this.length += offsetDelta;

    // Rescan from the sync line above: the edited line's segment, or the one before if the
    // edit changed that segment's first line so that it may no longer be a sync line; from line 0
    // if the edit may have opened, closed or removed front matter (no sync line sees that).
    const frontMatter = frontMatterAfterEdit(this.frontMatterEnd, first.line, first.line + newLines.length, this.lines.length, (line) => withoutCarriageReturn(this.lines[line]));
    let firstSegment = frontMatter.fromTop ? 0 : first.segment;
    const segmentStart = this.segments[firstSegment].line;
    if (segmentStart === first.line && firstSegment > 0 && !isSyncLine(withoutCarriageReturn(this.lines[segmentStart - 1]), false, withoutCarriageReturn(this.lines[segmentStart]))) {
      firstSegment--;
    }
    const fromLine = this.segments[firstSegment].line;
    const fromOffset = this.segments[firstSegment].offset;

    // ...down to the first later segment boundary whose lines the edit left alone and that is
    // still a sync line in the new text (a newly opened fence can turn its blank line into code).
    const lastEditedNewLine = last.line + lineDelta;
    let nextSegment = last.segment + 1;
    while (nextSegment < this.segments.length && this.segments[nextSegment].line + lineDelta - 1 <= lastEditedNewLine) nextSegment++;
    // The window's lines without "\r", and which of them are code or front matter.
    let windowLines: string[] = [];
    let classified: Uint8Array = new Uint8Array(0);
    // Front matter is front matter only once it is closed, possibly far below: a window that
    // starts at its opening line must reach its closing line to classify it like a full scan.
    const reach = fromLine === 0 ? frontMatter.end + 1 : 0;
    const classify = (untilLine: number): void => {
      if (classified.length >= untilLine - fromLine) return;
      // Doubling the window keeps the classification linear in the rescanned length.
      const windowEnd = Math.min(this.lines.length, Math.max(untilLine, reach, fromLine + 2 * classified.length));
      windowLines = this.lines.slice(fromLine, windowEnd).map(withoutCarriageReturn);
      classified = markCodeAndFrontMatter(windowLines);
    };
    for (; nextSegment < this.segments.length; nextSegment++) {
      const boundary = this.segments[nextSegment].line + lineDelta;
      classify(boundary);
      if (classified[boundary - 1 - fromLine] === 0) break; // blank and not code: a sync line still
    }
    const toLine = nextSegment < this.segments.length ? this.segments[nextSegment].line + lineDelta : this.lines.length;
    classify(toLine);

    this.rescanned = { fromLine, toLine };
    const regionText = this.lines.slice(fromLine, toLine).join('\n');
    const regionLines = windowLines.length === toLine - fromLine ? windowLines : windowLines.slice(0, toLine - fromLine);
    const rescanned = this.scanSegments(fromLine, fromOffset, regionLines, classified, regionText);
    const previous = this.segments.slice(firstSegment, nextSegment);
    // Most keystrokes leave the terms of a paragraph as they were: then the occurrence lists
    // and their order stay, and only the matches themselves move.
    const previousMatches = previous.flatMap((segment) => segment.matches);
    const keepsTerms = sameEntries(previousMatches, rescanned);
    if (keepsTerms) takeOverMatches(previousMatches, rescanned);
    // Before later segments move: the occurrence lists are searched by their current offsets.
    const changed = keepsTerms ? [] : this.replaceOccurrences(previous, rescanned, fromOffset);
    this.moveSegmentsFrom(nextSegment, offsetDelta, lineDelta);
    this.segments = spliced(this.segments, firstSegment, nextSegment - firstSegment, rescanned);
    this.tailFrom = firstSegment + rescanned.length;
    this.frontMatterEnd = frontMatter.end;
    this.reorder(changed);
    return true;
  }

  /** Moves segments[from] and every segment after it by the deltas, through the shared tail shift. */
  private moveSegmentsFrom(from: number, offsetDelta: number, lineDelta: number): void {
    // Hand over the segments between the last edit and this one, so that the tail starts at `from`.
    for (let i = this.tailFrom; i < from; i++) this.segments[i].useShift(UNMOVED);
    for (let i = from; i < this.tailFrom; i++) this.segments[i].useShift(this.tail);
    this.tailFrom = from;
    this.tail.offset += offsetDelta;
    this.tail.line += lineDelta;
  }

  /**
   * Puts the entries an edit changed back in order of first occurrence. The others keep their
   * order: their first occurrences are all above the edit, or all below it and moved alike.
   */
  private reorder(changed: readonly GlossaryEntry[]): void {
    if (!this.counts || changed.length === 0) return;
    const changedSet = new Set(changed);
    const counts = this.counts.filter((count) => !changedSet.has(count.entry));
    for (const entry of changed) {
      const count = this.byEntry.get(entry);
      if (!count) continue;
      const start = count.occurrences[0].start;
      let low = 0;
      let high = counts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (counts[mid].occurrences[0].start < start) low = mid + 1;
        else high = mid;
      }
      counts.splice(low, 0, count);
    }
    this.counts = counts;
  }

  /**
   * Replaces, in the entries' occurrence lists, the matches of `removed` segments by those of
   * `added` ones covering the same place of the note (starting at `offset`). Only the lists of
   * the entries concerned are copied; the others, and their TermCount, stay as they were.
   * Returns the entries concerned.
   */
  private replaceOccurrences(removed: readonly Segment[], added: readonly Segment[], offset: number): GlossaryEntry[] {
    const changes = new Map<GlossaryEntry, { removed: number; added: SegmentMatch[] }>();
    const changeOf = (entry: GlossaryEntry) => {
      let change = changes.get(entry);
      if (!change) changes.set(entry, (change = { removed: 0, added: [] }));
      return change;
    };
    for (const segment of removed) for (const match of segment.matches) changeOf(match.entry).removed++;
    for (const segment of added) for (const match of segment.matches) changeOf(match.entry).added.push(match);
    for (const [entry, change] of changes) {
      const old = this.byEntry.get(entry)?.occurrences ?? [];
      // The first occurrence at or after the replaced place: a binary search over document order.
      let low = 0;
      let high = old.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (old[mid].start < offset) low = mid + 1;
        else high = mid;
      }
      const occurrences = old.slice(0, low).concat(change.added, old.slice(low + change.removed));
      if (occurrences.length > 0) this.byEntry.set(entry, { entry, occurrences });
      else this.byEntry.delete(entry);
    }
    return [...changes.keys()];
  }

  /**
   * Scans `lines` (without "\r"), the note's lines from `fromLine` on, which start at a sync
   * line (or line 0) and end before one (or at the end), and cuts them into segments at their
   * sync lines. `excluded` classifies them (it may go on below them); `regionText` is their
   * text, starting at `fromOffset` of the note.
   */
  private scanSegments(fromLine: number, fromOffset: number, lines: readonly string[], excluded: Uint8Array, regionText: string): Segment[] {
    const segments: Segment[] = [new Segment(fromOffset, fromLine)];
    const lineStarts: number[] = [0];
    for (let i = 1; i < lines.length; i++) {
      lineStarts.push(lineStarts[i - 1] + this.lines[fromLine + i - 1].length + 1);
      if (isSyncLine(lines[i - 1], excluded[i - 1] === 1, lines[i])) segments.push(new Segment(fromOffset + lineStarts[i], fromLine + i));
    }
    let current = 0;
    const split = { lineStarts, lines, excluded: excluded.length === lines.length ? excluded : excluded.subarray(0, lines.length) };
    for (const match of this.glossary.scan(regionText, split)) {
      const line = fromLine + match.range.start.line;
      while (current + 1 < segments.length && segments[current + 1].line <= line) current++;
      const segment = segments[current];
      const lineShift = segment.line - fromLine;
      const offsetShift = segment.offset - fromOffset;
      segment.matches.push(
        new SegmentMatch(segment, match.entry, match.text, match.start - offsetShift, match.end - offsetShift, {
          start: { line: match.range.start.line - lineShift, character: match.range.start.character },
          end: { line: match.range.end.line - lineShift, character: match.range.end.character },
        }),
      );
    }
    return segments;
  }

  /**
   * The line and character of an offset, and the segment holding that line; an offset at the
   * end of a line (on its "\n") belongs to that line. Searches from segment `from` on.
   */
  private lineAt(offset: number, from = 0): { segment: number; line: number; character: number } {
    let low = from;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid].offset <= offset) low = mid;
      else high = mid - 1;
    }
    const segment = this.segments[low];
    const nextLine = low + 1 < this.segments.length ? this.segments[low + 1].line : this.lines.length;
    let line = segment.line;
    let lineOffset = segment.offset;
    while (line + 1 < nextLine && lineOffset + this.lines[line].length < offset) {
      lineOffset += this.lines[line].length + 1;
      line++;
    }
    return { segment: low, line, character: offset - lineOffset };
  }
}
