/**
 * Reads glossary files (pure: no `vscode`): the built-in one shipped with the extension and team
 * glossary files found in a workspace (parsed with jsonc-parser, so every problem has its place).
 * Validation is written by hand to mirror glossary.schema.json (the test suite checks that the
 * two agree) so that a clinician editing a team file gets one clear message per mistake, and the
 * good entries of a file still load around a bad one. Merging team files over the built-in
 * glossary is merge.ts; checks across a whole glossary are the tests' (test/content).
 */
import type { FormIndexPlan } from './matching/forms';
// The schema and glossary.json are required on first use (the production build loads them from
// their own files in dist/, see esbuild.js).
import type { Node as JsonNode, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { withoutInvisibles } from '../util/messageText';
import { splitForm } from './matching/words';
import { spinalLevelEntries } from './spinalLevels';
import type { GlossaryCategory, GlossaryEntry } from './types';

/** Something wrong with a glossary file, worded for the person who edits it. */
export interface GlossaryProblem {
  /** The file as shown to the user, e.g. ".vscode/iliopsoas-glossary.json". */
  readonly file: string;
  /** The whole message, starting with the file and the place in it. */
  readonly message: string;
  /** Index in "entries" of the entry the problem is about, if any. */
  readonly entryIndex?: number;
  /** Offset in the file's text where the problem is: the entry, property or character at fault. */
  readonly offset?: number;
  /** How many characters from `offset` are at fault (0 or absent: a point). */
  readonly length?: number;
}

/** A place in a JSON document: property names and array indexes from the root. */
type JsonPath = readonly (string | number)[];
/** A stretch of the file's text. */
interface Range {
  readonly offset: number;
  readonly length: number;
}
/** Where things are in the file, when it was parsed with positions. */
interface Places {
  /** Where a path's node is (a property's: its name and value). */
  readonly locate: (path: JsonPath) => Range | undefined;
  /** The properties of the object at a path whose name an earlier property of it has. */
  readonly repeatedKeys: (path: JsonPath) => { readonly key: string; readonly range: Range }[];
}
const NO_PLACES: Places = { locate: () => undefined, repeatedKeys: () => [] };

export interface ParsedGlossary {
  readonly entries: GlossaryEntry[];
  readonly problems: GlossaryProblem[];
}

export const BUILT_IN_ORIGIN = 'built-in';

const TOP_LEVEL_PROPERTIES = ['$schema', 'references', 'entries'];
const ENTRY_PROPERTIES = ['term', 'variants', 'abbreviations', 'category', 'definition', 'plain', 'sections', 'references', 'notIn'];
const REQUIRED_TEXT_PROPERTIES = ['term', 'definition', 'plain'] as const;
const LIST_PROPERTIES = ['variants', 'abbreviations', 'sections', 'references', 'notIn'] as const;
/** The categories the Terms view groups a note's terms by (the schema's enum). */
let schema: typeof import('./glossary.schema.json') | undefined;
/** The schema, read on first use (the production build loads it from its own file in dist/, see esbuild.js). */
function glossarySchema(): typeof import('./glossary.schema.json') {
  return (schema ??= require('./glossary.schema.json') as typeof import('./glossary.schema.json'));
}

let categories: readonly GlossaryCategory[] | undefined;
/** The categories an entry may have, as the schema lists them. */
export function glossaryCategories(): readonly GlossaryCategory[] {
  return (categories ??= glossarySchema().definitions.entry.properties.category.enum as GlossaryCategory[]);
}

// Bounds far above any real term (the built-in glossary's longest form has 5 words and 37
// characters): scanning a note costs its words times a form's words, and a 2,000-word team term
// made a 200 KB note take seconds.
const MAX_FORM_WORDS = 12;
const MAX_FORM_CHARACTERS = 100;
/** A definition or plain text is shown in a hover; the longest built-in one has under 700 characters. */
const MAX_TEXT_CHARACTERS = 2000;
/** How much of a term, variant or property name a message quotes. */
const MAX_QUOTED_CHARACTERS = 80;

/** The guide's section ids, kept in one place: the schema's enum, which also drives completion in the editor. */
let sectionIds: ReadonlySet<string> | undefined;
/** The guide sections an entry may link to, as the schema lists them. */
export function guideSectionIds(): ReadonlySet<string> {
  return (sectionIds ??= new Set(glossarySchema().definitions.entry.properties.sections.items.enum));
}

let builtInEntries: readonly GlossaryEntry[] | undefined;

/**
 * The glossary shipped with the extension: glossary.json and the spinal level entries generated
 * from their table (spinalLevels.ts).
 */
export function loadBuiltInGlossary(): GlossaryEntry[] {
  return [...writtenBuiltInEntries(), ...spinalLevelEntries()];
}

/**
 * The build's plan of the shipped glossary's index (the chunk dist/glossary-index.json, made by
 * esbuild.js from these very entries), or undefined where there is none: run from the sources, as
 * the unit tests do, or in the one-file web build. Then the plan is computed at first use.
 */
export function builtInFormIndexPlan(): FormIndexPlan | undefined {
  try {
    return require('./glossary-index.json') as FormIndexPlan;
  } catch {
    return undefined;
  }
}

/** Whether glossary.json has been read (activation must not: the benchmark checks). */
export function isBuiltInGlossaryLoaded(): boolean {
  return builtInEntries !== undefined;
}

/**
 * The entries of glossary.json alone, read as they are: the shipped file is checked by the unit
 * tests (it validates without a problem, and validating gives exactly these entries), so the
 * first hover does not pay for checking 300 entries again.
 */
export function writtenBuiltInEntries(): readonly GlossaryEntry[] {
  if (!builtInEntries) {
    const builtInGlossary = require('./glossary.json') as { references: Readonly<Record<string, string>>; entries: readonly ShippedEntry[] };
    const citation = new Map(Object.entries(builtInGlossary.references));
    builtInEntries = builtInGlossary.entries.map(
      (entry): GlossaryEntry => ({
        term: entry.term,
        variants: entry.variants ?? [],
        abbreviations: entry.abbreviations ?? [],
        definition: entry.definition,
        plain: entry.plain,
        sections: entry.sections ?? [],
        origin: BUILT_IN_ORIGIN,
        ...(entry.category ? { category: entry.category } : {}),
        ...(entry.notIn ? { notIn: entry.notIn } : {}),
        ...referencesOf(entry.references ?? [], citation),
      }),
    );
  }
  return builtInEntries;
}

/** An entry as glossary.json writes it: the optional lists may be left out. */
interface ShippedEntry {
  readonly term: string;
  readonly variants?: string[];
  readonly abbreviations?: string[];
  readonly category?: GlossaryCategory;
  readonly definition: string;
  readonly plain: string;
  readonly sections?: string[];
  readonly references?: string[];
  readonly notIn?: string[];
}

/** An entry's reference keys as the descriptions its file gives them (unknown keys are left out: the file's check reports them). */
function referencesOf(keys: readonly string[], citation: ReadonlyMap<string, string>): { references?: readonly string[] } {
  const references = keys.flatMap((key) => {
    const description = citation.get(key);
    return description === undefined ? [] : [description];
  });
  return references.length > 0 ? { references } : {};
}

/** glossary.json read and checked as a team file is: its entries and problems (the unit tests use it). */
export function validatedBuiltInGlossary(): ParsedGlossary {
  const builtInGlossary = require('./glossary.json') as typeof import('./glossary.json');
  return validateGlossary(builtInGlossary, 'glossary.json (built-in)', BUILT_IN_ORIGIN, true);
}

/**
 * Reads a team glossary file. Invalid JSON gives no entries and one problem with its line and
 * column. An entry missing its term, definition or plain text, with a field of the wrong type,
 * with a text too long or a term that cannot be matched as written (see formProblem), is
 * skipped with a problem; smaller mistakes (an unknown property, an unknown section id, an
 * abbreviation without capitals, a repeated variant, a variant or abbreviation that cannot be
 * matched as written) drop just that part, with a problem. A property given twice is warned of.
 * Terms and texts are read in NFC, and forms without invisible characters (see cleanForm).
 */
export function parseGlossaryFile(text: string, fileLabel: string): ParsedGlossary {
  // Editors may save a byte-order mark, which JSON.parse rejects; offsets count it.
  const mark = text.startsWith('\uFEFF') ? 1 : 0;
  const json = text.slice(mark);
  const { syntaxError, depth } = checkJson(json);
  if (syntaxError) {
    const { line, column } = lineAndColumn(json, syntaxError.offset);
    const what = syntaxError.offset >= json.length ? 'end of file' : describeCharacter(json[syntaxError.offset]);
    // The commonest slip when editing by hand: a comma after the last item.
    const trailingComma = /[}\]]/.test(json[syntaxError.offset] ?? '') && /,\s*$/.test(json.slice(0, syntaxError.offset));
    const hint = trailingComma ? ' (remove the comma after the last item)' : '';
    const message = `${fileLabel}: not valid JSON: unexpected ${what} at line ${line}, column ${column}; expected ${syntaxError.expected}${hint}`;
    return { entries: [], problems: [{ file: fileLabel, message, offset: syntaxError.offset + mark }] };
  }
  // JSON.parse for the values (it keeps "__proto__" an ordinary key); jsonc-parser's tree for where each one is.
  const value: unknown = JSON.parse(json);
  // parseTree recurses per level: a file nested deeper than any glossary is checked without places.
  const tree = depth <= MAX_LOCATED_DEPTH ? jsonc().parseTree(json) : undefined;
  const places: Places = {
    locate: (path) => {
      const node = tree && nodeAt(tree, path);
      if (!node) return undefined;
      // A property's problem covers its name and value.
      const at = node.parent?.type === 'property' ? node.parent : node;
      return { offset: at.offset + mark, length: at.length };
    },
    repeatedKeys: (path) => {
      const node = tree && nodeAt(tree, path);
      if (node?.type !== 'object') return [];
      const seen = new Set<string>();
      const repeats: { key: string; range: Range }[] = [];
      for (const property of node.children ?? []) {
        const key: unknown = property.children?.[0]?.value;
        if (typeof key !== 'string') continue;
        if (seen.has(key)) repeats.push({ key, range: { offset: property.offset + mark, length: property.length } });
        seen.add(key);
      }
      return repeats;
    },
  };
  return validateGlossary(value, fileLabel, fileLabel, false, places);
}

/**
 * The node at a path of the tree. Of properties with the same name the last is taken, as
 * JSON.parse takes its value (jsonc-parser's findNodeAtLocation takes the first).
 */
function nodeAt(root: JsonNode, path: JsonPath): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
      continue;
    }
    let value: JsonNode | undefined;
    if (node.type === 'object') {
      for (const property of node.children ?? []) if (property.children?.length === 2 && property.children[0].value === segment) value = property.children[1];
    }
    node = value;
  }
  return node;
}

function validateGlossary(value: unknown, file: string, origin: string, requireReferences: boolean, places: Places = NO_PLACES): ParsedGlossary {
  const problems: GlossaryProblem[] = [];
  /** A problem at `at`, a path or a range (by default the entry, or the whole file). */
  const report = (message: string, entryIndex?: number, at?: JsonPath | Range): void => {
    const path = at ?? (entryIndex === undefined ? [] : ['entries', entryIndex]);
    const where = isRange(path) ? path : places.locate(path);
    problems.push({
      file,
      message: `${file}: ${message}`,
      ...(entryIndex === undefined ? {} : { entryIndex }),
      ...(where ? { offset: where.offset, length: where.length } : {}),
    });
  };

  if (!isPlainObject(value)) {
    report(`the file must hold a JSON object with an "entries" array, not ${describeType(value)}`);
    return { entries: [], problems };
  }
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_PROPERTIES.includes(key)) report(`unknown property "${shown(key)}" (ignored); a glossary has ${quoteList(TOP_LEVEL_PROPERTIES)}`, undefined, [key]);
  }
  // JSON.parse keeps the last of properties with the same name; the earlier ones would vanish unseen.
  for (const { key, range } of places.repeatedKeys([])) report(`"${shown(key)}" appears twice; the last one is used`, undefined, range);
  if ('$schema' in value && (typeof value.$schema !== 'string' || value.$schema.trim() === '')) {
    report(`"$schema" must be a non-empty string`, undefined, ['$schema']);
  }

  const citations = new Map<string, string>();
  if (value.references === undefined) {
    if (requireReferences) report(`"references" is missing; the built-in glossary names the kinds of reference it relies on`);
  } else if (!isPlainObject(value.references)) {
    report(`"references" must be an object of key: description, not ${describeType(value.references)}`, undefined, ['references']);
  } else {
    for (const [key, description] of Object.entries(value.references)) {
      if (typeof description === 'string' && description.trim() !== '') citations.set(key, description);
      else report(`references["${shown(key)}"] must be a non-empty string describing the reference`, undefined, ['references', key]);
    }
    for (const { key, range } of places.repeatedKeys(['references'])) report(`references["${shown(key)}"] appears twice; the last one is used`, undefined, range);
  }

  if (value.entries === undefined) {
    report(`"entries" is missing; it must be an array of terms`);
    return { entries: [], problems };
  }
  if (!Array.isArray(value.entries)) {
    report(`"entries" must be an array, not ${describeType(value.entries)}`, undefined, ['entries']);
    return { entries: [], problems };
  }

  const entries: GlossaryEntry[] = [];
  const firstIndexOfTerm = new Map<string, number>();
  value.entries.forEach((raw: unknown, index: number) => {
    const entry = validateEntry(raw, index, origin, { citations, requireReferences, report, repeatedKeys: places.repeatedKeys });
    if (!entry) return;
    const key = entry.term.toLowerCase();
    const earlier = firstIndexOfTerm.get(key);
    if (earlier !== undefined) {
      report(`entries[${index}] ("${shown(entry.term)}") repeats the term of entries[${earlier}] and is skipped`, index);
      return;
    }
    firstIndexOfTerm.set(key, index);
    entries.push(entry);
  });
  return { entries, problems };
}

interface EntryContext {
  /** The top-level "references": key to description. */
  readonly citations: ReadonlyMap<string, string>;
  readonly requireReferences: boolean;
  readonly report: (message: string, entryIndex?: number, at?: JsonPath | Range) => void;
  readonly repeatedKeys: Places['repeatedKeys'];
}

function validateEntry(raw: unknown, index: number, origin: string, context: EntryContext): GlossaryEntry | undefined {
  /** A problem of the entry, at the property or item (`at`) it is about. */
  const report = (message: string, ...at: (string | number)[]): void => context.report(message, index, ['entries', index, ...at]);
  /** Where an item of a list property is, by its text as read. */
  const itemAt = (key: (typeof LIST_PROPERTIES)[number], item: string): (string | number)[] => {
    const list = isPlainObject(raw) ? raw[key] : undefined;
    const read = isFormList(key) ? cleanForm : (text: string) => text.trim();
    const position = Array.isArray(list) ? list.findIndex((candidate: unknown) => typeof candidate === 'string' && read(candidate) === item) : -1;
    return position >= 0 ? [key, position] : [key];
  };
  if (!isPlainObject(raw)) {
    report(`entries[${index}] must be an object with "term", "definition" and "plain", not ${describeType(raw)}; it is skipped`);
    return undefined;
  }
  const shownTerm = typeof raw.term === 'string' ? cleanForm(raw.term) : '';
  const where = shownTerm ? `entries[${index}] ("${shown(shownTerm)}")` : `entries[${index}]`;
  for (const { key, range } of context.repeatedKeys(['entries', index])) context.report(`${where}: "${shown(key)}" appears twice; the last one is used`, index, range);

  // Mistakes that leave the entry unusable: it is skipped, with one problem per mistake (at the
  // property at fault, if given).
  const fatal: { message: string; at?: string }[] = [];
  const texts: Partial<Record<(typeof REQUIRED_TEXT_PROPERTIES)[number], string>> = {};
  for (const key of REQUIRED_TEXT_PROPERTIES) {
    const field = raw[key];
    if (field === undefined) fatal.push({ message: `${where} has no "${key}"` });
    else if (typeof field !== 'string' || field.trim() === '') fatal.push({ message: `${where}: "${key}" must be a non-empty string, not ${describeType(field)}` });
    else {
      // Written in NFC, as notes are read: "é" as one character or two is the same text.
      const text = key === 'term' ? cleanForm(field) : field.trim().normalize('NFC');
      const problem: FormProblem | undefined =
        key === 'term' ? formProblem(text) : characterCount(text) > MAX_TEXT_CHARACTERS ? { fault: 'is too long', bound: `at most ${MAX_TEXT_CHARACTERS.toLocaleString('en')} characters` } : undefined;
      const detail = problem?.bound ?? problem?.consequence;
      if (problem) fatal.push({ message: `${where}: "${key}" ${problem.fault}${problem.aside ?? ''}${detail ? `: ${detail}` : ''}`, at: key });
      else texts[key] = text;
    }
  }
  const lists: Partial<Record<(typeof LIST_PROPERTIES)[number], string[]>> = {};
  for (const key of LIST_PROPERTIES) {
    const field = raw[key];
    if (field === undefined) continue;
    if (!Array.isArray(field)) {
      fatal.push({ message: `${where}: "${key}" must be an array of strings, not ${describeType(field)}` });
      continue;
    }
    const badIndex = field.findIndex((item: unknown) => typeof item !== 'string' || item.trim() === '');
    if (badIndex >= 0) fatal.push({ message: `${where}: ${key}[${badIndex}] must be a non-empty string, not ${describeType(field[badIndex])}` });
    else {
      let items = (field as string[]).map(isFormList(key) ? cleanForm : (item) => item.trim());
      if (isFormList(key)) {
        const noun = key === 'variants' ? 'variant' : key === 'notIn' ? 'phrase' : 'abbreviation';
        items = items.filter((item, position) => {
          const problem = formProblem(item);
          if (!problem) return true;
          // A form of invisible characters only is named by its place.
          const name = item === '' ? `${key}[${position}]` : `${noun} "${shown(item)}"`;
          const bound = problem.bound ? ` (${problem.bound})` : '';
          const consequence = problem.consequence ? `: ${problem.consequence}` : '';
          report(`${where}: ${name} ${problem.fault}${problem.aside ? `${problem.aside},` : ''}${bound} and is ignored${consequence}`, key, position);
          return false;
        });
      }
      // Variants match ignoring case, abbreviations with exact case: "NSAIDs" and "NSAIDS" are two.
      const ignoreCase = key !== 'abbreviations';
      lists[key] = dropRepeats(items, ignoreCase, (item) => report(`${where}: "${shown(item)}" appears twice in "${key}"`, key));
    }
  }
  if (fatal.length > 0 || texts.term === undefined || texts.definition === undefined || texts.plain === undefined) {
    for (const { message, at } of fatal) report(`${message}; the entry is skipped`, ...(at === undefined ? [] : [at]));
    return undefined;
  }
  const { term, definition, plain } = texts;

  // Smaller mistakes drop just the part that is wrong.
  for (const key of Object.keys(raw)) {
    if (!ENTRY_PROPERTIES.includes(key)) report(`${where}: unknown property "${shown(key)}" (ignored); an entry has ${quoteList(ENTRY_PROPERTIES)}`, key);
  }
  const variants = (lists.variants ?? []).filter((variant) => {
    const isTerm = variant.toLowerCase() === term.toLowerCase();
    if (isTerm) report(`${where}: variant "${shown(variant)}" is the term itself and is ignored`, ...itemAt('variants', variant));
    return !isTerm;
  });
  // Abbreviations match with exact case; one without capitals would mark ordinary words.
  const abbreviations = (lists.abbreviations ?? []).filter((abbreviation) => {
    const hasCapital = /\p{Lu}/u.test(abbreviation);
    if (!hasCapital) report(`${where}: abbreviation "${shown(abbreviation)}" has no capital letter and is ignored; it would match ordinary words`, ...itemAt('abbreviations', abbreviation));
    return hasCapital;
  });
  const sections = (lists.sections ?? []).filter((id) => {
    const known = guideSectionIds().has(id);
    if (!known) report(`${where}: "${shown(id)}" is not a section of the guide and is ignored`, ...itemAt('sections', id));
    return known;
  });
  for (const key of lists.references ?? []) {
    if (!context.citations.has(key)) report(`${where}: reference "${shown(key)}" is not a key of the top-level "references"`, ...itemAt('references', key));
  }
  if (context.requireReferences && (lists.references ?? []).length === 0) report(`${where} names no "references"`);

  const category = glossaryCategories().find((known) => known === raw.category);
  if (raw.category !== undefined && !category) {
    report(`${where}: "category" must be one of ${quoteList(glossaryCategories())}, not ${typeof raw.category === 'string' ? `"${shown(raw.category)}"` : describeType(raw.category)}; it is ignored`, 'category');
  }
  // A phrase the entry does not apply in must hold one of its forms, or it silences nothing of the entry's.
  const forms = [term, ...variants, ...abbreviations].map((form) => form.toLowerCase());
  const notIn = (lists.notIn ?? []).filter((phrase) => {
    const holdsForm = forms.some((form) => containsWords(phrase.toLowerCase(), form));
    if (!holdsForm) report(`${where}: notIn phrase "${shown(phrase)}" does not contain the term or one of its variants, so it would silence nothing; it is ignored`, ...itemAt('notIn', phrase));
    return holdsForm;
  });

  return {
    term,
    variants,
    abbreviations,
    definition,
    plain,
    sections,
    origin,
    ...(category ? { category } : {}),
    ...(notIn.length > 0 ? { notIn } : {}),
    ...referencesOf(lists.references ?? [], context.citations),
  };
}

/** Whether `phrase` holds `form` as whole words (both lower-cased): "renal pelvis" holds "pelvis", "pelvises" too. */
function containsWords(phrase: string, form: string): boolean {
  for (let at = phrase.indexOf(form); at >= 0; at = phrase.indexOf(form, at + 1)) {
    const before = at === 0 ? '' : phrase[at - 1];
    if (before === '' || !/[\p{L}\p{N}]/u.test(before)) return true;
  }
  return false;
}

function isFormList(key: (typeof LIST_PROPERTIES)[number]): key is 'variants' | 'abbreviations' | 'notIn' {
  return key === 'variants' || key === 'abbreviations' || key === 'notIn';
}

/**
 * A term, variant or abbreviation as it is matched and shown: in NFC, without bidirectional
 * controls or zero-width characters (invisible, they would make a form that looks like a word
 * of a note match nothing, or quote differently from what it is), trimmed.
 */
function cleanForm(form: string): string {
  return withoutInvisibles(form).normalize('NFC').trim();
}

/** What is wrong with a form: the fault, then a clause on it, then the bound it breaks or what it would do. */
interface FormProblem {
  readonly fault: string;
  readonly aside?: string;
  readonly bound?: string;
  readonly consequence?: string;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const NOT_WORD_AT_EDGES = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;

/**
 * Why a term, variant or abbreviation cannot be used, if it cannot. Notes are matched on a form's
 * words alone: "c++" would mark every "c" and "(a)" every "a", so a form starts and ends with a
 * letter or digit (a final full stop, as in "Dr.", is allowed: what it marks is what it says).
 * Nor may a form be one letter or digit, which would mark every one in a note.
 */
function formProblem(form: string): FormProblem | undefined {
  if (characterCount(form) > MAX_FORM_CHARACTERS || splitForm(form).words.length > MAX_FORM_WORDS) {
    return { fault: 'is too long', bound: `at most ${MAX_FORM_WORDS} words and ${MAX_FORM_CHARACTERS} characters` };
  }
  const lettersAndDigits = form.match(LETTER_OR_DIGIT) ?? [];
  if (lettersAndDigits.length === 0) return { fault: 'has no letter or digit' };
  const marks = `it would mark every "${shown(form.replace(NOT_WORD_AT_EDGES, ''))}"`;
  const characters = [...form];
  const first = characters[0];
  // A final full stop after a word character is allowed: the character before it is the edge.
  const last = characters.length > 1 && characters[characters.length - 1] === '.' ? characters[characters.length - 2] : characters[characters.length - 1];
  const edge = !WORD_CHARACTER.test(first) ? `starts with "${first}"` : !WORD_CHARACTER.test(last) ? `ends with "${last}"` : undefined;
  if (edge) return { fault: edge, aside: ', which notes are not matched on', consequence: marks };
  if (lettersAndDigits.length === 1) return { fault: /\p{N}/u.test(lettersAndDigits[0]) ? 'is a single digit' : 'is a single letter', consequence: marks };
  return undefined;
}

function isRange(at: JsonPath | Range): at is Range {
  return !Array.isArray(at);
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * File text quoted in a message: without bidirectional controls or zero-width characters (the
 * Problems view shows messages as they are), and a long one shortened, so that a 2,000-word
 * term makes no 2,000-word message.
 */
function shown(file: string): string {
  const text = withoutInvisibles(file);
  if (text.length <= MAX_QUOTED_CHARACTERS) return text;
  const characters = [...text];
  return characters.length <= MAX_QUOTED_CHARACTERS ? text : `${characters.slice(0, MAX_QUOTED_CHARACTERS).join('')}…`;
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

// ---- JSON syntax errors, found by jsonc-parser (Microsoft's, as VS Code's JSON support uses)

type JsoncParser = typeof import('jsonc-parser');
let jsoncParser: JsoncParser | undefined;
/** jsonc-parser, loaded on first use (the production build puts it in a file of its own). */
function jsonc(): JsoncParser {
  return (jsoncParser ??= require('jsonc-parser') as JsoncParser);
}

const EXPECTED_VALUE = 'a value: a string in double quotes, a number, an object, an array, true, false or null';
const EXPECTED_CLOSING_QUOTE_ON_LINE = 'a closing quote on the same line (write a line break as \\n)';

/** How deep a file may nest for its problems to be placed: a glossary nests 4 deep. */
const MAX_LOCATED_DEPTH = 64;

/**
 * Where the text stops being JSON and what was expected there, worded for a person editing the
 * file: the first error jsonc-parser reports, placed on the character at fault (jsonc-parser
 * reports a bad string or number at its first character; V8 and people look at the bad one).
 * Iterative, so no depth of nesting can overflow the stack. Undefined for valid JSON.
 */
export function findJsonSyntaxError(text: string): { offset: number; expected: string } | undefined {
  return checkJson(text).syntaxError;
}

/** The syntax error of the text, if any, and how deep its arrays and objects nest (as far as it got). */
function checkJson(text: string): { syntaxError: { offset: number; expected: string } | undefined; depth: number } {
  const { error: first, depth } = firstJsonError(text);
  return { syntaxError: first && describeJsonError(text, first), depth };
}

/** The first syntax error as the message words it, on the character at fault. */
function describeJsonError(text: string, { error, offset, length, containers }: FirstJsonError): { offset: number; expected: string } {
  const { ParseErrorCode } = jsonc();
  const token = text.slice(offset, offset + length);
  // jsonc-parser ends a container before it reports the missing bracket: that error names it.
  const inObject =
    error === ParseErrorCode.CloseBraceExpected || (error !== ParseErrorCode.CloseBracketExpected && containers[containers.length - 1] === 'object');
  const inContainer = containers.length > 0 || error === ParseErrorCode.CloseBraceExpected || error === ParseErrorCode.CloseBracketExpected;
  const closer = inObject ? '"," or "}"' : '"," or "]"';
  // Right after "[", "{" or ",", what is missing is the next item, not the closing bracket.
  const previous = /(\S)\s*$/.exec(text.slice(0, offset))?.[1];
  const atItemStart = previous === ',' || previous === (inObject ? '{' : '[');
  const structural = [ParseErrorCode.CommaExpected, ParseErrorCode.CloseBraceExpected, ParseErrorCode.CloseBracketExpected, ParseErrorCode.ValueExpected];
  if (atItemStart && inContainer && structural.includes(error)) {
    return { offset, expected: inObject ? 'a property name in double quotes' : EXPECTED_VALUE };
  }
  switch (error) {
    case ParseErrorCode.PropertyNameExpected:
      return { offset, expected: 'a property name in double quotes' };
    case ParseErrorCode.ColonExpected:
      return { offset, expected: '":" after the property name' };
    case ParseErrorCode.CommaExpected:
      return { offset, expected: closer };
    case ParseErrorCode.CloseBraceExpected:
      return { offset, expected: '"," or "}"' };
    case ParseErrorCode.CloseBracketExpected:
      return { offset, expected: '"," or "]"' };
    case ParseErrorCode.EndOfFileExpected:
      return { offset, expected: 'the end of the file after the top-level value' };
    case ParseErrorCode.UnexpectedEndOfString: {
      const end = offset + length;
      return { offset: end, expected: end >= text.length ? 'a closing quote' : EXPECTED_CLOSING_QUOTE_ON_LINE };
    }
    case ParseErrorCode.InvalidCharacter: {
      const control = [...token].findIndex((character) => character < ' ');
      return { offset: offset + Math.max(0, control), expected: EXPECTED_CLOSING_QUOTE_ON_LINE };
    }
    case ParseErrorCode.InvalidEscapeCharacter: {
      const escape = /\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])|\\/g;
      let bad = token.indexOf('\\') + 1;
      for (const match of token.matchAll(escape)) {
        if (match[0] === '\\') {
          bad = match.index + 1;
          break;
        }
      }
      return { offset: offset + bad, expected: 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u' };
    }
    case ParseErrorCode.InvalidUnicode: {
      const unicode = /\\u([0-9a-fA-F]{0,4})/g;
      let bad = 0;
      for (const match of token.matchAll(unicode)) {
        if (match[1].length < 4) {
          bad = match.index + 2 + match[1].length;
          break;
        }
      }
      return { offset: offset + bad, expected: 'four hex digits after \\u' };
    }
    case ParseErrorCode.UnexpectedEndOfNumber:
    case ParseErrorCode.InvalidNumberFormat: {
      const expected = /e[+-]?$/i.test(token) ? 'a digit in the exponent' : /\.$/.test(token) ? 'a digit after the decimal point' : 'a digit';
      return { offset: offset + length, expected };
    }
    case ParseErrorCode.InvalidSymbol: {
      const literal = ['true', 'false', 'null'].find((word) => token.length < word.length && word.startsWith(token) && token !== '');
      if (literal) return { offset: offset + length, expected: `"${literal}"` };
      if (token === '-') return { offset: offset + 1, expected: 'a digit' };
      return { offset, expected: EXPECTED_VALUE };
    }
    default:
      return { offset, expected: EXPECTED_VALUE };
  }
}

/** The first error jsonc-parser's `visit` reports, with the arrays and objects its callbacks have open then. */
export interface FirstJsonError {
  readonly error: ParseErrorCode;
  readonly offset: number;
  readonly length: number;
  readonly containers: readonly ('object' | 'array')[];
}

/**
 * The first error jsonc-parser's `visit` would report for a glossary file (no comments, no
 * trailing commas, no empty file), found the way it finds it, token by token with its scanner,
 * but with a stack of open containers instead of a call per level: `visit` overflows the stack
 * at about 5,000 levels, which a 5 KB file can reach. Also how deep the text nests, as far as read.
 */
export function firstJsonError(text: string): { error: FirstJsonError | undefined; depth: number } {
  const { createScanner, ParseErrorCode: Code, ScanError, SyntaxKind: Kind } = jsonc();
  const scanner = createScanner(text, false);
  const containers: ('object' | 'array')[] = [];
  /** Per open container: whether an item was read, so that a comma must come next. */
  const needsComma: boolean[] = [];
  let depth = 0;
  let error: FirstJsonError | undefined;
  const fail = (code: ParseErrorCode): void => {
    error ??= { error: code, offset: scanner.getTokenOffset(), length: scanner.getTokenLength(), containers: [...containers] };
  };
  /** The next token that is not white space; a scan error, a comment or an unknown symbol is an error. */
  const next = (): SyntaxKind => {
    for (;;) {
      const token = scanner.scan();
      switch (scanner.getTokenError()) {
        case ScanError.InvalidUnicode:
          fail(Code.InvalidUnicode);
          break;
        case ScanError.InvalidEscapeCharacter:
          fail(Code.InvalidEscapeCharacter);
          break;
        case ScanError.UnexpectedEndOfNumber:
          fail(Code.UnexpectedEndOfNumber);
          break;
        case ScanError.UnexpectedEndOfString:
          fail(Code.UnexpectedEndOfString);
          break;
        case ScanError.InvalidCharacter:
          fail(Code.InvalidCharacter);
          break;
        // An unclosed comment is reported as a comment, comments being disallowed.
      }
      if (token === Kind.LineCommentTrivia || token === Kind.BlockCommentTrivia) fail(Code.InvalidCommentToken);
      else if (token === Kind.Unknown) fail(Code.InvalidSymbol);
      else if (token !== Kind.Trivia && token !== Kind.LineBreakTrivia) return token;
    }
  };
  let token = next();
  /** Reads the value that starts at `token`, or opens it if it is an array or object; false if no value starts there. */
  const startValue = (): boolean => {
    switch (token) {
      case Kind.OpenBraceToken:
      case Kind.OpenBracketToken:
        containers.push(token === Kind.OpenBraceToken ? 'object' : 'array');
        needsComma.push(false);
        depth = Math.max(depth, containers.length);
        token = next();
        return true;
      case Kind.NumericLiteral:
        if (Number.isNaN(Number(scanner.getTokenValue()))) fail(Code.InvalidNumberFormat);
        token = next();
        return true;
      case Kind.StringLiteral:
      case Kind.NullKeyword:
      case Kind.TrueKeyword:
      case Kind.FalseKeyword:
        token = next();
        return true;
      default:
        return false;
    }
  };

  if (error) return { error, depth };
  if (token === Kind.EOF || !startValue()) fail(Code.ValueExpected);
  while (!error && containers.length > 0) {
    const top = containers.length - 1;
    const inObject = containers[top] === 'object';
    const close = inObject ? Kind.CloseBraceToken : Kind.CloseBracketToken;
    if (token === close || token === Kind.EOF) {
      containers.pop();
      needsComma.pop();
      if (token !== close) fail(inObject ? Code.CloseBraceExpected : Code.CloseBracketExpected);
      else token = next();
      if (top > 0) needsComma[top - 1] = true;
      continue;
    }
    if (token === Kind.CommaToken) {
      if (!needsComma[top]) fail(Code.ValueExpected);
      else token = next();
    } else if (needsComma[top]) fail(Code.CommaExpected);
    if (error) break;
    if (inObject) {
      if (token !== Kind.StringLiteral) {
        fail(Code.PropertyNameExpected);
        break;
      }
      token = next();
      if (error) break;
      if (token !== Kind.ColonToken) {
        fail(Code.ColonExpected);
        break;
      }
      token = next();
      if (error) break;
    }
    const opens = token === Kind.OpenBraceToken || token === Kind.OpenBracketToken;
    if (!startValue()) fail(Code.ValueExpected);
    else if (!opens) needsComma[top] = true;
  }
  if (!error && token !== Kind.EOF) fail(Code.EndOfFileExpected);
  return { error, depth };
}
