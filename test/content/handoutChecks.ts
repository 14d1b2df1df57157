// Content checks of the shipped handouts (not shipped: they run in the tests and in
// handoutReport, the writer's report): the parts every handout has, in order; its words
// explained where first used; its reading grade; unsafe writing, by the runtime "Do Not Use"
// rules plus the habits a handout must avoid; the two levels of the shared warning signs.
import { slugify } from '../../src/markdown/slug';
import { checkSnippetSyntax, highestTabStop, snippetPlainText, withoutTabStopNumbers } from '../../src/markdown/snippets';
import { findDoNotUse } from '../../src/handouts/doNotUse';
import { handoutStartMarker, markedRedFlagBlock, RED_FLAGS_START_MARKER } from '../../src/handouts/redFlagMarkers';
import {
  MAX_READING_GRADE,
  RED_FLAG_MARKER,
  handoutPlainText,
  handoutReadingGrade,
  redFlagBlock,
  type Handout,
} from '../../src/handouts/handouts';
import { isExplainedAtFirstUse } from '../../src/readability/grade';

/** The guide's title as every handout's source line cites it. */
export const GUIDE_CITATION = '*Iliopsoas Back Pain: Causes, Symptoms, and Relief*';

/** The two levels of the red-flag block: the signs to call 911 for, then those to call the clinic about the same day. */
export interface RedFlagLevels {
  readonly emergency: readonly string[];
  readonly sameDay: readonly string[];
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

/**
 * The part of a handout's plain text that must explain the words it uses: all but its title and
 * its source lines ("Based on:", "Guidelines:", "Evidence:", the red-flag block's "These warning
 * signs follow …"), which name things rather than teach them.
 */
export function handoutTeachingText(handout: Handout): string {
  const [, ...blocks] = handoutPlainText(handout).split('\n\n');
  return blocks.filter((block) => !/^(?:(?:Based on|Guidelines|Evidence):|These warning signs follow )/.test(block)).join('\n\n');
}

// What a handout must avoid beyond the "Do Not Use" list the runtime checks notes for: "MS" in
// any context (a handout never needs it), "x/day", and dose amounts.
const HANDOUT_ONLY_RULES: readonly { readonly pattern: RegExp; readonly advice: string }[] = [
  { pattern: /\bMS\b/g, advice: 'write "morphine" or "magnesium sulfate"' },
  { pattern: /\b\d*\s*x\s*\/\s*(?:day|d|week|wk)\b/gi, advice: 'write "times a day" or "times a week"' },
  {
    pattern: /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|units?|tablets?|pills?|capsules?)\b/gi,
    advice: 'no dose amounts in a handout: write "as the label or your clinician says"',
  },
];

/** Do-not-use abbreviations (the runtime rules) and dose amounts in some text, one message per occurrence. */
export function findUnsafeWriting(text: string): string[] {
  const problems = findDoNotUse(text).map((finding) => `"${finding.text}": ${finding.message}`);
  for (const { pattern, advice } of HANDOUT_ONLY_RULES) {
    for (const match of text.matchAll(pattern)) problems.push(`"${match[0].trim()}": ${advice}`);
  }
  return [...new Set(problems)];
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

/** Where the body uses tab stop `stop`: `${n:…}`, `${n|…`, `${n}` or `$n`, not `$n0` nor an escaped `\\$n`. */
function usesOf(body: string, stop: number): RegExpMatchArray[] {
  return [...body.matchAll(new RegExp(String.raw`(?<!\\)\$\{?${stop}(?!\d)`, 'g'))];
}

/**
 * The clinic fields (`{{clinic.phone}}`…) in their places: the "When to call the clinic" lead
 * gives the clinic's phone; no field is in a line that sends the patient to 911 or the emergency
 * department, nor in the 911 part of the warning signs (an emergency never waits on the clinic's
 * number); a field never starts a line (its value is escaped for text inside a line, see
 * markdown/literal.ts); and the fields are the last tab stops, so Tab reaches them last.
 */
export function checkClinicFields(handout: Handout): string[] {
  const { body, clinicFields } = handout;
  const problems: string[] = [];
  const lines = body.split('\n');
  const lineOf = (offset: number) => body.slice(0, offset).split('\n').length - 1;
  const lead = lines.findIndex((line) => line === '## When to call the clinic') + 2;
  const phone = clinicFields.phone;
  if (lead >= 2 && (phone === undefined || usesOf(lines[lead] ?? '', phone).length === 0)) {
    problems.push('the line under "## When to call the clinic" must give the clinic\'s phone ({{clinic.phone}})');
  }
  const warning = lines.findIndex((line) => line.startsWith('## Warning signs'));
  const emergencyLead = lines.findIndex((line, index) => index > warning && /\b911\b/.test(line));
  const sameDayLead = lines.findIndex((line, index) => index > emergencyLead && /\bsame day\b/i.test(line) && !/^\s*[-*] /.test(line));
  for (const [field, stop] of Object.entries(clinicFields)) {
    for (const use of usesOf(body, stop)) {
      const line = lineOf(use.index!);
      if (/\b911\b|emergency department/i.test(lines[line])) problems.push(`the clinic's ${field} is in a line that sends the patient to 911: "${lines[line]}"`);
      else if (warning >= 0 && emergencyLead >= 0 && line > emergencyLead && (sameDayLead < 0 || line < sameDayLead)) problems.push(`the clinic's ${field} is in the 911 part of the warning signs`);
      const before = lines[line].slice(0, use.index! - (body.lastIndexOf('\n', use.index! - 1) + 1));
      if (/^\s*(?:(?:[-*+]|\d+[.)]|>|#+)\s*)*$/.test(before)) problems.push(`the clinic's ${field} starts a line or a list item: put it inside a sentence`);
    }
  }
  const fieldStops = Object.values(clinicFields);
  if (fieldStops.length > 0 && Math.min(...fieldStops) <= highestTabStop(body) - fieldStops.length) {
    problems.push('the clinic fields must be the last tab stops');
  }
  return problems;
}

/**
 * Everything wrong with one handout, as messages; empty when it is ready to ship: valid snippet
 * syntax, every required part in order, the shared red-flag block, guide sections that exist and
 * match the source line, a reading grade of at most 6, and no do-not-use abbreviations.
 */
export function checkHandout(handout: Handout, sectionIds: readonly string[]): string[] {
  const { body } = handout;
  const problems = checkSnippetSyntax(body).map((problem) => `snippet syntax: ${problem}`);

  // A handout with the red-flag block opens with its marker line (redFlagMarkers.ts), then the title.
  const [first, second] = body.split('\n');
  const marker = handoutStartMarker(handout.id);
  if ((first === marker ? second : first) !== `# ${handout.title}`) problems.push(`the first line must be the title: "# ${handout.title}" (after the line "${marker}")`);
  if (body.includes(RED_FLAGS_START_MARKER) && first !== marker) problems.push(`a handout with the red-flag block must open with the line "${marker}"`);
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
  if (!withoutTabStopNumbers(body).includes(withoutTabStopNumbers(markedRedFlagBlock(redFlagBlock())))) problems.push(`missing the shared red-flag block (a "${RED_FLAG_MARKER}" line)`);
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
  problems.push(...checkClinicFields(handout));
  const grade = handoutReadingGrade(handout);
  if (grade > MAX_READING_GRADE) problems.push(`reads at grade ${grade.toFixed(1)}; keep it at ${MAX_READING_GRADE} or below`);
  problems.push(...findUnsafeWriting(snippetPlainText(body)));
  return problems;
}
