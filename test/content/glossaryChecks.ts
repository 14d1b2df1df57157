// Content checks of glossaries (not shipped: the tests run them on the built-in glossary and
// on team glossaries merged over it).
import { guideSectionIds } from '../../src/glossary/entries';
import type { GlossaryEntry } from '../../src/glossary/types';

/**
 * Consistency problems across a set of entries that a single file's validation cannot see:
 * a term used twice, a written form (term or variant, ignoring case) or an abbreviation
 * (exact case) that leads to two entries, and section ids the guide does not have.
 */
export function checkGlossary(entries: readonly GlossaryEntry[]): string[] {
  const issues: string[] = [];
  // Written form (lower case) or abbreviation → index of the entry that first claimed it.
  const formOwners = new Map<string, number>();
  const abbreviationOwners = new Map<string, number>();
  const claim = (owners: Map<string, number>, key: string, index: number, kind: string, shown: string): void => {
    const owner = owners.get(key);
    const { term } = entries[index];
    if (owner === undefined) owners.set(key, index);
    else if (owner === index) issues.push(`"${term}" lists the ${kind} "${shown}" twice`);
    else if (kind === 'term' && entries[owner].term.toLowerCase() === key) issues.push(`the term "${term}" is defined twice`);
    else issues.push(`the ${kind} "${shown}" of "${term}" is already used by "${entries[owner].term}"`);
  };
  // Terms first, so that a variant clashing with a later entry's term is reported as the variant's fault.
  entries.forEach((entry, index) => claim(formOwners, entry.term.toLowerCase(), index, 'term', entry.term));
  entries.forEach((entry, index) => {
    for (const variant of entry.variants) claim(formOwners, variant.toLowerCase(), index, 'variant', variant);
    for (const abbreviation of entry.abbreviations) {
      if (!/\p{Lu}/u.test(abbreviation)) issues.push(`the abbreviation "${abbreviation}" of "${entry.term}" has no capital letter`);
      claim(abbreviationOwners, abbreviation, index, 'abbreviation', abbreviation);
    }
    for (const id of entry.sections) {
      if (!guideSectionIds().has(id)) issues.push(`"${entry.term}" links to "${id}", which is not a section of the guide`);
    }
  });
  return issues;
}
