/**
 * VS Code snippet syntax (pure: no `vscode`): the one parser of the subset the handouts use (tab
 * stops, placeholders, choices, variables; transforms are reported, not parsed), what a body
 * reads as once inserted, its syntax problems, and tab stop renumbering.
 * https://code.visualstudio.com/docs/editor/userdefinedsnippets#_snippet-syntax
 */

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

type SnippetNode =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'tabstop';
      readonly index: number;
      readonly placeholder: SnippetNode[] | undefined;
      readonly choices: string[] | undefined;
    }
  | { readonly kind: 'variable'; readonly name: string; readonly fallback: SnippetNode[] | undefined };

// Every variable VS Code resolves in a snippet. An unknown name is inserted as a placeholder
// with that name, which is almost always a typo.
const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'TM_SELECTED_TEXT', 'TM_CURRENT_LINE',
  'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY',
  'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX',
  'CURSOR_NUMBER', 'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

// Placeholders nested deeper than this are not written by hand: past it, "${" is read as text
// (with a problem), which keeps the parser's recursion, and the renderer's, shallow.
const MAX_NESTING = 8;
// A body with more problems than this is broken throughout: the rest are not listed (nor located).
const MAX_PROBLEMS = 20;

interface ParsedSnippet {
  readonly nodes: SnippetNode[];
  readonly problems: string[];
}

/** Parses a snippet body; on a syntax error it records a problem and reads the character as text, as VS Code does. */
function parseSnippet(body: string): ParsedSnippet {
  const problems: string[] = [];
  let position = 0;
  let depth = 0;
  const report = (offset: number, problem: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${at(offset)}: ${problem}`);
  };

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
          if (options.some((option) => option === '')) report(start, 'a choice has an empty option');
          return options;
        }
      } else if (char === '|' || char === '\n') {
        break;
      } else {
        current += char;
        position++;
      }
    }
    report(start, 'choice not closed with "|}"');
    return undefined;
  };

  // What follows "${": a tab stop, placeholder, choice or variable, up to and including its "}".
  const parseBraced = (start: number): SnippetNode | undefined => {
    const index = readWhile(/\d/);
    const name = index === '' ? readWhile(/\w/) : '';
    if (index === '' && !/^[A-Za-z_]/.test(name)) {
      report(start, `"\${" must be followed by a tab stop number or a variable name (write "\\$" for a dollar sign)`);
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
      if (depth >= MAX_NESTING) {
        report(start, `placeholders are nested more than ${MAX_NESTING} deep`);
        return undefined;
      }
      position++;
      depth++;
      const content = parseNodes(true);
      depth--;
      if (body[position] !== '}') {
        report(start, `"\${${index || name}:" is not closed with "}"`);
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
    report(start, next === '/' ? 'transforms are not supported in handouts' : `"\${${index || name}" is not closed with "}"`);
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
        report(start, `stray "}" (write "\\}" for a literal brace)`);
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
          report(start, `stray "$" (write "\\$" for a dollar sign)`);
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
    if (node.placeholder) defaults.set(node.index, renderPlainText(node.placeholder, defaults, ''));
    else if (node.choices) defaults.set(node.index, node.choices[0]);
  });
  return defaults;
}

function renderPlainText(nodes: readonly SnippetNode[], defaults: ReadonlyMap<number, string>, unfilled: string): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'variable') {
        if (node.fallback) return renderPlainText(node.fallback, defaults, unfilled);
        return KNOWN_VARIABLES.has(node.name) ? unfilled : node.name;
      }
      if (node.placeholder) return renderPlainText(node.placeholder, defaults, unfilled);
      if (node.choices) return node.choices[0];
      return node.index === 0 ? '' : (defaults.get(node.index) ?? unfilled);
    })
    .join('');
}

/**
 * A snippet body as the text it reads as once inserted and left at its defaults: placeholders
 * give their default text (a mirror `$1` its tab stop's), choices their first option, and
 * escapes are undone. What is known only at insertion, a variable's value (the date) and the
 * text of a tab stop without a default, is `unfilled`; `$0` is nothing. The one rendering of
 * snippet syntax: the reading grade ("blank", one short word), the HTML export (a line to write
 * on) and the content checks ("") differ only in `unfilled`.
 */
export function snippetPlainText(body: string, unfilled = ''): string {
  // Most text holds no snippet syntax at all: nothing to parse.
  if (!body.includes('$') && !body.includes('\\')) return body;
  const { nodes } = parseSnippet(body);
  return renderPlainText(nodes, tabStopDefaults(nodes), unfilled);
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
    if (node.kind === 'variable' && !KNOWN_VARIABLES.has(node.name)) {
      problems.push(`unknown variable "$${node.name}" (VS Code would insert its name)`);
    }
    if (node.kind !== 'tabstop') return;
    used.add(node.index);
    if (node.index === 0) finalStops++;
    const text = node.placeholder ? renderPlainText(node.placeholder, defaults, '') : node.choices?.[0];
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

/** Text written into a snippet body so that it inserts as itself: `$`, `}` and `\` escaped (as SnippetString.appendText does). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * Where the tab stop that starts at `start` (a `$`) ends, and its number: `$n`, `${n}`,
 * `${n:…}` (to its closing brace, across nested placeholders and escapes) or `${n|…|}`.
 * Undefined when no tab stop starts there, or when it is never closed.
 */
function tabStopAt(body: string, start: number): { readonly index: number; readonly end: number } | undefined {
  const match = /^\$(\{?)(\d+)/.exec(body.slice(start, start + 12));
  if (!match) return undefined;
  const index = Number(match[2]);
  const numberEnd = start + match[0].length;
  if (match[1] === '') return { index, end: numberEnd };
  const next = body[numberEnd];
  if (next === '}') return { index, end: numberEnd + 1 };
  if (next === '|') {
    const close = body.indexOf('|}', numberEnd + 1);
    return close < 0 ? undefined : { index, end: close + 2 };
  }
  if (next !== ':') return undefined;
  let depth = 1;
  for (let position = numberEnd + 1; position < body.length; position++) {
    const char = body[position];
    if (char === '\\' && /[$}\\]/.test(body[position + 1] ?? '')) position++;
    else if (char === '$' && body[position + 1] === '{') {
      depth++;
      position++;
    } else if (char === '}' && --depth === 0) return { index, end: position + 1 };
  }
  return undefined;
}

/**
 * The body with some tab stops filled in: every occurrence of tab stop `n` (its placeholder,
 * choice or mirror, with any stop nested in it) replaced by `values.get(n)` as literal text; the
 * stops left renumbered from $1 without gaps, in their order (`$0` stays). Used to write what is
 * known at insertion (the clinic's phone) into a handout, while what is not stays a placeholder.
 */
export function fillTabStops(body: string, values: ReadonlyMap<number, string>): string {
  if (![...values.keys()].some((index) => index > 0)) return body;
  let result = '';
  let position = 0;
  while (position < body.length) {
    const char = body[position];
    if (char === '\\' && /[$}\\]/.test(body[position + 1] ?? '')) {
      result += body.slice(position, position + 2);
      position += 2;
      continue;
    }
    const stop = char === '$' ? tabStopAt(body, position) : undefined;
    if (stop && stop.index > 0 && values.has(stop.index)) {
      result += escapeSnippetText(values.get(stop.index)!);
      position = stop.end;
    } else {
      result += char;
      position++;
    }
  }
  // Renumber what is left (a stop nested in a filled placeholder may be gone too).
  const left = new Set<number>();
  for (const match of result.matchAll(TAB_STOP_NUMBER)) if (match[3] !== undefined && match[3] !== '0') left.add(Number(match[3]));
  const renumbered = new Map([...left].sort((a, b) => a - b).map((index, order) => [index, order + 1]));
  return result.replace(TAB_STOP_NUMBER, (whole, escape: string | undefined, brace: string, index: string) =>
    escape !== undefined || index === '0' ? whole : `$${brace}${renumbered.get(Number(index))}`,
  );
}
