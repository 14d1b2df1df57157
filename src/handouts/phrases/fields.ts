/**
 * The fields of a clinic phrase (pure: no `vscode`), as EHR SmartPhrases write them:
 * - `***` a free-text blank that must be filled (exactly three asterisks, touching no other `*`;
 *   not a line of its own, which is a thematic break, nor `***bold italic***` emphasis);
 * - `{left|right|both}` pick one: nothing is chosen until the clinician chooses;
 *   `{*left|right}` pick one with the first as the default (so it counts as filled);
 * - `{+walking|cycling|swimming}` pick any number;
 * - `@PATIENT@`, `@DATE@`, `@CLINICIAN@`, `@CLINIC@`, `@CLINIC_PHONE@`: filled where known.
 * A backslash makes the next character literal (`\{`, `\*`), as in Markdown. A list needs at
 * least two options, on one line, each non-empty; anything else in braces is text.
 *
 * The same finder serves a phrase file (what becomes a tab stop on insert) and a note (what is
 * still unfinished after insert: an inserted phrase keeps unfilled fields written as above).
 */

export const PHRASE_VARIABLES = ['PATIENT', 'DATE', 'CLINICIAN', 'CLINIC', 'CLINIC_PHONE'] as const;
export type PhraseVariable = (typeof PHRASE_VARIABLES)[number];

interface FieldPlace {
  /** Offset of the field's first character in the text given, and just past its last. */
  readonly start: number;
  readonly end: number;
}

export type PhraseField = FieldPlace &
  (
    | { readonly kind: 'blank' }
    | { readonly kind: 'pickOne'; readonly options: readonly string[]; readonly preselected: boolean }
    | { readonly kind: 'pickMany'; readonly options: readonly string[] }
    | { readonly kind: 'variable'; readonly name: PhraseVariable }
  );

/** Lists longer than this are not something a clinician picks from: read as text. */
export const MAX_LIST_LENGTH = 500;
export const MAX_LIST_OPTIONS = 30;
const VARIABLE_NAMES: ReadonlySet<string> = new Set(PHRASE_VARIABLES);
const ASTERISK = 0x2a;
const BACKSLASH = 0x5c;

const isSpaceOrTab = (c: number) => c === 0x20 || c === 0x09;
const isLineBreak = (c: number) => c === 0x0a || c === 0x0d;
/** How far the emphasis closer of a `***` may be: emphasis in a note is a few words. */
const MAX_EMPHASIS_LENGTH = 200;

/** Whether the `***` at [start, end) is a line of its own (up to 3 spaces before it): a thematic break. */
function isThematicBreak(text: string, start: number, end: number): boolean {
  let before = start;
  while (before > 0 && start - before < 3 && text.charCodeAt(before - 1) === 0x20) before--;
  if (before > 0 && !isLineBreak(text.charCodeAt(before - 1))) return false;
  let after = end;
  while (after < text.length && isSpaceOrTab(text.charCodeAt(after))) after++;
  return after === text.length || isLineBreak(text.charCodeAt(after));
}

/**
 * Where `***text***` ends, if the `***` just before `end` opens such emphasis: touching the word after
 * it, and closed on the same line, soon, by a `***` touching the word before it.
 */
function emphasisCloser(text: string, end: number, limit: number): number | undefined {
  const next = text.charCodeAt(end);
  if (end >= limit || isSpaceOrTab(next) || isLineBreak(next)) return undefined;
  const stop = Math.min(limit, end + MAX_EMPHASIS_LENGTH);
  for (let i = end + 1; i + 3 <= stop; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) return undefined;
    if (c === ASTERISK && text.startsWith('***', i) && text.charCodeAt(i + 3) !== ASTERISK && !isSpaceOrTab(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== ASTERISK) return i + 3;
  }
  return undefined;
}

/** The list starting at `start` (a `{`), or undefined if the braces hold no list. */
function listAt(text: string, start: number, limit: number): PhraseField | undefined {
  let end = start + 1;
  while (end < limit && end - start <= MAX_LIST_LENGTH) {
    const c = text.charCodeAt(end);
    if (c === 0x7d) break; // }
    if (c === 0x7b || c === 0x0a || c === 0x0d) return undefined; // { or a line break: no list
    // A backslash escapes the next character, but never a line break: a list is on one line.
    end += c === BACKSLASH && !isLineBreak(text.charCodeAt(end + 1)) ? 2 : 1;
  }
  if (end >= limit || text.charCodeAt(end) !== 0x7d) return undefined;
  let inside = text.slice(start + 1, end);
  const marker = inside[0];
  if (marker === '*' || marker === '+') inside = inside.slice(1);
  const options = splitOptions(inside);
  if (options.length < 2 || options.length > MAX_LIST_OPTIONS || options.some((option) => option === '')) return undefined;
  const place = { start, end: end + 1 };
  return marker === '+' ? { ...place, kind: 'pickMany', options } : { ...place, kind: 'pickOne', options, preselected: marker === '*' };
}

/** Options split at unescaped `|`, trimmed, escapes resolved. */
export function splitOptions(inside: string): string[] {
  const options: string[] = [];
  let current = '';
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === '\\' && i + 1 < inside.length) current += inside[++i];
    else if (c === '|') {
      options.push(current.trim());
      current = '';
    } else current += c;
  }
  options.push(current.trim());
  return options;
}

/** The `@NAME@` variable starting at `start`, if NAME is one of ours. */
function variableAt(text: string, start: number, limit: number): PhraseField | undefined {
  const close = text.indexOf('@', start + 1);
  if (close < 0 || close >= limit || close - start > 20) return undefined;
  const name = text.slice(start + 1, close);
  return VARIABLE_NAMES.has(name) ? { start, end: close + 1, kind: 'variable', name: name as PhraseVariable } : undefined;
}

/**
 * Every field in `text` between `from` and `to`, in order, never overlapping. `skip` (sorted,
 * disjoint ranges: code spans, HTML, URLs) are never part of a field. Linear in the text.
 */
export function findPhraseFields(text: string, from = 0, to = text.length, skip: readonly FieldPlace[] = []): PhraseField[] {
  const fields: PhraseField[] = [];
  let nextSkip = 0;
  for (let i = from; i < to; ) {
    while (nextSkip < skip.length && skip[nextSkip].end <= i) nextSkip++;
    if (nextSkip < skip.length && skip[nextSkip].start <= i) {
      i = skip[nextSkip].end;
      continue;
    }
    const limit = nextSkip < skip.length ? Math.min(to, skip[nextSkip].start) : to;
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      continue;
    }
    let field: PhraseField | undefined;
    if (c === ASTERISK) {
      let run = i;
      while (run < limit && text.charCodeAt(run) === ASTERISK) run++;
      // (An escaped `*` never reaches here: a backslash and the character after it are skipped.)
      if (run - i === 3 && !isThematicBreak(text, i, run)) {
        const closer = emphasisCloser(text, run, limit);
        if (closer !== undefined) {
          // `***bold italic***`: Markdown, not two blanks.
          i = closer;
          continue;
        }
        field = { start: i, end: run, kind: 'blank' };
      }
      if (!field) {
        i = run;
        continue;
      }
    } else if (c === 0x7b) {
      field = listAt(text, i, limit);
    } else if (c === 0x40) {
      field = variableAt(text, i, limit);
    }
    if (field) {
      fields.push(field);
      i = field.end;
    } else i++;
  }
  return fields;
}

/** Whether a field is still to be done: a preselected pick-one list already has its answer. */
export function isUnfinished(field: PhraseField): boolean {
  return !(field.kind === 'pickOne' && field.preselected);
}

/** The field as a phrase writes it, and as an inserted phrase leaves it while unfinished. */
export function fieldSource(field: PhraseField): string {
  const escape = (option: string) => option.replace(/[\\|{}]/g, (c) => `\\${c}`);
  switch (field.kind) {
    case 'blank':
      return '***';
    case 'variable':
      return `@${field.name}@`;
    case 'pickOne':
      return `{${field.preselected ? '*' : ''}${field.options.map(escape).join('|')}}`;
    case 'pickMany':
      return `{+${field.options.map(escape).join('|')}}`;
  }
}

/** Text as literal snippet text: `$`, `}` and `\` escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** An option of a snippet choice: there only `,`, `|` and `\` are escapes (VS Code keeps `\}` as written). */
function snippetChoice(text: string): string {
  return text.replace(/[,|\\]/g, (c) => `\\${c}`);
}

export interface PhraseValues {
  /** What each variable is, where known (front matter, today, the clinic settings); missing ones stay fields. */
  readonly variables: Partial<Record<PhraseVariable, string>>;
  /**
   * The options picked for each pick-many list, by its index among the body's pick-many lists
   * (asked for before inserting); a list with no answer stays a field.
   */
  readonly picked?: readonly (readonly string[] | undefined)[];
}

/**
 * A phrase body as a VS Code snippet: each unfinished field a tab stop in order, so Tab walks
 * through them. A blank and an unknown variable are placeholders showing their own source, which
 * typing replaces; a pick-one list is a choice whose first option is the list as written (so an
 * unchosen list stays visibly unfinished) followed by its options; a preselected one a plain
 * choice; a pick-many list the options picked, joined, or its source as a placeholder.
 * Known variables are written in. What stays unfinished reads, once inserted, exactly as the
 * field did in the phrase, so the completeness check finds it in the note.
 */
export function phraseToSnippet(body: string, values: PhraseValues): string {
  const fields = findPhraseFields(body);
  let snippet = '';
  let position = 0;
  let tabStop = 0;
  let pickMany = 0;
  for (const field of fields) {
    snippet += snippetText(body.slice(position, field.start));
    position = field.end;
    if (field.kind === 'variable') {
      const value = values.variables[field.name];
      snippet += value !== undefined && value !== '' ? snippetText(value) : `\${${++tabStop}:${snippetText(fieldSource(field))}}`;
    } else if (field.kind === 'blank') {
      snippet += `\${${++tabStop}:${snippetText(fieldSource(field))}}`;
    } else if (field.kind === 'pickOne') {
      const options = field.preselected ? field.options : [fieldSource(field), ...field.options];
      snippet += `\${${++tabStop}|${options.map(snippetChoice).join(',')}|}`;
    } else {
      const picked = values.picked?.[pickMany++];
      snippet += picked && picked.length > 0 ? snippetText(picked.join(', ')) : `\${${++tabStop}:${snippetText(fieldSource(field))}}`;
    }
  }
  return snippet + snippetText(body.slice(position)) + '$0';
}
