import * as assert from 'assert';
import fc from 'fast-check';
import { loadBuiltInGlossary } from '../../src/glossary/entries';
import { mergeGlossaries } from '../../src/glossary/merge';
import type { GlossaryEntry } from '../../src/glossary/types';

/** mergeGlossaries as it was before it was made linear: the meaning the fast one must keep, for every input. */
function referenceMerge(builtIn: readonly GlossaryEntry[], teamFiles: readonly (readonly GlossaryEntry[])[]): GlossaryEntry[] {
  let merged: GlossaryEntry[] = [...builtIn];
  for (const file of teamFiles) {
    for (const entry of file) {
      const claimedForms = new Set([entry.term, ...entry.variants].map((form) => form.toLowerCase()));
      const claimedAbbreviations = new Set(entry.abbreviations);
      const replaced = merged.findIndex((existing) => existing.term.toLowerCase() === entry.term.toLowerCase());
      merged = merged
        .map((existing, index) => (index === replaced ? entry : existing))
        .filter((existing) => existing === entry || !claimedForms.has(existing.term.toLowerCase()))
        .map((existing) =>
          existing === entry
            ? existing
            : {
                ...existing,
                variants: existing.variants.filter((variant) => !claimedForms.has(variant.toLowerCase())),
                abbreviations: existing.abbreviations.filter((abbreviation) => !claimedAbbreviations.has(abbreviation)),
              },
        );
      if (replaced < 0) merged.push(entry);
    }
  }
  return merged;
}

// A few forms that differ only in case, so that terms, variants and abbreviations collide often.
const FORMS = ['gout', 'Gout', 'GOUT', 'bone spur', 'Bone Spur', 'spur', 'osteophyte', 'disc', 'Disc', 'disk'];
const ABBREVIATIONS = ['OA', 'oa', 'Oa', 'HNP', 'BS'];

interface EntrySpec {
  readonly term: string;
  readonly variants: string[];
  readonly abbreviations: string[];
}
const entrySpec: fc.Arbitrary<EntrySpec> = fc.record({
  term: fc.constantFrom(...FORMS),
  variants: fc.array(fc.constantFrom(...FORMS), { maxLength: 3 }),
  abbreviations: fc.array(fc.constantFrom(...ABBREVIATIONS), { maxLength: 2 }),
});
/** A team entry: a new one, or (rarely) the very same object as an earlier entry, built-in or team. */
type TeamSpec = { readonly kind: 'new'; readonly spec: EntrySpec } | { readonly kind: 'same'; readonly pick: number };
const teamSpec: fc.Arbitrary<TeamSpec> = fc.oneof(
  { weight: 6, arbitrary: entrySpec.map((spec) => ({ kind: 'new' as const, spec })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'same' as const, pick })) },
);

/** The glossaries of the specs, each entry its own object with its own definition (so a wrong replacement shows). */
function build(builtInSpecs: readonly EntrySpec[], teamSpecs: readonly (readonly TeamSpec[])[]): { builtIn: GlossaryEntry[]; teamFiles: GlossaryEntry[][] } {
  let made = 0;
  const make = (spec: EntrySpec, origin: string): GlossaryEntry => {
    made++;
    return { ...spec, variants: [...spec.variants], abbreviations: [...spec.abbreviations], definition: `definition ${made}`, plain: `plain ${made}`, sections: [], origin };
  };
  const builtIn = builtInSpecs.map((spec) => make(spec, 'built-in'));
  const all = [...builtIn];
  const teamFiles = teamSpecs.map((file, fileIndex) =>
    file.map((team) => {
      const entry = team.kind === 'new' || all.length === 0 ? make(team.kind === 'new' ? team.spec : { term: 'gout', variants: [], abbreviations: [] }, `team${fileIndex}.json`) : all[team.pick % all.length];
      all.push(entry);
      return entry;
    }),
  );
  return { builtIn, teamFiles };
}

/** A team file of `count` entries: most new, some replacing a built-in term or claiming an earlier entry's forms. */
function syntheticTeamFile(count: number, builtIn: readonly GlossaryEntry[]): GlossaryEntry[] {
  return Array.from({ length: count }, (_, i): GlossaryEntry => {
    const term = i % 10 === 0 ? builtIn[i % builtIn.length].term.toUpperCase() : i % 10 === 1 && i > 10 ? `Alt term ${i - 10}` : `team term ${i}`;
    return { term, variants: [`alt term ${i}`, `team term ${i} variant`], abbreviations: [`TT${i}`, `TT${i - 5}`], definition: `Definition ${i}.`, plain: `Plain ${i}.`, sections: [], origin: 'team.json' };
  });
}

/**
 * How much work a merge does, counted without a clock: reads of an entry's term, variants and
 * abbreviations, and lower-casings of any string. A merge that compares each new entry with all
 * the others does count × (count + built-in) of them.
 */
function countOperations(builtIn: readonly GlossaryEntry[], team: readonly GlossaryEntry[]): number {
  let operations = 0;
  const counted = (entry: GlossaryEntry): GlossaryEntry => {
    const read = <T>(value: T) => ({ enumerable: true, get: (): T => (operations++, value) });
    return Object.defineProperties(
      { definition: entry.definition, plain: entry.plain, sections: entry.sections, origin: entry.origin },
      { term: read(entry.term), variants: read(entry.variants), abbreviations: read(entry.abbreviations) },
    ) as GlossaryEntry;
  };
  const countedBuiltIn = builtIn.map(counted);
  const countedTeam = team.map(counted);
  const descriptor = Object.getOwnPropertyDescriptor(String.prototype, 'toLowerCase')!;
  const toLowerCase = descriptor.value as (this: string) => string;
  Object.defineProperty(String.prototype, 'toLowerCase', {
    ...descriptor,
    value: function (this: string): string {
      operations++;
      return toLowerCase.call(this);
    },
  });
  try {
    operations = 0;
    mergeGlossaries(countedBuiltIn, [countedTeam]);
    return operations;
  } finally {
    Object.defineProperty(String.prototype, 'toLowerCase', descriptor);
  }
}

describe('mergeGlossaries, fast', () => {
  it('gives exactly what the one-entry-at-a-time merge gives, for any glossaries', () => {
    fc.assert(
      fc.property(fc.array(entrySpec, { maxLength: 8 }), fc.array(fc.array(teamSpec, { maxLength: 6 }), { maxLength: 3 }), (builtInSpecs, teamSpecs) => {
        const { builtIn, teamFiles } = build(builtInSpecs, teamSpecs);
        const expected = referenceMerge(builtIn, teamFiles);
        assert.deepStrictEqual(mergeGlossaries(builtIn, teamFiles), expected);
        assert.deepStrictEqual(build(builtInSpecs, teamSpecs), { builtIn, teamFiles }, 'the inputs are not changed');
      }),
      { numRuns: 2000 },
    );
  });

  it('gives what the one-entry-at-a-time merge gives for the built-in glossary and a large team file', () => {
    const builtIn = loadBuiltInGlossary();
    const team = syntheticTeamFile(600, builtIn);
    assert.deepStrictEqual(mergeGlossaries(builtIn, [team, team.slice(0, 50)]), referenceMerge(builtIn, [team, team.slice(0, 50)]));
  });

  it('does work in proportion to the entries, not to their square (counted, not timed)', () => {
    const builtIn = loadBuiltInGlossary();
    const small = countOperations(builtIn, syntheticTeamFile(250, builtIn));
    const large = countOperations(builtIn, syntheticTeamFile(1000, builtIn));
    // Linear: about 4 times the work for 4 times the entries; one comparison per pair: about 13 times.
    assert.ok(large <= 5 * small, `${small} operations for 250 team entries, ${large} for 1,000`);
  });

  it('merges a team file of 8,000 entries', () => {
    const builtIn = loadBuiltInGlossary();
    const merged = mergeGlossaries(builtIn, [syntheticTeamFile(8000, builtIn)]);
    assert.ok(merged.length > 7000, `${merged.length} entries`);
  });
});
