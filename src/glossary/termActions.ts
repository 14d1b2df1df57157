// What the term actions (the Terms view's context menu and the note's code actions) compute,
// apart from VS Code (pure: no `vscode`): the workspace search for a term, the text Copy Definition
// puts on the clipboard, and where Insert Patient Explanation goes.
import { regularPlurals } from './matcher';
import type { GlossaryEntry } from './types';

/**
 * Characters that mean something in a regular expression, outside a class, in JavaScript and in
 * ripgrep alike. (Others must stay unescaped: with the `u` flag, JavaScript rejects "\#".)
 */
const REGEX_SYNTAX = /[.*+?^${}()|[\]\\]/g;
/** Hyphen, non-breaking hyphen and en dash count as the same hyphen, as the matcher counts them. */
const HYPHENS = /[-\u2011\u2013]/;

/** A form as a pattern: its characters literal, any run of white space for its spaces, any hyphen for its hyphens. */
function formPattern(form: string): string {
  return form
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .split(HYPHENS)
        .map((part) => part.replace(REGEX_SYNTAX, '\\$&'))
        // The characters themselves, not \u escapes: ripgrep and JavaScript read those differently.
        .join('[-\u2011\u2013]'),
    )
    .join('\\s+');
}

/** The written forms of an entry and their regular plurals ("disc", "discs"; "NSAID", "NSAIDs"). */
export function searchForms(entry: GlossaryEntry): string[] {
  const forms: string[] = [];
  const seen = new Set<string>();
  const add = (form: string) => {
    const key = form.toLowerCase();
    if (form.trim() === '' || seen.has(key)) return;
    seen.add(key);
    forms.push(form);
  };
  for (const form of [entry.term, ...entry.variants]) {
    add(form);
    const words = form.trim().split(/\s+/);
    const last = words[words.length - 1];
    for (const plural of regularPlurals(last)) add([...words.slice(0, -1), plural].join(' '));
  }
  for (const abbreviation of entry.abbreviations) {
    add(abbreviation);
    if (/\p{L}$/u.test(abbreviation)) add(`${abbreviation}s`);
  }
  return forms;
}

/**
 * The regular expression Find in Workspace searches for (whole words, ignoring case): every form
 * of the entry, longest first so that the longest wins where one form starts another.
 * (Abbreviations are found ignoring case too: one search cannot mix the two.)
 */
export function workspaceSearchPattern(entry: GlossaryEntry): string {
  return searchForms(entry)
    .sort((a, b) => b.length - a.length)
    .map(formPattern)
    .join('|');
}

/** What a language contributes (package.json `contributes.languages`): the files it is for. */
export interface LanguageContribution {
  readonly id?: unknown;
  readonly extensions?: unknown;
  readonly filenames?: unknown;
}

/** A file name or extension that is safe to use as a glob: no glob syntax, separators or commas. */
const PLAIN_NAME = /^[^*?{}[\]\\/,!]+$/;

/**
 * The extensions of the commonest note languages, for when no language contribution is visible
 * (VS Code for the Web lists the extensions that run in its own worker only).
 */
const KNOWN_EXTENSIONS: Readonly<Record<string, readonly string[]>> = { markdown: ['.md', '.markdown'], plaintext: ['.txt'] };

/**
 * The "files to include" of a workspace search for notes: the extensions and file names that
 * VS Code's languages contribute for the note languages ("*.md, *.markdown, …"), or undefined
 * if none is known (then the whole workspace is searched).
 */
export function noteFilesPattern(noteLanguages: readonly string[], contributions: readonly LanguageContribution[]): string | undefined {
  const globs: string[] = [];
  const add = (glob: string) => {
    if (!globs.includes(glob)) globs.push(glob);
  };
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && PLAIN_NAME.test(item)) : []);
  const addExtension = (extension: string) => add(`*${extension.startsWith('.') ? '' : '.'}${extension}`);
  for (const language of noteLanguages) {
    const contributed = contributions.filter((contribution) => contribution.id === language);
    if (contributed.length === 0) (KNOWN_EXTENSIONS[language] ?? []).forEach(addExtension);
    for (const contribution of contributed) {
      strings(contribution.extensions).forEach(addExtension);
      strings(contribution.filenames).forEach(add);
    }
  }
  return globs.length > 0 ? globs.join(', ') : undefined;
}

/** Copy Definition's text: the term (and its abbreviations), the definition, the text for patients and the references, as plain text. */
export function definitionAsPlainText(entry: GlossaryEntry): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const abbreviations = entry.abbreviations.length > 0 ? ` (${entry.abbreviations.join(', ')})` : '';
  const lines = [`${entry.term}${abbreviations}`, oneLine(entry.definition), `For patients: ${oneLine(entry.plain)}`];
  const references = entry.references ?? [];
  if (references.length > 0) lines.push(`References:`, ...references.map((reference) => `- ${oneLine(reference)}`));
  return lines.join('\n');
}

/**
 * The line whose paragraph a term's explanation goes below, from the Terms view: the last
 * occurrence at or above the cursor, so that it lands near where the clinician is writing,
 * or the first occurrence when the cursor is above them all (or not in the note).
 */
export function explanationLine(occurrenceLines: readonly number[], cursorLine: number | undefined): number | undefined {
  if (occurrenceLines.length === 0) return undefined;
  if (cursorLine === undefined) return occurrenceLines[0];
  let chosen = occurrenceLines[0];
  for (const line of occurrenceLines) if (line <= cursorLine) chosen = line;
  return chosen;
}
