/**
 * What a glossary hover says and what its "insert" action writes into a note. Pure: the hover
 * glue wraps the Markdown in a MarkdownString that trusts only our own commands.
 */
import { commandUri, INSERT_PLAIN_EXPLANATION_COMMAND, OPEN_SECTION_COMMAND } from '../ids';
import { BUILT_IN_ORIGIN } from './entries';
import type { GlossaryEntry } from './types';

/** Where the hover's "insert" action puts an entry's explanation. */
export interface InsertExplanationArgs {
  /** The note's URI, as a string. */
  readonly uri: string;
  /** The 0-based line the term was hovered on. */
  readonly line: number;
  readonly term: string;
}

export interface GuideSectionLink {
  readonly id: string;
  readonly title: string;
}

// Markdown syntax, and what VS Code's hover linkifies: `@` of an e-mail address, and a `/` of a
// URL's "//" (a "." is already escaped, which also breaks "www." and bare domains).
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&$@]|(?<=[:/])\/|\/(?=\/)/g;
/** Every line end Markdown or an editor may break a line at. */
const LINE_END = /[\r\n\u2028\u2029\u0085]/;

/**
 * Backslash-escapes Markdown syntax so glossary text shows exactly as written, never as markup
 * or a link, on one line: each run of white space that holds a line end becomes one space (a
 * line of the text could otherwise start a heading or a code block).
 */
export function escapeMarkdown(text: string): string {
  return onOneLine(text).replace(MARKDOWN_SYNTAX, '\\$&');
}

/** Split and trimmed rather than one regular expression, which backtracks over long runs of spaces. */
function onOneLine(text: string): string {
  const lines = text.split(LINE_END);
  if (lines.length === 1) return text;
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line, i) => line !== '' || i === 0 || i === last)
    .join(' ');
}

/**
 * The hover's own words, apart from the glossary's text: English here, in the user's language
 * from the glue (which passes `vscode.l10n.t` ones). Escaped like glossary text where they are
 * written into the Markdown, so that no translation can form markup or a link.
 */
export interface HoverLabels {
  /** Before the text for patients. */
  readonly forPatients: string;
  /** Before the links to the guide's sections. */
  readonly guide: string;
  /** A guide link's tooltip. */
  readonly guideLinkTitle: string;
  /** The insert action's link text, and its tooltip. */
  readonly insertExplanation: string;
  readonly insertExplanationTitle: string;
  /** After a team entry's heading: where it comes from (the file's workspace-relative path). */
  readonly teamGlossary: (file: string) => string;
}

export const HOVER_LABELS: HoverLabels = {
  forPatients: 'For patients:',
  guide: 'Guide:',
  guideLinkTitle: 'Read in the Iliopsoas Guide',
  insertExplanation: 'Insert patient explanation',
  insertExplanationTitle: 'Add the plain-language explanation below this paragraph',
  teamGlossary: (file) => `team glossary: ${file}`,
};

/** Text for a Markdown link's "title": on one line, its quotes and backslashes escaped. */
function linkTitle(text: string): string {
  return onOneLine(text).replace(/["\\]/g, '\\$&');
}

/**
 * The hover's Markdown: term, clinical definition, plain-language explanation, guide links, insert
 * action. `written` is the text hovered: a medicine named by one of its generic or brand names
 * ("Celebrex") is shown by that name, with its class (the entry's term) after it.
 */
export function glossaryHoverMarkdown(
  entry: GlossaryEntry,
  sections: readonly GuideSectionLink[],
  insert?: InsertExplanationArgs,
  written?: string,
  labels: HoverLabels = HOVER_LABELS,
): string {
  const abbreviations = entry.abbreviations.length > 0 ? ` (${entry.abbreviations.map(escapeMarkdown).join(', ')})` : '';
  const origin = entry.origin === BUILT_IN_ORIGIN ? '' : ` · *${escapeMarkdown(labels.teamGlossary(entry.origin))}*`;
  const byName = written !== undefined && entry.category === 'medicine' && isMedicineName(entry, written);
  const heading = byName ? `**${escapeMarkdown(written.replace(/\s+/g, ' '))}** · *${escapeMarkdown(entry.term)}*${abbreviations}` : `**${escapeMarkdown(entry.term)}**${abbreviations}`;
  const blocks = [
    `${heading}${origin}`,
    escapeMarkdown(entry.definition),
    `**${escapeMarkdown(labels.forPatients)}** ${escapeMarkdown(entry.plain)}`,
  ];
  const actions: string[] = [];
  if (sections.length > 0) {
    const links = sections.map((section) => `[${escapeMarkdown(section.title)}](${commandUri(OPEN_SECTION_COMMAND, section.id)} "${linkTitle(labels.guideLinkTitle)}")`);
    actions.push(`${escapeMarkdown(labels.guide)} ${links.join(' · ')}`);
  }
  if (insert) {
    actions.push(`[${escapeMarkdown(labels.insertExplanation)}](${commandUri(INSERT_PLAIN_EXPLANATION_COMMAND, insert)} "${linkTitle(labels.insertExplanationTitle)}")`);
  }
  if (actions.length > 0) blocks.push(actions.join('  \n'));
  return blocks.join('\n\n');
}

/** Whether the hovered text names a medicine of the entry rather than the class itself (its term, a plural of it, or an abbreviation). */
function isMedicineName(entry: GlossaryEntry, written: string): boolean {
  const hovered = written.replace(/\s+/g, ' ').toLowerCase();
  const term = entry.term.toLowerCase();
  return hovered !== term && !hovered.startsWith(term) && !entry.abbreviations.some((abbreviation) => hovered.startsWith(abbreviation.toLowerCase()));
}

/** The note text for an entry's plain-language explanation: one quoted paragraph. */
export function plainExplanationBlock(entry: GlossaryEntry): string {
  const term = entry.term.charAt(0).toUpperCase() + entry.term.slice(1);
  return `> **${term}, in plain words:** ${entry.plain.replace(/\s+/g, ' ').trim()}`;
}
