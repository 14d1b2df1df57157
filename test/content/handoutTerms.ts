// Which words a handout must explain where it first uses them: shared by the content tests and
// `test/tools/handoutReport.ts` (the report a writer runs while drafting a handout).
import { compileGlossary } from '../../src/glossary/matcher';
import type { GlossaryEntry } from '../../src/glossary/types';
import type { Handout } from '../../src/handouts/handouts';
import { handoutTeachingText } from './handoutChecks';
import { exemptTerms, syllables, words } from '../../src/readability/grade';

/** Words a patient meets in care that are not glossary terms but still need explaining (the clinical review's list). */
export const ALWAYS_EXPLAIN: readonly string[] = ['clinician', 'NSAID', 'opioid', 'urgent care'];

/** A written form compared loosely: lower case, hyphens as spaces. */
export function normalizedForm(form: string): string {
  return form.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

/** Whether two forms are the same word, or one is the other's plural ("raise"/"raises", "crunch"/"crunches"). */
function sameForm(a: string, b: string): boolean {
  const [x, y] = [normalizedForm(a), normalizedForm(b)];
  return x === y || x === `${y}s` || x === `${y}es` || y === `${x}s` || y === `${x}es`;
}

/**
 * Glossary forms a reader at grade 6 knows without being told: body parts and moves named in
 * everyday English. The glossary defines them for clinicians; a handout may use them as they are.
 * Every other glossary form a handout uses (a condition, a test, a treatment) it must explain.
 */
export const EVERYDAY_FORMS: readonly string[] = [
  'groin', 'thigh', 'thigh bone', 'pelvis', 'hip joint', 'joint lining', 'tendon', 'spinal cord', 'core muscles', 'hip flexor',
  'numbness', 'weakness', 'swelling', 'swollen', 'pinched nerve', 'slipped disc', 'physio', 'steroid shot', 'posture',
  'warm up', 'warming up', 'warm-up', 'leg raise', 'crunch', 'knee drive', 'plank', 'side bridge', 'squat', 'lunge',
  // Words of back and hip notes that patients use themselves.
  'hip', 'spine', 'disc', 'disk', 'tingling', 'pins and needles', 'low back pain', 'back spasm', 'steroid pills', 'steroid tablets',
  'x-ray', 'bulging disc', 'tender to touch', 'blood thinner', 'cane',
];

// "Pain pills such as codeine or morphine": a medicine named as an example of the class being explained.
const GIVEN_AS_AN_EXAMPLE = /\bsuch as (?:[\p{L}-]+,? (?:(?:and|or) )?){0,4}$/iu;

/** Whether a handout must explain a glossary form it uses: anything but an everyday form; always an abbreviation or a word of 3+ syllables. */
export function needsExplaining(form: string): boolean {
  if (/^[A-Z0-9]{2,}s?$/.test(form) || words(form).some((word) => syllables(word) >= 3)) return true;
  return !EVERYDAY_FORMS.some((everyday) => sameForm(everyday, form));
}

/** The forms in a handout that it must explain but does not list in `teaches`, each once. */
export function unexplainedTerms(handout: Handout, glossary: readonly GlossaryEntry[]): string[] {
  const text = handoutTeachingText(handout);
  const found = new Map<string, string>();
  const taught = new Set(handout.teaches.map(normalizedForm));
  const seen = new Set<string>();
  for (const match of compileGlossary(glossary).scanPlainText(text)) {
    const form = text.slice(match.start, match.end);
    // Judged where the form is first used, like the explanation itself.
    if (seen.has(normalizedForm(form))) continue;
    seen.add(normalizedForm(form));
    // Another name of an entry the handout teaches ("ibuprofen" where it teaches "NSAID") is explained with it.
    const entryTaught = [match.entry.term, ...match.entry.variants, ...match.entry.abbreviations].some((other) => taught.has(normalizedForm(other)));
    const example = GIVEN_AS_AN_EXAMPLE.test(text.slice(Math.max(0, match.start - 80), match.start));
    if (needsExplaining(form) && !entryTaught && !example) found.set(normalizedForm(form), form);
  }
  for (const term of ALWAYS_EXPLAIN) {
    if (new RegExp(`(?<![\\p{L}])${term}(?:s)?(?![\\p{L}])`, 'iu').test(text)) found.set(normalizedForm(term), term);
  }
  // "iliopsoas muscle" is explained once "iliopsoas" is: what is left of it is plain.
  return [...found.values()].filter((form) => {
    const rest = exemptTerms(form, handout.teaches);
    return rest === form || words(rest).some((word) => word !== 'term' && syllables(word) >= 3);
  });
}
