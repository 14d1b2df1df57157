// The built-in note templates (src/handouts/phrases/templates/): each a clean phrase file whose
// fields the completeness check will find, with the clinical parts issue 14 asks for: a
// red-flag screen by level (emergency first, then same day, then within 2 weeks for risk factors
// on their own; every item an answer the clinician must give), the
// L2 to S1 neurological table with the standard key muscles, sensory points and reflexes, the
// hip's special tests, safety-netting with return criteria; no doses and no Do Not Use writing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parsePhraseFile, type Phrase } from '../../src/handouts/phrases/phraseFile';
import { findPhraseFields, phraseToSnippet, type PhraseField } from '../../src/handouts/phrases/fields';
import { unfinishedFields } from '../../src/handouts/phrases/completeness';
import { findDoNotUse } from '../../src/handouts/doNotUse';
import { checkSnippetSyntax } from '../../src/markdown/snippets';
import { slugify } from '../../src/markdown/slug';

// Compiled to out/test/content/, three levels below the repository root.
const TEMPLATES = path.resolve(__dirname, '../../../src/handouts/phrases/templates');
const GUIDE = path.resolve(__dirname, '../../../src/guide/iliopsoas-back-pain.md');

/** Each template and the fewest fields it may have: a template that lost its fields fails here. */
const MIN_FIELDS: Record<string, number> = { 'lbp-initial': 130, 'hip-assessment': 110, 'follow-up': 55, 'discharge-summary': 35 };

const DOSE = /\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|g|units?|tablets?)\b/i;

function load(name: string): Phrase {
  const text = fs.readFileSync(path.join(TEMPLATES, `${name}.md`), 'utf8');
  const { phrase, problems } = parsePhraseFile(text);
  assert.deepStrictEqual(problems, [], `${name}.md has problems`);
  assert.ok(phrase, `${name}.md gives no phrase`);
  return phrase;
}

/** The lines of the section under the first heading matching `heading`, up to the next heading of its level or higher. */
function section(body: string, heading: RegExp): string[] {
  const lines = body.split('\n');
  const start = lines.findIndex((line) => /^#{1,6} /.test(line) && heading.test(line));
  assert.ok(start >= 0, `no heading matching ${String(heading)}`);
  const level = /^#+/.exec(lines[start])![0].length;
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]) && /^#+/.exec(lines[end])![0].length <= level)) end++;
  return lines.slice(start + 1, end);
}

interface Levels {
  readonly emergency: string[];
  readonly urgent: string[];
  /** Risk factors on their own: review or investigate within 2 weeks (empty where a template has no such level). */
  readonly soon: string[];
}

/** The bullets right under line `lead` (blank lines skipped), up to the first line that is not a bullet. */
function bulletsUnder(lines: readonly string[], lead: number): string[] {
  const bullets: string[] = [];
  let index = lead + 1;
  while (index < lines.length && lines[index].trim() === '') index++;
  for (; index < lines.length && lines[index].startsWith('- '); index++) bullets.push(lines[index]);
  return bullets;
}

/**
 * The bullets under the "**Emergency…" lead (up to the "**Urgent…" lead), those right under the
 * "**Urgent…" lead, and those right under the "**Soon…" lead if there is one; the levels must come
 * in that order.
 */
function redFlagLevels(lines: readonly string[]): Levels {
  const emergencyLead = lines.findIndex((line) => line.startsWith('**Emergency'));
  const urgentLead = lines.findIndex((line) => line.startsWith('**Urgent'));
  const soonLead = lines.findIndex((line) => line.startsWith('**Soon'));
  assert.ok(emergencyLead >= 0, 'no "**Emergency" lead');
  assert.ok(urgentLead > emergencyLead, 'the urgent signs must come after the emergency signs');
  assert.ok(soonLead < 0 || soonLead > urgentLead, 'the within-2-weeks items must come after the urgent signs');
  const emergency = lines.slice(emergencyLead + 1, urgentLead).filter((line) => line.startsWith('- '));
  return { emergency, urgent: bulletsUnder(lines, urgentLead), soon: soonLead < 0 ? [] : bulletsUnder(lines, soonLead) };
}

/** The answers a red-flag item may offer: the negative answer(s) first, then the positive one. */
const RED_FLAG_ANSWERS = [
  ['denied', 'present'],
  ['absent', 'present'],
  ['not applicable (adult)', 'denied', 'present'],
  ['no', 'yes'],
].map((options) => options.join('|'));

/** A red-flag item must be answered: exactly one pick-one list, with no default, asking denied or present (or the like). */
function assertUnansweredItem(item: string): void {
  const fields = findPhraseFields(item);
  assert.strictEqual(fields.length, 1, `one answer per red flag: ${item}`);
  const [field] = fields;
  assert.strictEqual(field.kind, 'pickOne', `a red flag is a pick-one list: ${item}`);
  assert.ok(field.kind === 'pickOne' && !field.preselected, `a red flag is never preselected: ${item}`);
  assert.ok(field.kind === 'pickOne' && RED_FLAG_ANSWERS.includes(field.options.join('|')), `a red flag is denied or present: ${item}`);
  assert.ok(item.trimEnd().endsWith('}'), `the answer ends the item: ${item}`);
}

/** The rule for an answer that is unclear or cannot be given, right where the screen asks for every answer. */
function assertUnclearMeansPresent(lines: readonly string[]): void {
  const ask = lines.find((line) => line.startsWith('Ask every item'));
  assert.ok(ask, 'no "Ask every item" instruction');
  assert.match(ask, /Ask every item[^.]*\. If an answer is unclear, or the question cannot be asked, treat the item as present\./);
}

function assertConcepts(items: readonly string[], concepts: readonly [string, RegExp][], level: string): void {
  const text = items.join('\n');
  for (const [concept, pattern] of concepts) assert.match(text, pattern, `${level} signs lack ${concept}`);
}

function assertAbsent(items: readonly string[], concepts: readonly [string, RegExp][], level: string): void {
  const text = items.join('\n');
  for (const [concept, pattern] of concepts) assert.doesNotMatch(text, pattern, `${concept} does not belong with the ${level} signs`);
}

/** The cells of the body rows of the Markdown tables in `lines` (header and delimiter rows left out). */
function tableRows(lines: readonly string[]): string[][] {
  const isDelimiter = (line: string | undefined) => line !== undefined && /^\|[\s|:-]+\|$/.test(line);
  return lines
    .filter((line, index) => line.startsWith('|') && !isDelimiter(line) && !isDelimiter(lines[index + 1]))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const guideSectionIds = new Set(
  fs
    .readFileSync(GUIDE, 'utf8')
    .split('\n')
    .filter((line) => /^#{2,3} /.test(line))
    .map((line) => slugify(line.replace(/^#+ /, ''))),
);

describe('built-in note templates', () => {
  const names = fs
    .readdirSync(TEMPLATES)
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.slice(0, -3))
    .sort();

  it('are the four issue 14 names', () => {
    assert.deepStrictEqual(names, ['discharge-summary', 'follow-up', 'hip-assessment', 'lbp-initial']);
  });

  for (const name of Object.keys(MIN_FIELDS)) {
    describe(`template ${name}`, () => {
      let phrase: Phrase;
      let fields: PhraseField[];
      before(() => {
        phrase = load(name);
        fields = findPhraseFields(phrase.body);
      });

      it('parses with no problems as a template named after its file, citing guide sections that exist', () => {
        assert.strictEqual(phrase.kind, 'template');
        assert.strictEqual(phrase.name, name);
        assert.ok(phrase.title !== name && phrase.title.length > 10, 'a real title');
        assert.ok(phrase.description.length > 20, 'a real description');
        assert.ok(phrase.sections.length > 0, 'names the guide sections it relates to');
        for (const id of phrase.sections) assert.ok(guideSectionIds.has(id), `"${id}" is no guide section`);
      });

      it(`has at least ${MIN_FIELDS[name]} fields, starting with the patient, date and clinician`, () => {
        assert.ok(fields.length >= MIN_FIELDS[name], `${fields.length} fields`);
        const variables = fields.filter((field) => field.kind === 'variable').map((field) => field.kind === 'variable' && field.name);
        assert.deepStrictEqual(variables.slice(0, 3), ['PATIENT', 'DATE', 'CLINICIAN']);
        const header = phrase.body.split('\n').slice(0, 3).join('\n');
        for (const variable of ['@PATIENT@', '@DATE@', '@CLINICIAN@']) assert.ok(header.includes(variable), `${variable} at the top`);
      });

      it('writes every brace as a list, every @ as a variable and every *** as a blank, none preselected', () => {
        const lists = fields.filter((field) => field.kind === 'pickOne' || field.kind === 'pickMany');
        assert.strictEqual(lists.length, (phrase.body.match(/\{/g) ?? []).length, 'a brace that is not a list would be shown as text');
        assert.strictEqual(fields.filter((field) => field.kind === 'variable').length, (phrase.body.match(/@/g) ?? []).length / 2);
        assert.strictEqual(fields.filter((field) => field.kind === 'blank').length, (phrase.body.match(/\*\*\*/g) ?? []).length);
        assert.doesNotMatch(phrase.body, /\*{4,}/, 'no run of four or more asterisks (bold touching a blank)');
        assert.ok(!lists.some((field) => field.kind === 'pickOne' && field.preselected), 'no default answers in a clinical template');
        // A list's "|" would split a table cell: tables hold blanks only.
        for (const line of phrase.body.split('\n').filter((row) => row.startsWith('|'))) assert.doesNotMatch(line, /\{/, line);
      });

      it('leaves every field for the completeness check to find once inserted', () => {
        assert.strictEqual(unfinishedFields(phrase.body).length, fields.length);
        const snippet = phraseToSnippet(phrase.body, { variables: {} });
        assert.deepStrictEqual(checkSnippetSyntax(snippet), []);
      });

      it('has no doses and nothing from the Do Not Use list', () => {
        assert.doesNotMatch(phrase.body, DOSE);
        assert.deepStrictEqual(
          findDoNotUse(phrase.body).map((finding) => finding.text),
          [],
        );
      });

      it('ends with its references', () => {
        const last = phrase.body.trimEnd().split('\n').pop()!;
        assert.match(last, /^References: /);
        assert.ok(last.split(';').length >= 3, 'several references');
        assert.match(phrase.body, /^References: .*NICE/m);
      });
    });
  }

  // The signs of each level, as concepts (NICE CKS low back pain and sciatica, GIRFT 2023, NICE NG234, NICE NG156).
  // Each pattern is written so that it matches the emergency item only: moved to a lower level, it fails twice.
  const AAA_WITH_RISK_FACTORS: [string, RegExp] = [
    'aortic aneurysm, with collapse or with a risk factor (former smokers included)',
    /collapse[^\n]*risk factor for aneurysm[^\n]*current or former smoker, hypertension[^\n]*family history of aneurysm[^\n]*ruptured abdominal aortic aneurysm/i,
  ];
  const CANCER_WITH_NEUROLOGY: [string, RegExp] = [
    'cancer with any new neurological symptom, with or without spinal pain (cord compression)',
    /cancer with any new neurological symptom or sign, with or without spinal pain[^\n]*radicular pain[^\n]*cord compression/i,
  ];
  const LIMB_ISCHAEMIA: [string, RegExp] = ['acute limb ischaemia, sudden onset', /sudden onset of a painful, cold, pale or pulseless leg[^\n]*acute limb ischaemia/i];
  const GI_BLEEDING: [string, RegExp] = ['upper gastrointestinal bleeding', /haematemesis, or melaena[^\n]*gastrointestinal bleeding/i];
  const PSOAS_ABSCESS: [string, RegExp] = ['psoas abscess', /fever with the hip held flexed[^\n]*psoas abscess/i];
  const TORSION_HERNIA_ECTOPIC: [string, RegExp] = ['torsion, strangulated hernia or ectopic pregnancy', /testicular torsion, strangulated hernia, ectopic pregnancy/i];
  const SPINAL_EMERGENCY: [string, RegExp][] = [
    ['urinary retention or difficulty', /retention/i],
    ['incontinence', /incontinence/i],
    ['loss of rectal sensation', /full rectum/i],
    ['saddle anaesthesia', /saddle anaesthesia/i],
    ['sexual dysfunction', /sexual dysfunction \(erectile[^\n]*vaginal sensation\)/i],
    ['bilateral neurological symptoms', /bilateral (?:radicular pain|numbness)/i],
    ['progressive or severe motor deficit', /rapidly progressive weakness[^\n]*power 3\/5 or less[^\n]*more than one muscle group/i],
    CANCER_WITH_NEUROLOGY,
    ['infection with systemic illness', /fever[^\n]*systemic illness/i],
    ['fever with an infection risk factor (epidural abscess)', /fever with back pain and a risk factor for spinal infection[^\n]*epidural abscess/i],
    ['fracture after significant trauma', /significant trauma/i],
    AAA_WITH_RISK_FACTORS,
    ['bleeding on an anticoagulant', /anticoagulant[^\n]*haematoma/i],
  ];
  const SPINAL_URGENT: [string, RegExp][] = [
    ['history of cancer, no neurology (MSCC coordinator the same day)', /(?:history|diagnosis) of cancer[^\n]*no neurological symptoms or signs[^\n]*MSCC/i],
    ['non-progressive unilateral weakness or foot drop', /weakness in one leg that is not progressing, including a new foot drop/i],
    ['fever when otherwise well, no risk factor', /fever[^\n]*otherwise well, with no risk factor for spinal infection/i],
    ['infection risk without fever', /(?:injecting drug use|immunosuppression)[^\n]*no fever/i],
    ['osteoporosis or corticosteroids', /osteoporosis|corticosteroid/i],
    ['night pain not eased by position', /night pain not eased by position/i],
  ];
  const HIP_EMERGENCY: [string, RegExp][] = [
    ['septic arthritis, even without fever', /septic arthritis[^\n]*even without fever/i],
    PSOAS_ABSCESS,
    ['hip fracture after trauma', /trauma and now unable to bear weight[^\n]*hip fracture/i],
    ['insufficiency fracture without a fall', /unable to bear weight, even without a fall[^\n]*insufficiency fracture/i],
    ['dislocated hip replacement', /hip replacement[^\n]*dislocation/i],
    ['slipped capital femoral epiphysis, with same-day radiographs', /adolescent[^\n]*reduced internal rotation, obligatory external rotation on hip flexion, or inability to bear weight[^\n]*slipped capital femoral epiphysis: non-weight-bearing; same-day AP and frog-leg lateral radiographs of both hips/i],
    ['febrile child with a limp', /child with a limp[^\n]*fever[^\n]*osteomyelitis/i],
    ['iliopsoas haematoma on an anticoagulant', /anticoagulant[^\n]*iliopsoas/i],
    ['cauda equina', /cauda equina/i],
    CANCER_WITH_NEUROLOGY,
    AAA_WITH_RISK_FACTORS,
    LIMB_ISCHAEMIA,
    TORSION_HERNIA_ECTOPIC,
  ];
  const WITHIN_TWO_WEEKS: [string, RegExp][] = [['unexplained weight loss on its own', /unexplained weight loss \(on its own, review or investigate within 2 weeks/i]];

  /** Emergency items present, and none of them at a lower level. */
  function assertEmergencyOnly(levels: Levels, concepts: readonly [string, RegExp][]): void {
    assertConcepts(levels.emergency, concepts, 'emergency');
    assertAbsent([...levels.urgent, ...levels.soon], concepts, 'urgent or within-2-weeks');
  }

  function assertConsentToTreatment(body: string): void {
    const plan = section(body, /^### (?:P: )?Plan/).join('\n');
    assert.match(plan, /Consent to treatment, after discussing benefits, risks and alternatives:\*\* \{verbal consent obtained\|written consent obtained\|declined\}/);
  }

  const SAFETY_NETTING = /Safety-netting[^\n]*\{given verbally and in writing\|given verbally only\|not given \(reason in the plan\)\}/;

  it('never mix "none" or "normal" into a pick-many list of findings (asked as its own question)', () => {
    for (const name of names) {
      for (const field of findPhraseFields(load(name).body)) {
        if (field.kind !== 'pickMany') continue;
        for (const option of field.options) assert.doesNotMatch(option, /^(?:none|normal|no |nothing)/i, `${name}: {+${field.options.join('|')}}`);
      }
    }
  });

  describe('template lbp-initial: red flags and neurology', () => {
    let phrase: Phrase;
    before(() => (phrase = load('lbp-initial')));

    it('screens red flags in three levels, emergency first, each an answer still to give', () => {
      const lines = section(phrase.body, /Red-flag screen/);
      assertUnclearMeansPresent(lines);
      const levels = redFlagLevels(lines);
      assert.ok(levels.emergency.length >= 14 && levels.urgent.length >= 6 && levels.soon.length >= 3, `${levels.emergency.length} emergency, ${levels.urgent.length} urgent and ${levels.soon.length} within-2-weeks items`);
      for (const item of [...levels.emergency, ...levels.urgent, ...levels.soon]) assertUnansweredItem(item);
      assertEmergencyOnly(levels, [
        ...SPINAL_EMERGENCY,
        ['acute chest or thoracic pain (dissection, coronary syndrome, pulmonary embolism)', /sudden severe or tearing chest, thoracic or interscapular pain[^\n]*breathlessness, sweating, syncope or collapse[^\n]*aortic dissection, acute coronary syndrome or pulmonary embolism/i],
        LIMB_ISCHAEMIA,
        GI_BLEEDING,
      ]);
      // Cord compression is an examination finding: present or absent, never left "not examined".
      assertConcepts(
        levels.emergency,
        [['cord compression signs, from the examination', /new or progressive signs of spinal cord compression[^\n]*upper motor neurone signs, from the examination below\): \{absent\|present\}(?!\|)/i]],
        'emergency',
      );
      assertConcepts(levels.urgent, SPINAL_URGENT, 'urgent');
      const soon: [string, RegExp][] = [
        ...WITHIN_TWO_WEEKS,
        ['age over 50, first episode', /age over 50 with a first episode of back pain[^\n]*\{no\|yes\}/i],
        ['thoracic pain of gradual onset, with no fever, cancer or neurology', /thoracic pain of gradual onset, non-mechanical, with no fever, cancer history or neurological symptoms/i],
      ];
      assertConcepts(levels.soon, soon, 'within-2-weeks');
      assertAbsent([...levels.emergency, ...levels.urgent], [['age over 50', /age over 50/i], ['gradual thoracic pain', /thoracic pain of gradual onset/i], ['weight loss', /weight loss/i]], 'emergency or urgent');
      assertAbsent(levels.soon, [['acute chest or thoracic pain', /sudden|tearing|breathlessness|dissection/i]], 'within-2-weeks');
      assert.match(phrase.body, /\*\*Red-flag outcome:\*\* \{no red flags present\|risk factor only, review within 2 weeks/);
    });

    it('has the L2 to S1 table with the ISNCSCI key muscles and sensory points, the standard reflexes, and blanks for each side', () => {
      const objective = section(phrase.body, /O: Objective/);
      const rows = tableRows(objective).filter((cells) => cells.length === 6);
      assert.deepStrictEqual(
        rows.map((cells) => cells[0]),
        ['L2', 'L3', 'L4', 'L5', 'S1'],
      );
      const expected: Record<string, [RegExp, RegExp, RegExp]> = {
        L2: [/hip flexors \(iliopsoas\)/i, /^anteromedial thigh, midway between the midpoint of the inguinal ligament and the medial femoral condyle$/i, /^—/],
        L3: [/knee extensors \(quadriceps\)/i, /medial femoral condyle/i, /patellar/i],
        L4: [/ankle dorsiflexors \(tibialis anterior\)/i, /medial malleolus/i, /patellar/i],
        L5: [/long toe extensors \(extensor hallucis longus\); also test hip abduction and ankle inversion[^|]*common peroneal/i, /third metatarsophalangeal/i, /^—.*unreliable/i],
        S1: [/ankle plantar flexors \(gastrocnemius, soleus\): repeated single-leg heel raises/i, /lateral heel/i, /achilles/i],
      };
      for (const [level, muscle, sensation, reflex, left, right] of rows) {
        const [musclePattern, sensationPattern, reflexPattern] = expected[level];
        assert.match(muscle, musclePattern, `${level} key muscle`);
        assert.match(sensation, sensationPattern, `${level} sensory point`);
        assert.match(reflex, reflexPattern, `${level} reflex`);
        for (const side of [left, right]) assert.strictEqual(side, 'power ***/5; sensation ***', `${level}: power and sensation to record on each side`);
      }
      // The reflexes are graded from a list, which a table cell cannot hold: one line below the table.
      const reflexes = objective.filter((line) => line.startsWith('- **Reflexes:**'));
      assert.strictEqual(reflexes.length, 1);
      const grades = findPhraseFields(reflexes[0]);
      assert.strictEqual(grades.length, 4, 'knee and ankle, left and right');
      for (const grade of grades) assert.deepStrictEqual(grade.kind === 'pickOne' && grade.options, ['absent', 'present only with reinforcement', 'normal', 'brisk', 'brisk with clonus']);
      assert.match(reflexes[0], /knee left \{[^}]*\} · right \{[^}]*\} · ankle left \{[^}]*\} · right \{[^}]*\}$/);
    });

    it('records the straight leg raise, slump, STarT Back and a working diagnosis from a list', () => {
      const body = phrase.body;
      for (const side of ['left', 'right']) {
        assert.match(body, new RegExp(`Straight leg raise, ${side}:\\*\\* \\{negative\\|positive: familiar radicular pain below the knee reproduced \\(usually between 30° and 70°\\)\\|back or posterior thigh pain only \\(not a positive test\\)\\}`));
      }
      assert.match(body, /sensitive but not specific for disc-related radiculopathy; a positive crossed straight leg raise is specific but insensitive/);
      assert.match(body, /Femoral nerve stretch[^\n]*familiar anterior thigh pain, L2 to L4, not a quadriceps stretch only/);
      assert.match(body, /Slump test, left:\*\* \{/);
      assert.match(body, /STarT Back risk:\*\* \{low\|medium\|high\}/);
      assert.match(body, /Working diagnosis:\*\* \{non-specific low back pain\|low back pain with radicular pain \(sciatica\)\|/);
      assert.match(body, /Aggravating:\*\* \{\+/);
      assert.match(body, SAFETY_NETTING);
    });

    it('asks the NICE NG65 inflammatory back pain criteria, baseline function, smoking, vital signs, a chaperone and consent to treatment', () => {
      const body = phrase.body;
      assert.match(body, /Inflammatory back pain \(NICE NG65[^\n]*refer if 4 or more, HLA-B27 test if 3\):\*\* \{\+onset before age 35\|[^}]*better within 48 hours of an anti-inflammatory\|[^}]*current or past psoriasis\} · none of these \{yes\|no\}/);
      assert.match(body, /\*\*Function \(baseline\):\*\* \{Oswestry Disability Index\|Roland-Morris Disability Questionnaire\|Patient-Specific Functional Scale\|none used\} · score: \*\*\*/);
      assert.match(body, /\*\*Smoking:\*\* \{never\|former\|current\}/);
      assert.match(body, /\*\*Temperature, pulse and blood pressure[^\n]*\{not indicated\|normal\|abnormal\}/);
      assert.match(body, /\*\*Chaperone:\*\* \{offered and present\|offered and declined\|not needed for this examination\}/);
      assertConsentToTreatment(body);
    });
  });

  describe('template follow-up: red flags re-screened', () => {
    let phrase: Phrase;
    before(() => (phrase = load('follow-up')));

    it('in three levels, emergency first, each an answer still to give', () => {
      const lines = section(phrase.body, /Red-flag re-screen/);
      assertUnclearMeansPresent(lines);
      const levels = redFlagLevels(lines);
      for (const item of [...levels.emergency, ...levels.urgent, ...levels.soon]) assertUnansweredItem(item);
      assertEmergencyOnly(levels, [
        ...SPINAL_EMERGENCY,
        ['urethral sensation', /altered urethral sensation/i],
        ['septic hip or prosthetic joint infection', /hot, swollen or very painful hip[^\n]*septic arthritis[^\n]*prosthetic joint infection/i],
        ['hip replacement with sudden pain or deformity', /hip replacement with sudden pain, deformity, shortening or inability to bear weight/i],
        ['insufficiency fracture without a fall', /unable to bear weight, even without a fall[^\n]*insufficiency fracture/i],
        PSOAS_ABSCESS,
        LIMB_ISCHAEMIA,
        GI_BLEEDING,
        TORSION_HERNIA_ECTOPIC,
      ]);
      assertConcepts(levels.urgent, [...SPINAL_URGENT, ['occult hip fracture after a fall', /can still bear weight[^\n]*occult hip fracture/i]], 'urgent');
      // Weight loss on its own is a within-2-weeks review, as in the first assessments.
      assertConcepts(levels.soon, WITHIN_TWO_WEEKS, 'within-2-weeks');
      assertAbsent([...levels.emergency, ...levels.urgent], [['weight loss', /weight loss/i]], 'emergency or urgent');
      assert.match(phrase.body, /\*\*Red-flag outcome:\*\* \{no red flags present\|risk factor only, review within 2 weeks in Plan\|/);
    });

    it('records consent to treatment and the safety-netting given', () => {
      assertConsentToTreatment(phrase.body);
      assert.match(phrase.body, SAFETY_NETTING);
    });
  });

  describe('template hip-assessment: red flags and special tests', () => {
    let phrase: Phrase;
    before(() => (phrase = load('hip-assessment')));

    it('screens the hip red flags in three levels, emergency first, each an answer still to give', () => {
      const lines = section(phrase.body, /Red-flag screen/);
      assertUnclearMeansPresent(lines);
      const levels = redFlagLevels(lines);
      assert.ok(levels.soon.length >= 1, 'a within-2-weeks level');
      for (const item of [...levels.emergency, ...levels.urgent, ...levels.soon]) assertUnansweredItem(item);
      assertEmergencyOnly(levels, HIP_EMERGENCY);
      assertConcepts(
        levels.urgent,
        [
          ['cancer', /history of cancer/i],
          ['child under 3 with a new limp, or a limp with night pain, bone tenderness or swelling', /child under 3 years with a new limp, or any child with a limp and night pain, bone tenderness or swelling[^\n]*acute childhood limp/i],
          ['avascular necrosis risk factors', /avascular necrosis[^\n]*corticosteroids[^\n]*alcohol/i],
          ['stress fracture, with protective advice', /femoral neck stress fracture: stop running, crutches until imaged/i],
          ['occult hip fracture after a fall', /fall with new hip or groin pain[^\n]*can still bear weight[^\n]*occult hip fracture[^\n]*NICE CG124/i],
          ['fever when otherwise well, hip not held flexed', /fever[^\n]*otherwise well[^\n]*not held flexed/i],
          ['wound infection: the operating team first', /wound[^\n]*operating team; no antibiotics before their review/i],
        ],
        'urgent',
      );
      assertAbsent(levels.urgent, [['septic arthritis', /septic/i]], 'urgent');
      assertConcepts(levels.soon, WITHIN_TWO_WEEKS, 'within-2-weeks');
      assertAbsent([...levels.emergency, ...levels.urgent], [['weight loss', /weight loss/i]], 'emergency or urgent');
    });

    for (const test of ['FABER', 'FADIR', 'Thomas', 'Trendelenburg']) {
      it(`has the ${test} test with a result to choose for each side`, () => {
        const lines = section(phrase.body, new RegExp(`^#### ${test} test`));
        const left = lines.find((line) => /^- \*\*Left/.test(line));
        const right = lines.find((line) => /^- \*\*Right/.test(line));
        for (const [side, line] of [['left', left], ['right', right]] as const) {
          assert.ok(line, `${test}: no ${side} result`);
          const fields = findPhraseFields(line);
          // The result is a pick-one answer; the Thomas test lists its findings after it, the Trendelenburg test asks about lateral hip pain.
          assert.strictEqual(fields.length, test === 'Thomas' || test === 'Trendelenburg' ? 2 : 1, `${test} ${side}: the result list`);
          assert.ok(fields[0].kind === 'pickOne' && !fields[0].preselected, `${test} ${side}: a result to choose`);
        }
        assert.ok(lines.some((line) => /positive/i.test(line) && !line.startsWith('-')), `${test}: says what a positive test is`);
      });
    }

    it('describes the FABER and Thomas tests as the review asked, and grades the Trendelenburg stance on each side', () => {
      const faber = section(phrase.body, /^#### FABER test/).join('\n');
      assert.match(faber, /overpressure on the knee and the opposite anterior superior iliac spine[^\n]*knee-to-couch distance[^\n]*Not specific on its own/);
      const thomas = section(phrase.body, /^#### Thomas test/).join('\n');
      assert.match(thomas, /over-flexion gives a false positive[^\n]*80° to 90°[^\n]*does not diagnose iliopsoas pathology/);
      const trendelenburg = section(phrase.body, /^#### Trendelenburg test/);
      assert.ok(trendelenburg.some((line) => line.startsWith('- **Left stance:** {negative: pelvis stays level|positive: pelvis drops on the right|') && line.endsWith('lateral hip pain within 30 seconds {no|yes}')));
      assert.ok(trendelenburg.some((line) => line.startsWith('- **Right stance:** {negative: pelvis stays level|positive: pelvis drops on the left|') && line.endsWith('lateral hip pain within 30 seconds {no|yes}')));
    });

    it('records the femoral nerve (quadriceps, knee reflex, anterior thigh) on each side, a chaperone, vital signs and consent to treatment', () => {
      const neuro = phrase.body.split('\n').find((line) => line.startsWith('- **Neurological examination:**'));
      assert.ok(neuro);
      const fields = findPhraseFields(neuro);
      assert.deepStrictEqual(
        fields.map((field) => field.kind),
        ['pickOne', 'blank', 'blank', 'blank', 'blank', 'blank', 'blank'],
      );
      assert.match(neuro, /quadriceps power left \*\*\*\/5, right \*\*\*\/5; knee reflex left \*\*\*, right \*\*\*; anterior thigh sensation left \*\*\*, right \*\*\*$/);
      assert.match(phrase.body, /\*\*Chaperone:\*\* \{offered and present\|offered and declined\|not needed for this examination\}/);
      assert.match(phrase.body, /\*\*Temperature, pulse and blood pressure[^\n]*\{not indicated\|normal\|abnormal\}/);
      assertConsentToTreatment(phrase.body);
      assert.match(phrase.body, SAFETY_NETTING);
    });
  });

  describe('template discharge-summary: safety-netting', () => {
    let phrase: Phrase;
    before(() => (phrase = load('discharge-summary')));

    it('gives the return criteria in two levels, emergency first, as plain advice', () => {
      const lines = section(phrase.body, /Safety-netting and return criteria/);
      const levels = redFlagLevels(lines);
      for (const item of [...levels.emergency, ...levels.urgent]) assert.deepStrictEqual(findPhraseFields(item), [], `advice, not a field: ${item}`);
      assertEmergencyOnly(levels, [
        ['bladder symptoms', /passing urine, a poor stream/i],
        ['loss of sphincter control', /bladder or bowels/i],
        ['saddle numbness', /saddle/i],
        ['both legs or fast-worsening weakness', /both legs[^\n]*getting worse quickly/i],
        ['cancer with neurological symptoms', /cancer with new pain down a leg[^\n]*weakness[^\n]*band[^\n]*urine or stools/i],
        ['fever and very unwell', /fever with feeling very unwell/i],
        ['fever with new back pain and a spinal infection risk', /fever with new back pain, and you inject drugs, have diabetes[^\n]*spinal injection or surgery in the last 3 months/i],
        ['fever with new leg weakness or numbness', /fever with new weakness or numbness in a leg/i],
        ['septic hip or psoas abscess', /fever with a hip that hurts to move or stand on, or is hot or swollen/i],
        ['trauma', /significant injury/i],
        ['unable to bear weight without a fall', /unable to bear weight, even without a fall/i],
        ['aneurysm features and risk factors', /sudden severe pain in the back, belly or groin[^\n]*faint or collapse[^\n]*over 60, smoke or used to smoke, have high blood pressure[^\n]*parent, brother or sister has an aneurysm/i],
        ['gastrointestinal bleeding', /vomiting blood, or black stools with feeling faint/i],
        ['acute limb ischaemia', /leg or foot that suddenly becomes cold, pale or blue/i],
      ]);
      assertConcepts(
        levels.urgent,
        [
          ['unilateral weakness or foot drop', /weakness in one leg/i],
          ['fever with no emergency sign', /fever with back, groin or hip pain, and none of the emergency signs above/i],
          ['weight loss', /weight loss/i],
          ['black stools when well', /black stools while feeling well/i],
          ['infection risk without fever', /inject drugs, have a weakened immune system[^\n]*spinal injection or surgery recently, with no fever/i],
        ],
        'urgent',
      );
      assert.ok(lines.some((line) => line.startsWith('**Urgent') && line.includes('@CLINIC_PHONE@')), 'the clinic number to call');
    });

    it('records outcome measures, red flags re-checked, goals and follow-up arrangements', () => {
      const outcomes = section(phrase.body, /Outcome measures/);
      const rows = tableRows(outcomes);
      assert.ok(rows.length >= 2 && rows.every((cells) => cells.length === 4), 'measure, start, discharge, change');
      assert.ok(!rows.some((cells) => /STarT Back/.test(cells[0])), 'STarT Back is prognostic, not an outcome');
      assert.ok(outcomes.includes('- **STarT Back risk group at the start (prognostic, not an outcome):** {low|medium|high|not used}'));
      assert.match(phrase.body, /\*\*Red flags re-checked at discharge:\*\* \{none present\|present \([^)]*\)\|not possible \(did not attend\)\}/);
      assert.match(phrase.body, /emergency signs first: \{verbally and in writing\|verbally only\|in writing only \(did not attend\)\|not given \([^)]*\)\}/);
      assert.strictEqual(section(phrase.body, /^### Goals/).filter((line) => /\{met\|partly met\|not met/.test(line)).length, 3);
      assert.match(section(phrase.body, /Follow-up arrangements/).join('\n'), /\{no routine follow-up/);
    });
  });
});
