import * as assert from 'assert';
import { DO_NOT_USE_RULES, findDoNotUse, type DoNotUseFinding, type DoNotUseRuleId } from '../../src/handouts/doNotUse';
import { DoNotUseIndex } from '../../src/handouts/doNotUseIndex';
import { changedLinesOfEvent, NoteModel } from '../../src/markdown/noteModel';

/** [note, rule, flagged text, replacement] — each note holds exactly one finding. */
const FLAGGED: [string, DoNotUseRuleId, string, string | undefined][] = [
  // U / u as a unit of dose
  ['Give 10 U insulin at night.', 'unit', 'U', 'units'],
  ['Give 10 u insulin at night.', 'unit', 'u', 'units'],
  ['Give 1 U insulin.', 'unit', 'U', 'unit'],
  ['Heparin 5,000 U sc.', 'unit', 'U', 'units'],
  ['Insulin 10U with meals.', 'unit', 'U', ' units'], // the fix must not glue "10units"
  ['Infuse 0.1 U/kg/h.', 'unit', 'U', 'units'],
  ['Dose in U/kg, see chart.', 'unit', 'U', 'units'],
  ['Insulin 6 U.', 'unit', 'U', 'units'],
  // IU
  ['Vitamin D 1000 IU daily.', 'international-unit', 'IU', 'international units'],
  ['Vitamin D 4 IU.', 'international-unit', 'IU', 'international units'],
  ['Vitamin A 1 IU.', 'international-unit', 'IU', 'international unit'],
  ['Dosed at IU/kg.', 'international-unit', 'IU', 'international units'],
  // QD
  ['Aspirin 75 mg QD with food.', 'daily', 'QD', 'daily'],
  ['Aspirin 75 mg qd with food.', 'daily', 'qd', 'daily'],
  ['Aspirin 75 mg Q.D. with food.', 'daily', 'Q.D.', 'daily'],
  ['Aspirin 75 mg q.d. with food.', 'daily', 'q.d.', 'daily'],
  ['Aspirin 75 mg q.d. Review in May.', 'daily', 'q.d.', 'daily.'], // the dot also ended the sentence
  ['Aspirin 75 mg q.d.', 'daily', 'q.d.', 'daily.'],
  ['Aspirin 75 mg QD.', 'daily', 'QD', 'daily'], // the full stop is not part of "QD"
  // QOD
  ['Prednisolone 5 mg QOD.', 'every-other-day', 'QOD', 'every other day'],
  ['Prednisolone 5 mg qod for a week.', 'every-other-day', 'qod', 'every other day'],
  ['Prednisolone 5 mg Q.O.D. for a week.', 'every-other-day', 'Q.O.D.', 'every other day'],
  ['Prednisolone 5 mg q.o.d. for a week.', 'every-other-day', 'q.o.d.', 'every other day'],
  // trailing zero
  ['Warfarin 1.0 mg tonight.', 'trailing-zero', '1.0', '1'],
  ['Warfarin 1.0mg tonight.', 'trailing-zero', '1.0', '1'],
  ['Morphine 10.00 mg.', 'trailing-zero', '10.00', '10'],
  ['Oral solution 2.50 mL.', 'trailing-zero', '2.50', '2.5'],
  ['Give 5.0 mcg.', 'trailing-zero', '5.0', '5'],
  ['Paracetamol 1,000.0 mg.', 'trailing-zero', '1,000.0', '1,000'],
  ['Ketamine 1.0 mg/kg.', 'trailing-zero', '1.0', '1'],
  ['Morphine 1.0 mg/mL solution.', 'trailing-zero', '1.0', '1'], // a drug concentration, not a lab value
  ['Saline 1.0 L over an hour.', 'trailing-zero', '1.0', '1'],
  // missing leading zero
  ['Colchicine .5 mg.', 'leading-zero', '.5', '0.5'],
  ['Colchicine (.5mg) twice.', 'leading-zero', '.5', '0.5'],
  ['Take .25 mg.', 'leading-zero', '.25', '0.25'],
  ['Take .50 mg.', 'leading-zero', '.50', '0.5'],
  // MSO4, MgSO4
  ['MSO4 for pain.', 'mso4', 'MSO4', 'morphine sulfate'],
  ['Started MgSO4 infusion.', 'mgso4', 'MgSO4', 'magnesium sulfate'],
  ['Started MgSO₄ infusion.', 'mgso4', 'MgSO₄', 'magnesium sulfate'],
  // MS next to a dose or route: flagged, no single right fix
  ['MS 4 mg given.', 'ms', 'MS', undefined],
  ['MS: 2mg for pain.', 'ms', 'MS', undefined],
  ['Gave MS IV.', 'ms', 'MS', undefined],
  ['MS PRN for pain.', 'ms', 'MS', undefined],
  ['Gave 2 mg MS for pain.', 'ms', 'MS', undefined],
  ['Gave 4 mg of MS for pain.', 'ms', 'MS', undefined],
  ['Gave IV MS for pain.', 'ms', 'MS', undefined],
  // link text is prose
  ['See [insulin 10 U](https://example.org/insulin).', 'unit', 'U', 'units'],
  // units written in upper case are still dose units
  ['ASPIRIN 81.0 MG daily.', 'trailing-zero', '81.0', '81'],
  ['Colchicine .5 MG.', 'leading-zero', '.5', '0.5'],
  ['Kenalog 40.0 mg injected into the bursa.', 'trailing-zero', '40.0', '40'],
  ['Depo-Medrol 40.0 mg/mL, 1 mL.', 'trailing-zero', '40.0', '40'], // a drug concentration by mass per millilitre is a dose
  ['Vitamin d 1000 iu daily.', 'international-unit', 'iu', 'international units'],
  // IU and U in an order stay flagged, also per millilitre when an order word is near
  ['Give 1000 IU tonight.', 'international-unit', 'IU', 'international units'],
  ['Heparin 5,000 IU/mL, 1 mL SC.', 'international-unit', 'IU', 'international units'],
  ['Insulin glargine 100 U/mL pen.', 'unit', 'U', 'units'],
  ['Inject 40 U/ML as directed.', 'unit', 'U', 'units'],
  // cc after a number
  ['Lidocaine 1% 2 cc injected.', 'cc', 'cc', 'mL'],
  ['Drew up 5cc of saline.', 'cc', 'cc', ' mL'], // the fix must not glue "5mL"
  ['Infuse at 100 CC/hr.', 'cc', 'CC', 'mL'],
  ['Aspirate 10 c.c. Then flush.', 'cc', 'c.c.', 'mL.'], // the dot also ended the sentence
];

/** [note, the findings as [rule, text, replacement]]: doses that break more than one rule. */
const FLAGGED_TOGETHER: [string, [DoNotUseRuleId, string, string | undefined][]][] = [
  ['Inject 1.0 cc.', [['trailing-zero', '1.0', '1'], ['cc', 'cc', 'mL']]],
  ['Oral solution 2.50 cc twice a day.', [['trailing-zero', '2.50', '2.5'], ['cc', 'cc', 'mL']]],
  ['Give .5 cc now.', [['leading-zero', '.5', '0.5'], ['cc', 'cc', 'mL']]],
  ['Kenalog 40.0 mg injected with 2.0 cc of 1% lidocaine.', [['trailing-zero', '40.0', '40'], ['trailing-zero', '2.0', '2'], ['cc', 'cc', 'mL']]],
  ['Labs stable; heparin 5000 IU/mL vial, give 0.5 mL.', [['international-unit', 'IU', 'international units']]],
];

/** Notes that must raise nothing. */
const NOT_FLAGGED: [string, string][] = [
  ['ordinary prose', 'Use ice. Walk daily. Ms. Lee, 10 ms latency, US guidelines, IUD, a U-shaped cushion, version 1.0, at 1.30 pm, `QD` in code, [link](http://x.org/QD)'],
  ['US, USA, U.S. and UK after a number', 'Seen in 10 US states, 3 USA sites, 10 U.S. clinics and 2 UK trials.'],
  ['you and U-turn', 'You can do it; take a U-turn at 2 U-turns past the clinic, then U-100 pens.'],
  ['a U-shaped cushion after a number', 'Use 2 U-shaped cushions.'],
  ['IUD and IUs as words', 'Has an IUD since 2019. IUGR noted at 32 weeks.'],
  ['a lone capital U or IU without a dose', 'Grade U on the chart. The IU team met.'],
  ['Ms. as a title and ms as milliseconds', 'Ms. Smith and MS. SMITH; latency 10 ms, 250 ms at rest.'],
  ['MS meaning multiple sclerosis', 'MS (multiple sclerosis) since 2010. Known MS, on 4 mg tizanidine.'],
  ['MS inside words and other abbreviations', 'AMS, MSc, MSK pain, MS-DRG codes, BMS.'],
  ['MS Contin as a brand name', 'MS Contin 30 mg twice daily.'],
  ['version numbers and times', 'Version 1.0, v2.0, release 3.10, at 1.30 pm, 12.00 noon.'],
  ['measurements that keep their precision', 'Weight 70.0 kg, lesion 2.0 cm, K 4.0 mmol/L, creatinine 1.0 mg/dL, 5.0 mmol/l.'],
  ['decimals with a leading zero and no trailing zero', 'Give 0.5 mg, then 2.5 mg, then 1.25 mg.'],
  ['q.d.s., QDS and q.i.d. are other abbreviations', 'Paracetamol 1 g q.d.s. or QDS or q.i.d.'],
  ['QD inside words and identifiers', 'QDR scan, ID QD-12, aQD.'],
  ['code spans', 'Type `10 U` or `qd` or ``MS 4 mg``.'],
  ['fenced code', '```\nInsulin 10 U qd\nMS 4 mg\n```'],
  ['tilde fence inside a list', '- item\n\n  ~~~\n  1.0 mg QOD\n  ~~~'],
  ['indented code', 'Text.\n\n    insulin 10 U qd'],
  ['front matter', '---\ndose: 1.0 mg qd\n---\nWalk daily.'],
  ['link destinations and reference definitions', '[daily](https://x.org/QD?d=1.0mg) and [ref][qd]\n\n[qd]: https://x.org/qd/10U'],
  ['raw URLs and autolinks', 'See https://example.org/qd/10U and <https://example.org/QOD> or www.x.org/MSO4.'],
  ['HTML tags', '<span title="10 U qd">Walk</span> daily.'],
  ['e-mail addresses', 'Write to qd@example.org.'],
  // laboratory results, whatever the case of their units (the list covers doses, and allows a result's precision)
  ['creatinine with an upper-case decilitre', 'CR 1.0 mg/DL'],
  ['TSH in international units per millilitre', 'TSH 2.8 IU/ML'],
  ['glucose in upper-case millimoles per litre', 'glucose 5.0 MMOL/L'],
  ['haemoglobin in upper-case grams per decilitre', 'Hb 14.0 G/DL'],
  ['vitamin D in nanograms per millilitre', 'Vit D 25.0 ng/mL, ferritin 30.0 NG/ML'],
  ['enzymes in units per litre', 'ALT 40 U/L, AST 35 IU/L, CK 120.0 U/L'],
  ['antibodies and tumour markers in units per millilitre', 'RF 20 IU/mL, anti-CCP 7 U/mL, CA-125 35.0 U/mL'],
  ['other per-litre results', 'CRP 5.0 mg/L, troponin 14.0 ng/L, Na 140.0 mmol/l, Cr .9 mg/dL'],
  ['a lab panel as notes copy it', 'Labs 3/11: CR 1.0 mg/DL, eGFR 88, TSH 2.8 IU/ML, glucose 5.0 MMOL/L, Hb 14.0 G/DL, Vit D 25.0 ng/mL, ALT 40 U/L.'],
  ['an order word far away on the same line, or on another line', `TSH 2.8 IU/mL, ${'stable and unchanged '.repeat(3)}since we started the pen.\nRF 20 IU/mL\nGive the results to the GP.`],
  // cc with no number before it
  ['cc as a copy and CC as chief complaint', 'cc: Dr Lee. CC: low back pain. Letter cc\'d to the GP.'],
];

function only(note: string): DoNotUseFinding {
  const findings = findDoNotUse(note);
  assert.strictEqual(findings.length, 1, `expected one finding in ${JSON.stringify(note)}, got ${JSON.stringify(findings.map((f) => f.text))}`);
  return findings[0];
}

describe('Do Not Use list', () => {
  describe('flags', () => {
    for (const [note, rule, text, replacement] of FLAGGED) {
      it(`${rule}: "${text}" in ${JSON.stringify(note)}`, () => {
        const finding = only(note);
        assert.strictEqual(finding.rule, rule);
        assert.strictEqual(finding.text, text);
        assert.strictEqual(note.slice(finding.start, finding.end), text);
        assert.strictEqual(finding.replacement, replacement);
        assert.ok(finding.message.includes(`“${text}”`), finding.message);
        assert.ok(finding.message.endsWith('.') && !/[.;]\s+\p{Lu}/u.test(finding.message), `not one sentence: ${finding.message}`);
      });
    }
  });

  describe('flags together', () => {
    for (const [note, expected] of FLAGGED_TOGETHER) {
      it(JSON.stringify(note), () => {
        assert.deepStrictEqual(findDoNotUse(note).map((finding) => [finding.rule, finding.text, finding.replacement]), expected);
      });
    }
  });

  describe('does not flag', () => {
    for (const [what, note] of NOT_FLAGGED) {
      it(what, () => assert.deepStrictEqual(findDoNotUse(note).map((finding) => finding.text), []));
    }
  });

  it('explains the risk and the fix in one sentence', () => {
    assert.strictEqual(only('Give 10 U.').message, '“U” can be misread as 0, 4 or “cc”; write “units”.');
    assert.strictEqual(only('Vitamin D 400 IU.').message, '“IU” can be misread as IV or 10; write “international units”.');
    assert.strictEqual(only('Take qd').message, '“qd” can be mistaken for QOD (every other day) or q.i.d. (four times daily); write “daily”.');
    assert.strictEqual(only('Give 1.0 mg').message, 'The decimal point in “1.0” can be missed, making it ten times larger; write “1”.');
    assert.strictEqual(only('Give .5 mg').message, 'Without a leading zero “.5” can be read as 5, ten times larger; write “0.5”.');
    assert.strictEqual(only('MS 4 mg').message, '“MS” can mean morphine sulfate or magnesium sulfate; write the drug name in full.');
    assert.strictEqual(only('Give 2 cc').message, '“cc” can be mistaken for “U” (units) or read as “00”; write “mL”.');
  });

  it('finds several rules in one dose, in document order', () => {
    const findings = findDoNotUse('Insulin 1.0 U qd and MS 2 mg.');
    assert.deepStrictEqual(
      findings.map((finding) => [finding.rule, finding.text]),
      [['trailing-zero', '1.0'], ['unit', 'U'], ['daily', 'qd'], ['ms', 'MS']],
    );
  });

  it('reports 0-based lines and UTF-16 characters for start and end, across lines and CRLF', () => {
    const note = '# Plan 🩺\r\n\r\nMorphine `x` 2 mg\r\nqd and\n  - insulin 10 U ok\n\n🩺 Give .5 mg';
    const positions = findDoNotUse(note).map(({ text, start, end, line, character, endLine, endCharacter }) => ({
      text,
      start,
      end,
      line,
      character,
      endLine,
      endCharacter,
    }));
    const lineOf = (text: string): number => note.split('\n').findIndex((line) => line.includes(text));
    assert.deepStrictEqual(positions, [
      { text: 'qd', start: note.indexOf('qd'), end: note.indexOf('qd') + 2, line: 3, character: 0, endLine: 3, endCharacter: 2 },
      { text: 'U', start: note.indexOf('10 U') + 3, end: note.indexOf('10 U') + 4, line: 4, character: 15, endLine: 4, endCharacter: 16 },
      // "🩺" is two UTF-16 code units, as VS Code counts.
      { text: '.5', start: note.indexOf('.5'), end: note.indexOf('.5') + 2, line: 6, character: 8, endLine: 6, endCharacter: 10 },
    ]);
    assert.strictEqual(lineOf('qd and'), 3);
    assert.strictEqual(lineOf('.5'), 6);
  });

  it('checks headings, list items and quotes as prose, each on its own', () => {
    const note = '## Insulin 10 U\n> Aspirin QD\n\n1. Warfarin 1.0 mg';
    assert.deepStrictEqual(findDoNotUse(note).map((finding) => finding.text), ['U', 'QD', '1.0']);
  });

  it('does not let a code span on one line hide the next paragraph', () => {
    // The unclosed backtick cannot pair across a blank line, so "qd" is prose.
    assert.deepStrictEqual(findDoNotUse('Open ` here\n\nTake qd `x`').map((finding) => finding.text), ['qd']);
  });

  it('lists every rule once, with its forms, risk, fix, example and what it leaves alone', () => {
    const ids = DO_NOT_USE_RULES.map((rule) => rule.id);
    assert.deepStrictEqual([...new Set(ids)], ids);
    assert.deepStrictEqual(
      [...ids].sort(),
      ['cc', 'daily', 'every-other-day', 'international-unit', 'leading-zero', 'mgso4', 'ms', 'mso4', 'trailing-zero', 'unit'],
    );
    for (const rule of DO_NOT_USE_RULES) assert.ok(rule.title && rule.forms.length > 0 && rule.risk && rule.write && rule.leftAlone, rule.id);
    // Each rule's example is flagged by that rule, and its fixed form by none.
    for (const { id, example } of DO_NOT_USE_RULES) {
      assert.ok(findDoNotUse(example[0]).some((finding) => finding.rule === id), `${id}: ${example[0]}`);
      assert.deepStrictEqual(findDoNotUse(example[1]), [], `${id}: ${example[1]}`);
    }
    // Every rule id can actually be produced.
    assert.deepStrictEqual([...new Set(FLAGGED.map(([, rule]) => rule))].sort(), [...ids].sort());
  });

  // Speed is measured by `npm run bench`; these check the answers on large and pathological input.
  describe('large input', function () {
    this.timeout(30000);

    it('checks a 1 MB note, finding every abbreviation in every copy of a paragraph', () => {
      const paragraph = [
        '## Plan',
        'Insulin 10 U qd with meals; MS 2 mg IV PRN. Warfarin 1.0 mg, colchicine .5 mg, `10 U` in code,',
        'see [guide](https://x.org/QD) and https://example.org/10U. Ms. Lee, 10 ms, US, IUD, v2.0, 1.30 pm.',
        '',
        '```',
        'qd 10 U MS 4 mg',
        '```',
        '',
      ].join('\n');
      const note = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
      const findings: DoNotUseFinding[] = findDoNotUse(note);
      const copies = note.length / paragraph.length;
      assert.strictEqual(findings.length, copies * 5);
      assert.deepStrictEqual([...new Set(findings.map((finding) => finding.rule))].sort(), ['daily', 'leading-zero', 'ms', 'trailing-zero', 'unit']);
    });

    it('answers on pathological single lines of a megabyte', () => {
      const lines: [string, string, number][] = [
        ['digits', '1'.repeat(1_000_000), 0],
        ['MS without context', 'MS '.repeat(330_000), 0],
        ['backticks', '`a'.repeat(500_000), 0],
        ['q and d', 'q.q.d'.repeat(200_000), 0],
        ['units in a long line', 'give 10 U now; '.repeat(60_000), 60_000],
      ];
      for (const [what, line, expected] of lines) assert.strictEqual(findDoNotUse(line).length, expected, what);
    });
  });
});

describe('Do Not Use index over one event of several changes', () => {
  it('follows a bottom-up event whose upper change adds lines, through the event’s windows', () => {
    const model = new NoteModel('Give 10 U qd.\n\nThe hip.\n\nWalk daily.\n');
    const index = new DoNotUseIndex(model);
    // Bottom-up, as VS Code sends a multi-cursor edit: "qd " typed on line 4, then two lines added at the top.
    const changes = [
      model.applyChange({ startLine: 4, startCharacter: 0, endLine: 4, endCharacter: 0, text: 'qd ' })!,
      model.applyChange({ startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0, text: 'Note.\n\n' })!,
    ];
    for (const changed of changedLinesOfEvent(changes)!) index.update(model, changed);
    const fresh = findDoNotUse(model.text).map((finding) => [finding.rule, finding.line, finding.character]);
    assert.deepStrictEqual(index.findings.map((finding) => [finding.rule, finding.line, finding.character]), fresh);
    assert.ok(fresh.length >= 3, 'the note has findings on its first, third and last paragraphs');
  });
});
