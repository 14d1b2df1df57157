/**
 * The red-flag safety net of handouts in notes (pure: no `vscode`). A handout inserted into a
 * note carries two kinds of HTML comment, each alone on its line, which the preview and the
 * export do not show:
 *
 *     <!-- iliopsoas-handout: low-back-pain -->     the line before the handout's `#` title
 *     # Acute Low Back Pain: Self-Care
 *     …
 *     <!-- iliopsoas-red-flags -->                  around the warning-sign block
 *     ## Warning signs: get help now
 *     …
 *     <!-- /iliopsoas-red-flags -->
 *
 * A handout runs from its marker to the next handout's marker (or the end of the note). If its
 * block is deleted, emptied or loses the part that sends the patient to 911, findRedFlagProblems
 * says so, and restoreRedFlagBlockEdit gives the edit that puts the current block back. Markers
 * in code blocks and front matter are text, not markers. Everything here is linear in the note.
 */
import { markCodeAndFrontMatter, withoutCarriageReturn } from '../markdown/regions';

/** The word of a handout's start marker: `<!-- iliopsoas-handout: <source id> -->`. */
export const HANDOUT_MARKER_NAME = 'iliopsoas-handout';
/** The line before a handout's red-flag block. */
export const RED_FLAGS_START_MARKER = '<!-- iliopsoas-red-flags -->';
/** The line after a handout's red-flag block. */
export const RED_FLAGS_END_MARKER = '<!-- /iliopsoas-red-flags -->';

/** A source id (a handout's id, a clinic phrase's name): what a marker may name, so it can never close the comment. */
const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
// Indentation and blockquote markers (a handout inserted in a list or a quote), the comment, trailing spaces.
const MARKER_LINE = /^([ \t]*(?:>[ \t]*)*)<!--[ \t]*(iliopsoas-handout:[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)|iliopsoas-red-flags|\/iliopsoas-red-flags)[ \t]*-->[ \t]*$/;
/** Words that send the patient to emergency care. */
export const EMERGENCY_LINE = /\b911\b|\bemergency\b/i;
const LIST_ITEM = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Whether a line leads the emergency part of warning signs ("**Call 911 or go to the emergency
 * department now** if…"): it says where to go and is not one of the signs (a sign of another
 * level may name the 911 list, as "no sign from the 911 list" does).
 */
export function isEmergencyLead(line: string): boolean {
  return EMERGENCY_LINE.test(line) && !LIST_ITEM.test(line);
}
const TITLE_LINE = /^[ \t]*(?:>[ \t]*)*# /;

/** The line that starts a handout from `sourceId` in a note. */
export function handoutStartMarker(sourceId: string): string {
  if (!SOURCE_ID.test(sourceId)) throw new Error(`Not a handout source id: ${JSON.stringify(sourceId)}`);
  return `<!-- ${HANDOUT_MARKER_NAME}: ${sourceId} -->`;
}

/** A red-flag block (snippet syntax or plain text, lines joined with "\n") between its markers. */
export function markedRedFlagBlock(block: string): string {
  return `${RED_FLAGS_START_MARKER}\n${block}\n${RED_FLAGS_END_MARKER}`;
}

type MarkerKind = 'handout' | 'start' | 'end';

interface MarkerLine {
  readonly kind: MarkerKind;
  /** The indentation and quote markers before the comment. */
  readonly prefix: string;
  readonly sourceId?: string;
}

/** The marker a line is, or undefined (one indexOf for most lines). */
function markerOf(line: string): MarkerLine | undefined {
  if (line.indexOf('iliopsoas-') === -1) return undefined;
  const match = MARKER_LINE.exec(withoutCarriageReturn(line));
  if (!match) return undefined;
  if (match[3] !== undefined) return { kind: 'handout', prefix: match[1], sourceId: match[3] };
  return { kind: match[2] === 'iliopsoas-red-flags' ? 'start' : 'end', prefix: match[1] };
}

/** Whether a line is one of our markers (outside code: the caller says). */
export function isHandoutMarkerLine(line: string): boolean {
  return markerOf(line) !== undefined;
}

export type RedFlagProblemKind = 'missing' | 'empty' | 'noEmergency';

export interface RedFlagProblem {
  readonly kind: RedFlagProblemKind;
  /** The id the handout's marker names. */
  readonly sourceId: string;
  /** Where to warn: the handout's marker line (missing) or the block's start marker line (0-based, end exclusive). */
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /**
   * Where the fix goes: the lines [fromLine, toLine) are replaced (an insertion before fromLine
   * when they are equal). `wrap` says whether the text needs its markers (they are gone).
   */
  readonly fix: { readonly fromLine: number; readonly toLine: number; readonly wrap: boolean; readonly prefix: string };
}

/** {@link findRedFlagProblems} on lines already split, with the code and front matter lines known (a note model's). */
export function findRedFlagProblemsInLines(lines: readonly string[], isExcludedLine: (line: number) => boolean): RedFlagProblem[] {
  const problems: RedFlagProblem[] = [];
  // The handout being read: its marker line, its title line, and its block's markers so far.
  let handout: { line: number; marker: MarkerLine; title: number; start: number; end: number; loneEnd: number } | undefined;
  const finish = (segmentEnd: number) => {
    if (!handout) return;
    const { line, marker, title, start, end, loneEnd } = handout;
    const sourceId = marker.sourceId!;
    const at = { line, character: marker.prefix.length, endCharacter: withoutCarriageReturn(lines[line]).length };
    if (start < 0 || end < 0) {
      // A marker left alone stands where the block was: the block goes back in its place.
      const lone = start >= 0 ? start : loneEnd;
      const fix =
        lone >= 0
          ? { fromLine: lone, toLine: lone + 1, wrap: true, prefix: markerOf(lines[lone])!.prefix }
          : title >= 0
            ? { fromLine: title + 1, toLine: title + 1, wrap: true, prefix: marker.prefix }
            : { fromLine: segmentEnd, toLine: segmentEnd, wrap: true, prefix: marker.prefix };
      problems.push({ kind: 'missing', sourceId, ...at, fix });
    } else {
      let blank = true;
      let emergency = false;
      for (let inside = start + 1; inside < end && !emergency; inside++) {
        const text = lines[inside];
        if (blank && text.trim() !== '') blank = false;
        if (isEmergencyLead(text)) emergency = true;
      }
      if (!emergency) {
        const startMarker = markerOf(lines[start])!;
        problems.push({
          kind: blank ? 'empty' : 'noEmergency',
          sourceId,
          line: start,
          character: startMarker.prefix.length,
          endCharacter: withoutCarriageReturn(lines[start]).length,
          fix: { fromLine: start + 1, toLine: end, wrap: false, prefix: startMarker.prefix },
        });
      }
    }
    handout = undefined;
  };

  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    if (handout && handout.title < 0 && handout.start < 0 && TITLE_LINE.test(text) && !isExcludedLine(line)) handout.title = line;
    const marker = markerOf(text);
    if (!marker || isExcludedLine(line)) continue;
    if (marker.kind === 'handout') {
      finish(line);
      handout = { line, marker, title: -1, start: -1, end: -1, loneEnd: -1 };
    } else if (!handout) {
      continue;
    } else if (marker.kind === 'start') {
      if (handout.start < 0) handout.start = line;
    } else if (handout.start >= 0) {
      if (handout.end < 0) handout.end = line;
    } else if (handout.loneEnd < 0) {
      handout.loneEnd = line;
    }
  }
  finish(lines.length);
  return problems;
}

/**
 * What has become of the red-flag block of each handout in a note (see the top of this file):
 * gone (`missing`: its markers, or one of them, deleted), `empty` (nothing but blank lines
 * between its markers) or without its emergency part (`noEmergency`: no line names 911 or the
 * emergency department). A handout whose block is whole has no problem.
 */
export function findRedFlagProblems(markdown: string): RedFlagProblem[] {
  // Most notes have no handout in them: one indexOf.
  if (markdown.indexOf(HANDOUT_MARKER_NAME) === -1) return [];
  const lines = markdown.split('\n');
  const excluded = markCodeAndFrontMatter(lines.map(withoutCarriageReturn));
  return findRedFlagProblemsInLines(lines, (line) => excluded[line] === 1);
}

/**
 * The edit that puts `blockText` (the current block, plain text, lines joined with "\n", without
 * its markers) back where `problem` says, as offsets into `markdown` (the note the problem was
 * found in): between the markers, or with its markers where they are gone. Lines get the
 * marker's indentation and quote markers, and the note's line breaks.
 */
export function restoreRedFlagBlockEdit(markdown: string, problem: RedFlagProblem, blockText: string): { start: number; end: number; text: string } {
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const { fromLine, toLine, wrap, prefix } = problem.fix;
  // The offsets where the lines fromLine and toLine start (the note's length past its last line).
  let start = -1;
  let end = -1;
  for (let line = 0, offset = 0; ; line++) {
    if (line === fromLine) start = offset;
    if (line === toLine) {
      end = offset;
      break;
    }
    const next = markdown.indexOf('\n', offset);
    if (next === -1) {
      if (start < 0) start = markdown.length;
      end = markdown.length;
      break;
    }
    offset = next + 1;
  }
  const blockLines = (wrap ? markedRedFlagBlock(blockText) : blockText).split('\n');
  let text = blockLines.map((line) => (line === '' ? prefix.trimEnd() : prefix + line)).join(eol) + eol;
  if (wrap && toLine === fromLine) {
    // A new block gets a blank line above it (below a title, or after the handout's last line).
    text = prefix.trimEnd() + eol + text;
  }
  // At the very end of a note without a final line break, the block starts on a line of its own.
  if (start === markdown.length && markdown.length > 0 && !markdown.endsWith('\n')) text = eol + text;
  return { start, end, text };
}

/** The Markdown without the marker lines (outside code): what the export renders, since it shows raw HTML as text. */
export function withoutHandoutMarkers(markdown: string): string {
  if (markdown.indexOf('iliopsoas-') === -1) return markdown;
  const lines = markdown.split('\n');
  const excluded = markCodeAndFrontMatter(lines.map(withoutCarriageReturn));
  return lines.filter((line, index) => excluded[index] === 1 || markerOf(line) === undefined).join('\n');
}
