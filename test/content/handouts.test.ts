import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  RED_FLAG_MARKER,
  handoutPlainText,
  handoutReadingGrade,
  handoutSnippets,
  loadHandouts,
  parseHandouts,
  redFlagBlock,
  sharedText,
  type Handout,
} from '../../src/handouts/handouts';
import { highestTabStop, shiftTabStops, snippetPlainText, withoutTabStopNumbers, checkSnippetSyntax } from '../../src/markdown/snippets';
import { checkClinicFields, checkHandout, findUnsafeWriting, redFlagLevels, sourceSectionTitles } from './handoutChecks';
import { loadBuiltInGlossary } from '../../src/glossary/entries';
import { exemptTerms, smogGrade } from '../../src/readability/grade';
import { unexplainedTerms } from './handoutTerms';
import { guideOutline } from '../unit/guideFixture';
import { handoutStartMarker, RED_FLAGS_END_MARKER, RED_FLAGS_START_MARKER } from '../../src/handouts/redFlagMarkers';

const ENTRY = { id: 'a', title: 'A', description: 'd', audience: 'Anyone.', sections: ['surgery'], body: ['# A', RED_FLAG_MARKER, '$0'] };

// Compiled to out/test/content/, three levels below the repository root.
const SNIPPETS_PATH = path.resolve(__dirname, '../../../snippets/handouts.code-snippets');
const GENERATOR = path.resolve(__dirname, '../../../scripts/generateSnippets.mjs');

// What each level of the red-flag block must contain, as concepts (NICE CKS low back pain and
// sciatica, GIRFT 2023 suspected cauda equina pathway, NICE NG234, ACP/APS 2007, NICE NG156).
const EMERGENCY_SIGNS: [string, RegExp][] = [
  ['early cauda equina: trouble starting to pee, weak stream, reduced feeling', /starting to pee[\s\S]*weak stream[\s\S]*feel when you pee or poo/i],
  ['retention', /cannot pee at all/i],
  ['saddle numbness', /(?:numb|tingl)[^\n]*(?:genitals|bottom|inner thighs)[^\n]*saddle/i],
  ['loss of bladder or bowel control', /control of your bladder or bowels/i],
  ['bilateral sciatica', /pain that shoots down both legs/i],
  ['numbness or weakness in both legs', /(?:numbness|weakness)[^\n]*both legs/i],
  ['quickly worsening leg weakness', /leg weakness[^\n]*worse fast/i],
  ['new sexual problems, named plainly', /sex[^\n]*erection[^\n]*less feeling in your private parts/i],
  ['cancer history with nerve signs or radicular or band-like pain (NG234)', /cancer[^\n]*weakness[^\n]*tingling[^\n]*walking[^\n]*shoots down a leg[^\n]*chest/i],
  ['fever and very unwell', /fever[^\n]*very unwell/i],
  ['fever with new back pain and a spinal infection risk (epidural abscess)', /fever with new back pain[^\n]*inject drugs[^\n]*diabetes[^\n]*weak immune system[^\n]*shot or surgery on your spine in the last 3 months/i],
  ['fever with new leg weakness or numbness', /fever, and new weakness or numbness in a leg/i],
  ['major trauma', /back pain after[^\n]*(?:fall|crash|injury)/i],
  ['aneurysm: sudden severe back or belly pain with faintness, or with risk factors (former smokers, family history) (NG156)', /sudden[^\n]*severe[^\n]*belly[^\n]*faint[^\n]*over 60, smoke or used to smoke[^\n]*a parent, a brother, or a sister has an aneurysm/i],
  ['sudden severe or tearing chest or upper back pain (dissection, heart)', /sudden, very bad pain in your chest or upper back[^\n]*tearing/i],
  ['bleeding on a blood thinner, pill or shot (iliopsoas or spinal haematoma)', /blood thinner \(a pill or shot[^\n]*sudden[^\n]*(?:groin|thigh)[^\n]*(?:numbness|weakness)/i],
  ['vomiting blood, or black stools and unwell', /throw up blood[^\n]*black poo[^\n]*(?:faint|unwell)/i],
  ['cannot bear weight after a fall', /fell[^\n]*cannot put weight/i],
  ['sudden hip pain and cannot bear weight, even without a fall (insufficiency fracture)', /sudden hip or groin pain[^\n]*cannot put weight[^\n]*without a fall/i],
  ['acute limb ischaemia', /leg or foot that suddenly turns cold, pale, or blue/i],
  ['septic hip or psoas abscess: fever with pain on moving or standing, or a hot or swollen hip', /fever[^\n]*hip hurts when you move it or stand on it[^\n]*hot or swollen/i],
  ['hip replacement dislocation', /hip replacement[^\n]*(?:shorter|turned)/i],
];
const SAME_DAY_SIGNS: [string, RegExp][] = [
  ['new weakness or foot drop in one leg', /weakness in one leg[^\n]*foot drags/i],
  ['fever with back, groin or hip pain and no 911 sign (infection, psoas abscess)', /fever with back, groin, or hip pain, and no sign from the 911 list/i],
  ['unexplained weight loss', /weight loss you cannot explain/i],
  ['cancer history with new back pain', /had cancer[^\n]*new back pain/i],
  ['osteoporosis or long-term steroids', /osteoporosis[^\n]*steroid[^\n]*new back pain/i],
  ['infection risk without fever', /inject drugs[^\n]*immune system[^\n]*(?:shot|surgery)[^\n]*new back pain but no fever/i],
  ['hip replacement wound infection', /hip[^\n]*wound[^\n]*(?:red|hot|leaking)[^\n]*fever/i],
  ['black stools, otherwise well', /black poo[^\n]*feel well/i],
  ['night pain not eased by moving', /night[^\n]*does not ease[^\n]*(?:move|shift)/i],
];
// Signs that must never be sent to a routine or same-day call.
const EMERGENCY_ONLY = /both legs|saddle|genitals|bladder or bowel|leak pee|faint|fell[^\n]*cannot put weight|cannot put weight[^\n]*without a fall|hip replacement[^\n]*(?:shorter|turned)|throw up blood|cannot pee|cold, pale|fever[^\n]*(?:inject drugs|diabetes|weakness or numbness in a leg|hip hurts when you move)|chest or upper back|tearing/i;

const sectionIds = (): string[] => guideOutline().sections.map((section) => section.id);

/** The bullets under a "## heading" of a handout's plain Markdown, up to the next heading. */
function bulletsUnder(body: string, heading: RegExp): string[] {
  const start = body.search(heading);
  if (start < 0) return [];
  const part = body.slice(start).split(/^## /m)[1] ?? '';
  return [...part.matchAll(/^\s*(?:[-*]|\d+\.) (.+)$/gm)].map((match) => match[1]);
}

describe('handouts', () => {
  const handouts = loadHandouts();
  const glossary = loadBuiltInGlossary();
  const byId = (id: string): Handout => {
    const found = handouts.find((handout) => handout.id === id);
    assert.ok(found, `no handout "${id}"`);
    return found;
  };

  it('has at least sixteen handouts with unique kebab-case ids and titles, the new ones among them', () => {
    assert.ok(handouts.length >= 16, `only ${handouts.length} handouts`);
    assert.strictEqual(new Set(handouts.map((handout) => handout.id)).size, handouts.length);
    assert.strictEqual(new Set(handouts.map((handout) => handout.title)).size, handouts.length);
    for (const { id } of handouts) assert.match(id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    for (const id of ['cauda-equina-card', 'sciatica', 'low-back-pain', 'iliopsoas-tendon', 'lateral-hip-pain', 'back-pain-medicines']) byId(id);
  });

  describe('each handout', () => {
    for (const handout of handouts) {
      const plain = handoutPlainText(handout);
      const grade = handoutReadingGrade(handout);
      it(`${handout.id} passes every check, grade ${grade.toFixed(1)} (the higher of Flesch–Kincaid and SMOG, taught terms exempted)`, () => {
        assert.deepStrictEqual(checkHandout(handout, sectionIds()), []);
        assert.ok(grade <= 6, `grade ${grade}`);
        assert.ok(grade >= smogGrade(exemptTerms(plain, handout.teaches)), 'the grade is at least the SMOG grade');
      });

      it(`${handout.id} explains every medical word where it first uses it`, () => {
        assert.deepStrictEqual(unexplainedTerms(handout, glossary), []);
      });

      it(`${handout.id} opens with 3 to 5 key points and ends with the clinician line and its guidelines`, () => {
        const keyPoints = bulletsUnder(handout.body, /^## Key points$/m);
        assert.ok(keyPoints.length >= 3 && keyPoints.length <= 5, `${keyPoints.length} key points`);
        assert.ok(handout.body.indexOf('## Key points') < handout.body.indexOf('## What to do'));
        assert.match(plain, /does not replace the advice of your clinician/);
        assert.match(handout.body, /^(?:Guidelines|Evidence): .*(?:NICE|ACP|GIRFT|OARSI|BMJ|JOSPT|Cochrane|ACSM|ACOG|BNF|FDA|Am J|Br J)/m);
      });

      it(`${handout.id} names the guide sections it draws on by their exact titles`, () => {
        const titles = handout.sections.map((id) => guideOutline().get(id)?.title);
        assert.deepStrictEqual(sourceSectionTitles(handout.body), titles);
      });

      it(`${handout.id} numbers its tab stops the same way as every other handout, the clinic's name and phones after its own`, () => {
        assert.match(handout.body, /^\*\*For:\*\* \$\{1:patient name\}$/m);
        assert.match(handout.body, /\$\{2:clinician\}/);
        assert.match(handout.body, /\$\{3\|\d+ weeks?(?:,\d+ weeks?)+\|\}/);
        assert.ok(handout.body.endsWith('\n$0'));
        const phone = /Clinic phone: \$\{(\d+):clinic phone\}\. After hours: \$\{(\d+):after-hours phone\}/.exec(handout.body);
        assert.ok(phone, 'the clinic phone fields');
        const last = highestTabStop(handout.body);
        assert.deepStrictEqual([Number(phone[1]), Number(phone[2])], [last - 1, last]);
        // The clinic's name and phone where the patient is told when to call, the same phone's stop again (a mirror).
        assert.deepStrictEqual(handout.clinicFields, { name: last - 2, phone: last - 1, afterHoursPhone: last });
        assert.match(handout.body, new RegExp(String.raw`^(?:Call|Even without a warning sign, call) \$\{${last - 2}:clinic name\} at \$\{${last - 1}:clinic phone\} (?:soon )?if:$`, 'm'));
      });

      it(`${handout.id} never sends an emergency sign, or weakness in a leg, to a routine call`, () => {
        for (const reason of bulletsUnder(handout.body, /^## When to call the clinic$/m)) {
          assert.doesNotMatch(reason, EMERGENCY_ONLY, `routine: ${reason}`);
          assert.doesNotMatch(reason, /weak(?:ness)? in (?:one|a|your) leg|foot drop|foot drags/i, `routine: ${reason}`);
        }
      });

      it(`${handout.id} offers heat before ice, with the safety line, wherever it suggests either`, () => {
        for (const choice of handout.body.matchAll(/\$\{\d+\|([^|]+)\|\}/g)) {
          const options = choice[1].split(',');
          if (options.some((option) => /\bice\b/i.test(option)) && options.some((option) => /\bheat\b/i.test(option))) {
            assert.match(options[0], /\bheat\b/i, `choice ${choice[0]}: heat comes first (ACP 2017)`);
          }
        }
        if (/\b(?:ice|heat|heating pad|warm pack)\b/i.test(bulletsUnder(handout.body, /^## What to do$/m).join(' '))) {
          assert.match(plain, /numb/i, 'not on numb skin');
          assert.match(plain, /asleep|sleep/i, 'not while asleep');
        }
      });

      it(`${handout.id} gives the one wording of the NSAID cautions and bleeding signs wherever it names NSAIDs`, () => {
        if (!/\bNSAIDs?\b/.test(plain)) return;
        for (const name of ['nsaid-cautions', 'nsaid-bleeding']) {
          const shared = sharedText(name);
          assert.ok(shared && plain.includes(shared), `missing the shared "${name}" text`);
        }
      });

      it(`${handout.id} does not call arthritis wear and tear`, () => {
        // "It is not just "wear and tear"" corrects the idea; calling arthritis wear and tear repeats it.
        assert.doesNotMatch(plain, /(?<!not (?:just |only |simply )?["“]?)wear and tear/i);
      });
    }
  });

  it('puts the same two-level red-flag block in every handout: 911 signs first, then same-day signs with the clinic phone', () => {
    const block = redFlagBlock();
    const levels = redFlagLevels(block);
    for (const [name, wording] of EMERGENCY_SIGNS) assert.ok(levels.emergency.some((item) => wording.test(item)) || wording.test(levels.emergency.join('\n')), `911 list is missing: ${name}`);
    for (const [name, wording] of SAME_DAY_SIGNS) assert.ok(levels.sameDay.some((item) => wording.test(item)), `same-day list is missing: ${name}`);
    for (const item of levels.sameDay) assert.doesNotMatch(item, EMERGENCY_ONLY, `an emergency sign in the same-day list: ${item}`);
    assert.ok(block.indexOf('911') < block.search(/same day/i), 'the emergency list comes first');
    assert.match(block.slice(block.search(/\*\*Call us the same day/)), /Clinic phone: \$\{1:clinic phone\}\. After hours: \$\{2:after-hours phone\}\./);
    assert.doesNotMatch(block.slice(0, block.search(/\*\*Call us the same day/)), /clinic (?:name|phone)|after-hours phone/, 'the 911 part names no clinic number');
    for (const handout of handouts) {
      assert.strictEqual(withoutTabStopNumbers(handout.body).split(withoutTabStopNumbers(block)).length, 2, `${handout.id} must contain the block exactly once`);
      assert.ok(!handout.body.includes(RED_FLAG_MARKER), `${handout.id} still has the marker`);
      assert.deepStrictEqual(redFlagLevels(handout.body.slice(handout.body.indexOf('## Warning signs'))), levels, handout.id);
    }
  });

  it('words the NSAID cautions once, with every caution the guidelines name', () => {
    const cautions = sharedText('nsaid-cautions')!;
    for (const caution of [/65 or older/, /pregnant/, /blood thinner[^.]*aspirin/, /blood pressure/, /water pills/, /ulcer/, /kidney/, /heart/, /liver/, /asthma/]) {
      assert.match(cautions, caution);
    }
    assert.match(sharedText('nsaid-bleeding')!, /throw up blood[^.]*faint or unwell[^.]*911/);
  });

  it('fills a shared sentence into a handout line, and names an unknown one', () => {
    const [handout] = parseHandouts({ redFlagBlock: ['x'], sharedText: { caution: 'Ask us first.' }, handouts: [{ ...ENTRY, body: ['# A', 'Pills: {{caution}} Then rest.', '$0'] }] });
    assert.strictEqual(handout.body, '# A\nPills: Ask us first. Then rest.\n$0');
    assert.throws(() => parseHandouts({ redFlagBlock: ['x'], handouts: [{ ...ENTRY, body: ['{{nowhere}}'] }] }), /unknown shared text "\{\{nowhere\}\}"/);
  });

  it('has a red-flags handout that explains the 911 signs first, then the same-day signs', () => {
    const redFlags = byId('red-flags');
    const explained = handoutPlainText({ ...redFlags, body: redFlags.body.slice(0, redFlags.body.indexOf('## Warning signs')) });
    const emergency = explained.search(/911|emergency department/i);
    const sameDay = explained.search(/same day/i);
    assert.ok(emergency >= 0 && sameDay > emergency, 'the 911 signs come before the same-day signs');
    for (const concept of [/cauda equina/i, /both legs/i, /saddle/i, /cancer/i, /faint/i, /fever/i, /hip replacement|new hip/i, /foot/i, /fever with new back pain[^\n]*inject drugs/i, /fever, and new weakness or numbness in a leg/i, /tearing/i, /hip hurts when you move it/i]) {
      assert.match(explained, concept, `not explained: ${concept}`);
    }
  });

  it('has a cauda equina warning card that says to go to the emergency department now, naming the condition', () => {
    const card = handoutPlainText(byId('cauda-equina-card'));
    for (const concept of [/cauda equina/i, /starting to pee|start to pee/i, /weak stream/i, /saddle/i, /both legs/i, /911|emergency department/i]) {
      assert.match(card, concept);
    }
  });

  it('gives the clinical findings of the review their fixes', () => {
    const text = (id: string): string => handoutPlainText(byId(id));
    // Runners with groin pain on every step or at night: possible stress fracture, same day.
    assert.match(text('strain'), /(?:every step|hop|at night)[\s\S]{0,200}same day|same day[\s\S]{0,200}(?:every step|hop)/i);
    // A new hip is decided by symptoms and function, not by X-ray wear (NICE NG226).
    assert.doesNotMatch(text('hip-arthritis'), /badly worn/i);
    // No epidural for the leg pain of spinal stenosis (NICE NG59).
    for (const sentence of text('stenosis').split(/(?<=[.!?])\s+|\n+/)) {
      if (/epidural|steroid shot|shot near the nerve/i.test(sentence)) assert.match(sentence, /\bnot\b|\bno\b/i, sentence);
    }
    // NSAIDs: vomiting blood, or black stools with feeling unwell, is a 911 call.
    for (const id of ['treatment', 'back-pain-medicines']) assert.match(text(id), /throw up blood[^.]*black poo[^.]*911/i, id);
    // Exercise handouts: after a hip replacement or surgery, in pregnancy, and balance support.
    for (const id of ['stretching', 'strengthening']) {
      assert.match(text(id), /hip replacement|surgery/i, id);
      assert.match(text(id), /pregnan/i, id);
      assert.match(text(id), /chair|wall|counter/i, id);
    }
  });

  it('gives the quiz handout all six guide questions with the guide\'s answers at the end', () => {
    const quiz = byId('quiz');
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

  it('keeps the committed snippets file current, marked as generated (npm run snippets writes it)', () => {
    const [marker, ...rest] = fs.readFileSync(SNIPPETS_PATH, 'utf8').split('\n');
    assert.match(marker, /^\/\/ Generated by scripts\/generateSnippets\.mjs .*do not edit/);
    assert.deepStrictEqual(JSON.parse(rest.join('\n')), handoutSnippets(handouts));
    const check = spawnSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8', timeout: 60_000 });
    assert.strictEqual(check.status, 0, check.stderr);
  });

  it('keeps the clinic fields as placeholders in the static snippets, which no setting fills in', () => {
    const snippets = Object.values(JSON.parse(fs.readFileSync(SNIPPETS_PATH, 'utf8').split('\n').slice(1).join('\n')) as Record<string, { body: string[] }>);
    assert.strictEqual(snippets.length, handouts.length);
    for (const { body } of snippets) {
      const text = body.join('\n');
      for (const label of ['clinic name', 'clinic phone', 'after-hours phone']) assert.match(text, new RegExp(String.raw`\$\{\d+:${label}\}`), label);
    }
  });

  it('has a snippets check that fails on a stale file', () => {
    const stale = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-snippets-')), 'handouts.code-snippets');
    fs.writeFileSync(stale, fs.readFileSync(SNIPPETS_PATH, 'utf8').replace('Handout: ', 'Handout (edited by hand): '));
    const check = spawnSync(process.execPath, [GENERATOR, '--check', '--file', stale], { encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(path.dirname(stale), { recursive: true, force: true });
    assert.strictEqual(check.status, 1);
    assert.match(check.stderr, /is not what src\/handouts\/handouts\.json makes: run npm run snippets/);
  });
});

describe('tab stops of the shared block', () => {
  it('numbers the block\'s fields after the handout\'s own, leaving escapes and $0 alone', () => {
    assert.strictEqual(highestTabStop('${1:a} $3 \\$9 ${2|x,y|} $0'), 3);
    assert.strictEqual(shiftTabStops('Call ${1:phone} or $2, not \\$5, then $0', 3), 'Call ${4:phone} or $5, not \\$5, then $0');
    const [handout] = parseHandouts({ redFlagBlock: ['Phone: ${1:clinic phone}'], handouts: [{ ...ENTRY, body: ['# A', '${1:name} ${2|a,b|}', RED_FLAG_MARKER, '$0'] }] });
    assert.strictEqual(handout.body, `${handoutStartMarker('a')}\n# A\n\${1:name} \${2|a,b|}\n${RED_FLAGS_START_MARKER}\nPhone: \${3:clinic phone}\n${RED_FLAGS_END_MARKER}\n$0`);
    assert.deepStrictEqual(checkSnippetSyntax(handout.body), []);
  });

  it('makes each clinic field a tab stop after all the others, one stop per field however often it is named', () => {
    const [handout] = parseHandouts({
      redFlagBlock: ['Same day: ${1:x}, phone {{clinic.phone}}, after hours {{clinic.afterHoursPhone}}.'],
      handouts: [{ ...ENTRY, body: ['# A', '${1:name} ${2|a,b|}', 'Call {{clinic.name}} at {{clinic.phone}}.', RED_FLAG_MARKER, '$0'] }],
    });
    assert.strictEqual(
      handout.body,
      `${handoutStartMarker('a')}\n# A\n\${1:name} \${2|a,b|}\nCall \${4:clinic name} at \${5:clinic phone}.\n${RED_FLAGS_START_MARKER}\nSame day: \${3:x}, phone \${5:clinic phone}, after hours \${6:after-hours phone}.\n${RED_FLAGS_END_MARKER}\n$0`,
    );
    assert.deepStrictEqual(handout.clinicFields, { name: 4, phone: 5, afterHoursPhone: 6 });
    assert.deepStrictEqual(checkSnippetSyntax(handout.body), []);
    assert.throws(() => parseHandouts({ redFlagBlock: ['x'], handouts: [{ ...ENTRY, body: ['# A', 'Call {{clinic.fax}}.'] }] }), /handouts\[0\] \(a\): unknown clinic field "\{\{clinic\.fax\}\}"/);
  });

  it('adds the terms the block teaches to every handout\'s own', () => {
    const [handout] = parseHandouts({ redFlagBlock: ['x'], redFlagTeaches: ['urgent care'], handouts: [{ ...ENTRY, teaches: ['sciatica'] }] });
    assert.deepStrictEqual(handout.teaches, ['sciatica', 'urgent care']);
  });
});

describe('redFlagLevels', () => {
  it('reads the list under the 911 line, then the list under the next "same day" line', () => {
    const markdown = '## Warning\n\nCall 911 now if:\n\nWith pain:\n\n- A\n\nAlso:\n\n- B\n\nDo not wait.\n\n**Call us the same day** if:\n\n- C\n\nPhone.\n\n- D';
    assert.deepStrictEqual(redFlagLevels(markdown), { emergency: ['A', 'B'], sameDay: ['C'] });
    assert.deepStrictEqual(redFlagLevels('- same day item\n'), { emergency: [], sameDay: [] });
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
    clinicFields: {},
  };

  it('makes one markdown snippet per handout with its prefix, graded description and body lines', () => {
    assert.deepStrictEqual(handoutSnippets([handout]), {
      'Handout: Demo': {
        prefix: ['handout-demo'],
        description: 'A demo (grade 3.1)', // 3 words, 4 syllables, 2 sentences: Flesch–Kincaid 0.7, SMOG 3.1
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
  const entry = ENTRY;

  it('expands the red-flag marker line into the shared block between its markers, and opens the body with the handout\'s marker', () => {
    const [handout] = parseHandouts({ redFlagBlock: ['## Help', '- Fever'], handouts: [entry] });
    assert.strictEqual(handout.body, '<!-- iliopsoas-handout: a -->\n# A\n<!-- iliopsoas-red-flags -->\n## Help\n- Fever\n<!-- /iliopsoas-red-flags -->\n$0');
  });

  it('adds no marker to a handout without the red-flag block', () => {
    const [handout] = parseHandouts({ redFlagBlock: ['## Help'], handouts: [{ ...entry, body: ['# A', 'Rest.', '$0'] }] });
    assert.strictEqual(handout.body, '# A\nRest.\n$0');
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
    const bare: Handout = { id: 'bare', title: 'Bare', description: 'd', audience: 'Anyone.', sections: ['nowhere'], teaches: [], body: '# Wrong\n\nText.', clinicFields: {} };
    const problems = checkHandout(bare, sectionIds()).join('\n');
    for (const expected of [
      /first line must be the title/,
      /must say who it is for/,
      /missing the "\*\*For:\*\*/,
      /missing the "## Key points"/,
      /missing the "## What to do"/,
      /missing the "## When to call the clinic"/,
      /missing the line saying it does not replace/,
      /missing the "Based on:" source line/,
      /missing the "Guidelines:" \(or "Evidence:"\) line/,
      /missing the clinician \/ date \/ follow-up line/,
      /missing the shared red-flag block/,
      /must end with "\$0"/,
      /unknown guide section "nowhere"/,
    ]) {
      assert.match(problems, expected);
    }
  });

  it('flags a clinic field in the wrong place: not where to call the clinic, in the 911 part, at a line start, or before other stops', () => {
    const [first] = loadHandouts();
    assert.deepStrictEqual(checkClinicFields(first), []);
    const noPhone = { ...first, body: first.body.replace(/^Call \$\{\d+:clinic name\} at \$\{(\d+):clinic phone\} if:$/m, 'Call us if:') };
    assert.match(checkClinicFields(noPhone).join('\n'), /the line under "## When to call the clinic" must give the clinic's phone/);
    const phoneStop = first.clinicFields.phone!;
    const in911 = { ...first, body: first.body.replace('**Call 911 or go to the emergency department now** if any of these are new.', `**Call 911 or go to the emergency department now** if any of these are new, or call \${${phoneStop}:clinic phone}.`) };
    assert.match(checkClinicFields(in911).join('\n'), /the clinic's phone is in a line that sends the patient to 911/);
    const inList = { ...first, body: first.body.replace('- You cannot pee at all', `- You cannot pee at all (tell \${${phoneStop}:clinic phone})`) };
    assert.match(checkClinicFields(inList).join('\n'), /the clinic's phone is in the 911 part of the warning signs/);
    const lineStart = { ...first, body: first.body.replace('This handout does not replace', `\${${phoneStop}:clinic phone} is our number.\n\nThis handout does not replace`) };
    assert.match(checkClinicFields(lineStart).join('\n'), /the clinic's phone starts a line or a list item/);
    const listStart = { ...first, body: first.body.replace('This handout does not replace', `- \${${phoneStop}:clinic phone} is our number.\n\nThis handout does not replace`) };
    assert.match(checkClinicFields(listStart).join('\n'), /starts a line or a list item/);
    const early = { ...first, clinicFields: { ...first.clinicFields, phone: 1 } };
    assert.match(checkClinicFields(early).join('\n'), /the clinic fields must be the last tab stops/);
  });

  it('flags key points that are too few and a taught term that is never explained', () => {
    const [first] = loadHandouts();
    const keyPoints = first.body.slice(first.body.indexOf('## Key points'), first.body.indexOf('\n## ', first.body.indexOf('## Key points') + 3));
    const oneKeyPoint = { ...first, body: first.body.replace(keyPoints, '## Key points\n\n- Keep moving.\n') };
    assert.match(checkHandout(oneKeyPoint, sectionIds()).join('\n'), /"## Key points" must list 3 to 5 short bullets \(it has 1\)/);
    const unexplained = { ...first, teaches: [...first.teaches, 'sacroiliac'], body: first.body.replace('## What to do', 'Your sacroiliac joint may hurt.\n\n## What to do') };
    assert.match(checkHandout(unexplained, sectionIds()).join('\n'), /"sacroiliac" is listed in "teaches" but not explained where it is first used/);
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
    assert.match(problems, /"QD": [^\n]*write “daily”/); // the runtime "Do Not Use" rule and its words
    assert.deepStrictEqual(checkHandout(first, sectionIds()), [], 'the unchanged handout passes');
  });
});
