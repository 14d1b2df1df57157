/**
 * Add to Team Glossary, apart from VS Code (pure: no `vscode`): the term a selection stands for,
 * the new entry and its problems (checked by the same rules as a team file), the plain text's
 * reading grade, and the change to the team file. An existing file is changed with jsonc-parser's
 * `modify`, so that only the new entry is written: the other entries keep their formatting.
 */
import type { FormattingOptions } from 'jsonc-parser';
import { withoutInvisibles } from '../util/messageText';
import { fleschKincaidGrade, exemptTerms, readingGrade, smogGrade } from '../readability/grade';
import { findJsonSyntaxError, glossaryCategories, parseGlossaryFile } from './entries';
import type { GlossaryCategory } from './types';

/** The grade patient texts are held to (the built-in glossary's rule; above it is a warning, not a refusal). */
export const PLAIN_TEXT_TARGET_GRADE = 6;

export interface NewTeamEntry {
  readonly term: string;
  readonly definition: string;
  readonly plain: string;
  readonly category?: GlossaryCategory;
}

type JsoncParser = typeof import('jsonc-parser');
let jsoncParser: JsoncParser | undefined;
/** Loaded on first use, as entries.ts loads it (the production build puts it in a file of its own). */
function jsonc(): JsoncParser {
  return (jsoncParser ??= require('jsonc-parser') as JsoncParser);
}

/** What a grade message says: the grade, its two formulas, the term not counted and the target. */
export interface GradeFigures {
  readonly grade: number;
  readonly fleschKincaid: number;
  readonly smog: number;
  readonly term: string;
  readonly target: number;
}

/**
 * The words of this module's own messages (the entry rules' problems come from entries.ts, in
 * English): English here, the user's language from the glue, which passes `vscode.l10n.t` ones.
 * Labels and problems given to them are file text already made safe to quote in a notification.
 */
export interface TeamEntryWording {
  readonly selectionIsParagraph: string;
  readonly selectionIsEmpty: string;
  readonly grade: (figures: GradeFigures) => string;
  readonly gradeAboveTarget: (figures: GradeFigures) => string;
  /** The file is not valid JSON: the problem as the glossary reports it (file, line and column). */
  readonly fileNotJson: (problem: string) => string;
  readonly fileNotAnObject: (label: string) => string;
  readonly entriesNotAnArray: (label: string) => string;
  readonly entriesTwice: (label: string) => string;
}

export const TEAM_ENTRY_WORDING: TeamEntryWording = {
  selectionIsParagraph: 'Select one term, not a paragraph: a term cannot run across a blank line.',
  selectionIsEmpty: 'Select the term to add (a word or a few words) in the note first.',
  grade: ({ grade, fleschKincaid, smog, term }) => `Reading grade ${grade} (Flesch–Kincaid ${fleschKincaid}, SMOG ${smog}; “${term}” not counted).`,
  gradeAboveTarget: ({ grade, fleschKincaid, smog, term, target }) =>
    `Reading grade ${grade} (Flesch–Kincaid ${fleschKincaid}, SMOG ${smog}; “${term}” not counted): above grade ${target}. Shorter words and sentences are easier for patients; you can still add it.`,
  fileNotJson: (problem) => `${problem}. Nothing was added: correct the file first.`,
  fileNotAnObject: (label) => `${label} does not hold a JSON object with an "entries" array. Nothing was added.`,
  entriesNotAnArray: (label) => `In ${label}, "entries" is not an array. Nothing was added.`,
  entriesTwice: (label) => `${label} has "entries" twice. Nothing was added: keep one.`,
};

const EDGE_NOT_WORD = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;

/** A text as the glossary keeps it: NFC, without invisible characters, its white space runs as one space. */
function cleanText(text: string): string {
  return withoutInvisibles(text).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The term a selection (or the word at the cursor) stands for: its words as written, on one line,
 * without the punctuation around them ("Craig test," gives "Craig test"). A problem instead when
 * there is no term in it, or it is more than a term.
 */
export function termFromSelection(selected: string, wording: TeamEntryWording = TEAM_ENTRY_WORDING): { readonly term: string } | { readonly problem: string } {
  if (/\n[ \t]*\r?\n/.test(selected)) return { problem: wording.selectionIsParagraph };
  const term = cleanText(selected).replace(EDGE_NOT_WORD, '');
  if (term === '') return { problem: wording.selectionIsEmpty };
  const [problem] = entryProblems({ term, definition: 'definition', plain: 'plain text' });
  return problem ? { problem } : { term };
}

/** The entry as it is written into the file: the schema's property order. */
export function teamEntryObject(entry: NewTeamEntry): Record<string, string> {
  return {
    term: cleanText(entry.term),
    ...(entry.category ? { category: entry.category } : {}),
    definition: cleanText(entry.definition),
    plain: cleanText(entry.plain),
  };
}

/**
 * What is wrong with the entry, by the rules a team file is read with (a term a note cannot
 * match, a text too long…), each worded for the person typing it; none when it can be added.
 */
export function entryProblems(entry: NewTeamEntry): string[] {
  const label = 'entry';
  const { problems } = parseGlossaryFile(JSON.stringify({ entries: [teamEntryObject(entry)] }), label);
  return problems.map((problem) =>
    problem.message
      .replace(/^entry: entries\[0\](?: \("(?:[^"\\]|\\.)*"\))?(?:: | )/, '')
      .replace(/; (?:the entry is skipped|it is ignored)$/, '')
      .replace(/^"term"/, 'The term')
      .replace(/^"definition"/, 'The definition')
      .replace(/^"plain"/, 'The text for patients'),
  );
}

/** A category as given (a string, or nothing), if it is one of the glossary's. */
export function categoryOf(value: unknown): GlossaryCategory | undefined {
  return glossaryCategories().find((category) => category === value);
}

export interface PlainTextGrade {
  readonly grade: number;
  readonly aboveTarget: boolean;
  /** What the input box says under the text as it is typed. */
  readonly message: string;
}

/**
 * The plain text's reading grade by the project's one rule (the higher of Flesch–Kincaid and
 * SMOG), with the entry's own term not counted: an explanation names the word it explains.
 */
export function plainTextGrade(plain: string, term: string, wording: TeamEntryWording = TEAM_ENTRY_WORDING): PlainTextGrade {
  const graded = exemptTerms(plain, [term]);
  const grade = readingGrade(graded);
  const figures: GradeFigures = { grade, fleschKincaid: fleschKincaidGrade(graded), smog: smogGrade(graded), term, target: PLAIN_TEXT_TARGET_GRADE };
  const aboveTarget = grade > PLAIN_TEXT_TARGET_GRADE;
  const message = aboveTarget ? wording.gradeAboveTarget(figures) : wording.grade(figures);
  return { grade, aboveTarget, message };
}

/** What adding an entry does to a team file. */
export type TeamFileChange =
  /** The file's new text (the whole file when it is new). */
  | { readonly kind: 'write'; readonly text: string; readonly replaced: boolean }
  /** The file has an entry with the same term (ignoring case), as written there: ask before replacing it. */
  | { readonly kind: 'exists'; readonly term: string }
  /** The file cannot be changed safely: nothing is written. */
  | { readonly kind: 'unreadable'; readonly message: string };

/** A new team glossary file holding one entry. */
export function newTeamFileText(entry: NewTeamEntry): string {
  return `${JSON.stringify({ entries: [teamEntryObject(entry)] }, null, 2)}\n`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const termKey = (term: string) => cleanText(term).toLowerCase();

/** The index and written term of the file's entry with the same term as `term` (ignoring case), if any. */
function sameTermIndex(entries: readonly unknown[], term: string): { index: number; term: string } | undefined {
  const key = termKey(term);
  for (let index = 0; index < entries.length; index++) {
    const candidate = entries[index];
    if (isPlainObject(candidate) && typeof candidate.term === 'string' && termKey(candidate.term) === key) return { index, term: candidate.term };
  }
  return undefined;
}

/** The indentation and line breaks the file already uses (two spaces and "\n" if it shows none). */
function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = [...text.matchAll(/\n([ \t]+)\S/g)].map((match) => match[1]);
  if (indents.some((indent) => indent.startsWith('\t'))) return { insertSpaces: false, tabSize: 4, eol };
  const smallest = indents.reduce((least, indent) => Math.min(least, indent.length), Infinity);
  return { insertSpaces: true, tabSize: Number.isFinite(smallest) ? smallest : 2, eol };
}

type ReadFile = { readonly kind: 'read'; readonly json: string; readonly value: Record<string, unknown> } | { readonly kind: 'unreadable'; readonly message: string };

/** The file as JSON, or why it cannot be changed safely. */
function readTeamFile(text: string, label: string, wording: TeamEntryWording = TEAM_ENTRY_WORDING): ReadFile {
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (findJsonSyntaxError(json)) {
    // Worded as the glossary reports the file (with its line and column), then what was not done.
    const [problem] = parseGlossaryFile(text, label).problems;
    return { kind: 'unreadable', message: wording.fileNotJson(problem.message) };
  }
  const value: unknown = JSON.parse(json);
  if (!isPlainObject(value)) return { kind: 'unreadable', message: wording.fileNotAnObject(label) };
  if ('entries' in value && !Array.isArray(value.entries)) return { kind: 'unreadable', message: wording.entriesNotAnArray(label) };
  // jsonc-parser would change the first of two "entries", JSON.parse (and so the glossary) reads the last.
  const root = jsonc().parseTree(json);
  const entriesProperties = (root?.children ?? []).filter((property) => property.children?.[0]?.value === 'entries');
  if (entriesProperties.length > 1) return { kind: 'unreadable', message: wording.entriesTwice(label) };
  return { kind: 'read', json, value };
}

/** The entry of the file with the same term (ignoring case), as the boxes are filled with it when replacing. */
export function existingTeamEntry(text: string | undefined, term: string): Partial<NewTeamEntry> | undefined {
  if (text === undefined) return undefined;
  const read = readTeamFile(text, 'file');
  if (read.kind !== 'read' || !Array.isArray(read.value.entries)) return undefined;
  const found = sameTermIndex(read.value.entries, term);
  if (!found) return undefined;
  const entry = read.value.entries[found.index] as Record<string, unknown>;
  const stringOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { term: found.term, definition: stringOf(entry.definition), plain: stringOf(entry.plain), category: categoryOf(entry.category) };
}

/**
 * Adds an entry to a team glossary file's text (undefined: no file yet). An entry with the same
 * term is replaced only when `replace` says so; otherwise the answer is to ask. A file that is not
 * valid JSON (comments included: team files are read as strict JSON), or not a glossary's shape, is
 * left alone. Only the new entry is formatted, in the file's own indentation and line breaks.
 */
export function addToTeamFile(
  text: string | undefined,
  entry: NewTeamEntry,
  options: { readonly label: string; readonly replace: boolean; readonly wording?: TeamEntryWording },
): TeamFileChange {
  if (text === undefined || text.trim() === '') return { kind: 'write', text: newTeamFileText(entry), replaced: false };
  const read = readTeamFile(text, options.label, options.wording);
  if (read.kind === 'unreadable') return read;
  const { json, value } = read;
  const { modify, applyEdits, format } = jsonc();
  const formattingOptions = formattingOf(json);
  const object = teamEntryObject(entry);
  const bom = json === text ? '' : '\uFEFF';
  const entries = Array.isArray(value.entries) ? value.entries : [];
  const same = sameTermIndex(entries, entry.term);
  if (same && !options.replace) return { kind: 'exists', term: same.term };
  if (entries.length === 0) {
    // Nothing inside to keep as it was: jsonc-parser lays out the new array itself.
    const path = Array.isArray(value.entries) ? ['entries', -1] : ['entries'];
    const edited = applyEdits(json, modify(json, path, Array.isArray(value.entries) ? object : [object], { formattingOptions }));
    return { kind: 'write', text: bom + edited, replaced: false };
  }
  // The edit unformatted, then only its own text formatted: the entries around it keep their layout.
  const edits = modify(json, ['entries', same ? same.index : -1], object, {});
  const edited = applyEdits(json, edits);
  const [edit] = edits;
  const formatted = applyEdits(edited, format(edited, { offset: edit.offset, length: edit.content.length }, formattingOptions));
  return { kind: 'write', text: bom + formatted, replaced: same !== undefined };
}
