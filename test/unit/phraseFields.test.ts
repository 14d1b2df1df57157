import * as assert from 'assert';
import fc from 'fast-check';
import { checkSnippetSyntax, snippetPlainText } from '../../src/markdown/snippets';
import { findPhraseFields, fieldSource, phraseToSnippet, PHRASE_VARIABLES, type PhraseField } from '../../src/handouts/phrases/fields';
import { adjacentField, describeField, unfinishedFields, type UnfinishedField } from '../../src/handouts/phrases/completeness';

/** The fields of a text as [kind, source] pairs, for readable comparisons. */
function fieldsOf(text: string): [string, string][] {
  return findPhraseFields(text).map((field) => [field.kind, text.slice(field.start, field.end)]);
}

describe('clinic phrase fields', () => {
  it('finds blanks, lists, pick-many lists and variables, in order', () => {
    assert.deepStrictEqual(fieldsOf('Pain ***/10 on the {left|right|both} side; likes {+walking|cycling}. Seen @DATE@ by @CLINICIAN@.'), [
      ['blank', '***'],
      ['pickOne', '{left|right|both}'],
      ['pickMany', '{+walking|cycling}'],
      ['variable', '@DATE@'],
      ['variable', '@CLINICIAN@'],
    ]);
    const [preselected] = findPhraseFields('{*none|mild|severe}');
    assert.deepStrictEqual(preselected, { start: 0, end: 19, kind: 'pickOne', options: ['none', 'mild', 'severe'], preselected: true });
  });

  it('reads as text what is not a field', () => {
    for (const text of [
      '**bold** and ****four**** and ** two',
      '\\*** escaped first asterisk',
      '\\{left|right}',
      '{single option}',
      '{a||b}',
      '{left|\nright}',
      '@UNKNOWN@ and name@example.org',
      '{' + 'x|'.repeat(40) + 'x}',
    ]) {
      assert.deepStrictEqual(fieldsOf(text), [], text);
    }
  });

  it('reads escapes inside a list as literal characters', () => {
    const [field] = findPhraseFields('{1\\|2 days|a week}');
    assert.deepStrictEqual(field.kind === 'pickOne' && field.options, ['1|2 days', 'a week']);
    assert.strictEqual(fieldSource(field), '{1\\|2 days|a week}');
  });

  describe('as a snippet', () => {
    it('makes each unfinished field a tab stop, in order, and writes in what is known', () => {
      const snippet = phraseToSnippet('Seen @DATE@ for @PATIENT@: ***. Side {left|right}; severity {*mild|severe}; sports {+run|swim}. Cost $5 {x}.', {
        variables: { DATE: '2026-12-01' },
        picked: [['swim']],
      });
      assert.strictEqual(snippet, 'Seen 2026-12-01 for ${1:@PATIENT@}: ${2:***}. Side ${3|{left\\|right},left,right|}; severity ${4|mild,severe|}; sports swim. Cost \\$5 {x\\}.$0');
      assert.deepStrictEqual(checkSnippetSyntax(snippet), []);
    });

    // Phrase bodies made of plain text and fields; what a snippet of one reads as, left at its defaults.
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const option = fc.stringMatching(/^[a-z ,$\\|}]{1,10}$/).filter((text) => text.trim() !== '' && text.trim() === text);
    const plain = fc.stringMatching(/^[a-zA-Z0-9 .,;:$}\\\n-]{0,20}$/).map((text) => text.replace(/\\/g, ''));
    const field = fc.oneof(
      fc.constant('***'),
      fc.constantFrom(...PHRASE_VARIABLES).map((name) => `@${name}@`),
      fc.tuple(fc.constantFrom('', '*', '+'), fc.array(option, { minLength: 2, maxLength: 4 })).map(([marker, options]) => `{${marker}${options.map((text) => text.replace(/[\\|{}]/g, (c) => `\\${c}`)).join('|')}}`),
    );
    const body = fc.array(fc.tuple(plain, field, word), { maxLength: 6 }).map((parts) => parts.map(([text, source, after]) => `${text} ${source} ${after}`).join(''));

    it('is valid snippet syntax, and leaves in the note exactly the fields still to do', () => {
      fc.assert(
        fc.property(body, fc.boolean(), (phrase, knowDate) => {
          const fields = findPhraseFields(phrase);
          const manyLists = fields.filter((found) => found.kind === 'pickMany').length;
          const picked = Array.from({ length: manyLists }, (_, i) => (i % 2 === 0 ? ['chosen'] : undefined));
          const snippet = phraseToSnippet(phrase, { variables: knowDate ? { DATE: '2026-12-01' } : {}, picked });
          assert.deepStrictEqual(checkSnippetSyntax(snippet), [], snippet);
          const stillToDo = (found: PhraseField, i: number): boolean =>
            found.kind === 'blank' ||
            (found.kind === 'variable' && !(knowDate && found.name === 'DATE')) ||
            (found.kind === 'pickOne' && !found.preselected) ||
            (found.kind === 'pickMany' && fields.slice(0, i).filter((before) => before.kind === 'pickMany').length % 2 === 1);
          const expected = fields.filter(stillToDo).map((found) => fieldSource(found));
          const inserted = snippetPlainText(snippet);
          assert.deepStrictEqual(findPhraseFields(inserted).filter((found) => !(found.kind === 'pickOne' && found.preselected)).map(fieldSource), expected, inserted);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('unfinished fields in a note', () => {
    it('finds them with their place, in prose only', () => {
      const note = [
        '---',
        'patient: ***',
        '---',
        '# Assessment',
        '',
        'Pain ***/10, worse on the {left|right} side.',
        'Side: {*left|right}.',
        '',
        '```',
        'code *** {a|b} @DATE@',
        '```',
        '',
        'Inline `***` code, <!-- *** {a|b} --> comment, [link](https://x.org/{a|b}) and @PATIENT@ to fill.',
      ].join('\n');
      assert.deepStrictEqual(
        unfinishedFields(note).map((found) => [found.kind, found.line, found.character, found.endCharacter]),
        [
          ['blank', 5, 5, 8],
          ['pickOne', 5, 26, 38],
          ['variable', 12, 79, 88],
        ],
      );
    });
    it('finds nothing in a note without fields, e-mail addresses and braces that hold no list included', () => {
      assert.deepStrictEqual(unfinishedFields('Seen today. Pain 3/10.\n\nWrote to a.lee@example.org about {the plan}.\n'), []);
      assert.deepStrictEqual(unfinishedFields(''), []);
    });

    it('names each kind of field, shortening long lists', () => {
      const [blank, pickOne, pickMany, variable] = unfinishedFields('*** {left|right} {+walking|cycling} @CLINIC_PHONE@');
      assert.strictEqual(describeField(blank), 'a blank (***) to fill in');
      assert.strictEqual(describeField(pickOne), 'a choice to make (left / right)');
      assert.strictEqual(describeField(pickMany), 'a list to pick from (walking, cycling)');
      assert.strictEqual(describeField(variable), '@CLINIC_PHONE@ to fill in');
      const wording = { blank: () => 'B', variable: (name: string) => `V ${name}`, pickOne: (options: string) => `1 ${options}`, pickMany: (options: string) => `+ ${options}` };
      assert.deepStrictEqual([blank, pickOne, pickMany, variable].map((field) => describeField(field, wording)), ['B', '1 left / right', '+ walking, cycling', 'V CLINIC_PHONE']);
      const options = Array.from({ length: 20 }, (_, i) => `option number ${i}`);
      const [long] = unfinishedFields(`{${options.join('|')}}`);
      const described = describeField(long);
      assert.ok(described.length < 120, described);
      assert.ok(described.startsWith('a choice to make (option number 0 / option number 1 /') && described.endsWith(' / …)'), described);
      const [one] = unfinishedFields(`{${'x'.repeat(200)}|y}`);
      assert.strictEqual(describeField(one), `a choice to make (${'x'.repeat(80)}…)`);
    });

    describe('the next and previous field', () => {
      // Line 0: `*** and {a|b}`; line 1: `@DATE@`.
      const fields = unfinishedFields('*** and {a|b}\n@DATE@');
      const at = (line: number, character: number) => ({ line, character });
      const next = (from: { line: number; character: number }, to = from) => adjacentField(fields, from, to, 'next');
      const previous = (from: { line: number; character: number }, to = from) => adjacentField(fields, from, to, 'previous');
      const sourceOf = (found: { field: UnfinishedField; wrapped: boolean } | undefined) => found && [found.field.kind, found.wrapped];

      it('goes forward from the cursor, passing over the field selected, and wraps to the first', () => {
        assert.deepStrictEqual(sourceOf(next(at(0, 0))), ['blank', false], 'a field starting at the cursor is the next');
        assert.deepStrictEqual(sourceOf(next(at(0, 0), at(0, 3))), ['pickOne', false], 'the selected field is passed over');
        assert.deepStrictEqual(sourceOf(next(at(0, 9))), ['variable', false], 'inside a field: the one after it');
        assert.deepStrictEqual(sourceOf(next(at(1, 0), at(1, 6))), ['blank', true]);
        assert.deepStrictEqual(sourceOf(next(at(1, 6))), ['blank', true]);
      });

      it('goes back from the cursor, passing over the field selected, and wraps to the last', () => {
        assert.deepStrictEqual(sourceOf(previous(at(1, 0), at(1, 6))), ['pickOne', false]);
        assert.deepStrictEqual(sourceOf(previous(at(0, 13))), ['pickOne', false], 'a field ending at the cursor is the previous');
        assert.deepStrictEqual(sourceOf(previous(at(0, 9))), ['blank', false]);
        assert.deepStrictEqual(sourceOf(previous(at(0, 0), at(0, 3))), ['variable', true]);
        assert.deepStrictEqual(sourceOf(previous(at(0, 2))), ['variable', true], 'inside the first field');
      });

      it('has none in a note without fields', () => {
        assert.strictEqual(adjacentField([], at(0, 0), at(0, 0), 'next'), undefined);
        assert.strictEqual(adjacentField([], at(0, 0), at(0, 0), 'previous'), undefined);
      });

      it('visits every field once, in order, then wraps, whichever way it goes', () => {
        const field = fc.constantFrom('***', '{a|b}', '{+a|b}', '@PATIENT@', '{*a|b}', 'text', ' ', '\n\n', '`***`');
        fc.assert(
          fc.property(fc.array(field, { maxLength: 25 }), (parts) => {
            const note = parts.join('');
            const all = unfinishedFields(note);
            for (const direction of ['next', 'previous'] as const) {
              const visited: UnfinishedField[] = [];
              let from = { line: 0, character: 0 };
              let to = from;
              if (direction === 'previous') from = to = { line: Number.MAX_SAFE_INTEGER, character: 0 };
              for (let step = 0; step <= all.length; step++) {
                const found = adjacentField(all, from, to, direction);
                if (!found) break;
                assert.strictEqual(found.wrapped, step === all.length, `step ${step} of ${all.length} in ${JSON.stringify(note)}`);
                visited.push(found.field);
                from = { line: found.field.line, character: found.field.character };
                to = { line: found.field.endLine, character: found.field.endCharacter };
              }
              const expected = direction === 'next' ? all : [...all].reverse();
              assert.deepStrictEqual(visited.slice(0, all.length), expected);
            }
          }),
          { numRuns: 300 },
        );
      });
    });
  });
});

describe('clinic phrase fields: Markdown that only looks like one', () => {
  const kinds = (text: string) => findPhraseFields(text).map((field) => `${field.kind}:${text.slice(field.start, field.end)}`);

  it('reads a line of three asterisks as a thematic break, not a blank', () => {
    assert.deepStrictEqual(kinds('Plan\n\n***\n\nNext'), []);
    assert.deepStrictEqual(kinds('   ***  \r\nNext'), []);
    assert.deepStrictEqual(unfinishedFields('# Note\n\n***\n\nText'), []);
  });

  it('reads ***bold italic*** as emphasis, and still finds the blanks around words', () => {
    assert.deepStrictEqual(kinds('a ***very important*** b'), []);
    assert.deepStrictEqual(kinds('Plan: *** and ***'), ['blank:***', 'blank:***']);
    assert.deepStrictEqual(kinds('power left ***/5, right ***/5'), ['blank:***', 'blank:***']);
    assert.deepStrictEqual(kinds('Seen *** for ***emphasis*** here'), ['blank:***']);
  });

  it('never carries a list over a line break, not even after a backslash', () => {
    assert.deepStrictEqual(kinds('{left|right\\\nboth}'), []);
    assert.deepStrictEqual(kinds('{left|right\\\r\nboth}'), []);
  });
});
