import * as assert from 'assert';
import { handoutProse } from '../../src/readability/prose';
import { parsePhraseFile, type Phrase, type PhraseProblem } from '../../src/handouts/phrases/phraseFile';
import { checkPhrase, isAboutBackOrHipPain, RED_FLAG_LINE } from '../../src/handouts/phrases/phraseChecks';

/** A phrase file of these front matter lines and body lines, with its phrase and the problems checkPhrase finds. */
function check(frontMatter: readonly string[], body: readonly string[]): { text: string; phrase: Phrase; problems: PhraseProblem[] } {
  const text = ['---', ...frontMatter, '---', ...body].join('\n');
  const { phrase } = parsePhraseFile(text);
  assert.ok(phrase, 'the test file parses as a phrase');
  return { text, phrase, problems: checkPhrase(phrase, text, handoutProse) };
}

const HANDOUT_FRONT_MATTER = ['name: lbp-home', 'title: Low back pain at home', 'description: What to do for a sore low back', 'kind: handout'];
/** The file line of body line `n` for files made by `check` from HANDOUT_FRONT_MATTER. */
const bodyLine = (n: number) => HANDOUT_FRONT_MATTER.length + 2 + n;

/** A short clinic handout about low back pain, written to read at grade 6 or below, with the shared warning signs. */
const GOOD_HANDOUT = [
  '# Low back pain at home',
  '',
  '**For:** @PATIENT@, seen on @DATE@',
  '',
  'Most low back pain gets better in a few weeks. It is rarely a sign of harm.',
  '',
  '## What to do',
  '',
  '1. Keep moving. Walk a little each day, and a bit more each time.',
  '2. Use heat on your back for short times, such as a warm pack for 20 minutes.',
  '3. Take pain pills as the label or your clinician says.',
  '4. Try not to stay in bed. Rest a short time if you need to, then get up.',
  '',
  'Your side: {left|right|both}. Things to try: {+walking|swimming|stretching}.',
  '',
  RED_FLAG_LINE,
  '',
  'Call @CLINIC@ at @CLINIC_PHONE@ if the pain is not better in 4 weeks.',
];

/** Asserts the problems are these, as [file line, how the message starts], in order. */
function assertProblems(problems: readonly PhraseProblem[], expected: readonly (readonly [number, string])[]): void {
  assert.deepStrictEqual(
    problems.map((problem, index) => [problem.line, problem.message.startsWith(expected[index]?.[1] ?? '') ? expected[index][1] : problem.message]),
    expected,
  );
}

describe('phrase checks', () => {
  it('finds nothing wrong with a good clinic handout about low back pain', () => {
    const { problems } = check(HANDOUT_FRONT_MATTER, GOOD_HANDOUT);
    assert.deepStrictEqual(problems, []);
  });

  it('finds nothing wrong with a plain note template', () => {
    const { problems } = check(
      ['name: lbpassess', 'title: Low back pain assessment', 'kind: template'],
      ['## Subjective', '', 'Pain on the {left|right|both} side for *** weeks, worse with {+sitting|bending|lifting}.', '', '**Plan:** ***'],
    );
    assert.deepStrictEqual(problems, []);
  });

  describe('field syntax', () => {
    it('flags braces with "|" that are not a list, with the reason and the characters', () => {
      const { text, problems } = check(['name: t', 'kind: template'], ['Side: {left||right} and {right|}.', '{a|{b|c}} then {open|ended', '{single option}, `{a||b}` in code and \\{x||y} escaped']);
      assertProblems(problems, [
        [4, '"{left||right}" is not a list: it has an empty option'],
        [4, '"{right|}" is not a list: it has an empty option'],
        [5, '"{a|" is not a list: a list cannot hold another "{"'],
        [5, '"{open|ended" is not a list: it has no closing "}" on its line'],
      ]);
      const line = text.split('\n')[4];
      assert.strictEqual(line.slice(problems[0].character, problems[0].endCharacter), '{left||right}');
      assert.strictEqual(line.slice(problems[1].character, problems[1].endCharacter), '{right|}');
      assert.ok(problems.every((problem) => problem.severity === 'warning'));
    });

    it('quotes file text so that it can form no link', () => {
      const { problems } = check(['name: t', 'kind: template'], ['{[run](command:workbench.action.terminal.new)||b}']);
      assert.strictEqual(problems.length, 1);
      assert.ok(!/\[[^\]]*\]\(/.test(problems[0].message), problems[0].message);
      assert.match(problems[0].message, /run/);
    });

    it('flags a list of too many options', () => {
      const { problems } = check(['name: t', 'kind: template'], [`{${Array.from({ length: 31 }, (_, i) => `o${i}`).join('|')}}`]);
      assertProblems(problems, [[4, '"{o0|o1|o2|']]);
      assert.match(problems[0].message, /at most 30 options \(this one has 31\)/);
    });

    it('flags an unknown variable, and a known one written in lower case', () => {
      const { text, problems } = check(['name: t', 'kind: template'], ['Seen by @DOCTOR@ for @patient@ on @DATE@; mail name@example.org.']);
      assert.deepStrictEqual(
        problems.map((problem) => problem.message),
        ['"@DOCTOR@" is an unknown variable: write one of @PATIENT@, @DATE@, @CLINICIAN@, @CLINIC@, @CLINIC_PHONE@.', '"@patient@" is an unknown variable: write @PATIENT@ (in capitals).'],
      );
      assert.strictEqual(text.split('\n')[problems[0].line].slice(problems[0].character, problems[0].endCharacter), '@DOCTOR@');
    });
  });

  it('flags Do Not Use abbreviations on their line, naming them and the advice', () => {
    const { text, problems } = check(['name: t', 'kind: template'], ['## Plan', '', 'Naproxen 500 mg PO BID.', 'Vitamin D 1000 IU qd.']);
    assert.deepStrictEqual(
      problems.map((problem) => [problem.line, text.split('\n')[problem.line].slice(problem.character, problem.endCharacter)]),
      [
        [7, 'IU'],
        [7, 'qd'],
      ],
    );
    assert.match(problems[0].message, /^Do Not Use "IU": .*write "international units"/);
    assert.ok(!/[“”]/.test(problems[0].message), 'straight quotes');
  });

  it('can leave Do Not Use to the note diagnostics', () => {
    const text = ['---', 'name: t', 'kind: template', '---', 'Take it qd.'].join('\n');
    const { phrase } = parsePhraseFile(text);
    assert.deepStrictEqual(checkPhrase(phrase!, text, handoutProse, { doNotUse: false }), []);
  });

  describe('handouts', () => {
    it('flags a reading grade above 6 on the title line, naming the hardest sentence', () => {
      const hard = [
        '# Low back pain at home',
        '',
        'Nonspecific lumbar discomfort predominantly originates from musculoligamentous structures, and radiological investigations are infrequently indicated.',
        '',
        'Conservative management emphasising continued physical activity demonstrates superior functional outcomes compared with prolonged immobilisation.',
        '',
        RED_FLAG_LINE,
      ];
      const { problems } = check(HANDOUT_FRONT_MATTER, hard);
      assert.strictEqual(problems.length, 1, JSON.stringify(problems));
      assert.strictEqual(problems[0].line, bodyLine(0));
      assert.match(problems[0].message, /^Reading grade \d+\.\d \(the higher of Flesch–Kincaid and SMOG\): patient handouts should read at grade 6 or below\. Hardest: "Nonspecific/);
    });

    it('puts the grade warning on the front matter title when the body has no title heading', () => {
      const { problems } = check(HANDOUT_FRONT_MATTER, ['Conservative management emphasising continued physical activity demonstrates superior functional outcomes compared with immobilisation.', RED_FLAG_LINE]);
      assert.deepStrictEqual(
        problems.map((problem) => problem.line),
        [2, bodyLine(0)],
      );
      assert.match(problems[0].message, /^Reading grade/);
      assert.match(problems[1].message, /^A patient handout starts with its title as a heading line, such as "# Low back pain at home"\.$/);
    });

    it('counts fields as one short word and exempts the terms the handout teaches', () => {
      const teaching = [
        '# Sciatica',
        '',
        'Sciatica (pain that runs down the leg from the back) often gets better by itself. Keep active.',
        '',
        'Your side: {left|right}. Walk *** minutes a day.',
        '',
        RED_FLAG_LINE,
      ];
      const taught = check(['name: sciatica', 'title: Sciatica', 'kind: handout', 'teaches: [sciatica]'], teaching);
      assert.deepStrictEqual(taught.problems, []);
      // Without "teaches", the word it explains counts: the same text reads above grade 6.
      const untaught = check(['name: sciatica', 'title: Sciatica', 'kind: handout'], teaching);
      assertProblems(untaught.problems, [[5, 'Reading grade ']]);
      assert.ok(Number(/^Reading grade (\d+\.\d)/.exec(untaught.problems[0].message)![1]) > 6);
      assert.match(untaught.problems[0].message, /Hardest: "Sciatica \(pain/);
      // Each field is one short word: the grade is the same as with "blank" written in.
      const written = check(['name: sciatica', 'title: Sciatica', 'kind: handout'], teaching.map((line) => line.replace('{left|right}', 'blank').replace('***', 'blank')));
      assert.deepStrictEqual(written.problems, untaught.problems);
    });

    it('does not grade a template', () => {
      const { problems } = check(
        ['name: t', 'title: Lumbar assessment', 'kind: template'],
        ['Nonspecific lumbar discomfort predominantly originates from musculoligamentous structures, and radiological investigations are infrequently indicated.'],
      );
      assert.deepStrictEqual(problems, []);
    });

    it('warns on line 0 when a handout about back or hip pain has no warning signs', () => {
      const { problems } = check(
        HANDOUT_FRONT_MATTER,
        GOOD_HANDOUT.filter((line) => line !== RED_FLAG_LINE),
      );
      assert.deepStrictEqual(
        problems.map((problem) => [problem.line, problem.message]),
        [[0, 'This handout is about back or hip pain but has no warning-signs block: add a line {{red-flags}} where the emergency and same-day signs should go.']],
      );
    });

    it('accepts its own warning signs with both levels, emergency first, and warns otherwise', () => {
      const ownSigns = (first: string, second: string) =>
        check(['name: hip', 'title: Hip pain', 'kind: handout'], ['# Hip pain', '', 'Rest your hip a bit, then keep moving.', '', first, '', '- You cannot stand on the leg', '', second, '', '- A fever']);
      const inOrder = ownSigns('**Call 911** if you have any of these:', '**Call us the same day** if you have any of these:');
      assert.deepStrictEqual(inOrder.problems, []);
      const reversed = ownSigns('**Call us the same day** if you have any of these:', '**Call 911** if you have any of these:');
      assertProblems(reversed.problems, [[9, 'This handout lists the same-day signs before the emergency signs']]);
      const emergencyOnly = ownSigns('**Call 911** if you have any of these:', 'Also watch for:');
      assertProblems(emergencyOnly.problems, [[9, 'This handout is about back or hip pain, a']]);
      assert.match(emergencyOnly.problems[0].message, /no same-day level/);
      const sameDayOnly = ownSigns('Watch for:', '**Call us the same day** if you have any of these:');
      assertProblems(sameDayOnly.problems, [[13, 'This handout is about back or hip pain, a']]);
      assert.match(sameDayOnly.problems[0].message, /no emergency level/);
    });

    it('does not ask a handout about something else for warning signs', () => {
      const { phrase, problems } = check(
        ['name: handwash', 'title: Washing your hands', 'description: How to wash your hands well', 'kind: handout'],
        ['# Washing your hands', '', 'Wet your hands. Rub soap on the front and the back of your hands, and between your fingers.', '', 'Rub for 20 seconds. Then rinse and dry them well.'],
      );
      assert.strictEqual(isAboutBackOrHipPain(phrase), false);
      assert.deepStrictEqual(problems, []);
    });

    it('decides "about back or hip pain" from the title, description, sections or body', () => {
      const phrase = (fields: Partial<Phrase>): Phrase => ({ name: 'p', title: 'Exercise', description: '', kind: 'handout', sections: [], teaches: [], body: '# Exercise', bodyLine: 4, ...fields });
      assert.strictEqual(isAboutBackOrHipPain(phrase({})), false);
      assert.strictEqual(isAboutBackOrHipPain(phrase({ title: 'Your new hip' })), true);
      assert.strictEqual(isAboutBackOrHipPain(phrase({ description: 'For sciatica' })), true);
      assert.strictEqual(isAboutBackOrHipPain(phrase({ sections: ['2-causes-of-iliopsoas-back-pain'] })), true);
      assert.strictEqual(isAboutBackOrHipPain(phrase({ body: 'Come back next week.' })), false);
      assert.strictEqual(isAboutBackOrHipPain(phrase({ body: 'Bend at the hips once.' })), false);
      assert.strictEqual(isAboutBackOrHipPain(phrase({ body: 'Your lower back hurts. Bend at the hips.' })), true);
    });

    it('flags dose amounts in a handout but not in a template', () => {
      const body = ['# Pain pills', '', 'Take 400 mg of the pain pill, or 2 tablets of the other one.'];
      const { text, problems } = check(['name: pills', 'title: Pain pills', 'kind: handout'], body);
      assert.deepStrictEqual(
        problems.map((problem) => [problem.line, text.split('\n')[problem.line].slice(problem.character, problem.endCharacter)]),
        [
          [7, '400 mg'],
          [7, '2 tablets'],
        ],
      );
      assert.match(problems[0].message, /^"400 mg" is a dose amount: a handout gives none\. Write "as the label or your clinician says"\.$/);
      assert.deepStrictEqual(check(['name: pills', 'kind: template'], body).problems, []);
    });
  });

  it('reads a long phrase file in one pass (a 200 KB body)', () => {
    const body = ['# Low back pain at home', '', RED_FLAG_LINE, ...Array.from({ length: 2800 }, (_, i) => `Walk a bit each day ${i}, side {left|right}, and rest {a||b} @NOPE@.`)];
    const { problems } = check(HANDOUT_FRONT_MATTER, body);
    // Each line: one broken list and one unknown variable; the grade is fine.
    assert.strictEqual(problems.length, 5600);
    assert.strictEqual(problems[problems.length - 1].line, bodyLine(body.length - 1));
  });
});
