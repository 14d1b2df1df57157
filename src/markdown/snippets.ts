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
