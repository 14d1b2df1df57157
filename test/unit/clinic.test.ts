import * as assert from 'assert';
import fc from 'fast-check';
import { CLINIC_FIELDS, readClinicSettings, type ClinicDetails } from '../../src/handouts/clinic';
import { handoutBody, handoutPlainText, loadHandouts } from '../../src/handouts/handouts';
import { markdownLiteral } from '../../src/markdown/literal';
import { checkSnippetSyntax, highestTabStop, snippetPlainText } from '../../src/markdown/snippets';

const settings = (values: Record<string, unknown>) => readClinicSettings((setting) => values[setting]);

describe('clinic settings', () => {
  it('uses each detail trimmed, and treats an empty one as unset', () => {
    assert.deepStrictEqual(settings({ 'clinic.name': '  Riverside Physio ', 'clinic.phone': '555-0100', 'clinic.afterHoursPhone': '   ' }), {
      details: { name: 'Riverside Physio', phone: '555-0100' },
      problems: [],
    });
    assert.deepStrictEqual(settings({}), { details: {}, problems: [] });
    assert.deepStrictEqual(settings({ 'clinic.phone': null }), { details: {}, problems: [] });
  });

  it('does not use, and names, a value that is not one short line of visible text', () => {
    const cases: [unknown, RegExp][] = [
      [5550100, /iliopsoas\.clinic\.phone is not text/],
      ['555-0100\n555-0199', /iliopsoas\.clinic\.phone has a line break or a control character/],
      ['555\t0100', /line break or a control character/],
      ['555\u2028 0100', /line break/],
      ['555-\u202e0010', /iliopsoas\.clinic\.phone has an invisible character/],
      ['555\u200b0100', /invisible character/],
      ['5'.repeat(41), /iliopsoas\.clinic\.phone is longer than 40 characters/],
    ];
    for (const [value, problem] of cases) {
      const read = settings({ 'clinic.phone': value, 'clinic.name': 'Riverside' });
      assert.deepStrictEqual(read.details, { name: 'Riverside' }, JSON.stringify(value));
      assert.strictEqual(read.problems.length, 1);
      assert.match(read.problems[0], problem);
    }
    assert.strictEqual(settings({ 'clinic.phone': '5'.repeat(40) }).details.phone, '5'.repeat(40));
    assert.strictEqual(settings({ 'clinic.name': 'N'.repeat(80) }).details.name, 'N'.repeat(80));
    assert.match(settings({ 'clinic.name': 'N'.repeat(81) }).problems[0], /iliopsoas\.clinic\.name is longer than 80/);
    // Characters, not UTF-16 units: 40 emoji are 40 characters.
    assert.strictEqual(settings({ 'clinic.afterHoursPhone': '☎️'.repeat(20) }).problems.length, 0);
  });
});

describe('handoutBody: a handout with the clinic filled in', () => {
  const handouts = loadHandouts();
  const clinic: ClinicDetails = { name: 'Riverside Physio', phone: '555-0100', afterHoursPhone: '555-0199' };

  it('writes the clinic in where the handout names it, and leaves the rest of the handout as it was', () => {
    for (const handout of handouts) {
      const body = handoutBody(handout, clinic);
      assert.deepStrictEqual(checkSnippetSyntax(body), [], handout.id);
      assert.match(body, /^(?:Call|Even without a warning sign, call) Riverside Physio at 555-0100 (?:soon )?if:$/m, handout.id);
      assert.match(body, /^Clinic phone: 555-0100\. After hours: 555-0199\. If you cannot reach us/m, handout.id);
      for (const { label } of Object.values(CLINIC_FIELDS)) assert.ok(!body.includes(label), `${handout.id} still has "${label}"`);
      // Only the fields changed: the same text with the fields read back as their labels.
      const relabelled = body.replace(/Riverside Physio/g, 'clinic name').replace(/555-0100/g, 'clinic phone').replace(/555-0199/g, 'after-hours phone');
      assert.strictEqual(snippetPlainText(relabelled), snippetPlainText(handout.body), handout.id);
      assert.strictEqual(highestTabStop(body), highestTabStop(handout.body) - 3, `${handout.id}: the other stops keep their numbers`);
      // The 911 part does not change with the clinic.
      const emergency = (text: string) => text.slice(text.indexOf('**Call 911'), text.indexOf('**Call us the same day'));
      assert.strictEqual(emergency(body), emergency(handout.body), handout.id);
    }
  });

  it('leaves a placeholder to Tab to for each detail that is not set, never an empty string', () => {
    const [handout] = handouts;
    const last = highestTabStop(handout.body);
    assert.strictEqual(handoutBody(handout, {}), handout.body);
    const onlyPhone = handoutBody(handout, { phone: '555-0100' });
    assert.match(onlyPhone, new RegExp(String.raw`^Call \$\{${last - 2}:clinic name\} at 555-0100 if:$`, 'm'));
    assert.match(onlyPhone, new RegExp(String.raw`^Clinic phone: 555-0100\. After hours: \$\{${last - 1}:after-hours phone\}\.`, 'm'));
    assert.deepStrictEqual(checkSnippetSyntax(onlyPhone), []);
  });

  it('escapes snippet syntax and Markdown in a value, so it inserts and reads as itself', () => {
    const [handout] = handouts;
    const phone = '$1 } \\ *555* [x](command:y) <b>';
    const body = handoutBody(handout, { phone });
    assert.deepStrictEqual(checkSnippetSyntax(body), []);
    // Inserted, the note holds the Markdown-escaped value (which the preview and the export read back as the value).
    const inserted = snippetPlainText(body);
    assert.ok(inserted.includes(`Clinic phone: ${markdownLiteral(phone)}. After hours:`), inserted.slice(inserted.indexOf('Clinic phone'), inserted.indexOf('Clinic phone') + 80));
    assert.strictEqual(markdownLiteral(phone), '\\$1 } \\\\ \\*555\\* \\[x\\](command\\:y) \\<b\\>');
  });

  it('fills any usable values into any handout as a valid snippet that reads as the values', () => {
    const unit = fc.constantFrom('5', '0', '-', ' ', '(', ')', '+', '$', '}', '{', '\\', '*', '_', '[', ']', '<', '&', ':', '@', '.', 'a', 'é');
    const value = fc.string({ unit, minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(fc.constantFrom(...handouts), fc.option(value), fc.option(value), fc.option(value), (handout, name, phone, afterHoursPhone) => {
        const read = settings({ 'clinic.name': name ?? undefined, 'clinic.phone': phone ?? undefined, 'clinic.afterHoursPhone': afterHoursPhone ?? undefined });
        assert.deepStrictEqual(read.problems, []);
        const body = handoutBody(handout, read.details);
        assert.deepStrictEqual(checkSnippetSyntax(body), []);
        const set = Object.values(read.details);
        assert.strictEqual(highestTabStop(body), highestTabStop(handout.body) - set.length);
        const inserted = snippetPlainText(body);
        for (const detail of set) assert.ok(inserted.includes(markdownLiteral(detail)), detail);
      }),
      { numRuns: 200 },
    );
  });

  it('grades a clinic field as one short word, like a snippet variable', () => {
    for (const handout of handouts) assert.match(handoutPlainText(handout), /\bcall blank at blank (?:soon )?if:/i, handout.id);
  });
});
