/**
 * Patient-education handouts (pure: no `vscode`). handouts.json is the one source of their
 * content; the snippet file, the insert command and the dot-phrases are all made from what
 * this module loads. Bodies are written in VS Code snippet syntax, so this module also parses
 * that syntax: to check it, and to turn a body into the plain text a patient would read.
 */
import { slugify } from '../markdown/slug';
import { handoutProse } from '../readability/prose';
import { isExplainedAtFirstUse, patientReadingGrade } from '../readability/grade';

export interface Handout {
  /** Short kebab-case id: the snippet prefix is `handout-<id>`, the dot-phrase `.<id>`. */
  readonly id: string;
  readonly title: string;
  /** One line for the QuickPick and the snippet description. */
  readonly description: string;
  /** Who the handout is for, in the words the body uses. */
  readonly audience: string;
  /** Ids of the guide sections the handout draws on. */
  readonly sections: readonly string[];
  /**
   * The medical words the handout explains where it first uses them ("NSAIDs (medicines such
   * as…)"). They are exempt from its reading grade; checkHandout makes sure each is explained.
   */
  readonly teaches: readonly string[];
  /** Snippet-syntax Markdown, lines joined with "\n", with the red-flag block expanded. */
  readonly body: string;
}

/** The two levels of the red-flag block: the signs to call 911 for, then those to call the clinic about the same day. */
export interface RedFlagLevels {
  readonly emergency: readonly string[];
  readonly sameDay: readonly string[];
}

/** One entry of a `.code-snippets` file. */
export interface HandoutSnippet {
  readonly prefix: string[];
  readonly description: string;
  readonly body: string[];
  readonly scope: 'markdown';
}

/** A body line that stands for the shared red-flag block. */
export const RED_FLAG_MARKER = '{{red-flags}}';
/** `{{name}}` inside a line: the shared sentence `sharedText.name` of handouts.json. */
const SHARED_TEXT_MARKER = /\{\{([a-z][a-z0-9-]*)\}\}/g;

/** Patient material should read at grade 6 or below (AMA and NIH advice). */
export const MAX_READING_GRADE = 6;

/** The guide's title as every handout's source line cites it. */
export const GUIDE_CITATION = '*Iliopsoas Back Pain: Causes, Symptoms, and Relief*';

const HANDOUT_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// ---------------------------------------------------------------------------------------------
// Loading

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Validates the shape of a handout source (as in handouts.json) and expands the red-flag marker.
 * Throws one error listing every problem, so a broken source fails the build with all of them.
 */
export function parseHandouts(source: unknown): Handout[] {
  const problems: string[] = [];
  const root = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
  const redFlagLines = root.redFlagBlock;
  if (!isStringArray(redFlagLines) || redFlagLines.length === 0) problems.push('"redFlagBlock" must be a non-empty array of lines');
  if (!Array.isArray(root.handouts)) problems.push('"handouts" must be an array');
  const blockTeaches = root.redFlagTeaches ?? [];
  if (!isStringArray(blockTeaches)) problems.push('"redFlagTeaches" must be an array of the terms the red-flag block explains');
  // Shared sentences (the NSAID cautions…): one wording for every handout that needs it.
  const sharedText = (root.sharedText ?? {}) as Record<string, unknown>;
  for (const [name, text] of Object.entries(sharedText)) {
    if (typeof text !== 'string' || text.trim() === '') problems.push(`"sharedText.${name}" must be a non-empty string`);
  }

  const handouts: Handout[] = [];
  const seenIds = new Set<string>();
  (Array.isArray(root.handouts) ? root.handouts : []).forEach((entry: unknown, index) => {
    const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const where = `handouts[${index}]${typeof item.id === 'string' ? ` (${item.id})` : ''}`;
    const before = problems.length;
    for (const field of ['id', 'title', 'description', 'audience'] as const) {
      if (typeof item[field] !== 'string' || item[field].trim() === '') problems.push(`${where}: "${field}" must be a non-empty string`);
    }
    if (!isStringArray(item.sections)) problems.push(`${where}: "sections" must be an array of guide section ids`);
    if (!isStringArray(item.body)) problems.push(`${where}: "body" must be an array of lines`);
    if (item.teaches !== undefined && !isStringArray(item.teaches)) problems.push(`${where}: "teaches" must be an array of terms`);
    if (typeof item.id === 'string') {
      if (!HANDOUT_ID.test(item.id)) problems.push(`${where}: "id" must be kebab-case (a-z, 0-9, hyphens)`);
      if (seenIds.has(item.id)) problems.push(`${where}: duplicate id "${item.id}"`);
      seenIds.add(item.id);
    }
    if (problems.length > before || !isStringArray(redFlagLines)) return;
    // The block's own fields (the clinic's phone numbers) follow the handout's.
    const blockLines = shiftTabStops(redFlagLines.join('\n'), highestTabStop((item.body as string[]).join('\n'))).split('\n');
    const lines = (item.body as string[]).flatMap((line) => {
      if (line.trim() === RED_FLAG_MARKER) return blockLines;
      return [
        line.replace(SHARED_TEXT_MARKER, (marker, name: string) => {
          if (typeof sharedText[name] === 'string') return sharedText[name];
          problems.push(`${where}: unknown shared text "${marker}"`);
          return marker;
        }),
      ];
    });
    handouts.push({
      id: item.id as string,
      title: item.title as string,
      description: item.description as string,
      audience: item.audience as string,
      sections: [...(item.sections as string[])],
      // The block explains its own words ("urgent care (a walk-in clinic…)"), in every handout.
      teaches: [...new Set([...((item.teaches as string[] | undefined) ?? []), ...(isStringArray(blockTeaches) ? blockTeaches : [])])],
      body: lines.join('\n'),
    });
  });
  if (problems.length > 0) throw new Error(`Invalid handout source:\n- ${problems.join('\n- ')}`);
  return handouts;
}

/**
 * handouts.json, required on first use rather than imported: activation should not pay for it,
 * and the production build loads it from its own file in dist/ (see esbuild.js).
 */
function handoutSource(): typeof import('./handouts.json') {
  return require('./handouts.json') as typeof import('./handouts.json');
}

/** The shipped handouts, in the order of handouts.json. */
export function loadHandouts(): Handout[] {
  return parseHandouts(handoutSource());
}

let teachable: readonly string[] | undefined;

/** Every term a shipped handout teaches: what the reading grade of a note may exempt where the note explains it. */
export function teachableTerms(): readonly string[] {
  return (teachable ??= [...new Set(loadHandouts().flatMap((handout) => handout.teaches))]);
}

/** A shared sentence of the shipped source (`{{name}}` in a handout), e.g. "nsaid-cautions". */
export function sharedText(name: string): string | undefined {
  return (handoutSource() as { sharedText?: Record<string, string> }).sharedText?.[name];
}

/** The shared red-flag block of the shipped source, with its own tab stop numbers (a handout shifts them after its own). */
export function redFlagBlock(): string {
  return handoutSource().redFlagBlock.join('\n');
}

// Tab stops outside escapes: `$3`, `${3`, as the snippet grammar writes them.
const TAB_STOP_NUMBER = /(\\[\s\S])|\$(\{?)(\d+)/g;

/** The highest tab stop number in a snippet body (0 when it has none). */
export function highestTabStop(body: string): number {
  let highest = 0;
  for (const match of body.matchAll(TAB_STOP_NUMBER)) if (match[3] !== undefined) highest = Math.max(highest, Number(match[3]));
  return highest;
}

/** The body with each tab stop number written `#`, to compare bodies whose stops are numbered differently. */
export function withoutTabStopNumbers(body: string): string {
  return body.replace(TAB_STOP_NUMBER, (whole, escape: string | undefined, brace: string) => (escape !== undefined ? whole : `$${brace}#`));
}

/** The body with every tab stop but `$0` renumbered `n + by`, so it can follow another body's stops. */
export function shiftTabStops(body: string, by: number): string {
  return body.replace(TAB_STOP_NUMBER, (whole, escape: string | undefined, brace: string, index: string) =>
    escape !== undefined || index === '0' ? whole : `$${brace}${Number(index) + by}`,
  );
}

/**
 * The red-flag lists of some handout Markdown: every bullet from the first line that says to
 * call 911 up to the next line that says "same day" (the emergency signs), then the bullets
 * right under that line (the same-day signs).
 */
export function redFlagLevels(markdown: string): RedFlagLevels {
  const lines = markdown.split('\n');
  const isBullet = (line: string) => /^\s*[-*] /.test(line);
  const bullet = (line: string) => line.replace(/^\s*[-*] /, '').trim();
  const emergencyLead = lines.findIndex((line) => !isBullet(line) && /\b911\b/.test(line));
  const sameDayLead = lines.findIndex((line, index) => index > emergencyLead && !isBullet(line) && /\bsame day\b/i.test(line));
  if (emergencyLead < 0) return { emergency: [], sameDay: [] };
  // The 911 part may group its signs under short leads ("With back or leg pain:"); all its bullets count.
  const emergency = lines.slice(emergencyLead + 1, sameDayLead < 0 ? undefined : sameDayLead).filter(isBullet).map(bullet);
  const sameDay: string[] = [];
  if (sameDayLead >= 0) {
    let index = sameDayLead + 1;
    while (index < lines.length && lines[index].trim() === '') index++;
    for (; index < lines.length && isBullet(lines[index]); index++) sameDay.push(bullet(lines[index]));
  }
  return { emergency, sameDay };
}

// ---------------------------------------------------------------------------------------------
// Snippet syntax: a small parser for the subset of the VS Code grammar handouts use
// (tab stops, placeholders, choices, variables; transforms are reported, not parsed).

type SnippetNode =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'tabstop';
      readonly index: number;
      readonly placeholder: SnippetNode[] | undefined;
      readonly choices: string[] | undefined;
    }
  | { readonly kind: 'variable'; readonly name: string; readonly fallback: SnippetNode[] | undefined };

// Every variable VS Code resolves in a snippet, with a sample value for reading-level checks.
// An unknown name is inserted as a placeholder with that name, which is almost always a typo.
const SAMPLE_VARIABLES: ReadonlyMap<string, string> = new Map([
  ['CURRENT_YEAR', '2026'], ['CURRENT_YEAR_SHORT', '26'], ['CURRENT_MONTH', '03'],
  ['CURRENT_MONTH_NAME', 'March'], ['CURRENT_MONTH_NAME_SHORT', 'Mar'], ['CURRENT_DATE', '09'],
  ['CURRENT_DAY_NAME', 'Monday'], ['CURRENT_DAY_NAME_SHORT', 'Mon'], ['CURRENT_HOUR', '10'],
  ['CURRENT_MINUTE', '30'], ['CURRENT_SECOND', '00'], ['CURRENT_SECONDS_UNIX', '1773052200'],
  ['CURRENT_TIMEZONE_OFFSET', '+00:00'], ['TM_SELECTED_TEXT', ''], ['TM_CURRENT_LINE', ''],
  ['TM_CURRENT_WORD', ''], ['TM_LINE_INDEX', '0'], ['TM_LINE_NUMBER', '1'], ['TM_FILENAME', 'note.md'],
  ['TM_FILENAME_BASE', 'note'], ['TM_DIRECTORY', 'notes'], ['TM_FILEPATH', 'notes/note.md'],
  ['RELATIVE_FILEPATH', 'notes/note.md'], ['CLIPBOARD', ''], ['WORKSPACE_NAME', 'clinic'],
  ['WORKSPACE_FOLDER', 'clinic'], ['CURSOR_INDEX', '0'], ['CURSOR_NUMBER', '1'], ['RANDOM', '123456'],
  ['RANDOM_HEX', 'a1b2c3'], ['UUID', '00000000-0000-4000-8000-000000000000'], ['BLOCK_COMMENT_START', '<!--'],
  ['BLOCK_COMMENT_END', '-->'], ['LINE_COMMENT', ''],
]);

interface ParsedSnippet {
  readonly nodes: SnippetNode[];
  readonly problems: string[];
}

/** Parses a snippet body; on a syntax error it records a problem and reads the character as text, as VS Code does. */
function parseSnippet(body: string): ParsedSnippet {
  const problems: string[] = [];
  let position = 0;

  const at = (offset: number): string => {
    const before = body.slice(0, offset).split('\n');
    return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  };
  const readWhile = (pattern: RegExp): string => {
    const start = position;
    while (position < body.length && pattern.test(body[position])) position++;
    return body.slice(start, position);
  };

  // `${n|a,b|}`: options are literal text where "\," "\|" and "\\" are the only escapes.
  const parseChoices = (start: number): string[] | undefined => {
    const options: string[] = [];
    let current = '';
    while (position < body.length) {
      const char = body[position];
      if (char === '\\' && /[,|\\]/.test(body[position + 1] ?? '')) {
        current += body[position + 1];
        position += 2;
      } else if (char === ',' || (char === '|' && body[position + 1] === '}')) {
        options.push(current);
        current = '';
        position += char === ',' ? 1 : 2;
        if (char === '|') {
          if (options.some((option) => option === '')) problems.push(`${at(start)}: a choice has an empty option`);
          return options;
        }
      } else if (char === '|' || char === '\n') {
        break;
      } else {
        current += char;
        position++;
      }
    }
    problems.push(`${at(start)}: choice not closed with "|}"`);
    return undefined;
  };

  // What follows "${": a tab stop, placeholder, choice or variable, up to and including its "}".
  const parseBraced = (start: number): SnippetNode | undefined => {
    const index = readWhile(/\d/);
    const name = index === '' ? readWhile(/\w/) : '';
    if (index === '' && !/^[A-Za-z_]/.test(name)) {
      problems.push(`${at(start)}: "\${" must be followed by a tab stop number or a variable name (write "\\$" for a dollar sign)`);
      return undefined;
    }
    const next = body[position];
    if (next === '}') {
      position++;
      return index !== ''
        ? { kind: 'tabstop', index: Number(index), placeholder: undefined, choices: undefined }
        : { kind: 'variable', name, fallback: undefined };
    }
    if (next === ':') {
      position++;
      const content = parseNodes(true);
      if (body[position] !== '}') {
        problems.push(`${at(start)}: "\${${index || name}:" is not closed with "}"`);
        return undefined;
      }
      position++;
      return index !== ''
        ? { kind: 'tabstop', index: Number(index), placeholder: content, choices: undefined }
        : { kind: 'variable', name, fallback: content };
    }
    if (next === '|' && index !== '') {
      position++;
      const choices = parseChoices(start);
      return choices && { kind: 'tabstop', index: Number(index), placeholder: undefined, choices };
    }
    problems.push(
      next === '/'
        ? `${at(start)}: transforms are not supported in handouts`
        : `${at(start)}: "\${${index || name}" is not closed with "}"`,
    );
    return undefined;
  };

  function parseNodes(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flushText = (): void => {
      if (text !== '') nodes.push({ kind: 'text', text });
      text = '';
    };
    while (position < body.length) {
      const start = position;
      const char = body[position];
      if (char === '\\' && /[$}\\]/.test(body[position + 1] ?? '')) {
        text += body[position + 1];
        position += 2;
      } else if (char === '}' && nested) {
        break; // closes the enclosing placeholder; the caller consumes it
      } else if (char === '}') {
        problems.push(`${at(start)}: stray "}" (write "\\}" for a literal brace)`);
        text += char;
        position++;
      } else if (char === '$') {
        position++;
        let node: SnippetNode | undefined;
        if (/\d/.test(body[position] ?? '')) {
          node = { kind: 'tabstop', index: Number(readWhile(/\d/)), placeholder: undefined, choices: undefined };
        } else if (/[A-Za-z_]/.test(body[position] ?? '')) {
          node = { kind: 'variable', name: readWhile(/\w/), fallback: undefined };
        } else if (body[position] === '{') {
          position++;
          node = parseBraced(start);
        } else {
          problems.push(`${at(start)}: stray "$" (write "\\$" for a dollar sign)`);
        }
        if (node) {
          flushText();
          nodes.push(node);
        } else {
          // Read the rest as text, like VS Code, so one mistake does not hide the next.
          position = start + 1;
          text += char;
        }
      } else {
        text += char;
        position++;
      }
    }
    flushText();
    return nodes;
  }

  const nodes = parseNodes(false);
  return { nodes, problems };
}

function forEachNode(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind === 'tabstop' && node.placeholder) forEachNode(node.placeholder, visit);
    if (node.kind === 'variable' && node.fallback) forEachNode(node.fallback, visit);
  }
}

/** The text each numbered tab stop starts with: its first placeholder or first choice (mirrors copy it). */
function tabStopDefaults(nodes: readonly SnippetNode[]): Map<number, string> {
  const defaults = new Map<number, string>();
  forEachNode(nodes, (node) => {
    if (node.kind !== 'tabstop' || defaults.has(node.index)) return;
    if (node.placeholder) defaults.set(node.index, renderPlainText(node.placeholder, defaults));
    else if (node.choices) defaults.set(node.index, node.choices[0]);
  });
  return defaults;
}

function renderPlainText(nodes: readonly SnippetNode[], defaults: ReadonlyMap<number, string>): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'variable') {
        return SAMPLE_VARIABLES.get(node.name) ?? (node.fallback ? renderPlainText(node.fallback, defaults) : node.name);
      }
      if (node.placeholder) return renderPlainText(node.placeholder, defaults);
      if (node.choices) return node.choices[0];
      return node.index === 0 ? '' : (defaults.get(node.index) ?? '');
    })
    .join('');
}

/**
 * A snippet body as text once inserted and left at its defaults: placeholders give their
 * default text, choices their first option, variables a sample value (date 2026-03-09), bare
 * tab stops and `$0` nothing, and escapes are undone.
 */
export function snippetPlainText(body: string): string {
  const { nodes } = parseSnippet(body);
  return renderPlainText(nodes, tabStopDefaults(nodes));
}

/**
 * Problems with a snippet body, each with its line and column: unbalanced `${`…`}`, a stray
 * `$` or `}`, a malformed choice, an unknown variable, one tab stop given two different
 * defaults, numbers that skip (`$1`, `$3`), or `$0` more than once. Empty when the body is valid.
 */
export function checkSnippetSyntax(body: string): string[] {
  const { nodes, problems } = parseSnippet(body);
  const defaults = tabStopDefaults(nodes);
  const used = new Set<number>();
  let finalStops = 0;
  forEachNode(nodes, (node) => {
    if (node.kind === 'variable' && !SAMPLE_VARIABLES.has(node.name)) {
      problems.push(`unknown variable "$${node.name}" (VS Code would insert its name)`);
    }
    if (node.kind !== 'tabstop') return;
    used.add(node.index);
    if (node.index === 0) finalStops++;
    const text = node.placeholder ? renderPlainText(node.placeholder, defaults) : node.choices?.[0];
    const choiceList = node.choices?.join(',');
    if (text !== undefined && text !== defaults.get(node.index)) {
      problems.push(`tab stop $${node.index} has two different defaults: "${defaults.get(node.index)}" and "${text}"`);
    }
    if (choiceList !== undefined) {
      // Same number, different choice lists: VS Code would offer only the first list.
      forEachNode(nodes, (other) => {
        if (other.kind === 'tabstop' && other.index === node.index && other.choices && other.choices.join(',') !== choiceList) {
          problems.push(`tab stop $${node.index} has two different choice lists`);
        }
      });
    }
  });
  if (finalStops > 1) problems.push('"$0" (the final cursor position) appears more than once');
  const numbered = [...used].filter((index) => index > 0).sort((a, b) => a - b);
  numbered.forEach((index, i) => {
    if (index !== i + 1) problems.push(`tab stops must be numbered from $1 without gaps: $${i + 1} is missing`);
  });
  return [...new Set(problems)];
}

// ---------------------------------------------------------------------------------------------
// Plain text and reading level

/** What a patient reads: the body with its blanks at their defaults, without Markdown syntax (as the status bar and export read it). */
export function handoutPlainText(handout: Handout): string {
  return handoutProse(handout.body);
}

/**
 * The part of a handout's plain text that must explain the words it uses: all but its title and
 * its source lines ("Based on:", "Guidelines:", "Evidence:"), which name things rather than teach them.
 */
export function handoutTeachingText(handout: Handout): string {
  const [, ...blocks] = handoutPlainText(handout).split('\n\n');
  return blocks.filter((block) => !/^(?:Based on|Guidelines|Evidence):/.test(block)).join('\n\n');
}

/** The handout's reading grade by the one rule (the higher of Flesch–Kincaid and SMOG, its taught terms exempted). */
export function handoutReadingGrade(handout: Handout): number {
  return patientReadingGrade(handoutPlainText(handout), handout.teaches);
}

// ---------------------------------------------------------------------------------------------
// Content checks

// The Joint Commission "Do Not Use" list, plus two habits handouts must avoid ("x/day" and
// dose amounts). Case matters for U, IU and MS: "u" or "ms" in text are not the abbreviations.
const UNSAFE_WRITING: readonly { readonly pattern: RegExp; readonly advice: string }[] = [
  { pattern: /\b(?:I?U)\b/g, advice: 'write "units" (or "international units")' },
  { pattern: /\bq\.?o\.?d\b\.?/gi, advice: 'write "every other day"' },
  { pattern: /\bq\.?d\b\.?/gi, advice: 'write "daily"' },
  { pattern: /\b\d+\.\d*0(?!\d)/g, advice: 'no trailing zero after a decimal point ("1 mg", not "1.0 mg")' },
  { pattern: /(?<![\w.])\.\d+/g, advice: 'write a zero before a decimal point ("0.5", not ".5")' },
  { pattern: /\bMS\b/g, advice: 'write "morphine" or "magnesium sulfate"' },
  { pattern: /\bM(?:g)?SO4\b/gi, advice: 'write "morphine" or "magnesium sulfate"' },
  { pattern: /\b\d*\s*x\s*\/\s*(?:day|d|week|wk)\b/gi, advice: 'write "times a day" or "times a week"' },
  {
    pattern: /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|units?|tablets?|pills?|capsules?)\b/gi,
    advice: 'no dose amounts in a handout: write "as the label or your clinician says"',
  },
];

/** Do-not-use abbreviations and dose amounts in some text, one message per occurrence. */
export function findUnsafeWriting(text: string): string[] {
  const problems: string[] = [];
  for (const { pattern, advice } of UNSAFE_WRITING) {
    for (const match of text.matchAll(pattern)) problems.push(`"${match[0].trim()}": ${advice}`);
  }
  return problems;
}

const SOURCE_LINE = /^Based on: (.+), sections? (".+")\s*$/m;

/**
 * The guide section titles named by the body's "Based on:" line, in order;
 * undefined when the body has no such line.
 */
export function sourceSectionTitles(body: string): string[] | undefined {
  const match = SOURCE_LINE.exec(body);
  if (!match || match[1] !== GUIDE_CITATION) return undefined;
  return [...match[2].matchAll(/"([^"]+)"/g)].map((title) => title[1]);
}

// The parts every handout has, in reading order, each found by the first line it matches.
const REQUIRED_PARTS: readonly { readonly name: string; readonly line: RegExp }[] = [
  { name: 'the "**For:** ${1:patient name}" line', line: /^\*\*For:\*\* \$\{1:[^}]+\}/m },
  { name: 'the "## Key points" heading', line: /^## Key points$/m },
  { name: 'the "## What to do" heading', line: /^## What to do$/m },
  { name: 'the "## When to call the clinic" heading', line: /^## When to call the clinic$/m },
  { name: 'the line saying it does not replace the clinician\'s advice', line: /does not replace .*clinician/im },
  { name: 'the "Based on:" source line', line: SOURCE_LINE },
  // Guidelines where there are some; for conditions without one (lateral hip pain), the trials and reviews.
  { name: 'the "Guidelines:" (or "Evidence:") line naming what it follows', line: /^(?:Guidelines|Evidence): \S.+$/m },
  {
    name: 'the clinician / date / follow-up line (${2:clinician}, $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE, ${3|…|})',
    line: /^.*\$\{2:[^}]+\}.*\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE.*\$\{3\|[^}]+\|\}.*$/m,
  },
];

/**
 * Everything wrong with one handout, as messages; empty when it is ready to ship: valid snippet
 * syntax, every required part in order, the shared red-flag block, guide sections that exist and
 * match the source line, a reading grade of at most 6, and no do-not-use abbreviations.
 */
export function checkHandout(handout: Handout, sectionIds: readonly string[]): string[] {
  const { body } = handout;
  const problems = checkSnippetSyntax(body).map((problem) => `snippet syntax: ${problem}`);

  if (body.split('\n')[0] !== `# ${handout.title}`) problems.push(`the first line must be the title: "# ${handout.title}"`);
  if (!body.includes(handout.audience)) problems.push('the body must say who it is for, in the words of "audience"');

  let previous = 0;
  for (const part of REQUIRED_PARTS) {
    const found = part.line.exec(body);
    if (!found) problems.push(`missing ${part.name}`);
    else if (found.index < previous) problems.push(`${part.name} is out of order`);
    else previous = found.index;
  }
  const keyPoints = body.slice(body.indexOf('## Key points')).split(/^## /m)[1]?.match(/^- \S/gm) ?? [];
  if (body.includes('## Key points') && (keyPoints.length < 3 || keyPoints.length > 5)) {
    problems.push(`"## Key points" must list 3 to 5 short bullets (it has ${keyPoints.length})`);
  }
  const stepsHeading = body.indexOf('## What to do');
  const steps = body.slice(stepsHeading).split(/^## /m)[1]?.match(/^\d+\. /gm) ?? [];
  if (stepsHeading >= 0 && steps.length < 2) problems.push('"## What to do" must be followed by numbered steps');
  if (!withoutTabStopNumbers(body).includes(withoutTabStopNumbers(redFlagBlock()))) problems.push(`missing the shared red-flag block (a "${RED_FLAG_MARKER}" line)`);
  if (!body.trimEnd().endsWith('$0')) problems.push('the body must end with "$0"');

  if (handout.sections.length === 0) problems.push('"sections" must name at least one guide section');
  for (const id of handout.sections) {
    if (!sectionIds.includes(id)) problems.push(`unknown guide section "${id}"`);
  }
  const cited = sourceSectionTitles(body);
  if (cited) {
    const citedIds = cited.map(slugify);
    if (citedIds.join(' ') !== handout.sections.join(' ')) {
      problems.push(`the "Based on:" line names ${citedIds.join(', ')} but "sections" is ${handout.sections.join(', ')}`);
    }
    if (/sections "/.test(body) !== cited.length > 1) problems.push('write "section" for one title and "sections" for several');
  }

  const teachingText = handoutTeachingText(handout);
  for (const term of handout.teaches) {
    if (!isExplainedAtFirstUse(teachingText, term)) problems.push(`"${term}" is listed in "teaches" but not explained where it is first used, e.g. "${term} (what it means)"`);
  }
  const grade = handoutReadingGrade(handout);
  if (grade > MAX_READING_GRADE) problems.push(`reads at grade ${grade.toFixed(1)}; keep it at ${MAX_READING_GRADE} or below`);
  problems.push(...findUnsafeWriting(snippetPlainText(body)));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Snippets file

/** The contents of snippets/handouts.code-snippets: one snippet per handout, in source order. */
export function handoutSnippets(handouts: readonly Handout[]): Record<string, HandoutSnippet> {
  const snippets: Record<string, HandoutSnippet> = {};
  for (const handout of handouts) {
    const name = `Handout: ${handout.title}`;
    if (name in snippets) throw new Error(`Two handouts share the title "${handout.title}"`);
    snippets[name] = {
      prefix: [`handout-${handout.id}`],
      description: `${handout.description} (grade ${handoutReadingGrade(handout).toFixed(1)})`,
      body: handout.body.split('\n'),
      scope: 'markdown',
    };
  }
  return snippets;
}
