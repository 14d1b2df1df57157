// The built-in note templates (src/handouts/phrases/templates/): each a clean phrase file whose
// fields the completeness check will find, with the clinical parts issue 14 asks for: a
// two-level red-flag screen (emergency first, every item an answer the clinician must give), the
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
const MIN_FIELDS: Record<string, number> = { 'lbp-initial': 110, 'hip-assessment': 90, 'follow-up': 50, 'discharge-summary': 35 };

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
}

/** The bullets under the "**Emergency…" lead (up to the "**Urgent…" lead), and those right under the "**Urgent…" lead. */
function redFlagLevels(lines: readonly string[]): Levels {
  const isBullet = (line: string) => line.startsWith('- ');
  const emergencyLead = lines.findIndex((line) => line.startsWith('**Emergency'));
  const urgentLead = lines.findIndex((line) => line.startsWith('**Urgent'));
  assert.ok(emergencyLead >= 0, 'no "**Emergency" lead');
  assert.ok(urgentLead > emergencyLead, 'the urgent signs must come after the emergency signs');
  const emergency = lines.slice(emergencyLead + 1, urgentLead).filter(isBullet);
  const urgent: string[] = [];
  let index = urgentLead + 1;
  while (index < lines.length && lines[index].trim() === '') index++;
  for (; index < lines.length && isBullet(lines[index]); index++) urgent.push(lines[index]);
  return { emergency, urgent };
}

/** A red-flag item must be answered: exactly one pick-one list, with no default, offering "present". */
function assertUnansweredItem(item: string): void {
  const fields = findPhraseFields(item);
  assert.strictEqual(fields.length, 1, `one answer per red flag: ${item}`);
  const [field] = fields;
  assert.strictEqual(field.kind, 'pickOne', `a red flag is a pick-one list: ${item}`);
  assert.ok(field.kind === 'pickOne' && !field.preselected, `a red flag is never preselected: ${item}`);
  assert.ok(field.options.includes('present') && field.options.includes('denied'), `a red flag is denied or present: ${item}`);
  assert.ok(item.trimEnd().endsWith('}'), `the answer ends the item: ${item}`);
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
  const SPINAL_EMERGENCY: [string, RegExp][] = [
    ['urinary retention or difficulty', /retention/i],
    ['incontinence', /incontinence/i],
    ['saddle anaesthesia', /saddle anaesthesia/i],
    ['sexual dysfunction', /sexual dysfunction/i],
    ['bilateral neurological symptoms', /bilateral (?:radicular pain|numbness)/i],
    ['severe or progressive motor deficit', /rapidly progressive motor weakness/i],
    ['cancer with neurological signs (cord compression)', /cancer with new neurological[^\n]*cord compression/i],
    ['infection with systemic illness', /fever[^\n]*systemic illness/i],
    ['fracture after significant trauma', /significant trauma/i],
    ['aortic aneurysm', /aneurysm/i],
    ['bleeding on an anticoagulant', /anticoagulant[^\n]*(?:haematoma)/i],
  ];
  const SPINAL_URGENT: [string, RegExp][] = [
    ['history of cancer', /history of cancer|diagnosis of cancer/i],
    ['unexplained weight loss', /unexplained weight loss/i],
    ['non-progressive unilateral weakness', /weakness in one leg that is not progressing/i],
    ['fever when otherwise well', /fever[^\n]*otherwise well/i],
    ['infection risk', /injecting drug use[^\n]*|immunosuppression/i],
    ['osteoporosis or corticosteroids', /osteoporosis[^\n]*|corticosteroid/i],
    ['night pain not eased by position', /night pain not eased by position/i],
  ];
  // What must never be down-graded to the urgent level.
  const EMERGENCY_ONLY: [string, RegExp][] = [
    ['retention', /retention/i],
    ['saddle anaesthesia', /saddle/i],
    ['bilateral symptoms', /bilateral/i],
    ['cord compression', /cord compression/i],
    ['systemic illness', /systemic illness/i],
    ['significant trauma', /significant trauma/i],
    ['aneurysm', /aneurysm/i],
  ];

  describe('template lbp-initial: red flags and neurology', () => {
    let phrase: Phrase;
    before(() => (phrase = load('lbp-initial')));

    it('screens red flags in two levels, emergency first, each an answer still to give', () => {
      const levels = redFlagLevels(section(phrase.body, /Red-flag screen/));
      assert.ok(levels.emergency.length >= 10 && levels.urgent.length >= 8, `${levels.emergency.length} emergency and ${levels.urgent.length} urgent items`);
      for (const item of [...levels.emergency, ...levels.urgent]) assertUnansweredItem(item);
      assertConcepts(levels.emergency, SPINAL_EMERGENCY, 'emergency');
      assertConcepts(levels.urgent, [...SPINAL_URGENT, ['age over 50, new onset', /age over 50 with new-onset/i]], 'urgent');
      assertAbsent(levels.urgent, EMERGENCY_ONLY, 'urgent');
    });

    it('has the L2 to S1 table with the ISNCSCI key muscles and sensory points, the standard reflexes, and blanks for each side', () => {
      const rows = tableRows(section(phrase.body, /O: Objective/)).filter((cells) => cells.length === 6);
      assert.deepStrictEqual(
        rows.map((cells) => cells[0]),
        ['L2', 'L3', 'L4', 'L5', 'S1'],
      );
      const expected: Record<string, [RegExp, RegExp, RegExp]> = {
        L2: [/hip flexors \(iliopsoas\)/i, /anterior thigh/i, /^—/],
        L3: [/knee extensors \(quadriceps\)/i, /medial femoral condyle/i, /patellar/i],
        L4: [/ankle dorsiflexors \(tibialis anterior\)/i, /medial malleolus/i, /patellar/i],
        L5: [/long toe extensors \(extensor hallucis longus\)/i, /third metatarsophalangeal/i, /^—.*unreliable/i],
        S1: [/ankle plantar flexors \(gastrocnemius, soleus\)/i, /lateral heel/i, /achilles/i],
      };
      for (const [level, muscle, sensation, reflex, left, right] of rows) {
        const [musclePattern, sensationPattern, reflexPattern] = expected[level];
        assert.match(muscle, musclePattern, `${level} key muscle`);
        assert.match(sensation, sensationPattern, `${level} sensory point`);
        assert.match(reflex, reflexPattern, `${level} reflex`);
        for (const side of [left, right]) {
          assert.match(side, /power \*\*\*\/5; sensation \*\*\*/, `${level}: power and sensation to record on each side`);
          // Each side records a reflex once: the knee jerk at L4, the ankle jerk at S1; none where there is no reliable one.
          assert.strictEqual(/reflex \*\*\*/.test(side), level === 'L4' || level === 'S1', `${level}: reflex blank`);
        }
      }
    });

    it('records the straight leg raise, slump, STarT Back and a working diagnosis from a list', () => {
      const body = phrase.body;
      assert.match(body, /Straight leg raise, left:\*\* \{negative\|positive/);
      assert.match(body, /Straight leg raise, right:\*\* \{negative\|positive/);
      assert.match(body, /Slump test, left:\*\* \{/);
      assert.match(body, /STarT Back risk:\*\* \{low\|medium\|high\}/);
      assert.match(body, /Working diagnosis:\*\* \{non-specific low back pain\|low back pain with radicular pain \(sciatica\)\|/);
      assert.match(body, /Aggravating:\*\* \{\+/);
      assert.match(body, /Safety-netting given[^\n]*\{yes\|no\}/);
    });
  });

  describe('template follow-up: red flags re-screened', () => {
    it('in two levels, emergency first, each an answer still to give', () => {
      const levels = redFlagLevels(section(load('follow-up').body, /Red-flag re-screen/));
      for (const item of [...levels.emergency, ...levels.urgent]) assertUnansweredItem(item);
      assertConcepts(levels.emergency, SPINAL_EMERGENCY.filter(([concept]) => concept !== 'fracture after significant trauma'), 'emergency');
      assertConcepts(levels.emergency, [['new trauma or a fall', /significant trauma|unable to bear weight/i]], 'emergency');
      assertConcepts(levels.urgent, SPINAL_URGENT, 'urgent');
      assertAbsent(levels.urgent, EMERGENCY_ONLY, 'urgent');
    });
  });

  describe('template hip-assessment: red flags and special tests', () => {
    let phrase: Phrase;
    before(() => (phrase = load('hip-assessment')));

    it('screens the hip red flags in two levels, emergency first, each an answer still to give', () => {
      const levels = redFlagLevels(section(phrase.body, /Red-flag screen/));
      for (const item of [...levels.emergency, ...levels.urgent]) assertUnansweredItem(item);
      assertConcepts(
        levels.emergency,
        [
          ['septic arthritis', /septic arthritis/i],
          ['hip fracture after trauma', /trauma[^\n]*unable to bear weight|hip fracture/i],
          ['dislocated hip replacement', /hip replacement[^\n]*dislocation/i],
          ['slipped capital femoral epiphysis in adolescents', /adolescent[^\n]*slipped capital femoral epiphysis/i],
          ['iliopsoas haematoma on an anticoagulant', /anticoagulant[^\n]*iliopsoas/i],
          ['cauda equina', /cauda equina/i],
        ],
        'emergency',
      );
      assertConcepts(
        levels.urgent,
        [
          ['cancer', /history of cancer/i],
          ['avascular necrosis risk factors', /avascular necrosis[^\n]*corticosteroids[^\n]*alcohol/i],
          ['stress or insufficiency fracture', /stress fracture|insufficiency fracture/i],
          ['fever when otherwise well', /fever[^\n]*otherwise well/i],
        ],
        'urgent',
      );
      assertAbsent(levels.urgent, [['septic arthritis', /septic/i], ['cauda equina', /cauda equina/i]], 'urgent');
    });

    for (const test of ['FABER', 'FADIR', 'Thomas', 'Trendelenburg']) {
      it(`has the ${test} test with a result to choose for each side`, () => {
        const lines = section(phrase.body, new RegExp(`^#### ${test} test`));
        const left = lines.find((line) => /^- \*\*Left/.test(line));
        const right = lines.find((line) => /^- \*\*Right/.test(line));
        for (const [side, line] of [['left', left], ['right', right]] as const) {
          assert.ok(line, `${test}: no ${side} result`);
          const fields = findPhraseFields(line);
          assert.strictEqual(fields.length, 1, `${test} ${side}: one result list`);
          assert.ok(fields[0].kind === 'pickOne' || fields[0].kind === 'pickMany', `${test} ${side}: a list`);
          assert.ok(fields[0].kind === 'pickMany' || !fields[0].preselected, `${test} ${side}: not preselected`);
        }
        assert.ok(lines.some((line) => /positive/i.test(line) && !line.startsWith('-')), `${test}: says what a positive test is`);
      });
    }
  });

  describe('template discharge-summary: safety-netting', () => {
    let phrase: Phrase;
    before(() => (phrase = load('discharge-summary')));

    it('gives the return criteria in two levels, emergency first, as plain advice', () => {
      const lines = section(phrase.body, /Safety-netting and return criteria/);
      const levels = redFlagLevels(lines);
      for (const item of [...levels.emergency, ...levels.urgent]) assert.deepStrictEqual(findPhraseFields(item), [], `advice, not a field: ${item}`);
      assertConcepts(
        levels.emergency,
        [
          ['bladder symptoms', /passing urine/i],
          ['loss of sphincter control', /bladder or bowels/i],
          ['saddle numbness', /saddle/i],
          ['both legs or fast-worsening weakness', /both legs[^\n]*getting worse quickly/i],
          ['cancer with neurological symptoms', /cancer[^\n]*weakness/i],
          ['fever and very unwell', /fever with feeling very unwell/i],
          ['trauma', /significant injury/i],
          ['aneurysm features', /sudden severe back[^\n]*faint/i],
        ],
        'emergency',
      );
      assertConcepts(
        levels.urgent,
        [
          ['unilateral weakness or foot drop', /weakness in one leg/i],
          ['fever', /fever with back/i],
          ['weight loss', /weight loss/i],
        ],
        'urgent',
      );
      assert.ok(lines.some((line) => line.startsWith('**Urgent') && line.includes('@CLINIC_PHONE@')), 'the clinic number to call');
    });

    it('records outcome measures, goals and follow-up arrangements', () => {
      const rows = tableRows(section(phrase.body, /Outcome measures/));
      assert.ok(rows.length >= 3 && rows.every((cells) => cells.length === 4), 'measure, start, discharge, change');
      assert.strictEqual(section(phrase.body, /^### Goals/).filter((line) => /\{met\|partly met\|not met/.test(line)).length, 3);
      assert.match(section(phrase.body, /Follow-up arrangements/).join('\n'), /\{no routine follow-up/);
    });
  });
});
