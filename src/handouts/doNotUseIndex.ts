/**
 * The "Do Not Use" findings of one note, kept up to date edit by edit from the shared note model
 * (pure: no `vscode`). Always what `checkDoNotUse` gives for the whole current text, by line and
 * character, but an edit rechecks only the lines the model reports as changed: they start at a
 * sync line and end before one, where paragraphs and code are as in the whole note (see
 * src/markdown/noteModel.ts). Offsets are not kept: diagnostics and quick fixes need positions.
 *
 * A disable comment silences the line below it, and that line is always rechecked with it: the
 * changed lines run past the line after the last one edited, and the line before a sync line is
 * blank, so a comment and the line it silences are never on two sides of a window's edge.
 */
import type { ChangedLines, NoteModel } from '../markdown/noteModel';
import { checkDoNotUse, type DoNotUseFinding, type DoNotUseNotice } from './doNotUse';

/** A finding by position only (its offsets in the note change with every edit above it). */
export type PositionedFinding = Omit<DoNotUseFinding, 'start' | 'end'>;

function positioned(finding: DoNotUseFinding, lineShift: number): PositionedFinding {
  const { start: _start, end: _end, ...rest } = finding;
  return { ...rest, line: rest.line + lineShift, endLine: rest.endLine + lineShift };
}

const findingMoved = (finding: PositionedFinding, lines: number): PositionedFinding => ({ ...finding, line: finding.line + lines, endLine: finding.endLine + lines });
const noticeMoved = (notice: DoNotUseNotice, lines: number): DoNotUseNotice => ({ ...notice, line: notice.line + lines });

/** `list` with its items on the old lines [fromLine, oldTo) replaced by `fresh`, and those below moved by `lineDelta`. */
function spliced<T extends { readonly line: number }>(list: readonly T[], fresh: readonly T[], { fromLine, toLine, lineDelta }: ChangedLines, moved: (item: T, lines: number) => T): T[] {
  const oldTo = toLine - lineDelta;
  const above = list.filter((item) => item.line < fromLine);
  const below = list.filter((item) => item.line >= oldTo).map((item) => (lineDelta === 0 ? item : moved(item, lineDelta)));
  return above.concat(fresh, below);
}

export class DoNotUseIndex {
  /** In document order. */
  private list: PositionedFinding[];
  private noticeList: DoNotUseNotice[];

  constructor(model: NoteModel) {
    const { findings, notices } = checkDoNotUse(model.text);
    this.list = findings.map((finding) => positioned(finding, 0));
    this.noticeList = notices;
  }

  /** The findings, in document order. */
  get findings(): readonly PositionedFinding[] {
    return this.list;
  }

  /** Unknown rule names in the note's disable comments, in document order. */
  get notices(): readonly DoNotUseNotice[] {
    return this.noticeList;
  }

  /** Follows one change the model has applied (`changed` is what it reported). */
  update(model: NoteModel, changed: ChangedLines): void {
    const { fromLine, toLine } = changed;
    const region = model.lines.slice(fromLine, toLine).join('\n');
    const { findings, notices } = checkDoNotUse(region);
    this.list = spliced(this.list, findings.map((finding) => positioned(finding, fromLine)), changed, findingMoved);
    this.noticeList = spliced(this.noticeList, notices.map((notice) => noticeMoved(notice, fromLine)), changed, noticeMoved);
  }
}
