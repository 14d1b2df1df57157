// Edits of a note as the property tests of the note model and the Terms index generate them, and
// as VS Code would report them: shared by test/unit/noteModel.test.ts and termIndex.test.ts.
import fc from 'fast-check';
import type { LineChange } from '../../src/markdown/noteModel';
import { lineStartsOf, positionAt } from '../../src/markdown/positions';

/** The VS Code change that replaces [start, end) of `text` by `inserted`: "\r\n" is one line break, like "\n". */
export function lineChange(text: string, start: number, end: number, inserted: string): LineChange {
  const lineStarts = lineStartsOf(text);
  const from = positionAt(lineStarts, start);
  const to = positionAt(lineStarts, end);
  return { startLine: from.line, startCharacter: from.character, endLine: to.line, endCharacter: to.character, text: inserted };
}

/** An offset moved off the middle of a "\r\n": VS Code never splits a line break. */
export const offLineBreak = (text: string, offset: number): number => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);

export interface FrontMatterEdit {
  readonly at: number;
  readonly snap: string;
  readonly removed: number;
  readonly inserted: string;
}

/**
 * Edits of a note that opens with front matter: they mostly type and delete the `---` and `...`
 * lines that may close it, starting at a line's start or end; `words` are the few prose edits.
 */
export function frontMatterEdits(words: readonly string[]): fc.Arbitrary<FrontMatterEdit> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    // Where in its line the edit starts: typing a line `---` starts at a line start or end.
    snap: fc.constantFrom('none', 'lineStart', 'lineStart', 'lineEnd', 'lineEnd'),
    removed: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.constant(1), fc.constant(3), fc.constant(4), fc.integer({ min: 0, max: 20 })),
    inserted: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('---', '...', '\n---', '---\n', '\n...', '...\n', '-', '.') },
      { weight: 1, arbitrary: fc.constantFrom('', '\n', '\n\n', ...words, 'x', ' ') },
    ),
  });
}

/** The range [start, end) of `text` a generated front-matter edit replaces (neither end inside a "\r\n"). */
export function frontMatterRange(text: string, { at, snap, removed }: FrontMatterEdit): { start: number; end: number } {
  let start = Math.floor(at * text.length);
  if (snap === 'lineStart') start = text.lastIndexOf('\n', start - 1) + 1;
  if (snap === 'lineEnd') start = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  start = offLineBreak(text, start);
  return { start, end: offLineBreak(text, Math.min(text.length, start + removed)) };
}
