import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  RED_FLAG_MARKER,
  checkHandout,
  checkSnippetSyntax,
  findUnsafeWriting,
  handoutPlainText,
  handoutReadingGrade,
  handoutSnippets,
  loadHandouts,
  parseHandouts,
  redFlagBlock,
  snippetPlainText,
  sourceSectionTitles,
  type Handout,
} from '../../src/handouts/handouts';
import { smogGrade } from '../../src/handouts/readability';
import { guideOutline } from './guideFixture';

// Compiled to out/test/unit/, three levels below the repository root.
const SNIPPETS_PATH = path.resolve(__dirname, '../../../snippets/handouts.code-snippets');

// The six red flags of NICE NG59 / the American College of Physicians, as the shared block words them.
const RED_FLAGS: [string, RegExp][] = [
  ['bladder or bowel control', /new trouble controlling your bladder or bowels/i],
  ['saddle numbness', /numbness around your genitals, buttocks, or inner thighs/i],
  ['new or worsening leg weakness', /leg weakness that is new or getting worse, in one or both legs/i],
  ['fever', /fever with back pain/i],
  ['weight loss or cancer', /weight loss you cannot explain, or you have had cancer/i],
  ['major trauma', /back pain after a bad fall or accident/i],
];

const sectionIds = (): string[] => guideOutline().sections.map((section) => section.id);

describe('handouts', () => {
  const handouts = loadHandouts();

  it('has at least ten handouts with unique kebab-case ids and titles', () => {
    assert.ok(handouts.length >= 10, `only ${handouts.length} handouts`);
    assert.strictEqual(new Set(handouts.map((handout) => handout.id)).size, handouts.length);
    assert.strictEqual(new Set(handouts.map((handout) => handout.title)).size, handouts.length);
    for (const { id } of handouts) assert.match(id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });

  describe('each handout', () => {
    for (const handout of handouts) {
      const grade = handoutReadingGrade(handout);
      const smog = smogGrade(handoutPlainText(handout));
      it(`${handout.id} passes every check (Flesch–Kincaid ${grade.toFixed(1)}, SMOG ${smog.toFixed(1)})`, () => {
        assert.deepStrictEqual(checkHandout(handout, sectionIds()), []);
        assert.ok(grade <= 6, `grade ${grade}`);
      });

      it(`${handout.id} names the guide sections it draws on by their exact titles`, () => {
        const titles = handout.sections.map((id) => guideOutline().get(id)?.title);
        assert.deepStrictEqual(sourceSectionTitles(handout.body), titles);
      });

      it(`${handout.id} numbers its tab stops the same way as every other handout`, () => {
        assert.match(handout.body, /^\*\*For:\*\* \$\{1:patient name\}$/m);
        assert.match(handout.body, /\$\{2:clinician\}/);
        assert.match(handout.body, /\$\{3\|\d+ weeks?(?:,\d+ weeks?)+\|\}/);
        assert.ok(handout.body.endsWith('\n$0'));
      });
    }
  });

  it('puts the same red-flag block, with all six red flags, in every handout', () => {
    const block = redFlagBlock();
    for (const [name, wording] of RED_FLAGS) assert.match(block, wording, `missing: ${name}`);
    for (const handout of handouts) {
      assert.strictEqual(handout.body.split(block).length, 2, `${handout.id} must contain the block exactly once`);
      assert.ok(!handout.body.includes(RED_FLAG_MARKER), `${handout.id} still has the marker`);
    }
  });

  it('has a red-flags handout explaining each of the six red flags', () => {
    const redFlags = handouts.find((handout) => handout.id === 'red-flags')!;
    const explained = redFlags.body.slice(0, redFlags.body.indexOf(redFlagBlock()));
    for (const [name, wording] of [
      ['bladder or bowel control', /bladder or bowel trouble/i],
      ['saddle numbness', /numbness around the genitals, buttocks, or inner thighs/i],
      ['leg weakness', /leg weakness that is new or getting worse/i],
      ['fever', /fever with back pain/i],
      ['weight loss or cancer', /weight loss you cannot explain, or you have had cancer/i],
      ['major trauma', /back pain after a bad fall or accident/i],
    ] as const) {
      assert.match(explained, wording, `not explained: ${name}`);
    }
  });

  it('gives the quiz handout all six guide questions with the guide\'s answers at the end', () => {
    const quiz = handouts.find((handout) => handout.id === 'quiz')!;
    const text = handoutPlainText(quiz);
    const answers = text.slice(text.indexOf('Answers'));
    assert.ok(text.indexOf('Answers') > text.indexOf('Surgery is always the first thing to try'));
    // The guide's key: (b), (b), (a), then False, True, False.
    assert.deepStrictEqual(
      [...answers.matchAll(/^(\([a-d]\)|True(?=\.)|False(?=\.))/gm)].map((match) => match[1]),
      ['(b)', '(b)', '(a)', 'False', 'True', 'False'],
    );
  });

  it('writes no drug doses anywhere (no numbers before mg, units, tablets)', () => {
    for (const handout of handouts) {
      assert.doesNotMatch(snippetPlainText(handout.body), /\d\s*(?:mg|mcg|ml|units?|tablets?|pills?)\b/i, handout.id);
    }
  });

  it('keeps the committed snippets file current (run `npm run build` to regenerate it)', () => {
    const onDisk: unknown = JSON.parse(fs.readFileSync(SNIPPETS_PATH, 'utf8'));
    assert.deepStrictEqual(onDisk, handoutSnippets(handouts));
    assert.strictEqual(fs.readFileSync(SNIPPETS_PATH, 'utf8'), JSON.stringify(handoutSnippets(handouts), null, 2) + '\n');
  });
});

describe('handoutSnippets', () => {
  const handout: Handout = {
    id: 'demo',
    title: 'Demo',
    description: 'A demo',
    audience: 'Anyone.',
    sections: ['surgery'],
    teaches: [],
    body: '# Demo\n\nRest well.\n$0',
  };

  it('makes one markdown snippet per handout with its prefix, graded description and body lines', () => {
    assert.deepStrictEqual(handoutSnippets([handout]), {
      'Handout: Demo': {
        prefix: ['handout-demo'],
        description: 'A demo (grade 0.7)', // 3 words, 4 syllables, 2 sentences
        body: ['# Demo', '', 'Rest well.', '$0'],
        scope: 'markdown',
      },
    });
  });

  it('keeps the order of the source and refuses two handouts with one title', () => {
    const second = { ...handout, id: 'second', title: 'Another' };
    assert.deepStrictEqual(Object.keys(handoutSnippets([second, handout])), ['Handout: Another', 'Handout: Demo']);
    assert.throws(() => handoutSnippets([handout, { ...handout, id: 'copy' }]), /share the title "Demo"/);
  });
});

describe('parseHandouts', () => {
  const entry = { id: 'a', title: 'A', description: 'd', audience: 'Anyone.', sections: ['surgery'], body: ['# A', RED_FLAG_MARKER, '$0'] };

  it('expands the red-flag marker line into the shared block', () => {
    const [handout] = parseHandouts({ redFlagBlock: ['## Help', '- Fever'], handouts: [entry] });
    assert.strictEqual(handout.body, '# A\n## Help\n- Fever\n$0');
  });

  it('lists every shape problem in one error', () => {
    assert.throws(
      () => parseHandouts({ redFlagBlock: [], handouts: [entry, { ...entry, id: 'Bad Id', body: 'text' }, entry] }),
      (error: Error) =>
        /"redFlagBlock" must be a non-empty array/.test(error.message) &&
        /handouts\[1\] \(Bad Id\): "body" must be an array of lines/.test(error.message) &&
        /handouts\[1\] \(Bad Id\): "id" must be kebab-case/.test(error.message) &&
        /handouts\[2\] \(a\): duplicate id "a"/.test(error.message),
    );
  });
});

describe('snippetPlainText', () => {
  const cases: [string, string][] = [
    ['Hello ${1:name}.', 'Hello name.'],
    ['Use ${2|a,b|}.', 'Use a.'],
    ['${1:Ann} and $1 again', 'Ann and Ann again'],
    ['Date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE', 'Date: 2026-03-09'],
    ['${1:outer ${2:inner}}', 'outer inner'],
    ['Costs \\$5 \\} and \\\\ here', 'Costs $5 } and \\ here'],
    ['${3|x\\,y,z|}', 'x,y'],
    ['Done.$0', 'Done.'],
    ['A $1 B', 'A  B'],
    ['${UNKNOWN:fallback} $UNKNOWN', 'fallback UNKNOWN'],
  ];
  for (const [body, expected] of cases) {
    it(`${JSON.stringify(body)} → ${JSON.stringify(expected)}`, () => assert.strictEqual(snippetPlainText(body), expected));
  }
});

describe('checkSnippetSyntax', () => {
  const valid = [
    '${1:name}',
    '${1:name} and $1',
    '\\$ and \\}',
    '${2|a,b|} ${1:x}',
    '$CURRENT_YEAR ${CURRENT_MONTH}',
    '${1:a ${2:nested}} $0',
    'Plain text, with {an open brace only',
  ];
  for (const body of valid) {
    it(`accepts ${JSON.stringify(body)}`, () => assert.deepStrictEqual(checkSnippetSyntax(body), []));
  }

  const invalid: [string, RegExp][] = [
    ['${1:name', /line 1, column 1: "\$\{1:" is not closed/],
    ['costs $ 5', /column 7: stray "\$"/],
    ['a\nb }', /line 2, column 3: stray "\}"/],
    ['${1|a,b}', /choice not closed/],
    ['${1|a,,b|}', /empty option/],
    ['${|a|}', /must be followed by a tab stop number or a variable name/],
    ['${1/a/b/}', /transforms are not supported/],
    ['$CURRENT_DAY', /unknown variable "\$CURRENT_DAY"/],
    ['${1:Ann} ${1:Bob}', /tab stop \$1 has two different defaults/],
    ['${1|a,b|} ${1|a,c|}', /two different choice lists/],
    ['${1:a} ${3:c}', /\$2 is missing/],
    ['$0 and $0', /"\$0".*more than once/],
  ];
  for (const [body, problem] of invalid) {
    it(`rejects ${JSON.stringify(body)}`, () => {
      const problems = checkSnippetSyntax(body);
      assert.ok(problems.some((message) => problem.test(message)), problems.join('; ') || 'no problems found');
    });
  }
});

describe('findUnsafeWriting', () => {
  it('finds each Joint Commission do-not-use abbreviation and dose amounts', () => {
    const text = 'Give 10 U, 5 IU, Q.D., qd, QOD, q.o.d., 1.0 mg, .5 mg, MS, MSO4, MgSO4, 2x/day.';
    const found = findUnsafeWriting(text).map((problem) => problem.slice(0, problem.indexOf(':')));
    for (const abbreviation of ['"U"', '"IU"', '"Q.D."', '"qd"', '"QOD"', '"q.o.d."', '"1.0"', '".5"', '"MS"', '"MSO4"', '"MgSO4"', '"2x/day"', '"1.0 mg"']) {
      assert.ok(found.includes(abbreviation), `missed ${abbreviation} in ${found.join(' ')}`);
    }
  });

  it('leaves plain words and ordinary numbers alone', () => {
    assert.deepStrictEqual(
      findUnsafeWriting('Use it daily, 2 times a day, for 2 weeks. Do 10 leg raises. Ask us. Must, units of care, 3. Rest.'),
      [],
    );
  });
});

describe('checkHandout', () => {
  it('reports what a bare handout is missing', () => {
    const bare: Handout = { id: 'bare', title: 'Bare', description: 'd', audience: 'Anyone.', sections: ['nowhere'], teaches: [], body: '# Wrong\n\nText.' };
    const problems = checkHandout(bare, sectionIds()).join('\n');
    for (const expected of [
      /first line must be the title/,
      /must say who it is for/,
      /missing the "\*\*For:\*\*/,
      /missing the "## What to do"/,
      /missing the "## When to call the clinic"/,
      /missing the line saying it does not replace/,
      /missing the "Based on:" source line/,
      /missing the clinician \/ date \/ follow-up line/,
      /missing the shared red-flag block/,
      /must end with "\$0"/,
      /unknown guide section "nowhere"/,
    ]) {
      assert.match(problems, expected);
    }
  });

  it('flags a hard-to-read handout and a do-not-use abbreviation', () => {
    const [first] = loadHandouts();
    // One very long sentence of long words outweighs the rest of the handout.
    const jargon = Array(8)
      .fill('notwithstanding considerable interindividual variability, multidisciplinary rehabilitation demonstrates improved functional outcomes')
      .join(', ');
    const hard = { ...first, body: first.body.replace('## What to do', `Administered QD, ${jargon}.\n\n## What to do`) };
    const problems = checkHandout(hard, sectionIds()).join('\n');
    assert.match(problems, /reads at grade \d+\.\d; keep it at 6 or below/);
    assert.match(problems, /"QD": write "daily"/);
    assert.deepStrictEqual(checkHandout(first, sectionIds()), [], 'the unchanged handout passes');
  });
});
