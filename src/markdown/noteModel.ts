/**
 * One note's lines and which of them are code or front matter, kept up to date edit by edit
 * (pure: no `vscode`). Shared by the features that follow edits: the hover reads its lines and
 * classification without splitting the note, and "Do Not Use" and the Terms view recheck only
 * the lines an edit reports as changed. Its classification is always what `markCodeAndFrontMatter` gives for the
 * whole current text.
 *
 * How: an edit replaces its lines, then the classification is redone from the sync line above
 * the edit (see `isSyncLine`: below one, nothing above matters) down to the first sync line
 * below the edited lines whose classification came out as before; everything below it is as it
 * was, moved by the edit's line delta. Typing in a paragraph redoes that paragraph; opening a
 * fence redoes down to where it closes (the end of the note if it never does). Front matter is
 * front matter only once it is closed, by a line however far below the first: an edit that may
 * open, close or remove it (`frontMatterAfterEdit`) redoes from line 0, and a window from line 0
 * reaches its closing line.
 */
import { frontMatterAfterEdit, frontMatterEnd, isSyncLine, markCodeAndFrontMatter, withoutCarriageReturn, type LinePredicate } from './regions';

/** A change as VS Code reports it (`contentChanges[i]`): the replaced range, 0-based, and the new text. */
export interface LineChange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly text: string;
}

/**
 * What an edit changed: the lines [fromLine, toLine) of the new text may differ from before, in
 * their text or their classification; the old lines [fromLine, toLine - lineDelta) are gone, and
 * every line from toLine on is the old line `line - lineDelta`, classified as it was.
 */
export interface ChangedLines {
  readonly fromLine: number;
  readonly toLine: number;
  readonly lineDelta: number;
}

const LINE_BREAK = /\r?\n/;

/** Above this many changes in one event, {@link changedLinesOfEvent} gives up: merging them costs their number squared. */
const MAX_CHANGES_PER_EVENT = 256;

/**
 * The lines a change event changed, for a consumer that reads the model only after the whole
 * event: `changes` as `applyChange` reported them, one after the other (each on the lines the
 * one before left), become disjoint windows of the final lines, top to bottom. Applied in that
 * order, each window reads its new lines [fromLine, toLine) from the model as it is now and
 * finds every line below it as the windows above it left them (the line `line - lineDelta`
 * before it), so each means what a single change's ChangedLines means. Windows that overlap or
 * touch are merged; each still starts and ends at a sync line (or the note's ends), since no
 * change reached the lines around it. Undefined for more than {@link MAX_CHANGES_PER_EVENT}
 * changes (a Replace All): reading the note whole is then the cheaper way.
 */
export function changedLinesOfEvent(changes: readonly ChangedLines[]): ChangedLines[] | undefined {
  if (changes.length > MAX_CHANGES_PER_EVENT) return undefined;
  // The windows so far, in the coordinates of the lines after the last change merged.
  let windows: ChangedLines[] = [];
  for (const { fromLine, toLine, lineDelta } of changes) {
    // The change replaced the lines [fromLine, oldTo) of the lines the windows describe.
    const oldTo = toLine - lineDelta;
    let first = 0;
    while (first < windows.length && windows[first].toLine < fromLine) first++;
    let last = first;
    while (last < windows.length && windows[last].fromLine <= oldTo) last++;
    let merged: ChangedLines = { fromLine, toLine, lineDelta };
    if (last > first) {
      let delta = lineDelta;
      for (let i = first; i < last; i++) delta += windows[i].lineDelta;
      merged = { fromLine: Math.min(fromLine, windows[first].fromLine), toLine: Math.max(toLine, windows[last - 1].toLine + lineDelta), lineDelta: delta };
    }
    const below = windows.slice(last).map((window) => (lineDelta === 0 ? window : { fromLine: window.fromLine + lineDelta, toLine: window.toLine + lineDelta, lineDelta: window.lineDelta }));
    windows = windows.slice(0, first).concat([merged], below);
  }
  return windows;
}

export class NoteModel {
  private lineList: string[];
  private marked: Uint8Array;
  /** The line that closes the note's front matter, or -1 for none (see `frontMatterEnd`). */
  private frontMatterEnd: number;

  constructor(text: string) {
    this.lineList = text.split(LINE_BREAK);
    const lines = this.lineList.map(withoutCarriageReturn);
    this.marked = markCodeAndFrontMatter(lines);
    this.frontMatterEnd = frontMatterEnd(lines.length, (line) => lines[line]);
  }

  /** The note's lines without their line breaks (as VS Code's `lineAt(n).text`). */
  get lines(): readonly string[] {
    return this.lineList;
  }

  /** Whether a line is code or front matter. */
  readonly isExcludedLine: LinePredicate = (line) => this.marked[line] === 1;

  /** The note's text, its line breaks written "\n". */
  get text(): string {
    return this.lineList.join('\n');
  }

  /**
   * Applies one change and reports the lines it changed. Undefined when the change does not fit
   * the note (a range past its end): the caller then builds a new model from the document.
   */
  applyChange(change: LineChange): ChangedLines | undefined {
    const { startLine, startCharacter, endLine, endCharacter, text } = change;
    const lines = this.lineList;
    if (!(startLine >= 0 && startLine <= endLine && endLine < lines.length)) return undefined;
    if (startCharacter > lines[startLine].length || endCharacter > lines[endLine].length) return undefined;
    if (startLine === endLine && endCharacter < startCharacter) return undefined;

    const replaced = lines[startLine].slice(0, startCharacter) + text + lines[endLine].slice(endCharacter);
    const newLines = text.includes('\n') ? replaced.split(LINE_BREAK) : [replaced];
    const lineDelta = newLines.length - (endLine - startLine + 1);
    if (newLines.length === 1 && endLine === startLine) lines[startLine] = replaced; // typing within a line
    // concat rather than splice(...newLines): a pasted note may have more lines than a call takes arguments.
    else this.lineList = lines.slice(0, startLine).concat(newLines, lines.slice(endLine + 1));
    return this.reclassify(startLine, startLine + newLines.length, lineDelta);
  }

  /** Redoes the classification around the new lines [editFrom, editTo); see the top of this file. */
  private reclassify(editFrom: number, editTo: number, lineDelta: number): ChangedLines {
    const lines = this.lineList;
    const old = this.marked;
    // Up to the sync line at or above the edit (lines above it are as they were, and so is their
    // classification), or line 0 if the edit may have opened, closed or removed front matter.
    const frontMatter = frontMatterAfterEdit(this.frontMatterEnd, editFrom, editTo, lines.length, (line) => withoutCarriageReturn(lines[line]));
    this.frontMatterEnd = frontMatter.end;
    let fromLine = frontMatter.fromTop ? 0 : editFrom;
    while (fromLine > 0 && !isSyncLine(withoutCarriageReturn(lines[fromLine - 1]), old[fromLine - 1] === 1, withoutCarriageReturn(lines[fromLine]))) fromLine--;
    // A window from line 0 reaches the front matter's closing line, however far below.
    const reach = fromLine === 0 ? frontMatter.end + 1 : 0;

    let windowEnd = Math.min(lines.length, Math.max(editTo + 1, fromLine + 64, reach));
    for (;;) {
      const window = lines.slice(fromLine, windowEnd).map(withoutCarriageReturn);
      const fresh = markCodeAndFrontMatter(window);
      // The first sync line below the edit where the new classification agrees with the old one.
      // (From editTo + 1: the line before the candidate must be an old line too, line - 1 - lineDelta of the old text.)
      for (let line = editTo + 1; line < windowEnd; line++) {
        const before = line - 1 - fromLine;
        if (fresh[before] !== old[line - 1 - lineDelta]) continue;
        if (!isSyncLine(window[before], fresh[before] === 1, window[line - fromLine])) continue;
        return this.settle(fromLine, line, lineDelta, fresh.subarray(0, line - fromLine));
      }
      if (windowEnd >= lines.length) return this.settle(fromLine, lines.length, lineDelta, fresh);
      // Doubling the window keeps the work linear in what is redone.
      windowEnd = Math.min(lines.length, fromLine + 2 * (windowEnd - fromLine));
    }
  }

  private settle(fromLine: number, toLine: number, lineDelta: number, fresh: Uint8Array): ChangedLines {
    const old = this.marked;
    const marked = new Uint8Array(this.lineList.length);
    marked.set(old.subarray(0, fromLine), 0);
    marked.set(fresh, fromLine);
    marked.set(old.subarray(toLine - lineDelta), toLine);
    this.marked = marked;
    return { fromLine, toLine, lineDelta };
  }
}
