// Which words a handout must explain where it first uses them: shared by the content tests and
// `test/tools/handoutReport.ts` (the report a writer runs while drafting a handout).
import { compileGlossary } from '../../src/glossary/matcher';
import type { GlossaryEntry } from '../../src/glossary/types';
import { handoutTeachingText, type Handout } from '../../src/handouts/handouts';
import { exemptTerms, syllables, words } from '../../src/handouts/readability';

/** Words a patient meets in care that are not glossary terms but still need explaining (the clinical review's list). */
export const ALWAYS_EXPLAIN: readonly string[] = ['clinician', 'NSAID', 'opioid', 'urgent care'];

/** A written form compared loosely: lower case, hyphens as spaces, a final plural "s"/"es" dropped. */
export function normalizedForm(form: string): string {
  return form
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim()
    .replace(/(?:(?<=[sxz]|ch|sh)es|(?<!s)s)$/, '');
}

/**
 * A glossary form needs explaining when a patient may not know it: an abbreviation, or a form
 * with a word of three or more syllables (the words SMOG counts as hard). Short everyday words
 * the glossary also defines for clinicians ("groin", "numbness", "squat") need not be.
 */
export function needsExplaining(form: string): boolean {
  return /^[A-Z0-9]{2,}s?$/.test(form) || words(form).some((word) => syllables(word) >= 3);
}

/** The forms in a handout that it must explain but does not list in `teaches`, each once. */
export function unexplainedTerms(handout: Handout, glossary: readonly GlossaryEntry[]): string[] {
  const text = handoutTeachingText(handout);
  const found = new Map<string, string>();
  for (const match of compileGlossary(glossary).scanPlainText(text)) {
    const form = text.slice(match.start, match.end);
    if (needsExplaining(form)) found.set(normalizedForm(form), form);
  }
  for (const term of ALWAYS_EXPLAIN) {
    if (new RegExp(`(?<![\\p{L}])${term}(?:s)?(?![\\p{L}])`, 'iu').test(text)) found.set(normalizedForm(term), term);
  }
  // "iliopsoas muscle" is explained once "iliopsoas" is: what is left of it is plain.
  return [...found.values()].filter((form) => needsExplaining(exemptTerms(form, handout.teaches)));
}
