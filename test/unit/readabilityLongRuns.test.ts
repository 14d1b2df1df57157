// Reading grades of text with long runs (of dots, letters, abbreviations): the sentence and
// syllable rules are loops and bounded patterns rather than backtracking regexes, and give what
// the patterns gave. How long they take as the runs grow is for the pathological suite.
import * as assert from 'assert';
import fc from 'fast-check';
import { sentences, syllables, words } from '../../src/readability/grade';
import { markdownReadingGrades } from '../../src/readability/prose';

/** sentences() as it was written with regexes (quadratic in a long run of dots): the rule the loop must keep. */
function sentencesByPattern(text: string): string[] {
  const abbreviations = new Set(['e.g', 'i.e', 'vs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'approx', 'fig']);
  const blocks = text
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)
    .map((block) => block.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '');
  const result: string[] = [];
  for (const block of blocks) {
    let start = 0;
    const ends = /[.!?]+["'”’)\]]*(?=\s|$)/g;
    for (let match = ends.exec(block); match; match = ends.exec(block)) {
      const lastWord = /([\p{L}.]+)$/u.exec(block.slice(start, match.index))?.[1]?.toLowerCase();
      if (match[0] === '.' && lastWord !== undefined && abbreviations.has(lastWord)) continue;
      const sentence = block.slice(start, match.index + match[0].length).trim();
      if (words(sentence).length > 0) result.push(sentence);
      start = match.index + match[0].length;
    }
    const rest = block.slice(start).trim();
    if (words(rest).length > 0) result.push(rest);
  }
  return result;
}

// Pieces that meet at sentence ends: marks, closers, abbreviations (an astral letter before one too), decimals, breaks.
const PIECES = ['.', '.', '!', '?', '...', '"', '’', ')', ']', ' ', ' ', '\n', '\n\n', '- ', '1. ', 'Dr', 'dr', 'E.g', 'i.e', 'vs', 'approx', 'xapprox', 'mrs', 'Lee', 'walk', '2', '5', '𝐀', '𝐀dr', 'İ', 'K'];

describe('reading grades of long runs', () => {
  it('splits sentences as the regex pattern did, over random text around sentence ends', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.deepStrictEqual(sentences(text), sentencesByPattern(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('splits the long runs the pattern took seconds on as it did', () => {
    for (const text of [
      `Stop. ${'.'.repeat(300)}x and go.`,
      `Stop now${'!'.repeat(300)} Then go${'?'.repeat(300)}`,
      `Stop. ${'a'.repeat(300)} . Then go.`,
      `${'Dr. '.repeat(100)}Lee left. ${'e.g. '.repeat(100)}ice.`,
      `He said "${'."'.repeat(100)}x". Then left.`,
      `Walk${'.'.repeat(300)}`,
    ]) {
      assert.deepStrictEqual(sentences(text), sentencesByPattern(text), text.slice(0, 40));
    }
    assert.deepStrictEqual(sentences(`${'Dr. '.repeat(100)}Lee left. Then he came back.`), [`${'Dr. '.repeat(100)}Lee left.`, 'Then he came back.']);
  });

  it('reads back no further than the longest abbreviation, and across an astral letter as the pattern did', () => {
    assert.deepStrictEqual(sentences('See 𝐀dr. Lee. Approx. two. Xapprox. three.'), ['See 𝐀dr.', 'Lee.', 'Approx. two.', 'Xapprox.', 'three.']);
    assert.deepStrictEqual(sentences(`${'a'.repeat(12)}dr. Next. dr. Next.`), [`${'a'.repeat(12)}dr.`, 'Next.', 'dr. Next.']);
  });

  it('counts a "word" of more than 40 letters as a long word, by its vowel groups, without the rules for words', () => {
    assert.strictEqual(syllables('b'.repeat(41)), 3);
    assert.strictEqual(syllables('a'.repeat(20_000)), 3);
    assert.strictEqual(syllables('ab'.repeat(10_000)), 10_000);
    assert.strictEqual(syllables(`${'a'.repeat(5_000)}'${'b'.repeat(5_000)}`), 3, 'letters joined by an apostrophe are one word');
    // 40 letters still go through the rules: "-es" after a consonant is silent.
    assert.strictEqual(syllables(`${'ba'.repeat(18)}bbes`), 18);
    assert.strictEqual(syllables(`${'ba'.repeat(18)}bbbes`), 19, 'not at 41');
  });

  it('keeps the "-ier", "-iest" rule: a syllable more after a vowel, none without one', () => {
    for (const [word, expected] of [['easier', 3], ['happiest', 3], ['copier', 3], ['tidiest', 3], ['pier', 1], ['bier', 1], ['ier', 1], ['earlier', 3]] as const) {
      assert.strictEqual(syllables(word), expected, word);
    }
  });

  it('grades notes made of long runs', () => {
    const prose = 'Walk a little each day, and rest when your back hurts. ';
    for (const run of ['.'.repeat(2_000), '!'.repeat(2_000), '?'.repeat(2_000), `${'a'.repeat(2_000)} .`, 'a'.repeat(2_000), 'Dr. '.repeat(500)]) {
      const grades = markdownReadingGrades(prose + run);
      assert.ok(grades && Number.isFinite(grades.grade), run.slice(0, 10));
    }
    assert.strictEqual(markdownReadingGrades(prose + 'Dr. '.repeat(500))?.sentences, 2);
  });
});
