/**
 * What a clinic phrase becomes in a note (pure: no `vscode`): its variables' values, taken from
 * the note's front matter, today's date and the clinic's settings, and the snippet VS Code
 * inserts, with the shared warning-signs block where a handout asks for it (`{{red-flags}}`).
 */
import { markdownLiteral } from '../../markdown/literal';
import { splitMarkdownLines } from '../../markdown/regions';
import { highestTabStop, shiftTabStops } from '../../markdown/snippets';
import type { ClinicDetails } from '../clinic';
// A clinic handout's `{{red-flags}}` line is the built-in handouts' own marker of the block.
import { RED_FLAG_MARKER } from '../handouts';
import { findPhraseFields, phraseToSnippet, type PhraseValues, type PhraseVariable } from './fields';
import { hasControlCharacter, readFrontMatter, type Phrase } from './phraseFile';

/** A value longer than this in a note's front matter is not a name: the field stays to fill in. */
const MAX_VALUE_LENGTH = 100;
// Survives phraseToSnippet unchanged (it escapes only `$`, `}` and `\`), and no phrase has it.
const RED_FLAGS_SENTINEL = '\u0000red-flags\u0000';

/** A front matter value usable as a name in a note: one line of text, not too long. */
function usableValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_VALUE_LENGTH || hasControlCharacter(trimmed)) return undefined;
  return trimmed;
}

/**
 * The variables known for a note: `@PATIENT@` and `@CLINICIAN@` from its front matter (`patient:`,
 * `clinician:`), `@DATE@` today (as given: ISO 8601, as the handouts write it), `@CLINIC@` and
 * `@CLINIC_PHONE@` from the clinic's settings. Each is escaped so Markdown reads it as itself.
 */
export function phraseVariables(noteText: string, today: string, clinic: ClinicDetails): Partial<Record<PhraseVariable, string>> {
  // Only the top of the note can be front matter: a huge note is not split whole.
  const head = noteText.slice(0, 20_000);
  const values = readFrontMatter(splitMarkdownLines(head).lines)?.values;
  const fromNote = (key: string) => usableValue(values?.get(key)?.value);
  const known: Partial<Record<PhraseVariable, string | undefined>> = {
    PATIENT: fromNote('patient'),
    CLINICIAN: fromNote('clinician'),
    DATE: today,
    CLINIC: clinic.name,
    CLINIC_PHONE: clinic.phone,
  };
  const variables: Partial<Record<PhraseVariable, string>> = {};
  for (const [name, value] of Object.entries(known) as [PhraseVariable, string | undefined][]) {
    if (value !== undefined) variables[name] = markdownLiteral(value);
  }
  return variables;
}

/** Whether a phrase has the line that stands for the shared warning-signs block. */
export function hasRedFlagLine(phrase: Phrase): boolean {
  return phrase.body.split('\n').some((line) => line.trim() === RED_FLAG_MARKER);
}

/** The options of each pick-many list of a phrase, in order: what Insert asks for before inserting. */
export function pickManyLists(phrase: Phrase): (readonly string[])[] {
  return findPhraseFields(phrase.body).flatMap((field) => (field.kind === 'pickMany' ? [field.options] : []));
}

/**
 * The phrase as a snippet (see phraseToSnippet), each `{{red-flags}}` line replaced by
 * `redFlagBlock` (snippet syntax, its tab stops numbered from 1): its stops follow the phrase's,
 * so Tab reaches them last.
 */
export function phraseSnippet(phrase: Phrase, values: PhraseValues, redFlagBlock: () => string): string {
  const lines = phrase.body.split('\n');
  const hasBlock = hasRedFlagLine(phrase);
  const body = hasBlock ? lines.map((line) => (line.trim() === RED_FLAG_MARKER ? RED_FLAGS_SENTINEL : line)).join('\n') : phrase.body;
  const snippet = phraseToSnippet(body, values);
  if (!hasBlock) return snippet;
  const block = shiftTabStops(redFlagBlock(), highestTabStop(snippet));
  return snippet.split(RED_FLAGS_SENTINEL).join(block);
}
