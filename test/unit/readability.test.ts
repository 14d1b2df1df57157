import * as assert from 'assert';
import {
  exemptTerms,
  fleschKincaidGrade,
  isExplainedAtFirstUse,
  patientReadingGrade,
  taughtTerms,
  readingGrade,
  sentences,
  smogGrade,
  syllables,
  words,
} from '../../src/readability/grade';

// Dictionary syllable counts (Merriam-Webster hyphenation), chosen to exercise each rule of the heuristic.
const SYLLABLE_COUNTS: [string, number][] = [
  // plain vowel groups
  ['the', 1], ['pain', 1], ['back', 1], ['spine', 1], ['muscle', 2], ['lumbar', 2], ['femur', 2],
  ['stenosis', 3], ['cartilage', 3], ['trochanter', 3], ['inflammation', 4], ['abdominal', 4],
  ['discectomy', 4], ['microscopic', 4], ['laminectomy', 5], ['foraminotomy', 6], ['corticosteroid', 5],
  ['nonsteroidal', 4], ['ibuprofen', 4], ['erythematosus', 6], ['surgery', 3],
  // silent endings and their exceptions
  ['move', 1], ['makes', 1], ['nerves', 1], ['jumped', 1], ['used', 1], ['knee', 1], ['knees', 1],
  ['ankle', 2], ['muscles', 2], ['boxes', 2], ['bridges', 2], ['raises', 2], ['crunches', 2], ['lunges', 2],
  ['wanted', 2], ['needed', 2], ['handled', 2], ['tissue', 2], ['vertebrae', 3],
  // silent e before a suffix
  ['lately', 2], ['movement', 2], ['management', 3], ['progressively', 4],
  // vowels spoken apart
  ['iliopsoas', 5], ['psoas', 2], ['iliacus', 4], ['iliac', 3], ['synovium', 4], ['osteophyte', 4],
  ['biomechanics', 5], ['dorsiflexion', 4], ['diet', 2], ['quiet', 2], ['usual', 3], ['serious', 3],
  ['doing', 2], ['lying', 2], ['easier', 3],
  // vowels that stay together
  ['special', 2], ['region', 2], ['squat', 1], ['action', 2], ['rheumatoid', 3],
  // y as a consonant
  ['you', 1], ['beyond', 2], ['player', 2], ['playing', 2],
  // listed exceptions
  ['people', 2], ['area', 3], ['idea', 3], ['osteoarthritis', 6], ['surgeon', 2], ['something', 2],
];

describe('readability', () => {
  describe('syllables', () => {
    for (const [word, expected] of SYLLABLE_COUNTS) {
      it(`counts ${expected} in "${word}"`, () => assert.strictEqual(syllables(word), expected));
    }

    it('ignores case and punctuation around a word', () => {
      assert.strictEqual(syllables('Iliopsoas,'), 5);
      assert.strictEqual(syllables("don't"), 1);
    });

    it('counts hyphenated compounds part by part', () => {
      assert.strictEqual(syllables('anti-inflammatory'), 7);
      assert.strictEqual(syllables('warm-up'), 2);
    });

    it('counts a number as one syllable and nothing as none', () => {
      assert.strictEqual(syllables('30'), 1);
      assert.strictEqual(syllables(''), 0);
      assert.strictEqual(syllables('—'), 0);
    });
  });

  describe('sentences and words', () => {
    it('ends sentences at . ! and ? but not inside abbreviations or decimals', () => {
      assert.deepStrictEqual(sentences('Dr. Lee saw her. Is it 2.5 mg? Yes! Use ice, e.g. a bag of peas.'), [
        'Dr. Lee saw her.',
        'Is it 2.5 mg?',
        'Yes!',
        'Use ice, e.g. a bag of peas.',
      ]);
    });

    it('treats blank lines and list items as sentence breaks', () => {
      assert.deepStrictEqual(sentences('What to do\n\n- Walk each day\n- Stretch after\n1. Rest\n2) Ice it. Then walk.'), [
        'What to do',
        'Walk each day',
        'Stretch after',
        'Rest',
        'Ice it.',
        'Then walk.',
      ]);
    });

    it('finds words with inner apostrophes and hyphens, and skips punctuation', () => {
      assert.deepStrictEqual(words("Don't skip the warm-up — it's 10 minutes."), ["Don't", 'skip', 'the', 'warm-up', "it's", '10', 'minutes']);
    });
  });

  describe('grades', () => {
    // 1 sentence, 6 words, 24 syllables (5+6+4+2+4+3), 5 of them polysyllables; worked by hand:
    // FK = 0.39 × 6 + 11.8 × 4 − 15.59 = 33.95; SMOG = 1.043 × √(5 × 30) + 3.1291 = 15.90.
    const JARGON = 'Degenerative osteoarthritis progressively destroys articular cartilage.';
    // 2 sentences, 16 words, 18 syllables: FK = 0.39 × 8 + 11.8 × 18/16 − 15.59 = 0.805; no polysyllables.
    const PLAIN = 'The patient has pain in the lower back. It spreads to the groin and the thigh.';
    // 30 sentences: 21 of "Walk a little each day." (5 words, 6 syllables) and 9 of "Exercise helps your back."
    // (4 words, 6 syllables, one polysyllable). FK = 0.39 × 141/30 + 11.8 × 180/141 − 15.59 = 1.31;
    // SMOG = 1.043 × √(9 × 30 / 30) + 3.1291 = 6.26.
    const THIRTY = 'Walk a little each day. '.repeat(21) + 'Exercise helps your back. '.repeat(9);

    it('computes Flesch–Kincaid from words per sentence and syllables per word', () => {
      assert.strictEqual(fleschKincaidGrade(JARGON), 34);
      assert.strictEqual(fleschKincaidGrade(PLAIN), 0.8);
      assert.strictEqual(fleschKincaidGrade(THIRTY), 1.3);
    });

    it('computes SMOG from polysyllables per 30 sentences', () => {
      assert.strictEqual(smogGrade(JARGON), 15.9);
      assert.strictEqual(smogGrade(PLAIN), 3.1);
      assert.strictEqual(smogGrade(THIRTY), 6.3);
    });

    it('recommends the stricter of the two', () => {
      assert.strictEqual(readingGrade(THIRTY), 6.3);
      assert.strictEqual(readingGrade(JARGON), 34);
    });

    it('never reports a grade below 0', () => {
      assert.strictEqual(fleschKincaidGrade('I go. We go. You go.'), 0);
    });

    it('grades empty text, or text without words, as 0', () => {
      for (const text of ['', '   \n\n ', '— … !']) {
        assert.deepStrictEqual([fleschKincaidGrade(text), smogGrade(text), readingGrade(text)], [0, 0, 0], JSON.stringify(text));
        assert.deepStrictEqual(sentences(text), []);
      }
    });
  });

  describe('exemptTerms', () => {
    it('replaces whole-word matches, ignoring case, longest first, with a one-syllable word', () => {
      assert.strictEqual(
        exemptTerms('The Iliopsoas muscle and the psoas; not Iliopsoasis.', ['psoas', 'iliopsoas', 'iliopsoas muscle']),
        'The term and the term; not Iliopsoasis.',
      );
    });

    it('treats a hyphen and a space in a term as the same', () => {
      assert.strictEqual(exemptTerms('A warm up, then a warm-up.', ['warm-up']), 'A term, then a term.');
    });

    it('lowers the grade of a text that teaches a long word', () => {
      const text = 'Osteoarthritis wears down the ends of the bones. It makes a joint stiff. It is common with age.';
      assert.ok(readingGrade(exemptTerms(text, ['osteoarthritis'])) < readingGrade(text));
      assert.strictEqual(exemptTerms(text, []), text);
    });

    it('exempts the plural of a taught term', () => {
      assert.strictEqual(exemptTerms('One NSAID, two NSAIDs; NSAIDsX.', ['NSAID']), 'One term, two term; NSAIDsX.');
    });
  });

  describe('isExplainedAtFirstUse', () => {
    const explained: [string, string][] = [
      ['Take NSAIDs (pills like ibuprofen that ease swelling) with food.', 'NSAID'],
      ['You may have thin bones (osteoporosis).', 'osteoporosis'],
      ['Pain down the leg is called sciatica.', 'sciatica'],
      ['A clinician is the doctor, nurse, or physio who cares for you.', 'clinician'],
      ['Sciatica means pain from a pinched nerve.', 'sciatica'],
      ['**Opioids:** strong pain pills.'.replace(/\*/g, ''), 'opioid'],
    ];
    for (const [text, term] of explained) {
      it(`accepts "${term}" in ${JSON.stringify(text)}`, () => assert.ok(isExplainedAtFirstUse(text, term)));
    }

    it('looks only at the first use, and needs the term to be there', () => {
      assert.ok(!isExplainedAtFirstUse('Ask about NSAIDs. NSAIDs (pills like ibuprofen) help.', 'NSAID'));
      assert.ok(!isExplainedAtFirstUse('Take NSAIDs with food.', 'NSAID'));
      assert.ok(!isExplainedAtFirstUse('No such word here.', 'sciatica'));
      assert.ok(!isExplainedAtFirstUse('Anything.', ''));
    });
  });

  describe('taughtTerms', () => {
    it('finds the candidates the text explains at any use, such as after a title that names them', () => {
      const text = 'Sciatica\n\nSciatica is pain down the leg. NSAIDs can help.';
      assert.deepStrictEqual(taughtTerms(text, ['sciatica', 'NSAID', 'opioid']), ['sciatica']);
    });
  });

  describe('patientReadingGrade', () => {
    it('is the higher of the two grades, with only the explained terms exempted', () => {
      const text = 'Osteoarthritis (a joint disease) makes a hip stiff. Walk each day. Rest a bit. Keep at it.';
      assert.strictEqual(patientReadingGrade(text, ['osteoarthritis']), readingGrade(exemptTerms(text, ['osteoarthritis'])));
      assert.ok(patientReadingGrade(text, ['osteoarthritis']) < readingGrade(text));
      const unexplained = 'Osteoarthritis makes a hip stiff. Walk each day. Rest a bit. Keep at it.';
      assert.strictEqual(patientReadingGrade(unexplained, ['osteoarthritis']), readingGrade(unexplained));
    });
  });
});
