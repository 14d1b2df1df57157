import * as assert from 'assert';
import { glossaryCategories, loadBuiltInGlossary } from '../../src/glossary/entries';
import { compileGlossary, type TermCount } from '../../src/glossary/matcher';
import { groupTermsByCategory, TERM_GROUP_ORDER, termGroupAccessibilityLabel, termGroupLabel } from '../../src/glossary/termGroups';
import type { GlossaryEntry } from '../../src/glossary/types';

const glossary = compileGlossary(loadBuiltInGlossary());

function count(term: string, category: GlossaryEntry['category'], times = 1): TermCount {
  const entry: GlossaryEntry = { term, variants: [], abbreviations: [], definition: 'd', plain: 'p', sections: [], origin: 'test', ...(category ? { category } : {}) };
  const occurrence = { entry, text: term, start: 0, end: term.length, range: { start: { line: 0, character: 0 }, end: { line: 0, character: term.length } } };
  return { entry, occurrences: Array.from({ length: times }, () => occurrence) };
}

describe('the Terms view’s categories', () => {
  it('has a group for every glossary category, and Other last', () => {
    assert.deepStrictEqual([...TERM_GROUP_ORDER].sort(), [...glossaryCategories(), 'other'].sort());
    assert.strictEqual(TERM_GROUP_ORDER[TERM_GROUP_ORDER.length - 1], 'other');
    assert.deepStrictEqual(TERM_GROUP_ORDER.map(termGroupLabel), [
      'Conditions',
      'Anatomy',
      'Examination',
      'Imaging and tests',
      'Procedures',
      'Medicines',
      'Exercise and rehabilitation',
      'Other',
    ]);
  });

  it('groups terms in the fixed clinical order, only the categories present, each keeping the order of first use', () => {
    const terms = [count('hip', 'anatomy'), count('Craig test', undefined), count('sciatica', 'condition'), count('spine', 'anatomy'), count('MRI', 'imaging'), count('disc bulge', 'condition')];
    const groups = groupTermsByCategory(terms);
    assert.deepStrictEqual(
      groups.map((group) => [group.key, group.terms.map((term) => term.entry.term)]),
      [
        ['condition', ['sciatica', 'disc bulge']],
        ['anatomy', ['hip', 'spine']],
        ['imaging', ['MRI']],
        ['other', ['Craig test']],
      ],
    );
    assert.deepStrictEqual(groupTermsByCategory([]), []);
  });

  it('reads each group for a screen reader with its number of terms', () => {
    const [conditions, other] = groupTermsByCategory([count('sciatica', 'condition', 3), count('disc bulge', 'condition'), count('Craig test', undefined)]);
    assert.strictEqual(termGroupAccessibilityLabel(conditions), 'Conditions, 2 terms');
    assert.strictEqual(termGroupAccessibilityLabel(other), 'Other, 1 term');
  });

  it('puts every term of a real note in a group, the generated spinal levels under anatomy', () => {
    const note = 'L4-5 disc protrusion with left L5 radiculopathy. Positive SLR. MRI ordered; gabapentin started; McKenzie exercises.';
    const terms = glossary.countTerms(note);
    const groups = groupTermsByCategory(terms);
    assert.strictEqual(
      groups.reduce((sum, group) => sum + group.terms.length, 0),
      terms.length,
    );
    const anatomy = groups.find((group) => group.key === 'anatomy');
    assert.ok(anatomy?.terms.some((term) => /^L4/.test(term.entry.term)), JSON.stringify(groups.map((group) => [group.key, group.terms.map((term) => term.entry.term)])));
    assert.ok(!groups.some((group) => group.key === 'other'), 'a built-in term has no category');
    assert.ok(loadBuiltInGlossary().every((entry) => entry.category !== undefined), 'every built-in entry has a category');
  });
});
