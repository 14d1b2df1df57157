import * as assert from 'assert';
import fc from 'fast-check';
import { markdownIt } from '../../src/markdown/engine';
import {
  handoutProse,
  handoutTokens,
  markdownReadingGrades,
  MAX_GRADED_CHARACTERS,
  MIN_WORDS_TO_GRADE,
  paragraphToGrade,
  parsedProse,
  proseOfPlainText,
  UNFILLED_WORD,
  withoutFrontMatter,
} from '../../src/readability/prose';
import { snippetPlainText } from '../../src/markdown/snippets';

// Syllables as readability.ts counts them (each checked in readability.test.ts or plain vowel groups):
//   Iliopsoas 5, pain 1, can 1, limit 2, movement 2 | Gentle 2, stretching 2, helps 1, most 1, people 2 |
//   Ibuprofen 4, can 1, ease 1, inflammation 4 | Ask 1, about 2, surgery 3, only 2, if 1, pain 1, lasts 1
// 21 words, 4 sentences, 40 syllables, 4 polysyllables (iliopsoas, ibuprofen, inflammation, surgery).
//   Flesch–Kincaid: 0.39 × 21/4 + 11.8 × 40/21 − 15.59 = 2.0475 + 22.4762 − 15.59 = 8.93 → 8.9
//   SMOG: 1.043 × √(4 × 30 / 4) + 3.1291 = 1.043 × 5.4772 + 3.1291 = 8.84 → 8.8
const PLAIN = 'Iliopsoas pain can limit movement. Gentle stretching helps most people. Ibuprofen can ease inflammation. Ask about surgery only if pain lasts.';
const PLAIN_GRADES = { grade: 8.9, fleschKincaid: 8.9, smog: 8.8, taughtTerms: [], words: 21, sentences: 4 };

// The same words as a handout: a heading and list items without full stops, emphasis, a link,
// snippet placeholders, HTML, a comment, front matter and a code block.
const MARKDOWN = [
  '---',
  'title: Hip flexor pain',
  'grade: 6',
  '---',
  '# Iliopsoas pain can limit movement',
  '',
  '- *Gentle* stretching helps most [people](https://example.org/stretch "Stretching")',
  '- ${1:Ibuprofen} can ease ${2|inflammation,swelling|}',
  '',
  '```text',
  'Internal note: recheck lumbar radiculopathy before discharge.',
  '```',
  '',
  '> Ask <b>about</b> surgery <!-- elective? --> only if **pain** lasts.',
].join('\n');

// 23 one-syllable words in one sentence.
//   Flesch–Kincaid: 0.39 × 23 + 11.8 × 1 − 15.59 = 8.97 + 11.8 − 15.59 = 5.18 → 5.2
//   SMOG: 1.043 × √0 + 3.1291 = 3.1
const ONE_LONG_SENTENCE = 'When your back hurts you should rest for a day or two and then walk a bit more each day to get strong.';

describe('Markdown reading grades', () => {
  it('grades a reference text to the hand-computed values', () => {
    assert.deepStrictEqual(markdownReadingGrades(PLAIN), PLAIN_GRADES);
    assert.deepStrictEqual(markdownReadingGrades(ONE_LONG_SENTENCE), { grade: 5.2, fleschKincaid: 5.2, smog: 3.1, taughtTerms: [], words: 23, sentences: 1 });
  });

  it('takes the higher of the two formulas, and exempts only the terms the text explains at first use', () => {
    const explained = 'Ibuprofen (a pain pill you can buy) can ease swelling. Walk each day. Rest a bit when it hurts. Keep going.';
    const unexplained = 'Ibuprofen can ease swelling. Walk each day, a bit more. Rest a bit when it hurts. Keep going.';
    const taught = markdownReadingGrades(explained, ['ibuprofen', 'sciatica'])!;
    assert.deepStrictEqual(taught.taughtTerms, ['ibuprofen']);
    assert.strictEqual(taught.grade, Math.max(taught.fleschKincaid, taught.smog));
    const untaught = markdownReadingGrades(unexplained, ['ibuprofen'])!;
    assert.deepStrictEqual(untaught.taughtTerms, []);
    assert.ok(untaught.smog > markdownReadingGrades(unexplained.replace('Ibuprofen', 'Pills'))!.smog, 'an unexplained long word still counts');
  });

  it('grades the same words the same with or without Markdown, placeholders and front matter', () => {
    assert.strictEqual(
      handoutProse(MARKDOWN),
      'Iliopsoas pain can limit movement\n\nGentle stretching helps most people\n\nIbuprofen can ease inflammation\n\nAsk about surgery only if pain lasts.',
    );
    assert.deepStrictEqual(markdownReadingGrades(MARKDOWN), PLAIN_GRADES);
  });

  it('ends a sentence at each heading, list item and table row', () => {
    const markdown = '## Rest your back\nWalk each day\n\n1. Sit up tall\n2. Lift with your legs\n\n| Do | How |\n|---|---|\n| Walk | Ten minutes |\n| Rest | On your back |';
    assert.strictEqual(
      handoutProse(markdown),
      'Rest your back\n\nWalk each day\n\nSit up tall\n\nLift with your legs\n\nDo How\n\nWalk Ten minutes\n\nRest On your back',
    );
    assert.strictEqual(markdownReadingGrades(markdown)?.sentences, 7);
  });

  it('keeps link text (whatever the destination) and image alt text', () => {
    assert.strictEqual(
      handoutProse('Read [the guide](https://x.org/g), [your plan](plan.md) and [this](javascript:alert(1)).\n\n![A stretch](stretch.png) ![](https://x.org/p.png)'),
      'Read the guide, your plan and this.\n\nA stretch',
    );
  });

  it('leaves the shared markdown-it instance limited to safe links', () => {
    handoutTokens('[plan](plan.md) ![x](x.png)', UNFILLED_WORD);
    assert.strictEqual(markdownIt().render('[plan](plan.md) [x](javascript:alert(1))'), '<p>[plan](plan.md) [x](javascript:alert(1))</p>\n');
  });

  it('drops code spans, raw URLs, e-mail addresses and autolinks', () => {
    assert.strictEqual(handoutProse('Rest `npm test` now; see https://x.org/a or me@x.org or <https://x.org/b> today.'), 'Rest now; see or or today.');
  });

  it('shows HTML as nothing but its text (html is off, so tags arrive as text)', () => {
    assert.strictEqual(handoutProse('<div class="box">\nRest <em>well</em>.\n</div>'), 'Rest well .');
  });

  it('returns undefined when there are too few words to grade', () => {
    assert.strictEqual(MIN_WORDS_TO_GRADE, 10);
    assert.strictEqual(markdownReadingGrades(''), undefined);
    assert.strictEqual(markdownReadingGrades('# Rest\n\nWalk each day, and rest when it hurts.'), undefined); // 9 words
    assert.notStrictEqual(markdownReadingGrades('# Rest\n\nWalk each day, and rest when it hurts a bit.'), undefined); // 11 words
    // Words in code, URLs and front matter do not count.
    assert.strictEqual(
      markdownReadingGrades('---\ntitle: a b c d e f g h i j\n---\n```\na b c d e f g h i j\n```\nSee https://x.org/a/b/c/d/e/f/g/h/i/j now.'),
      undefined,
    );
  });

  // The one snippet parser (markdown/snippets.ts), with the grade's word for what is known only at insertion.
  describe('snippet placeholders', () => {
    const cases: [string, string][] = [
      ['Hello ${1:Mr Smith}.', 'Hello Mr Smith.'],
      ['Take ${2|one,two,three|} tablets.', 'Take one tablets.'],
      ['Take ${2|one\\, or two,three|} tablets.', 'Take one, or two tablets.'],
      ['Dear ${1:${2:Mr} Smith}, ${3:see ${4:you} soon}.', 'Dear Mr Smith, see you soon.'],
      ['Seen on $CURRENT_DATE by ${TM_FILENAME}.', `Seen on ${UNFILLED_WORD} by ${UNFILLED_WORD}.`],
      ['Walk $1 times, ${2} minutes.$0', `Walk ${UNFILLED_WORD} times, ${UNFILLED_WORD} minutes.`],
      ['Seen ${CURRENT_YEAR:this year}.', 'Seen this year.'],
      ['Costs \\$5 and ${1:\\} brace}.', 'Costs $5 and } brace.'],
      ['No placeholders here { } $ .', 'No placeholders here { } $ .'],
    ];
    for (const [text, expected] of cases) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.strictEqual(snippetPlainText(text, UNFILLED_WORD), expected));
    }

    it('renders snippet escapes as the bare character', () => {
      assert.strictEqual(handoutProse('Costs \\$5 and ${1:\\} brace} for ${2|a\\,b,c|} people.'), 'Costs $5 and } brace for a,b people.');
    });
  });

  describe('front matter', () => {
    it('drops a closed front matter block, with --- or ... as the closer', () => {
      assert.strictEqual(withoutFrontMatter('---\ntitle: x\n---\n# Rest\n'), '# Rest\n');
      assert.strictEqual(withoutFrontMatter('---\r\ntitle: x\r\n...\r\nRest'), 'Rest');
    });

    it('keeps a fence right after front matter, and an unclosed --- (a thematic break)', () => {
      assert.strictEqual(withoutFrontMatter('---\na: 1\n---\n```\ncode\n```'), '```\ncode\n```');
      assert.strictEqual(withoutFrontMatter('---\nRest'), '---\nRest');
      assert.strictEqual(withoutFrontMatter('Rest\n---\na: 1\n---'), 'Rest\n---\na: 1\n---');
    });
  });
});

describe('prose of plain text, without parsing', () => {
  // Words, punctuation that is not Markdown, line breaks, blank lines and a little indentation.
  const WORDS = ['Rest', 'the', 'hip', '10', 'units', 'walk', 'daily.', 'pain,', 'If', '(mild)', 'it', "don't", 'https://x.org/a', 'a@b.org', 'e.g.', '2-3', '50%', 'OK?', 'Ms.', 'sciatica:'];
  const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', '\n   ', '  \n', '\n \n'];
  const plainText = fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
    .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

  it('gives what parsing gives, for every plain text it takes', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const quick = proseOfPlainText(text);
        if (quick !== undefined) assert.strictEqual(quick, parsedProse(text), JSON.stringify(text));
      }),
      { numRuns: 500 },
    );
  });

  it('takes ordinary paragraphs, and leaves anything that may be Markdown to the parser', () => {
    assert.strictEqual(proseOfPlainText('Rest the hip.\nWalk a bit  \nmore.\n\nCall us if worse.'), 'Rest the hip. Walk a bit more.\n\nCall us if worse.');
    for (const markdown of ['Text\n---', 'Text\n- item', '1. Take it', '    code', '# Title', 'a *b*', '[x](y)', 'a &amp; b', 'Give ${1:x}', '> quote', 'Text\n===']) {
      assert.strictEqual(proseOfPlainText(markdown), undefined, markdown);
    }
  });
});

describe('paragraphToGrade (what the status bar grades with nothing selected)', () => {
  it('is the run of non-blank lines around the cursor', () => {
    const lines = ['# Low back pain', 'Keep moving.', '', 'Walk a little each day.', 'Rest when you need to.', '', 'Call us if it gets worse.'];
    assert.strictEqual(paragraphToGrade(lines, 4, 3), 'Walk a little each day.\nRest when you need to.');
    assert.strictEqual(paragraphToGrade(lines, 0, 0), '# Low back pain\nKeep moving.');
  });

  it('takes at most 20,000 characters of a huge line, centred on the cursor', () => {
    const line = 'a'.repeat(50_000) + 'X' + 'b'.repeat(50_000);
    const graded = paragraphToGrade([line], 0, 50_000);
    assert.strictEqual(graded.length, MAX_GRADED_CHARACTERS);
    assert.strictEqual(graded.indexOf('X'), MAX_GRADED_CHARACTERS / 2);
  });

  it('stops at 501 lines of a paragraph that never ends', () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `line ${i}`);
    assert.strictEqual(paragraphToGrade(lines, 1_000, 0).split('\n').length, 501);
  });
});
