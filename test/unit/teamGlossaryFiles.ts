// Team glossary files written for the tests, and their problems read back: shared by the unit
// tests of team glossary forms, keys and limits.
import { parseGlossaryFile, type GlossaryProblem } from '../../src/glossary/entries';

export const FILE = '.vscode/iliopsoas-glossary.json';

export interface RawEntry {
  term?: unknown;
  variants?: unknown;
  abbreviations?: unknown;
  definition?: unknown;
  plain?: unknown;
  [key: string]: unknown;
}

export function entry(term: unknown, extra: RawEntry = {}): RawEntry {
  return { term, definition: 'A definition.', plain: 'Plain words.', ...extra };
}

/** A team file of the entries, one per line, so that each problem's place can be read back. */
export function teamFile(...entries: RawEntry[]): string {
  return `{\n  "entries": [\n${entries.map((raw) => `    ${JSON.stringify(raw)}`).join(',\n')}\n  ]\n}`;
}

/** The text a problem covers. */
export function at(text: string, problem: GlossaryProblem): string {
  return text.slice(problem.offset, (problem.offset ?? 0) + (problem.length ?? 0));
}

/** Each problem's message without the file name, and the text it covers. */
export function problemsOf(text: string): [string, string][] {
  return parseGlossaryFile(text, FILE).problems.map((problem) => [problem.message.slice(FILE.length + 2), at(text, problem)]);
}
