/**
 * The checks of a clinic phrase file (pure: no `vscode`), shown in the Problems view on the file.
 *
 * Every phrase: its fields' syntax (a `{…|…}` that is not a list, an unknown `@VARIABLE@`) and
 * the "Do Not Use" abbreviations. A `kind: handout` phrase also gets the built-in handouts'
 * checks (test/content/handoutChecks.ts, which the runtime cannot import), held to what a clinic
 * can reasonably write: the reading grade by the one rule, a `# ` title, no dose amounts, and for
 * a handout about back or hip pain the warning signs: the shared block (a `{{red-flags}}` line)
 * or its own with both levels, emergency first.
 *
 * Linear in the file: each check is one pass over the body's lines or paragraphs.
 */
import { positionAt } from '../../markdown/positions';
import { forEachParagraph, isAtxHeading, markdownInlineExclusions, splitMarkdownLines, type MarkdownLines, type TextRange } from '../../markdown/regions';
import { escapeSnippetText } from '../../markdown/snippets';
import { exemptTerms, fleschKincaidGrade, patientReadingGrade, sentences, taughtTerms, words } from '../../readability/grade';
// Types only: the prose reader (markdown-it) is the main bundle's, given to checkPhrase, so this
// chunk makes no markdown-it of its own.
import { MIN_WORDS_TO_GRADE, UNFILLED_WORD } from '../../readability/prose';
import { quotedForMessage } from '../../util/messageText';
import { findDoNotUse } from '../doNotUse';
import { MAX_READING_GRADE, RED_FLAG_MARKER } from '../handouts';
import { isEmergencyLead } from '../redFlagMarkers';
import { findPhraseFields, MAX_LIST_LENGTH, MAX_LIST_OPTIONS, PHRASE_VARIABLES, splitOptions } from './fields';
import type { Phrase, PhraseProblem } from './phraseFile';

/** The line that puts the shared, current warning-signs block into a clinic handout (as in the built-in ones). */
export const RED_FLAG_LINE = RED_FLAG_MARKER;

/**
 * What a patient reads of a handout's Markdown (readability/prose.ts `handoutProse`): passed in
 * by the caller, so the one markdown-it the extension makes parses it.
 */
export type PatientProse = (snippetMarkdown: string) => string;

export interface PhraseCheckOptions {
  /**
   * Whether to report "Do Not Use" abbreviations (default true). A caller whose note diagnostics
   * already cover the phrase file can turn them off here, so they are not listed twice.
   */
  readonly doNotUse?: boolean;
}

/** The hardest sentences named with a grade that is too high; more would crowd the message. */
const HARDEST_SENTENCES = 2;
/** A shorter sentence (a heading, "Keep active.") has no grade of its own worth naming: one long word sends it past 20. */
const MIN_WORDS_TO_NAME = 5;
const MAX_QUOTE_LENGTH = 80;

/** Dose amounts, as the built-in handouts' checks find them (handoutChecks.ts HANDOUT_ONLY_RULES). */
const DOSE_AMOUNT = /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|units?|tablets?|pills?|capsules?)\b/gi;
const VARIABLE_LIKE = /@([A-Za-z][A-Za-z0-9_]{0,30})@/g;
const KNOWN_VARIABLES: ReadonlySet<string> = new Set(PHRASE_VARIABLES);
const VARIABLE_LIST = PHRASE_VARIABLES.map((name) => `@${name}@`).join(', ');

// What makes a handout about back or hip pain. A strong word anywhere in the title, description
// or sections says so; in the body it takes two uses, so one "bend at the hips" in a handout about
// something else does not. "Back" alone is too common ("come back", "the back of your hands"):
// only as the body part in pain.
const BACK_OR_HIP =
  /\b(?:(?:low(?:er)?|upper|mid|middle|sore|bad|stiff|your|my)[\s-]+back\b|back[\s-]*(?:pain|aches?|injur(?:y|ies)|strain|sprain|spasms?|problems?|surgery)|backache|spin(?:e|es|al)|lumbar|sacr(?:al|um)|sacroiliac|sciatic(?:a)?|hips?|groin|buttocks?|pelvi(?:s|c)|iliopsoas|psoas|disc|discs|disk|disks|vertebra(?:e|l)?|cauda[\s-]+equina|coccyx|tailbone)\b/gi;
const SAME_DAY_LINE = /\bsame[\s-]day\b/i;

/** File text in a message: straight quotes, cut short, and never able to form a link (quotedForMessage). */
const quote = (text: string): string => `"${quotedForMessage(text.length > MAX_QUOTE_LENGTH ? `${text.slice(0, MAX_QUOTE_LENGTH - 1)}…` : text)}"`;
/** A message from elsewhere (the Do Not Use rules) with its curly quotes made straight, as phrase messages quote. */
const straightQuotes = (text: string): string => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

/** Problems of one phrase, in the file's lines (0-based), sorted by line. `fileText` is the whole file the phrase was parsed from. */
export function checkPhrase(phrase: Phrase, fileText: string, patientProse: PatientProse, options: PhraseCheckOptions = {}): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  if (phrase.body === '' || phrase.bodyLine < 0) return problems;
  const split = splitMarkdownLines(phrase.body);
  checkFieldSyntax(phrase, split, problems);
  if (options.doNotUse !== false) checkDoNotUse(phrase, problems);
  if (phrase.kind === 'handout') {
    const titleLine = checkTitle(phrase, split, problems);
    checkReadingGrade(phrase, fileText, titleLine, patientProse, problems);
    checkWarningSigns(phrase, split, problems);
    checkDoses(phrase, split, problems);
  }
  return problems.sort((a, b) => a.line - b.line || (a.character ?? 0) - (b.character ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Every phrase

/** Why braces holding an unescaped `|` are not a list, or undefined when they are one. */
function notAListBecause(inside: string): string | undefined {
  if (inside.length > MAX_LIST_LENGTH) return `a list is at most ${MAX_LIST_LENGTH} characters`;
  const marker = inside[0];
  const options = splitOptions(marker === '*' || marker === '+' ? inside.slice(1) : inside);
  if (options.some((option) => option === '')) return 'it has an empty option (two "|" together, or one at an end)';
  if (options.length > MAX_LIST_OPTIONS) return `a list has at most ${MAX_LIST_OPTIONS} options (this one has ${options.length})`;
  return undefined;
}


/**
 * Braces that look like a list but are not one, and `@NAME@` that is not a variable, in prose
 * (not code, HTML or link destinations, where the completeness check does not look either).
 */
function checkFieldSyntax(phrase: Phrase, split: MarkdownLines, problems: PhraseProblem[]): void {
  const { lines, lineStarts } = split;
  const body = phrase.body;
  const at = (offset: number) => positionAt(lineStarts, offset);
  forEachParagraph(split, (first, last) => {
    const start = lineStarts[first];
    const paragraph = body.slice(start, lineStarts[last] + lines[last].length);
    if (!/[{@]/.test(paragraph)) return;
    const skip = markdownInlineExclusions(paragraph);
    const fields = findPhraseFields(paragraph, 0, paragraph.length, skip);
    const inField = (offset: number) => inRange(fields, offset);
    const skipped = (offset: number) => inRange(skip, offset);
    for (let i = 0; i < paragraph.length; i++) {
      const c = paragraph[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c !== '{' || inField(i) || skipped(i)) continue;
      // The braces' text up to the first `}`, another `{` or the end of the line.
      let end = i + 1;
      let hasBar = false;
      while (end < paragraph.length && !'{}\n'.includes(paragraph[end])) {
        if (paragraph[end] === '\\') end++;
        else if (paragraph[end] === '|') hasBar = true;
        end++;
      }
      if (!hasBar) continue;
      const from = at(start + i);
      const close = paragraph[end];
      let reason: string | undefined;
      if (close === '}') reason = notAListBecause(paragraph.slice(i + 1, end));
      else if (close === '{') reason = 'a list cannot hold another "{" (write "\\{" for a brace in an option)';
      else reason = 'it has no closing "}" on its line (a list is written on one line)';
      if (reason === undefined) continue;
      const to = close === '}' ? at(start + end + 1) : { line: from.line, character: lines[from.line].length };
      problems.push({
        line: phrase.bodyLine + from.line,
        character: from.character,
        endCharacter: to.line === from.line ? to.character : lines[from.line].length,
        message: `${quote(paragraph.slice(i, close === '}' ? end + 1 : end))} is not a list: ${reason}. A list is written like {left|right|both}, {*default|other} or {+pick|many}.`,
        severity: 'warning',
      });
      if (close === '}') i = end;
    }
    for (const match of paragraph.matchAll(VARIABLE_LIKE)) {
      const name = match[1];
      if (KNOWN_VARIABLES.has(name) || skipped(match.index) || inField(match.index)) continue;
      const from = at(start + match.index);
      const upper = name.toUpperCase();
      const advice = KNOWN_VARIABLES.has(upper) ? `write @${upper}@ (in capitals)` : `write one of ${VARIABLE_LIST}`;
      problems.push({
        line: phrase.bodyLine + from.line,
        character: from.character,
        endCharacter: from.character + match[0].length,
        message: `${quote(match[0])} is an unknown variable: ${advice}.`,
        severity: 'warning',
      });
    }
  });
}

/** Whether `offset` is inside one of `ranges` (sorted, disjoint). */
function inRange(ranges: readonly TextRange[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ranges[middle].end <= offset) low = middle + 1;
    else if (ranges[middle].start > offset) high = middle - 1;
    else return true;
  }
  return false;
}

function checkDoNotUse(phrase: Phrase, problems: PhraseProblem[]): void {
  for (const finding of findDoNotUse(phrase.body)) {
    problems.push({
      line: phrase.bodyLine + finding.line,
      character: finding.character,
      ...(finding.endLine === finding.line ? { endCharacter: finding.endCharacter } : {}),
      message: `Do Not Use ${quote(finding.text)}: ${straightQuotes(finding.message)}`,
      severity: 'warning',
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Handouts

/** The body line (0-based) of the first `# ` heading, or -1; a missing one is reported. */
function checkTitle(phrase: Phrase, { lines, excluded }: MarkdownLines, problems: PhraseProblem[]): number {
  const title = lines.findIndex((line, index) => excluded[index] !== 1 && isAtxHeading(line) && /^ {0,3}#(?:[ \t]|$)/.test(line) && line.replace(/^ {0,3}#/, '').trim() !== '');
  if (title < 0) {
    problems.push({
      line: phrase.bodyLine,
      message: `A patient handout starts with its title as a heading line, such as ${quote(`# ${phrase.title}`)}.`,
      severity: 'warning',
    });
  }
  return title;
}

/**
 * What the patient reads, as the built-in handouts are graded: each field one short word (its
 * text is the clinician's, not the handout's writing) and the `{{red-flags}}` line left out (the
 * shared block is graded with the built-in handouts). Snippet characters are escaped, since
 * handoutProse reads its input as snippet syntax and a phrase body is not.
 */
function patientText(body: string, patientProse: PatientProse): string {
  let text = '';
  let position = 0;
  for (const field of findPhraseFields(body)) {
    text += body.slice(position, field.start) + UNFILLED_WORD;
    position = field.end;
  }
  text += body.slice(position);
  const withoutBlock = text
    .split('\n')
    .map((line) => (line.trim() === RED_FLAG_LINE ? '' : line))
    .join('\n');
  return patientProse(escapeSnippetText(withoutBlock));
}

function checkReadingGrade(phrase: Phrase, fileText: string, titleLine: number, patientProse: PatientProse, problems: PhraseProblem[]): void {
  const prose = patientText(phrase.body, patientProse);
  if (words(prose).length < MIN_WORDS_TO_GRADE) return;
  const grade = patientReadingGrade(prose, phrase.teaches);
  if (grade <= MAX_READING_GRADE) return;
  // The sentences that raise it most, by Flesch–Kincaid on each alone (SMOG needs more than one).
  const graded = exemptTerms(prose, taughtTerms(prose, phrase.teaches));
  const hardest = sentences(graded)
    .map((sentence) => ({ sentence, grade: fleschKincaidGrade(sentence) }))
    .filter((entry) => entry.grade > MAX_READING_GRADE && words(entry.sentence).length >= MIN_WORDS_TO_NAME)
    .sort((a, b) => b.grade - a.grade)
    .slice(0, HARDEST_SENTENCES);
  const hardestText = hardest.length === 0 ? '' : ` Hardest: ${hardest.map((entry) => `${quote(entry.sentence)} (grade ${entry.grade.toFixed(1)})`).join('; ')}.`;
  problems.push({
    line: titleLine >= 0 ? phrase.bodyLine + titleLine : frontMatterTitleLine(fileText),
    message: `Reading grade ${grade.toFixed(1)} (the higher of Flesch–Kincaid and SMOG): patient handouts should read at grade ${MAX_READING_GRADE} or below.${hardestText}`,
    severity: 'warning',
  });
}

/** The front matter's `title:` line, or 0 (the file's first line). Reads only the front matter. */
function frontMatterTitleLine(fileText: string): number {
  let start = 0;
  for (let line = 0; start <= fileText.length; line++) {
    const end = fileText.indexOf('\n', start);
    const text = fileText.slice(start, end < 0 ? fileText.length : end);
    if (line > 0 && /^(?:---|\.\.\.)\s*$/.test(text)) return 0;
    if (/^title[ \t]*:/.test(text)) return line;
    if (end < 0) return 0;
    start = end + 1;
  }
  return 0;
}

/** Whether the handout is about back or hip pain: see BACK_OR_HIP. */
export function isAboutBackOrHipPain(phrase: Phrase): boolean {
  const heading = [phrase.title, phrase.description, ...phrase.sections.map((id) => id.replace(/[-_]+/g, ' '))].join('\n');
  BACK_OR_HIP.lastIndex = 0;
  if (BACK_OR_HIP.test(heading)) return true;
  let uses = 0;
  BACK_OR_HIP.lastIndex = 0;
  while (BACK_OR_HIP.exec(phrase.body)) if (++uses >= 2) return true;
  return false;
}

function checkWarningSigns(phrase: Phrase, { lines, excluded }: MarkdownLines, problems: PhraseProblem[]): void {
  if (!isAboutBackOrHipPain(phrase)) return;
  const prose = (index: number) => excluded[index] !== 1;
  if (lines.some((line, index) => prose(index) && line.trim() === RED_FLAG_LINE)) return;
  const emergency = lines.findIndex((line, index) => prose(index) && isEmergencyLead(line));
  const sameDayAfter = emergency < 0 ? -1 : lines.findIndex((line, index) => index > emergency && prose(index) && SAME_DAY_LINE.test(line));
  if (emergency >= 0 && sameDayAfter >= 0) return; // its own block, with both levels in order
  const sameDay = lines.findIndex((line, index) => prose(index) && SAME_DAY_LINE.test(line));
  const advice = `add a line ${RED_FLAG_LINE} where the emergency and same-day signs should go`;
  let line = 0;
  let message: string;
  if (emergency < 0 && sameDay < 0) {
    message = `This handout is about back or hip pain but has no warning-signs block: ${advice}.`;
  } else if (emergency < 0) {
    line = phrase.bodyLine + sameDay;
    message = `This handout is about back or hip pain, and its warning signs have no emergency level (when to call 911): ${advice}.`;
  } else if (sameDay >= 0) {
    line = phrase.bodyLine + sameDay;
    message = `This handout lists the same-day signs before the emergency signs: put the 911 signs first, or ${advice}.`;
  } else {
    line = phrase.bodyLine + emergency;
    message = `This handout is about back or hip pain, and its warning signs have no same-day level (when to call the clinic the same day): ${advice}.`;
  }
  problems.push({ line, message, severity: 'warning' });
}

function checkDoses(phrase: Phrase, { lines, excluded }: MarkdownLines, problems: PhraseProblem[]): void {
  lines.forEach((text, index) => {
    if (excluded[index] === 1 || !/\d/.test(text)) return;
    for (const match of text.matchAll(DOSE_AMOUNT)) {
      problems.push({
        line: phrase.bodyLine + index,
        character: match.index,
        endCharacter: match.index + match[0].length,
        message: `${quote(match[0])} is a dose amount: a handout gives none. Write "as the label or your clinician says".`,
        severity: 'warning',
      });
    }
  });
}
