/**
 * Loads glossaries (pure: no `vscode`): the built-in one shipped with the extension and team
 * glossaries found in a workspace. Validation is written by hand to mirror glossary.schema.json
 * (the test suite checks that the two agree) so that a clinician editing a team file gets one
 * clear message per mistake, and the good entries of a file still load around a bad one.
 */
// The schema is small and its section ids are needed at module load; glossary.json is required on
// first use instead (the production build loads it from its own file in dist/, see esbuild.js).
import glossarySchema from './glossary.schema.json';
import type { GlossaryEntry } from './types';

/** Something wrong with a glossary file, worded for the person who edits it. */
export interface GlossaryProblem {
  /** The file as shown to the user, e.g. ".vscode/iliopsoas-glossary.json". */
  readonly file: string;
  /** The whole message, starting with the file and the place in it. */
  readonly message: string;
  /** Index in "entries" of the entry the problem is about, if any. */
  readonly entryIndex?: number;
  /** Offset in the file's text where the problem is, when known (JSON syntax errors). */
  readonly offset?: number;
}

export interface ParsedGlossary {
  readonly entries: GlossaryEntry[];
  readonly problems: GlossaryProblem[];
}

export const BUILT_IN_ORIGIN = 'built-in';

const TOP_LEVEL_PROPERTIES = ['$schema', 'references', 'entries'];
const ENTRY_PROPERTIES = ['term', 'variants', 'abbreviations', 'definition', 'plain', 'sections', 'references'];
const REQUIRED_TEXT_PROPERTIES = ['term', 'definition', 'plain'] as const;
const LIST_PROPERTIES = ['variants', 'abbreviations', 'sections', 'references'] as const;

/** The guide's section ids, kept in one place: the schema's enum, which also drives completion in the editor. */
export const GUIDE_SECTION_IDS: ReadonlySet<string> = new Set(glossarySchema.definitions.entry.properties.sections.items.enum);

let builtInEntries: readonly GlossaryEntry[] | undefined;

/** The glossary shipped with the extension. Throws if it does not validate: that is a bug in the release. */
export function loadBuiltInGlossary(): GlossaryEntry[] {
  if (!builtInEntries) {
    const builtInGlossary = require('./glossary.json') as typeof import('./glossary.json');
    const { entries, problems } = validateGlossary(builtInGlossary, 'glossary.json (built-in)', BUILT_IN_ORIGIN, true);
    if (problems.length > 0) {
      throw new Error(`The built-in glossary is invalid:\n${problems.map((problem) => problem.message).join('\n')}`);
    }
    builtInEntries = entries;
  }
  return [...builtInEntries];
}

/**
 * Reads a team glossary file. Invalid JSON gives no entries and one problem with its line and
 * column. An entry missing its term, definition or plain text, or with a field of the wrong
 * type, is skipped with a problem; smaller mistakes (an unknown property, an unknown section id,
 * an abbreviation without capitals, a repeated variant) drop just that part, with a problem.
 */
export function parseGlossaryFile(text: string, fileLabel: string): ParsedGlossary {
  // Editors may save a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const { description, offset } = describeJsonError(json, error);
    const problem: GlossaryProblem = { file: fileLabel, message: `${fileLabel}: not valid JSON: ${description}` };
    // Offsets are into the file as read, byte-order mark included.
    return { entries: [], problems: [offset === undefined ? problem : { ...problem, offset: offset + text.length - json.length }] };
  }
  return validateGlossary(value, fileLabel, fileLabel, false);
}

function validateGlossary(value: unknown, file: string, origin: string, requireReferences: boolean): ParsedGlossary {
  const problems: GlossaryProblem[] = [];
  const report = (message: string, entryIndex?: number): void => {
    problems.push(entryIndex === undefined ? { file, message: `${file}: ${message}` } : { file, message: `${file}: ${message}`, entryIndex });
  };

  if (!isPlainObject(value)) {
    report(`the file must hold a JSON object with an "entries" array, not ${describeType(value)}`);
    return { entries: [], problems };
  }
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_PROPERTIES.includes(key)) report(`unknown property "${key}" (ignored); a glossary has ${quoteList(TOP_LEVEL_PROPERTIES)}`);
  }
  if ('$schema' in value && (typeof value.$schema !== 'string' || value.$schema.trim() === '')) {
    report(`"$schema" must be a non-empty string`);
  }

  const referenceKeys = new Set<string>();
  if (value.references === undefined) {
    if (requireReferences) report(`"references" is missing; the built-in glossary names the kinds of reference it relies on`);
  } else if (!isPlainObject(value.references)) {
    report(`"references" must be an object of key: description, not ${describeType(value.references)}`);
  } else {
    for (const [key, description] of Object.entries(value.references)) {
      if (typeof description === 'string' && description.trim() !== '') referenceKeys.add(key);
      else report(`references["${key}"] must be a non-empty string describing the reference`);
    }
  }

  if (value.entries === undefined) {
    report(`"entries" is missing; it must be an array of terms`);
    return { entries: [], problems };
  }
  if (!Array.isArray(value.entries)) {
    report(`"entries" must be an array, not ${describeType(value.entries)}`);
    return { entries: [], problems };
  }

  const entries: GlossaryEntry[] = [];
  const firstIndexOfTerm = new Map<string, number>();
  value.entries.forEach((raw: unknown, index: number) => {
    const entry = validateEntry(raw, index, origin, { referenceKeys, requireReferences, report });
    if (!entry) return;
    const key = entry.term.toLowerCase();
    const earlier = firstIndexOfTerm.get(key);
    if (earlier !== undefined) {
      report(`entries[${index}] ("${entry.term}") repeats the term of entries[${earlier}] and is skipped`, index);
      return;
    }
    firstIndexOfTerm.set(key, index);
    entries.push(entry);
  });
  return { entries, problems };
}

interface EntryContext {
  readonly referenceKeys: ReadonlySet<string>;
  readonly requireReferences: boolean;
  readonly report: (message: string, entryIndex?: number) => void;
}

function validateEntry(raw: unknown, index: number, origin: string, context: EntryContext): GlossaryEntry | undefined {
  const report = (message: string): void => context.report(message, index);
  if (!isPlainObject(raw)) {
    report(`entries[${index}] must be an object with "term", "definition" and "plain", not ${describeType(raw)}; it is skipped`);
    return undefined;
  }
  const where = typeof raw.term === 'string' && raw.term.trim() ? `entries[${index}] ("${raw.term.trim()}")` : `entries[${index}]`;

  // Mistakes that leave the entry unusable: it is skipped, with one problem per mistake.
  const fatal: string[] = [];
  const texts: Partial<Record<(typeof REQUIRED_TEXT_PROPERTIES)[number], string>> = {};
  for (const key of REQUIRED_TEXT_PROPERTIES) {
    const field = raw[key];
    if (field === undefined) fatal.push(`${where} has no "${key}"`);
    else if (typeof field !== 'string' || field.trim() === '') fatal.push(`${where}: "${key}" must be a non-empty string, not ${describeType(field)}`);
    else texts[key] = field.trim();
  }
  const lists: Partial<Record<(typeof LIST_PROPERTIES)[number], string[]>> = {};
  for (const key of LIST_PROPERTIES) {
    const field = raw[key];
    if (field === undefined) continue;
    if (!Array.isArray(field)) {
      fatal.push(`${where}: "${key}" must be an array of strings, not ${describeType(field)}`);
      continue;
    }
    const badIndex = field.findIndex((item: unknown) => typeof item !== 'string' || item.trim() === '');
    if (badIndex >= 0) fatal.push(`${where}: ${key}[${badIndex}] must be a non-empty string, not ${describeType(field[badIndex])}`);
    else {
      // Variants match ignoring case, abbreviations with exact case: "NSAIDs" and "NSAIDS" are two.
      const ignoreCase = key !== 'abbreviations';
      lists[key] = dropRepeats((field as string[]).map((item) => item.trim()), ignoreCase, (item) => report(`${where}: "${item}" appears twice in "${key}"`));
    }
  }
  if (fatal.length > 0 || texts.term === undefined || texts.definition === undefined || texts.plain === undefined) {
    for (const message of fatal) report(`${message}; the entry is skipped`);
    return undefined;
  }
  const { term, definition, plain } = texts;

  // Smaller mistakes drop just the part that is wrong.
  for (const key of Object.keys(raw)) {
    if (!ENTRY_PROPERTIES.includes(key)) report(`${where}: unknown property "${key}" (ignored); an entry has ${quoteList(ENTRY_PROPERTIES)}`);
  }
  const variants = (lists.variants ?? []).filter((variant) => {
    const isTerm = variant.toLowerCase() === term.toLowerCase();
    if (isTerm) report(`${where}: variant "${variant}" is the term itself and is ignored`);
    return !isTerm;
  });
  // Abbreviations match with exact case; one without capitals would mark ordinary words.
  const abbreviations = (lists.abbreviations ?? []).filter((abbreviation) => {
    const hasCapital = /\p{Lu}/u.test(abbreviation);
    if (!hasCapital) report(`${where}: abbreviation "${abbreviation}" has no capital letter and is ignored; it would match ordinary words`);
    return hasCapital;
  });
  const sections = (lists.sections ?? []).filter((id) => {
    const known = GUIDE_SECTION_IDS.has(id);
    if (!known) report(`${where}: "${id}" is not a section of the guide and is ignored`);
    return known;
  });
  for (const key of lists.references ?? []) {
    if (!context.referenceKeys.has(key)) report(`${where}: reference "${key}" is not a key of the top-level "references"`);
  }
  if (context.requireReferences && (lists.references ?? []).length === 0) report(`${where} names no "references"`);

  return { term, variants, abbreviations, definition, plain, sections, origin };
}

/**
 * The built-in entries with each team file applied in order: a later entry replaces an earlier
 * one with the same term (ignoring case), or whose term it lists among its variants. Forms the
 * later entry claims are removed from the variants and abbreviations of the entries it keeps,
 * so each written form leads to one entry.
 */
export function mergeGlossaries(builtIn: readonly GlossaryEntry[], teamFiles: readonly (readonly GlossaryEntry[])[]): GlossaryEntry[] {
  let merged: GlossaryEntry[] = [...builtIn];
  for (const file of teamFiles) {
    for (const entry of file) {
      const claimedForms = new Set([entry.term, ...entry.variants].map((form) => form.toLowerCase()));
      const claimedAbbreviations = new Set(entry.abbreviations);
      const replaced = merged.findIndex((existing) => existing.term.toLowerCase() === entry.term.toLowerCase());
      merged = merged
        .map((existing, index) => (index === replaced ? entry : existing))
        .filter((existing) => existing === entry || !claimedForms.has(existing.term.toLowerCase()))
        .map((existing) =>
          existing === entry
            ? existing
            : {
                ...existing,
                variants: existing.variants.filter((variant) => !claimedForms.has(variant.toLowerCase())),
                abbreviations: existing.abbreviations.filter((abbreviation) => !claimedAbbreviations.has(abbreviation)),
              },
        );
      if (replaced < 0) merged.push(entry);
    }
  }
  return merged;
}

function dropRepeats(items: readonly string[], ignoreCase: boolean, onRepeat: (item: string) => void): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = ignoreCase ? item.toLowerCase() : item;
    if (seen.has(key)) {
      onRepeat(item);
      return false;
    }
    seen.add(key);
    return true;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'a string';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

// ---- JSON syntax errors

/** "unexpected "}" at line 4, column 3; expected a property name in double quotes". */
function describeJsonError(text: string, error: unknown): { description: string; offset?: number } {
  const found = findJsonSyntaxError(text);
  if (found) {
    const { line, column } = lineAndColumn(text, found.offset);
    const what = found.offset >= text.length ? 'end of file' : describeCharacter(text[found.offset]);
    // The commonest slip when editing by hand: a comma after the last item.
    const trailingComma = /[}\]]/.test(text[found.offset] ?? '') && /,\s*$/.test(text.slice(0, found.offset));
    const hint = trailingComma ? ' (remove the comma after the last item)' : '';
    return { description: `unexpected ${what} at line ${line}, column ${column}; expected ${found.expected}${hint}`, offset: found.offset };
  }
  // Our scanner and V8 should agree on every input; if not, V8's own words are the best we have.
  return { description: error instanceof Error ? error.message : String(error) };
}

function describeCharacter(character: string): string {
  if (character === '\n' || character === '\r') return 'line break';
  if (character === '\t') return 'tab';
  if (character === '"') return 'quote mark';
  if (character < ' ') return `control character U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${character}"`;
}

/** 1-based line and column (in UTF-16 units, as VS Code counts them) of an offset in the text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Where JSON.parse would stop and what it wanted there. V8's messages give an offset only for
 * some errors, and Node 20 and 24 word them differently, so a small scanner of the JSON grammar
 * (RFC 8259) finds the place itself.
 */
export function findJsonSyntaxError(text: string): { offset: number; expected: string } | undefined {
  let position = 0;
  class Stop {
    constructor(readonly expected: string) {}
  }
  const stop = (expected: string): never => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- control flow, caught below; a stack trace would be wasted work
    throw new Stop(expected);
  };
  const skipWhitespace = (): void => {
    while (position < text.length && ' \t\n\r'.includes(text[position])) position++;
  };
  const consume = (character: string, expected: string): void => {
    if (text[position] !== character) stop(expected);
    position++;
  };

  const scanString = (): void => {
    position++; // the opening quote
    while (text[position] !== '"') {
      if (position >= text.length) stop('a closing quote');
      if (text[position] < ' ') stop('a closing quote on the same line (write a line break as \\n)');
      if (text[position] === '\\') {
        position++;
        if (text[position] === 'u') {
          const hexDigits = /^[0-9a-fA-F]{0,4}/.exec(text.slice(position + 1, position + 5))![0].length;
          position += 1 + hexDigits;
          if (hexDigits < 4) stop('four hex digits after \\u');
        } else {
          if (position >= text.length || !'"\\/bfnrt'.includes(text[position])) stop('an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u');
          position++;
        }
      } else {
        position++;
      }
    }
    position++; // the closing quote
  };

  const scanObject = (): void => {
    position++; // {
    skipWhitespace();
    if (text[position] === '}') {
      position++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[position] !== '"') stop('a property name in double quotes');
      scanString();
      skipWhitespace();
      consume(':', '":" after the property name');
      scanValue();
      skipWhitespace();
      if (text[position] !== ',') return consume('}', '"," or "}"');
      position++;
    }
  };

  const scanArray = (): void => {
    position++; // [
    skipWhitespace();
    if (text[position] === ']') {
      position++;
      return;
    }
    for (;;) {
      scanValue();
      skipWhitespace();
      if (text[position] !== ',') return consume(']', '"," or "]"');
      position++;
    }
  };

  const isDigit = (): boolean => /[0-9]/.test(text[position] ?? '');
  const scanDigits = (expected: string): void => {
    if (!isDigit()) stop(expected);
    while (isDigit()) position++;
  };
  const scanNumber = (): void => {
    if (text[position] === '-') position++;
    if (text[position] === '0') position++;
    else scanDigits('a digit');
    if (text[position] === '.') {
      position++;
      scanDigits('a digit after the decimal point');
    }
    if (text[position] === 'e' || text[position] === 'E') {
      position++;
      if (text[position] === '+' || text[position] === '-') position++;
      scanDigits('a digit in the exponent');
    }
  };

  const scanValue = (): void => {
    skipWhitespace();
    const character = text[position] ?? '';
    if (character === '{') return scanObject();
    if (character === '[') return scanArray();
    if (character === '"') return scanString();
    if (character === '-' || isDigit()) return scanNumber();
    const literal = ['true', 'false', 'null'].find((word) => word[0] === character);
    if (literal) {
      for (const letter of literal) consume(letter, `"${literal}"`);
      return;
    }
    stop('a value: a string in double quotes, a number, an object, an array, true, false or null');
  };

  try {
    scanValue();
    skipWhitespace();
    if (position < text.length) stop('the end of the file after the top-level value');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: position, expected: error.expected };
    throw error;
  }
}
