import * as assert from 'assert';
import fc from 'fast-check';
import { codeAndFrontMatterLines, compileGlossary, planFormIndex, type FormIndexPlan, type TermMatch } from '../../src/glossary/matcher';
import type { GlossaryEntry } from '../../src/glossary/types';

function entry(term: string, variants: string[] = [], abbreviations: string[] = []): GlossaryEntry {
  return { term, variants, abbreviations, definition: `Definition of ${term}.`, plain: `About ${term}.`, sections: [], origin: 'test' };
}

// A small glossary with the overlaps, hyphens, apostrophes and abbreviations the rules are about.
const ENTRIES: GlossaryEntry[] = [
  entry('disc', ['disk']),
  entry('herniated disc'),
  entry('hip'),
  entry('hip flexor', ['hip-flexor']),
  entry('spinal stenosis'),
  entry('lumbar spinal stenosis', [], ['LSS']),
  entry('osteoarthritis', [], ['OA']),
  entry('rheumatoid arthritis', [], ['RA']),
  entry('nonsteroidal anti-inflammatory drug', [], ['NSAID']),
  entry('vertebra', ['vertebrae']),
  entry('physical therapy', ['physiotherapy']),
  entry('range of motion', [], ['ROM']),
  entry('straight-leg raise'),
  entry("Schober's test"),
  entry('sacroiliac joint', [], ['SI joint']),
];
const glossary = compileGlossary(ENTRIES);

/** The matches of a scan as [text as written, entry term]. */
function found(matches: readonly TermMatch[]): [string, string][] {
  return matches.map((match) => [match.text, match.entry.term]);
}

describe('glossary matcher', () => {
  describe('matching rules', () => {
    const CASES: [string, string, [string, string][]][] = [
      // [what, note text, expected [text, term] in order]
      ['whole words only: disc', 'discussion of the disc, not the disco; disk', [['disc', 'disc'], ['disk', 'disc']]],
      ['whole words only: hip', 'hippocampus, worship, chip, hip.', [['hip', 'hip']]],
      ['digits are word characters', 'hip2 2hip hip 2', [['hip', 'hip']]],
      ['an apostrophe inside a word belongs to it', "disc's hip'll 'hip' ‘disc’", [['hip', 'hip'], ['disc', 'disc']]],
      ['terms and variants ignore case', 'Disc DISK Herniated Disc HIP', [['Disc', 'disc'], ['DISK', 'disc'], ['Herniated Disc', 'herniated disc'], ['HIP', 'hip']]],
      ['OA only as written', 'OA oa Oa oA boa OAK', [['OA', 'osteoarthritis']]],
      ['RA only as written', 'RA ra Ra era RAM', [['RA', 'rheumatoid arthritis']]],
      ['NSAID, its plural, never lower case', 'NSAID NSAIDs nsaids Nsaid NSAIDS', [['NSAID', 'nonsteroidal anti-inflammatory drug'], ['NSAIDs', 'nonsteroidal anti-inflammatory drug']]],
      ['a multi-word abbreviation is case-sensitive too', 'SI joint, si joint, SI Joint', [['SI joint', 'sacroiliac joint']]],
      ['regular plurals of the last word', 'herniated discs, hips, disks, OAs', [['herniated discs', 'herniated disc'], ['hips', 'hip'], ['disks', 'disc'], ['OAs', 'osteoarthritis']]],
      ['y→ies after a consonant', 'physical therapies and physiotherapies', [['physical therapies', 'physical therapy'], ['physiotherapies', 'physical therapy']]],
      ['an irregular plural only as a listed variant', 'vertebrae, vertebra, vertebrums', [['vertebrae', 'vertebra'], ['vertebra', 'vertebra']]],
      ['no plural of a non-final word', 'ranges of motion, range of motions', [['range of motions', 'range of motion']]],
      ['multi-word terms across spaces and tabs', 'spinal   stenosis and spinal\t \tstenosis', [['spinal   stenosis', 'spinal stenosis'], ['spinal\t \tstenosis', 'spinal stenosis']]],
      ['across one line break with indentation', 'spinal\n   stenosis', [['spinal\n   stenosis', 'spinal stenosis']]],
      ['across one line break inside a blockquote', '> lumbar spinal\n> stenosis', [['lumbar spinal\n> stenosis', 'lumbar spinal stenosis']]],
      ['not across a blank line', 'spinal\n\nstenosis, spinal\n  \nstenosis', []],
      ['not across other punctuation', 'spinal, stenosis; spinal/stenosis', []],
      ['the longest form wins', 'lumbar spinal stenosis; spinal stenosis; herniated disc', [['lumbar spinal stenosis', 'lumbar spinal stenosis'], ['spinal stenosis', 'spinal stenosis'], ['herniated disc', 'herniated disc']]],
      ['a listed hyphenated variant', 'hip-flexor, hip flexor, hip–flexor, hip - flexor', [['hip-flexor', 'hip flexor'], ['hip flexor', 'hip flexor'], ['hip–flexor', 'hip flexor'], ['hip', 'hip']]],
      ['a hyphenated term does not match with a space', 'straight leg raise; straight-leg raise; straight-leg raises', [['straight-leg raise', 'straight-leg raise'], ['straight-leg raises', 'straight-leg raise']]],
      ['a hyphen ends a word', 'hip-related pain, non-OA', [['hip', 'hip'], ['OA', 'osteoarthritis']]],
      ['typographic apostrophes match straight ones', 'Schober’s test and schober\'s tests', [['Schober’s test', "Schober's test"], ["schober's tests", "Schober's test"]]],
      ['left to right, no overlaps', 'lumbar spinal stenosis stenosis', [['lumbar spinal stenosis', 'lumbar spinal stenosis']]],
      ['non-ASCII letters are word characters', 'éhip hipé hip', [['hip', 'hip']]],
    ];
    for (const [what, text, expected] of CASES) {
      it(what, () => assert.deepStrictEqual(found(glossary.scan(text)), expected));
    }
  });

  describe('phrases in which an entry does not apply (notIn)', () => {
    const senses = compileGlossary([
      { ...entry('pelvis'), notIn: ['renal pelvis'] },
      { ...entry('weakness'), notIn: ['generalized weakness', 'generalised weakness'] },
      { ...entry('lupus'), notIn: ['lupus anticoagulant', 'discoid lupus'] },
      entry('tendon'),
      entry('deep tendon reflexes'),
      entry('renal colic'),
    ]);

    it('stays silent inside the phrase, and answers elsewhere', () => {
      assert.deepStrictEqual(found(senses.scan('Dilated renal pelvis; the pelvis is level. Generalized weakness, and weakness of the left hip. Lupus anticoagulant positive; discoid lupus; lupus nephritis.')), [
        ['pelvis', 'pelvis'],
        ['weakness', 'weakness'],
        ['lupus', 'lupus'],
      ]);
    });

    it('matches the phrase with the matcher’s own rules: any case, a line break or spaces between words, plurals', () => {
      assert.deepStrictEqual(found(senses.scan('RENAL\nPELVIS, both renal pelvises; generalised   weakness')), []);
    });

    it('never hides another entry’s form, which wins by longest match as before', () => {
      assert.deepStrictEqual(found(senses.scan('Deep tendon reflexes 2+; tendon thickened; renal colic.')), [
        ['Deep tendon reflexes', 'deep tendon reflexes'],
        ['tendon', 'tendon'],
        ['renal colic', 'renal colic'],
      ]);
    });

    it('gives no hover inside the phrase', () => {
      const lines = ['Dilated renal pelvis on the left.'];
      assert.strictEqual(senses.termAt(lines, 0, lines[0].indexOf('pelvis') + 1), undefined);
      assert.strictEqual(senses.termAt(lines, 0, lines[0].indexOf('renal') + 1), undefined);
      assert.strictEqual(senses.termAt(['The pelvis is level.'], 0, 5)?.entry.term, 'pelvis');
    });
  });

  describe('words outside ASCII', () => {
    // The scan rules out most words from a hash of their ASCII characters; words with other
    // characters take the full lookup, however their lower-case form compares.
    const unicode = compileGlossary([entry('\u212Aelvin scale'), entry('éclair sign', [], ['ÉS']), entry('straße'), entry('hip')]);
    const CASES: [string, string, [string, string][]][] = [
      ['a Kelvin sign lower-cases to an ASCII k', 'kelvin scale, \u212Aelvin scale, KELVIN SCALES', [['kelvin scale', '\u212Aelvin scale'], ['\u212Aelvin scale', '\u212Aelvin scale'], ['KELVIN SCALES', '\u212Aelvin scale']]],
      ['accented first words, in any case; abbreviations as written', 'Éclair sign, ÉCLAIR SIGNS, ÉS, és, eclair sign', [['Éclair sign', 'éclair sign'], ['ÉCLAIR SIGNS', 'éclair sign'], ['ÉS', 'éclair sign']]],
      ['a non-ASCII letter inside a word', 'Straße strasse straßes híp hip', [['Straße', 'straße'], ['straßes', 'straße'], ['hip', 'hip']]],
    ];
    for (const [what, text, expected] of CASES) {
      it(what, () => assert.deepStrictEqual(found(unicode.scan(text)), expected));
    }
  });

  describe('Markdown that is not prose', () => {
    const CASES: [string, string, [string, string][]][] = [
      ['inline code spans', 'a `disc` b ``hip ` disc`` hip', [['hip', 'hip']]],
      ['an unclosed backtick is text', 'a ` disc', [['disc', 'disc']]],
      ['code spans across a line break', 'a `disc\ndisc` hip', [['hip', 'hip']]],
      ['fenced code', 'hip\n```js\ndisc\n```\n~~~\n```\ndisc\n~~~\ndisc', [['hip', 'hip'], ['disc', 'disc']]],
      ['an unclosed fence runs to the end', 'hip\n```\ndisc\n\ndisc', [['hip', 'hip']]],
      ['a fence in a list item and a quote', '- ```\n  disc\n  ```\n> ```\n> hip\n> ```\n\ndisc', [['disc', 'disc']]],
      ['indented code after a blank line', 'hip\n\n    disc\n\tdisc\n\nhip', [['hip', 'hip'], ['hip', 'hip']]],
      ['an indented line continuing a paragraph is prose', 'hip\n    disc', [['hip', 'hip'], ['disc', 'disc']]],
      ['nested list items and list paragraphs are prose', '- hip\n    - disc\n\n  more disc\n\n      code disc', [['hip', 'hip'], ['disc', 'disc'], ['disc', 'disc']]],
      ['YAML front matter', '---\ntitle: disc\ntags: [hip]\n---\nhip', [['hip', 'hip']]],
      ['a later --- is not front matter', 'hip\n---\ndisc\n---', [['hip', 'hip'], ['disc', 'disc']]],
      ['link destinations and titles, not link text', '[herniated disc](https://x.org/disc "disc title") and [hip][disc]', [['herniated disc', 'herniated disc'], ['hip', 'hip']]],
      ['image sources, not alt text', '![hip](images/disc.png)', [['hip', 'hip']]],
      ['reference definitions', 'hip\n\n[disc]: https://x.org/hip "hip"\n  [x]: <disc>', [['hip', 'hip']]],
      ['autolinks', '<https://x.org/disc> <disc@x.org> hip', [['hip', 'hip']]],
      ['raw URLs and e-mail addresses', 'https://x.org/disc www.hip.org mailto:disc@x.org hip.disc@x.org disc', [['disc', 'disc']]],
      ['HTML tags and comments', '<abbr title="disc">hip</abbr> <!-- disc\nhip --> disc', [['hip', 'hip'], ['disc', 'disc']]],
      ['headings are their own paragraph', '# Lumbar spinal\nstenosis', []],
    ];
    for (const [what, text, expected] of CASES) {
      it(what, () => assert.deepStrictEqual(found(glossary.scan(text)), expected));
    }
  });

  describe('positions', () => {
    it('gives offsets and VS Code line/character positions, with CRLF line ends', () => {
      const text = 'Note\r\n\r\nA herniated\r\n disc; 👍 hip';
      const [disc, hip] = glossary.scan(text);
      assert.strictEqual(disc.text, 'herniated\r\n disc');
      assert.deepStrictEqual([disc.start, disc.end], [text.indexOf('herniated'), text.indexOf(';')]);
      assert.deepStrictEqual(disc.range, { start: { line: 2, character: 2 }, end: { line: 3, character: 5 } });
      // An emoji is two UTF-16 code units, as VS Code counts characters.
      assert.deepStrictEqual(hip.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 13 } });
    });

    it('counts the terms of a note by entry, in order of first occurrence', () => {
      const counts = glossary.countTerms('hip disc\n\nHip `hip` discs');
      assert.deepStrictEqual(
        counts.map((count) => [count.entry.term, count.occurrences.map((match) => match.range.start)]),
        [
          ['hip', [{ line: 0, character: 0 }, { line: 2, character: 0 }]],
          ['disc', [{ line: 0, character: 4 }, { line: 2, character: 10 }]],
        ],
      );
    });

    it('scans plain text (markdown-it text) without Markdown rules but skipping URLs and tags', () => {
      assert.deepStrictEqual(found(glossary.scanPlainText('`disc` [hip](x) https://x.org/hip <b title="hip">')), [
        ['disc', 'disc'],
        ['hip', 'hip'],
      ]);
    });
  });

  describe('termAt', () => {
    const note = ['---', 'tags: hip', '---', 'The lumbar spinal', '  stenosis and `disc`.', '', '```', 'hip', '```', '[hip](https://x.org/disc)'];
    const excluded = codeAndFrontMatterLines(note);

    it('finds the term under every character of a match spanning lines (its line break and indentation too), and nothing next to it', () => {
      for (const [line, character] of [[3, 4], [3, 16], [4, 2], [4, 9]]) {
        const located = glossary.termAt(note, line, character, excluded);
        assert.strictEqual(located?.entry.term, 'lumbar spinal stenosis', `${line}:${character}`);
        assert.deepStrictEqual(located.range, { start: { line: 3, character: 4 }, end: { line: 4, character: 10 } });
        assert.strictEqual(located.text, 'lumbar spinal\n  stenosis');
      }
      for (const [line, character] of [[3, 3], [4, 10], [4, 11], [5, 0]]) assert.strictEqual(glossary.termAt(note, line, character, excluded), undefined);
    });

    it('skips front matter, fences, code spans and link destinations, and answers for link text', () => {
      assert.strictEqual(glossary.termAt(note, 1, 7, excluded), undefined);
      assert.strictEqual(glossary.termAt(note, 7, 1, excluded), undefined);
      assert.strictEqual(glossary.termAt(note, 4, 17, excluded), undefined);
      assert.strictEqual(glossary.termAt(note, 9, 22, excluded), undefined);
      assert.strictEqual(glossary.termAt(note, 9, 2, excluded)?.entry.term, 'hip');
      // Without the block index it classifies the lines itself.
      assert.strictEqual(glossary.termAt(note, 7, 1), undefined);
      assert.strictEqual(glossary.termAt(note, 99, 0), undefined);
    });
  });

  describe('code and front matter lines', () => {
    it('marks front matter, fences and indented code, and nothing else', () => {
      const lines = ['---', 'a: 1', '---', 'text', '', '    code', 'text', '    continued', '', '- item', '', '      code in item', '  para in item', '````', '```', '````', '> ~~~', '> quoted code', '> ~~~', 'end'];
      const excluded = codeAndFrontMatterLines(lines);
      assert.deepStrictEqual(
        lines.map((_, line) => excluded(line)),
        [true, true, true, false, false, true, false, false, false, false, false, true, false, true, true, true, true, true, true, false],
      );
    });
  });

  describe('compiling', () => {
    it('builds its index on first use, once', () => {
      let reads = 0;
      const counted = { ...entry('disc') };
      Object.defineProperty(counted, 'term', { get: () => (reads++, 'disc'), enumerable: true });
      const lazy = compileGlossary([counted]);
      assert.strictEqual(reads, 0, 'compiling read the entries');
      assert.strictEqual(lazy.scan('disc').length, 1);
      const afterFirstUse = reads;
      lazy.scan('disc disc');
      lazy.termAt(['disc'], 0, 0);
      assert.strictEqual(reads, afterFirstUse, 'the index was built again');
    });

    it('lets a listed form win over another entry’s generated plural, and the first entry win a tie', () => {
      const tied = compileGlossary([entry('disc'), entry('disc space', ['discs']), entry('DISC')]);
      assert.deepStrictEqual(found(tied.scan('discs disc')), [['discs', 'disc space'], ['disc', 'disc']]);
      // The same for longer forms, whose plurals are built with their first word's other forms.
      const longer = compileGlossary([entry('disc bulge'), entry('bulging disc', ['disc bulges'])]);
      assert.deepStrictEqual(found(longer.scan('disc bulges, disc bulge')), [['disc bulges', 'bulging disc'], ['disc bulge', 'disc bulge']]);
    });

    it('finds the same with a plan made earlier (as the build makes the shipped glossary’s), and ignores a plan that does not fit', () => {
      const entries = [entry('disc'), entry('disc space', ['discs']), entry('DISC'), entry('cardiac echo'), { ...entry('hip', [], ['THA']), notIn: ['hip hop'] }];
      const text = 'discs disc DISC cardiac echoes hip THAs hip hop hips';
      const expected = found(compileGlossary(entries).scan(text));
      // Through JSON, as the chunk in dist/ is read.
      const plan = JSON.parse(JSON.stringify(planFormIndex(entries))) as FormIndexPlan;
      assert.deepStrictEqual(found(compileGlossary(entries, () => plan).scan(text)), expected);
      const otherPlan = planFormIndex([entry('THA')]);
      assert.deepStrictEqual(found(compileGlossary(entries, () => otherPlan).scan(text)), expected);
    });

    it('builds both plurals of a longer form whose last word ends in o, and only one otherwise', () => {
      const glossary = compileGlossary([entry('cardiac echo'), entry('hip x')]);
      assert.deepStrictEqual(found(glossary.scan('cardiac echos, cardiac echoes, hip xes, hip xs')), [['cardiac echos', 'cardiac echo'], ['cardiac echoes', 'cardiac echo'], ['hip xes', 'hip x']]);
    });
  });

  describe('agrees with a simple reference matcher', () => {
    // Every form the rules accept, written out by hand, in priority order: listed forms (entries
    // in order: term, variants, abbreviations), then regular plurals. `true` = case-sensitive.
    const LISTED: [string, string, boolean][] = [
      ['disc', 'disc', false], ['disk', 'disc', false], ['herniated disc', 'herniated disc', false], ['hip', 'hip', false],
      ['hip flexor', 'hip flexor', false], ['hip-flexor', 'hip flexor', false], ['spinal stenosis', 'spinal stenosis', false],
      ['lumbar spinal stenosis', 'lumbar spinal stenosis', false], ['LSS', 'lumbar spinal stenosis', true],
      ['osteoarthritis', 'osteoarthritis', false], ['OA', 'osteoarthritis', true],
      ['rheumatoid arthritis', 'rheumatoid arthritis', false], ['RA', 'rheumatoid arthritis', true],
      ['nonsteroidal anti-inflammatory drug', 'nonsteroidal anti-inflammatory drug', false], ['NSAID', 'nonsteroidal anti-inflammatory drug', true],
      ['vertebra', 'vertebra', false], ['vertebrae', 'vertebra', false], ['physical therapy', 'physical therapy', false],
      ['physiotherapy', 'physical therapy', false], ['range of motion', 'range of motion', false], ['ROM', 'range of motion', true],
      ['straight-leg raise', 'straight-leg raise', false], ["Schober's test", "Schober's test", false],
      ['sacroiliac joint', 'sacroiliac joint', false], ['SI joint', 'sacroiliac joint', true],
    ];
    const PLURALS: [string, string, boolean][] = [
      ['discs', 'disc', false], ['disks', 'disc', false], ['herniated discs', 'herniated disc', false], ['hips', 'hip', false],
      ['hip flexors', 'hip flexor', false], ['hip-flexors', 'hip flexor', false], ['spinal stenosises', 'spinal stenosis', false],
      ['lumbar spinal stenosises', 'lumbar spinal stenosis', false], ['LSSs', 'lumbar spinal stenosis', true],
      ['osteoarthritises', 'osteoarthritis', false], ['OAs', 'osteoarthritis', true],
      ['rheumatoid arthritises', 'rheumatoid arthritis', false], ['RAs', 'rheumatoid arthritis', true],
      ['nonsteroidal anti-inflammatory drugs', 'nonsteroidal anti-inflammatory drug', false], ['NSAIDs', 'nonsteroidal anti-inflammatory drug', true],
      ['vertebras', 'vertebra', false], ['vertebraes', 'vertebra', false], ['physical therapies', 'physical therapy', false],
      ['physiotherapies', 'physical therapy', false], ['range of motions', 'range of motion', false], ['ROMs', 'range of motion', true],
      ['straight-leg raises', 'straight-leg raise', false], ["Schober's tests", "Schober's test", false],
      ['sacroiliac joints', 'sacroiliac joint', false], ['SI joints', 'sacroiliac joint', true],
    ];
    const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
    // A form as a regex: a space is blanks with at most one line break (then indentation and
    // quote markers), a hyphen any hyphen, an apostrophe either apostrophe; whole words only.
    const REFERENCE_FORMS = [...LISTED, ...PLURALS].map(([form, term, caseSensitive]) => {
      const body = form
        .split('')
        .map((char) => (char === ' ' ? String.raw`(?:[ \t]+|[ \t]*\r?\n[ \t>]*)` : char === '-' ? '[-‐‑–]' : char === "'" ? "['’]" : char))
        .join('');
      const pattern = String.raw`(?<!${WORD})(?<!${WORD}['’])${body}(?!${WORD})(?!['’]${WORD})`;
      return { term, regex: new RegExp(pattern, caseSensitive ? 'uy' : 'iuy') };
    });

    /** At every position try every form; take the longest (first listed on a tie) and jump past it. */
    function referenceScan(text: string): [number, number, string][] {
      const matches: [number, number, string][] = [];
      for (let position = 0; position < text.length; ) {
        let best: [number, number, string] | undefined;
        for (const { term, regex } of REFERENCE_FORMS) {
          regex.lastIndex = position;
          const match = regex.exec(text);
          if (match && (!best || position + match[0].length > best[1])) best = [position, position + match[0].length, term];
        }
        if (best) matches.push(best);
        position = best ? best[1] : position + 1;
      }
      return matches;
    }

    const spans = (matches: readonly TermMatch[]): [number, number, string][] => matches.map((match) => [match.start, match.end, match.entry.term]);

    const WORDS = [
      'disc', 'Disc', 'DISC', 'discs', 'disk', 'disks', 'discussion', 'herniated', 'hip', 'Hip', 'hips', 'hippocampus', 'worship', 'chip',
      'flexor', 'flexors', 'spinal', 'Spinal', 'stenosis', 'stenosises', 'lumbar', 'LSS', 'lss', 'OA', 'oa', 'Oa', 'OAs', 'boa',
      'RA', 'Ra', 'ra', 'era', 'RAs', 'NSAID', 'NSAIDs', 'nsaids', 'NSAIDS', 'nonsteroidal', 'anti', 'inflammatory', 'drug', 'drugs',
      'vertebra', 'vertebrae', 'vertebras', 'physical', 'therapy', 'therapies', 'physiotherapy', 'range', 'ranges', 'of', 'motion',
      'ROM', 'rom', 'straight', 'leg', 'raise', 'raises', "Schober's", 'Schober’s', 'schober', 'test', 'tests', 'sacroiliac',
      'joint', 'joints', 'SI', 'si', 'pain', 'the', 'L4', '4', 'é',
    ];
    // No separator starts a line with four columns of indentation, so nothing here is Markdown code.
    const SEPARATORS = [' ', ' ', ' ', '  ', '\t', ' \t ', '\n', '\n  ', '\n> ', '\n\n', ' \n \n', '-', '–', ', ', '. ', "'", '’', '(', ')', '/', ''];
    // The words of a form, in any case, glued by any separator: near-misses of multi-word terms.
    const CASINGS = [(word: string) => word, (word: string) => word.toLowerCase(), (word: string) => word.toUpperCase(), (word: string) => word[0].toUpperCase() + word.slice(1)];
    const phrase = fc
      .tuple(fc.constantFrom(...[...LISTED, ...PLURALS].map(([form]) => form.split(/[ -]/))), fc.array(fc.constantFrom(' ', ' ', '-', ...SEPARATORS), { minLength: 4, maxLength: 4 }), fc.constantFrom(...CASINGS))
      .map(([words, separators, casing]) => words.map((word, i) => (i === 0 ? '' : separators[i - 1]) + casing(word)).join(''));
    const plainText = fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...WORDS), phrase), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
      .map((parts) => parts.map(([words, separator]) => words + separator).join(''));

    it('on generated prose (scan and scanPlainText)', () => {
      fc.assert(
        fc.property(plainText, (text) => {
          const expected = referenceScan(text);
          assert.deepStrictEqual(spans(glossary.scan(text)), expected);
          assert.deepStrictEqual(spans(glossary.scanPlainText(text)), expected);
        }),
        { numRuns: 200 },
      );
    });

    // Markdown built from pieces that are prose or not; the expected matches are the reference's
    // on the same text with every non-prose character (but line breaks) blotted out.
    interface Piece {
      readonly text: string;
      readonly prose: boolean;
    }
    const words = fc.array(fc.oneof(fc.constantFrom(...WORDS), phrase.filter((text) => !/\n/.test(text))), { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));
    const prose = (text: string): Piece => ({ text, prose: true });
    const markup = (text: string): Piece => ({ text, prose: false });
    const inlinePiece: fc.Arbitrary<Piece[]> = fc.oneof(
      words.map((text) => [prose(text)]),
      words.map((text) => [markup('`' + text + '`')]),
      fc.tuple(words, words).map(([text, dest]) => [prose('[' + text), markup('](https://x.org/' + dest.replace(/[^\p{L}\p{N}]+/gu, '/') + ' "' + dest + '")')]),
      words.map((text) => [markup('<https://x.org/' + text.replace(/[^\p{L}\p{N}]+/gu, '-') + '>')]),
      words.map((text) => [markup('https://x.org/' + text.replace(/[^\p{L}\p{N}]+/gu, '/'))]),
      words.map((text) => [markup('<span title="' + text + '">')]),
    );
    // Inline markup is set off by spaces, so where it ends is unambiguous.
    const paragraph = fc.array(inlinePiece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.flatMap((piece, i) => (i === 0 ? piece : [prose(' '), ...piece])));
    const block: fc.Arbitrary<Piece[]> = fc.oneof(
      { arbitrary: paragraph, weight: 4 },
      fc.tuple(fc.constantFrom('```', '~~~~'), words).map(([fence, text]) => [markup(`${fence}\n${text}\n${fence}`)]),
      words.map((text) => [markup('    ' + text)]),
      fc.tuple(words, words).map(([label, text]) => [markup(`[${label}]: https://x.org "${text}"`)]),
    );
    const markdown = fc
      .tuple(fc.option(words), fc.array(block, { minLength: 1, maxLength: 6 }))
      .map(([frontMatter, blocks]) => [
        ...(frontMatter === null ? [] : [markup(`---\ntitle: ${frontMatter}\n---`), prose('\n')]),
        ...blocks.flatMap((pieces, i) => (i === 0 ? pieces : [prose('\n\n'), ...pieces])),
      ]);
    const blotted = (pieces: readonly Piece[]): string => pieces.map((piece) => (piece.prose ? piece.text : piece.text.replace(/[^\n]/g, '·'))).join('');

    it('on generated Markdown, skipping exactly what is not prose', () => {
      fc.assert(
        fc.property(markdown, (pieces) => {
          const text = pieces.map((piece) => piece.text).join('');
          assert.deepStrictEqual(spans(glossary.scan(text)), referenceScan(blotted(pieces)));
        }),
        { numRuns: 200 },
      );
    });

    it('termAt answers what scan found at every position', () => {
      fc.assert(
        fc.property(fc.oneof(plainText, markdown.map((pieces) => pieces.map((piece) => piece.text).join(''))), (text) => {
          const lines = text.split('\n');
          const excluded = codeAndFrontMatterLines(lines);
          const matches = glossary.scan(text);
          let offset = 0;
          lines.forEach((lineText, line) => {
            for (let character = 0; character < lineText.length; character++) {
              const covering = matches.find((match) => match.start <= offset + character && offset + character < match.end);
              const located = glossary.termAt(lines, line, character, excluded);
              assert.deepStrictEqual(located && [located.range, located.entry.term], covering && [covering.range, covering.entry.term], `${line}:${character}`);
            }
            offset += lineText.length + 1;
          });
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('large notes', function () {
    this.timeout(30000);
    const LINE = 'Pt reports lumbar spinal stenosis sx; `code` OA of the R hip, see https://x.org/disc and [NSAIDs](n.md). ';

    /** The lines, and the set of line numbers read through the returned array. */
    function watchedLines(lines: string[]): { lines: string[]; read: Set<number> } {
      const read = new Set<number>();
      const watched = new Proxy(lines, {
        get(target, property, receiver) {
          if (typeof property === 'string' && /^\d+$/.test(property)) read.add(Number(property));
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
      return { lines: watched, read };
    }

    it('answers termAt in a 1 MB, 10,000-line note by reading only the lines around it', () => {
      const lines = Array.from({ length: 10000 }, (_, i) => (i % 50 === 0 ? '' : LINE));
      assert.ok(lines.join('\n').length > 1_000_000);
      const excluded = codeAndFrontMatterLines(lines); // once per document version, by the caller
      const watched = watchedLines(lines);
      const located = glossary.termAt(watched.lines, 5001, LINE.indexOf('spinal'), excluded);
      assert.strictEqual(located?.entry.term, 'lumbar spinal stenosis');
      assert.ok(watched.read.size <= 100, `termAt read ${watched.read.size} of 10,000 lines`);
      assert.ok([...watched.read].every((line) => Math.abs(line - 5001) <= 50), 'termAt read lines far from the hover');
    });

    it('answers termAt on a single 1 MB line near the offset', () => {
      const line = LINE.repeat(Math.ceil(1_000_000 / LINE.length));
      const lines = [line];
      const excluded = codeAndFrontMatterLines(lines);
      const last = line.length - LINE.length;
      assert.strictEqual(glossary.termAt(lines, 0, last + LINE.indexOf('OA'), excluded)?.text, 'OA');
      assert.strictEqual(glossary.termAt(lines, 0, Math.floor(line.length / 2) - (Math.floor(line.length / 2) % LINE.length) + LINE.indexOf('stenosis'), excluded)?.entry.term, 'lumbar spinal stenosis');
      assert.strictEqual(glossary.termAt(lines, 0, last + LINE.indexOf('code') + 1, excluded), undefined);
    });

    it('compiles 5,000 terms and finds them all in a 1 MB note', () => {
      // Deterministic pseudo-words, so each run measures the same work.
      let seed = 42;
      const random = (): number => {
        // mulberry32
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pseudoWord = (): string => Array.from({ length: 4 + Math.floor(random() * 6) }, () => 'abcdefghilmnoprstuv'[Math.floor(random() * 19)]).join('');
      const entries = Array.from({ length: 5000 }, (_, i) =>
        entry(Array.from({ length: 1 + (i % 4) }, pseudoWord).join(' '), [pseudoWord()], i % 10 === 0 ? [pseudoWord().toUpperCase()] : []),
      );
      const note = Array.from({ length: 8000 }, (_, i) => `${entries[i % 5000].term} and ${pseudoWord()} ${LINE}`).join('\n');
      assert.strictEqual(new Set(entries.map((generated) => generated.term)).size, 5000);
      const large = compileGlossary(entries);
      const matches: TermMatch[] = large.scan(note);
      assert.ok(matches.length >= 8000);
      // Every line starts with a generated term, found as that entry.
      const lineStarts = note.split('\n').map((_, i) => entries[i % 5000].term);
      assert.deepStrictEqual(matches.filter((match) => match.start === 0 || note[match.start - 1] === '\n').map((match) => match.entry.term), lineStarts);
    });
  });
});
