/**
 * The glossary terms of one note, kept up to date edit by edit for the "Terms in this Note" view
 * (pure: no `vscode`). It follows the note's shared {@link NoteModel}: its answer is always the
 * same as `glossary.countTerms(model.text)`, but an edit costs about the paragraph it touches
 * instead of the whole note. It keeps no copy of the note: it reads the model's lines and their
 * classification.
 *
 * How: the note is cut into segments at *sync lines*, where the matcher's Markdown state is as
 * at the start of a document: a line after a blank line that is not code, starting at column 0
 * with neither `>` nor a front-matter `---`. Code/front-matter classification and paragraphs
 * below such a line do not depend on anything above it (no list item, fence or paragraph
 * reaches across), so `glossary.scan()` of a run of whole segments finds exactly what a scan of
 * the whole note finds there. The model reports the lines each edit changed as a window that
 * starts at a sync line (or line 0) and ends at one where the classification agrees again (or
 * at the end): usually the edited paragraph; down to where a newly opened fence closes; from
 * line 0 when front matter may have opened or closed (see src/markdown/noteModel.ts). The index
 * replaces the segments of the window's old lines by a scan of its new lines.
 *
 * Later segments are not rescanned: they store their matches relative to their own start, and
 * an edit only moves the start of each later segment. Those below the last edit share one
 * {@link Shift}, so an edit moves them all at once; only the segments between the last edit and
 * this one change hands, and typing, which stays in one place, touches none.
 */
import { changedLinesOfEvent, type ChangedLines, type NoteModel } from '../markdown/noteModel';
import { isSyncLine, withoutCarriageReturn } from '../markdown/regions';
import type { CompiledGlossary, TermCount, TermMatch, TextPosition } from './matcher';
import type { GlossaryEntry } from './types';

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
 * The terms of one note, built from its model and updated by {@link update} after each change
 * event the model follows. `terms()` is what the view shows. The matches it returns are live:
 * their `start`, `end` and `range` follow later edits elsewhere in the note. Those of a
 * rescanned paragraph follow too while its terms stay the same, in the same order; otherwise
 * they are replaced by new ones. Offsets are those of `model.text` (line breaks "\n").
 */
export class TermIndex {
  /** The model the index follows (never copied: the lines are read from it). */
  private model: NoteModel;
  /** How many lines the index knows the note to have: the model's, once an update is through. */
  private lineCount = 0;
  /** In document order, tiling the note; the first starts at line 0. */
  private segments: Segment[] = [];
  /** Each entry found, with its occurrences in order; an edit replaces only the entries it touches. */
  private byEntry = new Map<GlossaryEntry, TermCount>();
  /** `byEntry` in order of first occurrence, made when first asked for, then kept in order by edits. */
  private counts: TermCount[] | undefined;
  /** The shift of segments[tailFrom] and every segment after it; the segments before it are unmoved. */
  private tail: Shift = { offset: 0, line: 0 };
  private tailFrom = 0;
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
    model: NoteModel,
  ) {
    this.model = model;
    this.rebuild(model);
  }

  /** How often the index scanned the whole note (when built, or when an update did not add up). */
  get wholeNoteScans(): number {
    return this.fullRescans;
  }

  /** How many updates failed midway and were made good by scanning the note whole (none, unless something is wrong). */
  get failedEdits(): number {
    return this.failures;
  }

  /** The lines [fromLine, toLine) that the last update (its lowest window, if it had several) or build scanned. */
  get lastRescan(): { readonly fromLine: number; readonly toLine: number } {
    return this.rescanned;
  }

  /** The entries found, each with its occurrences in order, in order of first occurrence: `countTerms` of the model's text. */
  terms(): readonly TermCount[] {
    if (this.broken) this.rebuild(this.model);
    // Matches never overlap, so no two entries share a first start.
    this.counts ??= [...this.byEntry.values()].sort((a, b) => a.occurrences[0].start - b.occurrences[0].start);
    return this.counts;
  }

  /** Forgets everything and scans the model's note whole. */
  rebuild(model: NoteModel): void {
    this.fullRescans++;
    // The model first, so that a rebuild that fails is retried from it by the next call.
    this.model = model;
    this.broken = true;
    this.lineCount = model.lines.length;
    this.rescanned = { fromLine: 0, toLine: this.lineCount };
    this.segments = this.scanSegments(0, 0, this.lineCount);
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

  /**
   * Follows a change event the model has applied: `changes` are what `applyChange` reported for
   * its changes, in order (NoteModels' `onDidUpdate`), or undefined when the model was built
   * anew. The index is rebuilt from the model when told so, when given another model, when the
   * changes do not fit the lines it knows, and when an earlier update left it broken by throwing midway.
   */
  update(model: NoteModel, changes: readonly ChangedLines[] | undefined): void {
    const windows = changes && !this.broken && model === this.model ? this.fitting(changedLinesOfEvent(changes)) : undefined;
    if (!windows) {
      this.rebuild(model);
      return;
    }
    try {
      for (const window of windows) this.applyWindow(window);
    } catch {
      // Half applied, the segments and occurrence lists may disagree: the note whole is the way back.
      this.broken = true;
      this.failures++;
      this.rebuild(model);
    }
  }

  /** The windows, if they fit the lines the index knows and lead to the model's; checked before anything changes. */
  private fitting(windows: readonly ChangedLines[] | undefined): readonly ChangedLines[] | undefined {
    if (!windows) return undefined;
    let lines = this.lineCount;
    for (const { fromLine, toLine, lineDelta } of windows) {
      const oldTo = toLine - lineDelta;
      if (!(fromLine >= 0 && fromLine < toLine && fromLine < oldTo && oldTo <= lines)) return undefined;
      lines += lineDelta;
    }
    return lines === this.model.lines.length ? windows : undefined;
  }

  /**
   * Replaces the segments of the old lines [fromLine, toLine - lineDelta) by a scan of the
   * model's lines [fromLine, toLine), and moves every later segment by the line and offset delta.
   */
  private applyWindow({ fromLine, toLine, lineDelta }: ChangedLines): void {
    const oldTo = toLine - lineDelta;
    // From the segment holding fromLine: the window starts at a sync line of the new text,
    // which the old text may not have had (an edit can take the indent off a line).
    const firstSegment = this.segmentAt(fromLine);
    const scanFrom = this.segments[firstSegment].line;
    const fromOffset = this.segments[firstSegment].offset;
    // Down to the first segment at or below the window's old end (its first line is the window's
    // end, a sync line of both texts), or the end of the note.
    let nextSegment = firstSegment + 1;
    while (nextSegment < this.segments.length && this.segments[nextSegment].line < oldTo) nextSegment++;
    const next = nextSegment < this.segments.length ? this.segments[nextSegment] : undefined;
    const scanTo = next ? next.line + lineDelta : this.lineCount + lineDelta;

    this.rescanned = { fromLine: scanFrom, toLine: scanTo };
    const rescanned = this.scanSegments(scanFrom, fromOffset, scanTo);
    let newLength = 0;
    for (let line = scanFrom; line < scanTo; line++) newLength += this.model.lines[line].length + 1;
    const offsetDelta = next ? fromOffset + newLength - next.offset : 0;
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
    this.lineCount += lineDelta;
    this.reorder(changed);
  }

  /** The index of the segment holding a line (the last that starts at or above it). */
  private segmentAt(line: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid].line <= line) low = mid;
      else high = mid - 1;
    }
    return low;
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
   * Scans the model's lines [fromLine, toLine), which start at a sync line (or line 0) and end
   * before one (or at the end), and cuts them into segments at their sync lines. `fromOffset` is
   * where line `fromLine` starts in the model's text.
   */
  private scanSegments(fromLine: number, fromOffset: number, toLine: number): Segment[] {
    const { lines: noteLines, isExcludedLine } = this.model;
    const count = toLine - fromLine;
    const lines: string[] = new Array<string>(count);
    const excluded = new Uint8Array(count);
    const lineStarts: number[] = new Array<number>(count);
    let lineStart = 0;
    for (let i = 0; i < count; i++) {
      lineStarts[i] = lineStart;
      lineStart += noteLines[fromLine + i].length + 1;
      lines[i] = withoutCarriageReturn(noteLines[fromLine + i]);
      excluded[i] = isExcludedLine(fromLine + i) ? 1 : 0;
    }
    const segments: Segment[] = [new Segment(fromOffset, fromLine)];
    for (let i = 1; i < count; i++) {
      if (isSyncLine(lines[i - 1], excluded[i - 1] === 1, lines[i])) segments.push(new Segment(fromOffset + lineStarts[i], fromLine + i));
    }
    let current = 0;
    const regionText = noteLines.slice(fromLine, toLine).join('\n');
    for (const match of this.glossary.scan(regionText, { lineStarts, lines, excluded })) {
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
}
