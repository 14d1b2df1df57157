/**
 * A clinic phrase file (pure: no `vscode`): Markdown with YAML front matter, as a clinic shares it
 * in `.vscode/iliopsoas-phrases/`:
 *
 *     ---
 *     name: lbpassess
 *     title: Low back pain assessment
 *     description: Initial assessment, SOAP
 *     kind: template
 *     sections: [2-causes-of-iliopsoas-back-pain]
 *     ---
 *     **Side:** {left|right|both} …
 *
 * The front matter is read as the small part of YAML these keys need (`key: value`, quoted or
 * not; a list as `[a, b]` or as `- a` lines below its key; `#` comments), never evaluated: a
 * file from a cloned repository is text, nothing more. Every problem names its line, and a file
 * with problems in its body still loads; one whose front matter cannot give a name does not.
 */
import { splitMarkdownLines } from '../../markdown/regions';

export type PhraseKind = 'template' | 'handout';
export const PHRASE_KINDS: readonly PhraseKind[] = ['template', 'handout'];

export interface Phrase {
  /** The dot-phrase without its dot: lower case letters, digits and hyphens (`lbpassess`). */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly kind: PhraseKind;
  /** Guide section ids the phrase draws on (a handout's "Based on"). */
  readonly sections: readonly string[];
  /** Medical words the phrase explains where it first uses them: exempt from its reading grade. */
  readonly teaches: readonly string[];
  /** The Markdown after the front matter, lines joined with "\n". */
  readonly body: string;
  /** The file's line (0-based) where the body starts: a body problem's line is this plus its line in the body. */
  readonly bodyLine: number;
}

export type PhraseProblemSeverity = 'error' | 'warning';

export interface PhraseProblem {
  /** 0-based line in the file, and the characters at fault on it (the whole line when not given). */
  readonly line: number;
  readonly character?: number;
  readonly endCharacter?: number;
  readonly message: string;
  readonly severity: PhraseProblemSeverity;
}

export interface ParsedPhraseFile {
  /** Undefined when the file cannot be offered (no front matter, no usable name). */
  readonly phrase: Phrase | undefined;
  readonly problems: readonly PhraseProblem[];
}

/** A dot-phrase: what a clinician types after the dot, so short, lower case, no spaces. */
const PHRASE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 40;
const MAX_TITLE_LENGTH = 120;
const MAX_DESCRIPTION_LENGTH = 300;
/** Longer than any note template: a bigger file is most likely not a phrase (and would slow every insert). */
export const MAX_PHRASE_FILE_LENGTH = 200_000;
const KNOWN_KEYS = new Set(['name', 'title', 'description', 'kind', 'sections', 'teaches']);
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;
const LIST_ITEM = /^[ \t]+-[ \t]+(.*)$|^-[ \t]+(.*)$/;

export type FrontMatterValue = string | string[];

/** A scalar without its quotes and trailing comment. */
function scalar(raw: string): string {
  const text = raw.trim();
  // "…" with \" and \\ inside; '…' with '' for a quote, as YAML writes them.
  const doubleQuoted = /^"((?:[^"\\]|\\.)*)"/.exec(text);
  if (doubleQuoted) return doubleQuoted[1].replace(/\\(.)/g, '$1');
  const singleQuoted = /^'((?:[^']|'')*)'/.exec(text);
  if (singleQuoted) return singleQuoted[1].replace(/''/g, "'");
  return text.replace(/[ \t]+#.*$/, '').trim();
}

/** `[a, b]` as its items; undefined if the value is not a flow list. */
function flowList(raw: string): string[] | undefined {
  const text = raw.replace(/[ \t]+#.*$/, '').trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inside = text.slice(1, -1).trim();
  return inside === '' ? [] : inside.split(',').map(scalar).filter((item) => item !== '');
}

export interface FrontMatter {
  readonly values: Map<string, { readonly value: FrontMatterValue; readonly line: number }>;
  /** The line of the closing `---`. */
  readonly end: number;
}

/**
 * The front matter of a phrase file or a note: its keys' values and where it ends, or undefined
 * when the text has none (or it is not closed). Problems of its lines go to `problems`.
 */
export function readFrontMatter(lines: readonly string[], problems: PhraseProblem[] = []): FrontMatter | undefined {
  if (lines.length === 0 || lines[0].trim() !== '---') return undefined;
  const values: FrontMatter['values'] = new Map();
  let listKey: string | undefined;
  for (let line = 1; line < lines.length; line++) {
    const text = lines[line];
    if (text.trim() === '---' || text.trim() === '...') return { values, end: line };
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const item = LIST_ITEM.exec(text);
    if (item && listKey !== undefined) {
      const list = values.get(listKey)!.value as string[];
      list.push(scalar(item[1] ?? item[2]));
      continue;
    }
    const match = KEY_LINE.exec(text);
    if (!match) {
      problems.push({ line, message: 'This front matter line is not "key: value".', severity: 'error' });
      listKey = undefined;
      continue;
    }
    const [, key, raw = ''] = match;
    if (values.has(key)) problems.push({ line, message: `"${key}" is given twice; the first is used.`, severity: 'warning' });
    listKey = undefined;
    if (values.has(key)) continue;
    if (raw.trim() === '') {
      // A key alone: its list follows on "- item" lines.
      values.set(key, { value: [], line });
      listKey = key;
    } else {
      values.set(key, { value: flowList(raw) ?? scalar(raw), line });
    }
  }
  problems.push({ line: 0, message: 'The front matter has no closing "---" line.', severity: 'error' });
  return undefined;
}

/** Whether text holds a character that has no place in a one-line name (control, line and paragraph separators). */
export function hasControlCharacter(text: string): boolean {
  return /[\p{Cc}\u2028\u2029]/u.test(text);
}

/**
 * A phrase file: its phrase and its problems. A file whose front matter is missing, unclosed or
 * gives no valid `name` has no phrase (it cannot be offered); other problems (an unknown key, a
 * missing title) are reported and the phrase still loads, with its name standing in.
 */
export function parsePhraseFile(text: string): ParsedPhraseFile {
  const problems: PhraseProblem[] = [];
  if (text.length > MAX_PHRASE_FILE_LENGTH) {
    return { phrase: undefined, problems: [{ line: 0, message: `The file is longer than ${MAX_PHRASE_FILE_LENGTH.toLocaleString('en')} characters: not read as a phrase.`, severity: 'error' }] };
  }
  const { lines } = splitMarkdownLines(text);
  const frontMatter = readFrontMatter(lines, problems);
  if (!frontMatter) {
    if (problems.length === 0) {
      problems.push({ line: 0, message: 'A phrase file starts with front matter: a "---" line, then "name:", "title:", "description:" and "kind:", then "---".', severity: 'error' });
    }
    return { phrase: undefined, problems };
  }
  const { values } = frontMatter;
  const text1 = (key: string): { value: string; line: number } | undefined => {
    const entry = values.get(key);
    if (!entry) return undefined;
    if (typeof entry.value !== 'string') {
      problems.push({ line: entry.line, message: `"${key}" must be text, not a list.`, severity: 'error' });
      return undefined;
    }
    if (hasControlCharacter(entry.value)) {
      problems.push({ line: entry.line, message: `"${key}" has a control character.`, severity: 'error' });
      return undefined;
    }
    return { value: entry.value, line: entry.line };
  };
  const list = (key: string): string[] => {
    const entry = values.get(key);
    if (!entry) return [];
    if (typeof entry.value === 'string') return entry.value === '' ? [] : [entry.value];
    return entry.value.filter((item) => item !== '' && !hasControlCharacter(item));
  };
  for (const [key, { line }] of values) {
    if (!KNOWN_KEYS.has(key)) problems.push({ line, message: `Unknown key "${key}": a phrase knows name, title, description, kind, sections and teaches.`, severity: 'warning' });
  }

  const name = text1('name');
  let validName: string | undefined;
  if (!name) {
    if (!values.has('name')) problems.push({ line: 0, message: 'The front matter has no "name": the dot-phrase, such as "lbpassess".', severity: 'error' });
  } else if (!PHRASE_NAME.test(name.value) || name.value.length > MAX_NAME_LENGTH) {
    problems.push({
      line: name.line,
      message: `The name "${name.value}" is not a dot-phrase: write lower-case letters and digits, words joined by hyphens (such as "lbp-initial"), at most ${MAX_NAME_LENGTH} characters.`,
      severity: 'error',
    });
  } else validName = name.value;

  const title = text1('title');
  if (!title || title.value === '') {
    if (!values.has('title')) problems.push({ line: 0, message: 'The front matter has no "title": the name shown in Insert Phrase….', severity: 'warning' });
  } else if (title.value.length > MAX_TITLE_LENGTH) problems.push({ line: title.line, message: `The title is longer than ${MAX_TITLE_LENGTH} characters.`, severity: 'warning' });
  const description = text1('description');
  if (description && description.value.length > MAX_DESCRIPTION_LENGTH) {
    problems.push({ line: description.line, message: `The description is longer than ${MAX_DESCRIPTION_LENGTH} characters.`, severity: 'warning' });
  }

  const kindEntry = text1('kind');
  let kind: PhraseKind = 'template';
  if (!kindEntry) {
    if (!values.has('kind')) problems.push({ line: 0, message: 'The front matter has no "kind": write "kind: template" (a note) or "kind: handout" (for a patient). Read as a template.', severity: 'warning' });
  } else if ((PHRASE_KINDS as readonly string[]).includes(kindEntry.value)) kind = kindEntry.value as PhraseKind;
  else problems.push({ line: kindEntry.line, message: `The kind "${kindEntry.value}" is neither "template" nor "handout". Read as a template.`, severity: 'error' });

  const bodyLine = frontMatter.end + 1;
  // Blank lines between the front matter and the text are not part of the phrase.
  const firstText = lines.findIndex((line, index) => index >= bodyLine && line.trim() !== '');
  const body = firstText < 0 ? '' : lines.slice(firstText).join('\n');
  if (body === '') problems.push({ line: frontMatter.end, message: 'The phrase has no text below its front matter.', severity: 'error' });

  // A phrase with nothing to insert is not offered.
  if (validName === undefined || body === '') return { phrase: undefined, problems };
  return {
    phrase: {
      name: validName,
      title: title?.value || validName,
      description: description?.value ?? '',
      kind,
      sections: list('sections'),
      teaches: list('teaches'),
      body,
      bodyLine: firstText,
    },
    problems,
  };
}

/** A file too large to be a phrase, not read. */
export function tooLargeProblem(maxBytes: number): PhraseProblem {
  return { line: 0, message: `The file is larger than ${(maxBytes / 1_000_000).toLocaleString('en')} MB: not read as a phrase.`, severity: 'error' };
}

/** A file the parser failed on (a defect of ours): named so the clinic can say which. */
export function unreadableProblem(error: unknown): PhraseProblem {
  return { line: 0, message: `Could not be read (${error instanceof Error ? error.message : String(error)}).`, severity: 'error' };
}

/** The problem of a file whose name an earlier file (by path) already uses. */
export function duplicateNameProblem(name: string, firstFile: string): PhraseProblem {
  return { line: 0, message: `The name "${name}" is also used by ${firstFile}, which is offered instead: give this phrase another name.`, severity: 'error' };
}

/** The last problem shown for a file with too many: how many more there are. */
export function moreProblems(count: number): PhraseProblem {
  return { line: 0, message: `…and ${count.toLocaleString('en')} more problems in this file.`, severity: 'warning' };
}

/** A problem as one line of a message: "line 3: …". */
export function describeProblem(problem: PhraseProblem): string {
  return `line ${problem.line + 1}: ${problem.message}`;
}

/** The example name the New Clinic Phrase box shows. */
export const EXAMPLE_PHRASE_NAME = 'lbp-followup';

/** Whether a name can be a dot-phrase. */
export function isPhraseName(name: string): boolean {
  return PHRASE_NAME.test(name) && name.length <= MAX_NAME_LENGTH;
}

/** The text of a new phrase file, as *Iliopsoas: New Clinic Phrase* starts it (a snippet: Tab walks its parts). */
export const NEW_PHRASE_SNIPPET = [
  '---',
  'name: ${1:lbp-followup}', // EXAMPLE_PHRASE_NAME
  'title: ${2:Low back pain follow-up}',
  'description: ${3:What the phrase is for, in one line}',
  'kind: ${4|template,handout|}',
  '---',
  '## ${2}',
  '',
  '**Patient:** @PATIENT@   **Date:** @DATE@',
  '',
  '**Side:** {left|right|both\\}',
  '',
  '**Activities that ease it:** {+walking|cycling|swimming|stretching\\}',
  '',
  '**Plan:** ***',
  '$0',
].join('\n');
