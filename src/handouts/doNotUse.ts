/**
 * The Joint Commission "Do Not Use" list as rules over a Markdown note (pure: no `vscode`).
 *
 * What is flagged
 * - `unit`: "U"/"u" written as the unit of a dose: right after a number ("10 U insulin", "10U",
 *   "4 u/kg"), or "U" before a per-unit ("U/kg", "U/h") without a number. → "units" ("unit" after 1).
 * - `international-unit`: "IU" the same way ("1000 IU", "IU/kg"). → "international units".
 * - `daily`: Q.D., QD, q.d., qd (any case, standalone). → "daily".
 * - `every-other-day`: Q.O.D., QOD, q.o.d., qod. → "every other day".
 * - `trailing-zero`: "1.0 mg", "1.50 mL" before a dose unit. → "1", "1.5".
 * - `leading-zero`: ".5 mg" before a dose unit. → "0.5".
 * - `mso4` / `mgso4`: always (they name nothing else). → "morphine sulfate" / "magnesium sulfate".
 * - `ms`: upper-case "MS" only in a dose context: followed by a dose ("MS 4 mg", "MS: 2mg") or
 *   a route or administration word ("MS IV", "MS PRN", "MS infusion"), or preceded by a dose
 *   or route ("2 mg MS", "4 mg of MS", "IV MS"). No replacement: only the writer knows which drug.
 *
 * What is not (on purpose)
 * - Anything in code (fences, indented code, code spans), front matter, link destinations,
 *   reference definitions, autolinks, raw URLs, e-mail addresses and HTML tags (markdownRegions).
 *   Link text is prose and is checked.
 * - "U"/"IU" without a dose: "US", "USA", "U.S.", "UK", "IUD", "you", "U-turn", "a U-shaped
 *   cushion", "2 U-shaped cushions", "U-100" (a hyphen or letter after the U means a word).
 * - "MS" without a dose context, since the same letters mean multiple sclerosis, Master of
 *   Science or mitral stenosis: "MS (multiple sclerosis)", "MS since 2010", "MS Contin" (a brand
 *   name). "Ms. Smith" and "10 ms" (case differs) and "MS" inside a word ("AMS", "MSc").
 * - Trailing zeros that are not a dose: "version 1.0", "v2.0", "at 1.30 pm", body weight
 *   "70.0 kg" and sizes "2.0 cm" (measurements: the Joint Commission allows the precision), and
 *   laboratory concentrations per litre or decilitre ("K 4.0 mmol/L", "creatinine 1.0 mg/dL").
 *   A drug concentration per millilitre ("1.0 mg/mL") is flagged.
 * - "q.d.s."/"QDS" (four times a day) and "q.i.d." are different abbreviations, not QD.
 * - Decimal commas ("1,0 mg") are not recognised; "1,000 mg" is a thousands separator.
 *
 * Cost: the note is split into paragraphs once; each paragraph is scanned by a few regular
 * expressions that start at a fixed character or behind a one-character look-behind, so the
 * whole check is linear in the length of the note.
 */
import { isAtxHeading, isBlankLine, markdownInlineExclusions, splitMarkdownLines, type TextRange } from '../markdown/regions';
import { positionAt } from '../markdown/positions';

export type DoNotUseRuleId =
  | 'unit'
  | 'international-unit'
  | 'daily'
  | 'every-other-day'
  | 'trailing-zero'
  | 'leading-zero'
  | 'ms'
  | 'mso4'
  | 'mgso4';

/** One row of the Joint Commission list, as the README shows it. */
export interface DoNotUseRule {
  readonly id: DoNotUseRuleId;
  /** The abbreviations or forms the rule flags, as they may be written. */
  readonly forms: string;
  /** Why it is dangerous. */
  readonly risk: string;
  /** What to write instead. */
  readonly write: string;
}

export const DO_NOT_USE_RULES: readonly DoNotUseRule[] = [
  { id: 'unit', forms: 'U, u (unit)', risk: 'Misread as 0, 4 or "cc".', write: 'units' },
  { id: 'international-unit', forms: 'IU (international unit)', risk: 'Misread as IV (intravenous) or 10.', write: 'international units' },
  { id: 'daily', forms: 'Q.D., QD, q.d., qd', risk: 'Mistaken for QOD or q.i.d. (four times daily).', write: 'daily' },
  { id: 'every-other-day', forms: 'Q.O.D., QOD, q.o.d., qod', risk: 'Mistaken for QD (daily) or q.i.d. (four times daily).', write: 'every other day' },
  { id: 'trailing-zero', forms: 'Trailing zero in a dose (1.0 mg)', risk: 'The decimal point is missed: a tenfold overdose.', write: '1 mg' },
  { id: 'leading-zero', forms: 'Missing leading zero in a dose (.5 mg)', risk: 'The decimal point is missed: a tenfold overdose.', write: '0.5 mg' },
  { id: 'ms', forms: 'MS (next to a dose)', risk: 'Can mean morphine sulfate or magnesium sulfate.', write: 'morphine sulfate or magnesium sulfate' },
  { id: 'mso4', forms: 'MSO4', risk: 'Confused with MgSO4 (magnesium sulfate).', write: 'morphine sulfate' },
  { id: 'mgso4', forms: 'MgSO4', risk: 'Confused with MSO4 (morphine sulfate).', write: 'magnesium sulfate' },
];

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

// ---------------------------------------------------------------------------------------------
// Patterns. Each starts at a fixed character or behind a one-character look-behind, so a failed
// attempt costs O(1) per position plus one run of digits.

// A number as doses are written: 10, 1,000, 2.5. The look-behind keeps "v2", "B12", "1.2.0" out.
const NUMBER = String.raw`(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const SPACE = String.raw`[ \u00a0]?`;
// Units a medication dose is given in (mass, volume, units, countable forms). Not kg (body
// weight), cm or mm (sizes): those are measurements, whose precision the Joint Commission allows.
const DOSE_UNIT = String.raw`(?:mg|mcg|µg|μg|ng|g|gm|grams?|milligrams?|micrograms?|mL|ml|millilit(?:re|er)s?|L|mmol|mEq|units?|IU|U|tablets?|tabs?|capsules?|caps?|puffs?|drops?|sprays?)(?![\p{L}\p{N}])`;
// A per-litre or per-decilitre concentration is a laboratory result, not a dose.
const LAB_CONCENTRATION = String.raw`\/(?:dL|dl|L|l)(?![\p{L}\p{N}])`;
// What follows an abbreviation that is a word of its own: not a letter or digit, and not "." or
// "-" joining more of a word ("U.S.", "U-shaped", "q.d.s.").
const WORD_END = String.raw`(?![\p{L}\p{N}]|[.\-][\p{L}\p{N}])`;
const WORD_START = String.raw`(?<![\p{L}\p{N}.\-])`;
const ROUTE = String.raw`(?:IV|IM|PO|SC|SQ|SL|PR|PRN|prn|PCA|infusion|drip|bolus|gtt)`;

// Group `unit` is the flagged abbreviation (the match ends with it); `gap` tells whether a space
// separated it from the number.
const UNIT_AFTER_NUMBER = new RegExp(String.raw`(?<number>${NUMBER})(?<gap>${SPACE})(?<unit>IU|U|u)${WORD_END}`, 'gu');
// Without a number before it ("10 U/kg" is found above); the match is the abbreviation.
const UNIT_PER = new RegExp(String.raw`${WORD_START}(?<!\p{N}[ \u00a0])(?<unit>IU|U)(?=\/(?:kg|h|hr|hour|min|mL|ml|day|d|dose)(?![\p{L}\p{N}]))`, 'gu');
const DAILY = new RegExp(String.raw`${WORD_START}(?:[Qq]\.[Dd]\.?|[Qq][Dd])${WORD_END}`, 'gu');
const EVERY_OTHER_DAY = new RegExp(String.raw`${WORD_START}(?:[Qq]\.[Oo]\.[Dd]\.?|[Qq][Oo][Dd])${WORD_END}`, 'gu');
const TRAILING_ZERO = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d*0(?=${SPACE}${DOSE_UNIT}(?!${LAB_CONCENTRATION}))`,
  'gu',
);
const LEADING_ZERO = new RegExp(String.raw`(?<![\p{L}\p{N}.,])\.\d+(?=${SPACE}${DOSE_UNIT})`, 'gu');
const MSO4 = /(?<![\p{L}\p{N}])[Mm][Ss][Oo][4₄](?![\p{L}\p{N}])/gu;
const MGSO4 = /(?<![\p{L}\p{N}])[Mm][Gg][Ss][Oo][4₄](?![\p{L}\p{N}])/gu;
const MS = new RegExp(String.raw`(?<![\p{L}\p{N}\-])MS${WORD_END}`, 'gu');
// How far around "MS" a dose or route is looked for; a few words either way.
const MS_CONTEXT = 40;
const DOSE_AFTER_MS = new RegExp(String.raw`^(?:[ \u00a0]*:?[ \u00a0]*(?:${NUMBER}|\.\d+)${SPACE}${DOSE_UNIT}|[ \u00a0]+${ROUTE}(?![\p{L}\p{N}]))`, 'u');
const DOSE_BEFORE_MS = new RegExp(String.raw`(?:(?:${NUMBER}|\.\d+)${SPACE}${DOSE_UNIT}(?:[ \u00a0]+of)?|(?<![\p{L}\p{N}])${ROUTE})[ \u00a0]+$`, 'u');

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
    const one = number !== undefined && Number(number.replace(/,/g, '')) === 1;
    const international = written === 'IU';
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
  for (const match of paragraph.matchAll(TRAILING_ZERO)) {
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

/**
 * The Do Not Use abbreviations and dose notations in a Markdown note, in document order, outside
 * code, front matter, link destinations and URLs. See the top of this file for what is flagged.
 */
export function findDoNotUse(markdown: string): DoNotUseFinding[] {
  const { lineStarts, lines, excluded: excludedLines } = splitMarkdownLines(markdown);
  const breaksParagraph = (line: number): boolean => excludedLines[line] === 1 || isBlankLine(lines[line]);

  const findings: DoNotUseFinding[] = [];
  for (let first = 0; first < lines.length; ) {
    if (breaksParagraph(first)) {
      first++;
      continue;
    }
    // A paragraph (the unit code spans pair within) runs to a blank, code or heading line; a heading stands alone.
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
  return findings;
}
