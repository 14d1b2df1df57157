/**
 * The "Do Not Use" findings of one note, kept up to date edit by edit from the shared note model
 * (pure: no `vscode`). Always what `findDoNotUse` gives for the whole current text, by line and
 * character, but an edit rechecks only the lines the model reports as changed: they start at a
 * sync line and end before one, where paragraphs and code are as in the whole note (see
 * src/markdown/noteModel.ts). Offsets are not kept: diagnostics and quick fixes need positions.
 */
import type { ChangedLines, NoteModel } from '../markdown/noteModel';
import { findDoNotUse, type DoNotUseFinding } from './doNotUse';

/** A finding by position only (its offsets in the note change with every edit above it). */
export type PositionedFinding = Omit<DoNotUseFinding, 'start' | 'end'>;

function positioned(finding: DoNotUseFinding, lineShift: number): PositionedFinding {
  const { start: _start, end: _end, ...rest } = finding;
  return { ...rest, line: rest.line + lineShift, endLine: rest.endLine + lineShift };
}

export class DoNotUseIndex {
  /** In document order. */
  private list: PositionedFinding[];

  constructor(model: NoteModel) {
    this.list = findDoNotUse(model.text).map((finding) => positioned(finding, 0));
  }

  /** The findings, in document order. */
  get findings(): readonly PositionedFinding[] {
    return this.list;
  }

  /** Follows one change the model has applied (`changed` is what it reported). */
  update(model: NoteModel, changed: ChangedLines): void {
    const { fromLine, toLine, lineDelta } = changed;
    const oldTo = toLine - lineDelta;
    const region = model.lines.slice(fromLine, toLine).join('\n');
    const fresh = findDoNotUse(region).map((finding) => positioned(finding, fromLine));
    const above = this.list.filter((finding) => finding.line < fromLine);
    const below = this.list
      .filter((finding) => finding.line >= oldTo)
      .map((finding) => (lineDelta === 0 ? finding : { ...finding, line: finding.line + lineDelta, endLine: finding.endLine + lineDelta }));
    this.list = above.concat(fresh, below);
  }
}
