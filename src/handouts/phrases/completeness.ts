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

/** Whether a text has what every field starts with (`***`, `{` or `@`). */
function mightHoldField(text: string): boolean {
  return /\*\*\*|[{@]/.test(text);
}

/** Every unfinished field of a Markdown note, in order. Linear in the note. */
export function unfinishedFields(markdown: string): UnfinishedField[] {
  // Most notes hold no field at all: one scan says so before their lines and paragraphs are found.
  if (!mightHoldField(markdown)) return [];
  const split = splitMarkdownLines(markdown);
  const { lineStarts, lines } = split;
  const found: UnfinishedField[] = [];
  forEachParagraph(split, (first, last) => {
    const start = lineStarts[first];
    const end = lineStarts[last] + lines[last].length;
    const paragraph = markdown.slice(start, end);
    // Most paragraphs hold no field at all: look for one before finding their markup.
    if (!mightHoldField(paragraph)) return;
    for (const field of findPhraseFields(paragraph, 0, paragraph.length, markdownInlineExclusions(paragraph))) {
      if (!isUnfinished(field)) continue;
      const from = positionAt(lineStarts, start + field.start);
      const to = positionAt(lineStarts, start + field.end);
      found.push({ ...field, start: start + field.start, end: start + field.end, line: from.line, character: from.character, endLine: to.line, endCharacter: to.character });
    }
  });
  return found;
}

/** How a field is named in a message (VS Code's glue passes its translations). `options` is the list's options, joined and shortened. */
export interface FieldWording {
  readonly blank: () => string;
  readonly variable: (name: string) => string;
  readonly pickOne: (options: string) => string;
  readonly pickMany: (options: string) => string;
}

export const FIELD_WORDING: FieldWording = {
  blank: () => 'a blank (***) to fill in',
  variable: (name) => `@${name}@ to fill in`,
  pickOne: (options) => `a choice to make (${options})`,
  pickMany: (options) => `a list to pick from (${options})`,
};

/** A list's options are shown up to about this many characters: a long list is a long message. */
const MAX_OPTIONS_SHOWN = 80;

/** The options joined by `separator`, cut after the last whole option that fits (with "…"). */
function shownOptions(options: readonly string[], separator: string): string {
  let shown = '';
  for (const [index, option] of options.entries()) {
    const next = index === 0 ? option : `${shown}${separator}${option}`;
    if (next.length > MAX_OPTIONS_SHOWN) return index === 0 ? `${option.slice(0, MAX_OPTIONS_SHOWN)}…` : `${shown}${separator}…`;
    shown = next;
  }
  return shown;
}

/** How the completeness check names a field in a message. */
export function describeField(field: PhraseField, wording: FieldWording = FIELD_WORDING): string {
  switch (field.kind) {
    case 'blank':
      return wording.blank();
    case 'variable':
      return wording.variable(field.name);
    case 'pickOne':
      return wording.pickOne(shownOptions(field.options, ' / '));
    case 'pickMany':
      return wording.pickMany(shownOptions(field.options, ', '));
  }
}

/** A place in a note as VS Code counts (0-based line, UTF-16 character). */
export interface NotePosition {
  readonly line: number;
  readonly character: number;
}

function compare(a: NotePosition, b: NotePosition): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The field "Go to Next/Previous Unfinished Field" selects, from the selection `from`–`to`
 * (`from` ≤ `to`): the next is the first field starting at or after `to` (so a field that is
 * selected is passed over), the previous the last one ending at or before `from`; past the last
 * (first) field the search wraps to the first (last), and says so. Undefined when there are none.
 */
export function adjacentField<Field extends UnfinishedField>(
  fields: readonly Field[],
  from: NotePosition,
  to: NotePosition,
  direction: 'next' | 'previous',
): { readonly field: Field; readonly wrapped: boolean } | undefined {
  if (fields.length === 0) return undefined;
  if (direction === 'next') {
    const field = fields.find((candidate) => compare({ line: candidate.line, character: candidate.character }, to) >= 0);
    return field ? { field, wrapped: false } : { field: fields[0], wrapped: true };
  }
  let field: Field | undefined;
  for (const candidate of fields) {
    if (compare({ line: candidate.endLine, character: candidate.endCharacter }, from) > 0) break;
    field = candidate;
  }
  return field ? { field, wrapped: false } : { field: fields[fields.length - 1], wrapped: true };
}
