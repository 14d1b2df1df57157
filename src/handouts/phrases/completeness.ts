// What is still unfinished in a note (pure: no `vscode`): the fields an inserted clinic phrase
// left as written (`***`, an unchosen list, an unknown `@VARIABLE@`), in prose only: never in
// code, front matter, HTML (comments included), link destinations or URLs.
import { positionAt } from '../../markdown/positions';
import { forEachParagraph, markdownInlineExclusions, splitMarkdownLines } from '../../markdown/regions';
import { findPhraseFields, isUnfinished, type PhraseField } from './fields';

export type UnfinishedField = PhraseField & {
  /** Where it is, as VS Code counts (0-based line, UTF-16 character), end exclusive. */
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
};

/** Every unfinished field of a Markdown note, in order. Linear in the note. */
export function unfinishedFields(markdown: string): UnfinishedField[] {
  const split = splitMarkdownLines(markdown);
  const { lineStarts, lines } = split;
  const found: UnfinishedField[] = [];
  forEachParagraph(split, (first, last) => {
    const start = lineStarts[first];
    const end = lineStarts[last] + lines[last].length;
    const paragraph = markdown.slice(start, end);
    // Most paragraphs hold no field at all: look for one before finding their markup.
    if (!/\*\*\*|[{@]/.test(paragraph)) return;
    for (const field of findPhraseFields(paragraph, 0, paragraph.length, markdownInlineExclusions(paragraph))) {
      if (!isUnfinished(field)) continue;
      const from = positionAt(lineStarts, start + field.start);
      const to = positionAt(lineStarts, start + field.end);
      found.push({ ...field, start: start + field.start, end: start + field.end, line: from.line, character: from.character, endLine: to.line, endCharacter: to.character });
    }
  });
  return found;
}

/** How the completeness check names a field in a message. */
export function describeField(field: PhraseField): string {
  switch (field.kind) {
    case 'blank':
      return 'a blank (***) to fill in';
    case 'variable':
      return `@${field.name}@ to fill in`;
    case 'pickOne':
      return `a choice to make (${field.options.join(' / ')})`;
    case 'pickMany':
      return `a list to pick from (${field.options.join(', ')})`;
  }
}
