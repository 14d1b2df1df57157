/**
 * The Joint Commission "Do Not Use" list as rules over a Markdown note (pure: no `vscode`). The
 * rules' ids, explanations and levels are in doNotUseRules.ts; the comment that silences a line
 * in doNotUseComments.ts.
 *
 * What is flagged (units in any case: "MG", "mL" and "ML" alike)
 * - `unit`: "U"/"u" written as the unit of a dose: right after a number ("10 U insulin", "10U",
 *   "4 u/kg"), or "U" before a per-unit ("U/kg", "U/h") without a number. → "units" ("unit" after 1).
 * - `international-unit`: "IU" the same way ("1000 IU", "IU/kg"). → "international units".
 * - `daily`: Q.D., QD, q.d., qd (any case, standalone). → "daily".
 * - `every-other-day`: Q.O.D., QOD, q.o.d., qod. → "every other day".
 * - `trailing-zero`: "1.0 mg", "1.50 mL", "1.0 cc" before a dose unit. → "1", "1.5".
 * - `leading-zero`: ".5 mg", ".5 cc" before a dose unit. → "0.5".
 * - `mso4` / `mgso4`: always (they name nothing else). → "morphine sulfate" / "magnesium sulfate".
 * - `ms`: upper-case "MS" only in a dose context: followed by a dose ("MS 4 mg", "MS: 2mg") or
 *   a route or administration word ("MS IV", "MS PRN", "MS infusion"), or preceded by a dose
 *   or route ("2 mg MS", "4 mg of MS", "IV MS"). No replacement: only the writer knows which drug.
 * - `cc`: "cc" / "c.c." (any case) right after a number ("2 cc", "5cc", "100 cc/hr"). → "mL".
 *   Not on the official list: The Joint Commission reviews it for inclusion and ISMP lists it.
 *
 * What is not (on purpose)
 * - Anything in code (fences, indented code, code spans), front matter, link destinations,
 *   reference definitions, autolinks, raw URLs, e-mail addresses, HTML tags and comments
 *   (markdownRegions). Link text is prose and is checked. A line that is an HTML comment is a
 *   block of its own, as in Markdown: no paragraph runs across it.
 * - A line below `<!-- iliopsoas-disable-next-line [rules] -->` for the rules it names (all when
 *   it names none).
 * - "U"/"IU" without a dose: "US", "USA", "U.S.", "UK", "IUD", "you", "U-turn", "a U-shaped
 *   cushion", "2 U-shaped cushions", "U-100" (a hyphen or letter after the U means a word).
 * - "MS" without a dose context, since the same letters mean multiple sclerosis, Master of
 *   Science or mitral stenosis: "MS (multiple sclerosis)", "MS since 2010", "MS Contin" (a brand
 *   name). "Ms. Smith" and "10 ms" (case differs) and "MS" inside a word ("AMS", "MSc").
 * - Laboratory results. The list covers orders and medication-related documentation, and allows
 *   a trailing zero where it shows a result's precision: a value per litre or decilitre, in any
 *   case ("K 4.0 mmol/L", "CR 1.0 mg/DL", "Hb 14.0 G/DL", "ALT 40 U/L"), a nanogram per
 *   millilitre ("vitamin D 25.0 ng/mL"), and units or international units per millilitre with no
 *   order word (give, inject, infuse, vial, pen, syringe, solution, a route…) within a few words
 *   on the same line ("TSH 2.8 IU/ML", "CA-125 35 U/mL"; but "heparin 5000 IU/mL SC" is flagged).
 *   A drug concentration by mass per millilitre ("1.0 mg/mL", "Depo-Medrol 40.0 mg/mL") is a dose
 *   and is flagged.
 * - Other measurements: "version 1.0", "v2.0", "at 1.30 pm", body weight "70.0 kg" and sizes
 *   "2.0 cm" (the Joint Commission allows the precision).
 * - "q.d.s."/"QDS" (four times a day) and "q.i.d." are different abbreviations, not QD.
 * - "cc" with no number before it (a copy to someone, "CC" for chief complaint).
 * - Decimal commas ("1,0 mg") are not recognised; "1,000 mg" is a thousands separator.
 *
 * Cost: the note is split into paragraphs once; each paragraph is scanned by a few regular
 * expressions that start at a fixed character or behind a one-character look-behind, and the
 * checks around a match read a bounded window, so the whole check is linear in the length of the
 * note.
 */
import { isAtxHeading, isBlankLine, markdownInlineExclusions, splitMarkdownLines, type TextRange } from '../markdown/regions';
import { positionAt } from '../markdown/positions';
import { isCommentLine, parseDisableComment } from './doNotUseComments';
import { DO_NOT_USE_RULE_IDS, type DoNotUseRuleId } from './doNotUseRules';

export { DO_NOT_USE_RULES, type DoNotUseRule, type DoNotUseRuleId } from './doNotUseRules';

export interface DoNotUseFinding {
  readonly rule: DoNotUseRuleId;
  /** UTF-16 offsets of the flagged text: start inclusive, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 0-based position of `start`, as VS Code counts (UTF-16 characters). */
  readonly line: number;
  readonly character: number;
  /** 0-based position of `end`. */
  readonly endLine: number;
  readonly endCharacter: number;
  /** The flagged text as written, e.g. "q.d." or "1.0". */
  readonly text: string;
  /** One sentence: the risk and what to write instead. */
  readonly message: string;
  /** Text that replaces [start, end) in a quick fix; undefined when only the writer knows the fix (MS). */
  readonly replacement: string | undefined;
}

/** A problem with a disable comment: a name in it that is no rule. One line; positions as in findings. */
export interface DoNotUseNotice {
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /** The unknown name as written. */
  readonly text: string;
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------
// Patterns. Each starts at a fixed character or behind a one-character look-behind, so a failed
// attempt costs O(1) per position plus one run of digits.

/** A pattern of lower-case letters that also matches them in upper case ("mg" → "[mM][gG]"), leaving everything else as it is. */
function anyCase(pattern: string): string {
  return pattern.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);
}

// A number as doses are written: 10, 1,000, 2.5. The look-behind keeps "v2", "B12", "1.2.0" out.
const NUMBER = String.raw`(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const SPACE = String.raw`[ \u00a0]?`;
// Units a medication dose is given in (mass, volume, units, countable forms), in any case. Not kg
// (body weight), cm or mm (sizes): those are measurements, whose precision the Joint Commission allows.
const DOSE_UNIT = String.raw`(?:µg|μg|µG|μG|${anyCase(String.raw`mg|mcg|ng|g|gm|grams?|milligrams?|micrograms?|nanograms?|ml|millilit(?:re|er)s?|l|lit(?:re|er)s?|mmol|meq|units?|iu|u|cc|c\.c\.?|tablets?|tabs?|capsules?|caps?|puffs?|drops?|sprays?`)})(?![\p{L}\p{N}])`;
// What follows an abbreviation that is a word of its own: not a letter or digit, and not "." or
// "-" joining more of a word ("U.S.", "U-shaped", "q.d.s.").
const WORD_END = String.raw`(?![\p{L}\p{N}]|[.\-][\p{L}\p{N}])`;
const WORD_START = String.raw`(?<![\p{L}\p{N}.\-])`;
const ROUTE = String.raw`(?:IV|IM|PO|SC|SQ|SL|PR|PRN|prn|PCA|infusion|drip|bolus|gtt)`;

// Group `unit` is the flagged abbreviation (the match ends with it); `gap` tells whether a space
// separated it from the number.
const UNIT_AFTER_NUMBER = new RegExp(String.raw`(?<number>${NUMBER})(?<gap>${SPACE})(?<unit>IU|iu|U|u)${WORD_END}`, 'gu');
// Without a number before it ("10 U/kg" is found above); the match is the abbreviation.
const UNIT_PER = new RegExp(String.raw`${WORD_START}(?<!\p{N}[ \u00a0])(?<unit>IU|U)(?=\/(?:kg|h|hr|hour|min|${anyCase('ml')}|day|d|dose)(?![\p{L}\p{N}]))`, 'gu');
const DAILY = new RegExp(String.raw`${WORD_START}(?:[Qq]\.[Dd]\.?|[Qq][Dd])${WORD_END}`, 'gu');
const EVERY_OTHER_DAY = new RegExp(String.raw`${WORD_START}(?:[Qq]\.[Oo]\.[Dd]\.?|[Qq][Oo][Dd])${WORD_END}`, 'gu');
// Groups `space` and `unit`: what follows the number, for the laboratory check.
const TRAILING_ZERO = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d*0(?=(?<space>${SPACE})(?<unit>${DOSE_UNIT}))`, 'gu');
const LEADING_ZERO = new RegExp(String.raw`(?<![\p{L}\p{N}.,])\.\d+(?=(?<space>${SPACE})(?<unit>${DOSE_UNIT}))`, 'gu');
const CC = new RegExp(String.raw`(?:${NUMBER}|(?<![\p{L}\p{N}.,])\.\d+)(?<gap>${SPACE})(?<cc>${anyCase(String.raw`cc|c\.c\.?`)})${WORD_END}`, 'gu');
const MSO4 = /(?<![\p{L}\p{N}])[Mm][Ss][Oo][4₄](?![\p{L}\p{N}])/gu;
const MGSO4 = /(?<![\p{L}\p{N}])[Mm][Gg][Ss][Oo][4₄](?![\p{L}\p{N}])/gu;
const MS = new RegExp(String.raw`(?<![\p{L}\p{N}\-])MS${WORD_END}`, 'gu');
// How far around "MS" a dose or route is looked for; a few words either way.
const MS_CONTEXT = 40;
const DOSE_AFTER_MS = new RegExp(String.raw`^(?:[ \u00a0]*:?[ \u00a0]*(?:${NUMBER}|\.\d+)${SPACE}${DOSE_UNIT}|[ \u00a0]+${ROUTE}(?![\p{L}\p{N}]))`, 'u');
const DOSE_BEFORE_MS = new RegExp(String.raw`(?:(?:${NUMBER}|\.\d+)${SPACE}${DOSE_UNIT}(?:[ \u00a0]+of)?|(?<![\p{L}\p{N}])${ROUTE})[ \u00a0]+$`, 'u');

// A laboratory concentration: the denominator after a unit, and the units a result is given in per millilitre.
const PER_LITRE = new RegExp(String.raw`^\/(?:${anyCase(String.raw`d?l|lit(?:re|er)`)})(?![\p{L}\p{N}])`, 'u');
const PER_MILLILITRE = new RegExp(String.raw`^\/${anyCase('ml')}(?![\p{L}\p{N}])`, 'u');
const LABORATORY_MASS = /^(?:ng|nanograms?)$/i;
const UNITS = /^(?:u|iu|units?)$/i;
// Words that make a line an order or a record of a dose given, around a unit per millilitre.
const ORDER_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${ROUTE}|${anyCase(String.raw`give|given|gave|giving|inject(?:s|ed|ing|ions?)?|infus(?:e|es|ed|ing|ions?)|administer(?:s|ed|ing)?|vials?|pens?|syringes?|amp(?:o|)ules?|solution|bolus|drip|subcut(?:aneous(?:ly)?)?|intravenous(?:ly)?|intramuscular(?:ly)?`)})(?![\p{L}\p{N}])`,
  'u',
);
// How far around a unit per millilitre an order word is looked for, on the same line.
const ORDER_CONTEXT = 48;

/** Whether an order word stands within a few words of [start, end), on the same line. */
function nearOrderWord(paragraph: string, start: number, end: number): boolean {
  const from = Math.max(0, start - ORDER_CONTEXT);
  const window = paragraph.slice(from, Math.min(paragraph.length, end + ORDER_CONTEXT));
  const lineStart = window.lastIndexOf('\n', start - from) + 1;
  const lineEnd = window.indexOf('\n', end - from);
  return ORDER_WORD.test(window.slice(lineStart, lineEnd === -1 ? window.length : lineEnd));
}

/**
 * Whether the unit [unitEnd - unit.length, unitEnd) of a number is that of a laboratory result
 * (see the top of this file): per litre or decilitre; nanograms per millilitre; units per
 * millilitre with no order word near.
 */
function isLaboratoryValue(paragraph: string, unit: string, unitEnd: number): boolean {
  const after = paragraph.slice(unitEnd, unitEnd + 8);
  if (PER_LITRE.test(after)) return true;
  if (!PER_MILLILITRE.test(after)) return false;
  if (LABORATORY_MASS.test(unit)) return true;
  return UNITS.test(unit) && !nearOrderWord(paragraph, unitEnd - unit.length, unitEnd + 3);
}

// ---------------------------------------------------------------------------------------------
// Rules over one paragraph. Offsets are relative to the paragraph.

interface RawFinding {
  readonly rule: DoNotUseRuleId;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly replacement: string | undefined;
}

const quoted = (text: string): string => `“${text}”`;

function unitFindings(paragraph: string, out: RawFinding[]): void {
  const add = (match: RegExpExecArray, number: string | undefined): void => {
    const written = match.groups!.unit;
    const end = match.index + match[0].length;
    if (isLaboratoryValue(paragraph, written, end)) return;
    const one = number !== undefined && Number(number.replace(/,/g, '')) === 1;
    const international = written === 'IU' || written === 'iu';
    const word = international ? (one ? 'international unit' : 'international units') : one ? 'unit' : 'units';
    // "10U" becomes "10 units", not "10units".
    const replacement = number !== undefined && match.groups!.gap === '' ? ` ${word}` : word;
    const risk = international ? 'can be misread as IV or 10' : 'can be misread as 0, 4 or “cc”';
    out.push({
      rule: international ? 'international-unit' : 'unit',
      start: end - written.length,
      end,
      message: `${quoted(written)} ${risk}; write ${quoted(word)}.`,
      replacement,
    });
  };
  for (const match of paragraph.matchAll(UNIT_AFTER_NUMBER)) add(match, match.groups!.number);
  for (const match of paragraph.matchAll(UNIT_PER)) add(match, undefined);
}

/** A dotted abbreviation's last dot may also end the sentence; then the fix keeps a full stop. */
function endsSentence(paragraph: string, written: string, end: number): boolean {
  return written.endsWith('.') && /^(?:$|\s*\n|\s+[\p{Lu}"“(])/u.test(paragraph.slice(end, end + 3));
}

function frequencyFindings(paragraph: string, out: RawFinding[]): void {
  const rules = [
    { rule: 'daily' as const, pattern: DAILY, word: 'daily', confusedWith: 'QOD (every other day) or q.i.d. (four times daily)' },
    { rule: 'every-other-day' as const, pattern: EVERY_OTHER_DAY, word: 'every other day', confusedWith: 'QD (daily) or q.i.d. (four times daily)' },
  ];
  for (const { rule, pattern, word, confusedWith } of rules) {
    for (const match of paragraph.matchAll(pattern)) {
      const written = match[0];
      const end = match.index + written.length;
      const replacement = endsSentence(paragraph, written, end) ? `${word}.` : word;
      out.push({ rule, start: match.index, end, message: `${quoted(written)} can be mistaken for ${confusedWith}; write ${quoted(word)}.`, replacement });
    }
  }
}

function withoutTrailingZeros(decimal: string): string {
  return decimal.replace(/0+$/, '').replace(/\.$/, '');
}

function decimalFindings(paragraph: string, out: RawFinding[]): void {
  const unitEnd = (match: RegExpExecArray): number => match.index + match[0].length + match.groups!.space.length + match.groups!.unit.length;
  for (const match of paragraph.matchAll(TRAILING_ZERO)) {
    if (isLaboratoryValue(paragraph, match.groups!.unit, unitEnd(match))) continue;
    const written = match[0];
    const fixed = withoutTrailingZeros(written);
    out.push({
      rule: 'trailing-zero',
      start: match.index,
      end: match.index + written.length,
      message: `The decimal point in ${quoted(written)} can be missed, making it ten times larger; write ${quoted(fixed)}.`,
      replacement: fixed,
    });
  }
  for (const match of paragraph.matchAll(LEADING_ZERO)) {
    if (isLaboratoryValue(paragraph, match.groups!.unit, unitEnd(match))) continue;
    const written = match[0];
    const fixed = `0${withoutTrailingZeros(written)}`;
    out.push({
      rule: 'leading-zero',
      start: match.index,
      end: match.index + written.length,
      message: `Without a leading zero ${quoted(written)} can be read as ${written.slice(1)}, ten times larger; write ${quoted(fixed)}.`,
      replacement: fixed,
    });
  }
}

function ccFindings(paragraph: string, out: RawFinding[]): void {
  for (const match of paragraph.matchAll(CC)) {
    const written = match.groups!.cc;
    const end = match.index + match[0].length;
    // "5cc" becomes "5 mL"; a "c.c." that also ended the sentence keeps its full stop.
    const word = endsSentence(paragraph, written, end) ? 'mL.' : 'mL';
    out.push({
      rule: 'cc',
      start: end - written.length,
      end,
      message: `${quoted(written)} can be mistaken for “U” (units) or read as “00”; write “mL”.`,
      replacement: match.groups!.gap === '' ? ` ${word}` : word,
    });
  }
}

function sulfateFindings(paragraph: string, out: RawFinding[]): void {
  for (const match of paragraph.matchAll(MSO4)) {
    out.push({
      rule: 'mso4',
      start: match.index,
      end: match.index + match[0].length,
      message: `${quoted(match[0])} is confused with MgSO4 (magnesium sulfate); write “morphine sulfate”.`,
      replacement: 'morphine sulfate',
    });
  }
  for (const match of paragraph.matchAll(MGSO4)) {
    out.push({
      rule: 'mgso4',
      start: match.index,
      end: match.index + match[0].length,
      message: `${quoted(match[0])} is confused with MSO4 (morphine sulfate); write “magnesium sulfate”.`,
      replacement: 'magnesium sulfate',
    });
  }
  for (const match of paragraph.matchAll(MS)) {
    const start = match.index;
    const end = start + match[0].length;
    const after = paragraph.slice(end, end + MS_CONTEXT);
    const before = paragraph.slice(Math.max(0, start - MS_CONTEXT), start);
    if (!DOSE_AFTER_MS.test(after) && !DOSE_BEFORE_MS.test(before)) continue;
    out.push({
      rule: 'ms',
      start,
      end,
      message: '“MS” can mean morphine sulfate or magnesium sulfate; write the drug name in full.',
      replacement: undefined,
    });
  }
}

function paragraphFindings(paragraph: string): RawFinding[] {
  const found: RawFinding[] = [];
  unitFindings(paragraph, found);
  frequencyFindings(paragraph, found);
  decimalFindings(paragraph, found);
  ccFindings(paragraph, found);
  sulfateFindings(paragraph, found);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Whole notes

function overlapsAny(ranges: readonly TextRange[], start: number, end: number): boolean {
  // Sorted, disjoint ranges: find the first that ends after `start`.
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  return low < ranges.length && ranges[low].start < end;
}

/** What {@link checkDoNotUse} finds in a note. */
export interface DoNotUseCheck {
  /** In document order, without those a disable comment silences. */
  readonly findings: DoNotUseFinding[];
  /** Unknown rule names in disable comments, in document order. */
  readonly notices: DoNotUseNotice[];
}

/**
 * The Do Not Use abbreviations and dose notations in a Markdown note, in document order, outside
 * code, front matter, link destinations and URLs, and not on a line a disable comment silences.
 * See the top of this file for what is flagged.
 */
export function findDoNotUse(markdown: string): DoNotUseFinding[] {
  return checkDoNotUse(markdown).findings;
}

const RULE_LIST = DO_NOT_USE_RULE_IDS.join(', ');

/** {@link findDoNotUse}, and the problems of the note's disable comments. */
export function checkDoNotUse(markdown: string): DoNotUseCheck {
  const { lineStarts, lines, excluded: excludedLines } = splitMarkdownLines(markdown);

  // Comment lines, and what each disable comment silences on the line below it.
  const commentLines = new Set<number>();
  const silenced = new Map<number, ReadonlySet<DoNotUseRuleId> | undefined>();
  const notices: DoNotUseNotice[] = [];
  for (let line = 0; line < lines.length; line++) {
    if (excludedLines[line] === 1 || !isCommentLine(lines[line])) continue;
    commentLines.add(line);
    const comment = parseDisableComment(lines[line]);
    if (!comment) continue;
    silenced.set(line + 1, comment.rules);
    for (const { name, start, end } of comment.unknown) {
      notices.push({
        line,
        character: start,
        endCharacter: end,
        text: name,
        message: `${quoted(name)} is not a Do Not Use rule, so this comment does not silence it; the rules are ${RULE_LIST}.`,
      });
    }
  }
  const isSilenced = (rule: DoNotUseRuleId, line: number): boolean => {
    if (!silenced.has(line)) return false;
    const rules = silenced.get(line);
    return rules === undefined || rules.has(rule);
  };
  const breaksParagraph = (line: number): boolean => excludedLines[line] === 1 || isBlankLine(lines[line]) || commentLines.has(line);

  const findings: DoNotUseFinding[] = [];
  for (let first = 0; first < lines.length; ) {
    if (breaksParagraph(first)) {
      first++;
      continue;
    }
    // A paragraph (the unit code spans pair within) runs to a blank, code, comment or heading line; a heading stands alone.
    let last = first;
    if (!isAtxHeading(lines[first])) {
      while (last + 1 < lines.length && !breaksParagraph(last + 1) && !isAtxHeading(lines[last + 1])) last++;
    }
    const offset = lineStarts[first];
    const paragraph = markdown.slice(offset, lineStarts[last] + lines[last].length);
    const raw = paragraphFindings(paragraph);
    if (raw.length > 0) {
      const exclusions = markdownInlineExclusions(paragraph);
      raw.sort((a, b) => a.start - b.start || a.end - b.end);
      for (const finding of raw) {
        if (overlapsAny(exclusions, finding.start, finding.end)) continue;
        const start = offset + finding.start;
        const end = offset + finding.end;
        const from = positionAt(lineStarts, start);
        if (isSilenced(finding.rule, from.line)) continue;
        const to = positionAt(lineStarts, end);
        findings.push({
          rule: finding.rule,
          start,
          end,
          line: from.line,
          character: from.character,
          endLine: to.line,
          endCharacter: to.character,
          text: markdown.slice(start, end),
          message: finding.message,
          replacement: finding.replacement,
        });
      }
    }
    first = last + 1;
  }
  return { findings, notices };
}
