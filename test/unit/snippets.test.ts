import * as assert from 'assert';
import fc from 'fast-check';
import { checkSnippetSyntax, escapeSnippetText, fillTabStops, highestTabStop, snippetPlainText } from '../../src/markdown/snippets';

describe('snippetPlainText', () => {
  const cases: [string, string][] = [
    ['Hello ${1:name}.', 'Hello name.'],
    ['Use ${2|a,b|}.', 'Use a.'],
    ['${1:Ann} and $1 again', 'Ann and Ann again'],
    ['Date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE', 'Date: --'], // known only when inserted
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

  it('writes `unfilled` for what is known only at insertion: a variable, a tab stop without a default', () => {
    assert.strictEqual(snippetPlainText('Seen $CURRENT_DATE; walk $1 times, ${2:twice} daily; $2 again.$0', '___'), 'Seen ___; walk ___ times, twice daily; twice again.');
  });

  it('reads placeholders nested past 8 deep as text, with a problem, instead of recursing', () => {
    const deep = '${1:'.repeat(10_000) + 'x' + '}'.repeat(10_000);
    assert.ok(snippetPlainText(deep).endsWith('x' + '}'.repeat(10_000 - 8)));
    const problems = checkSnippetSyntax(deep);
    assert.ok(problems.some((problem) => /nested more than 8 deep/.test(problem)), problems.join('\n'));
    assert.ok(problems.length <= 21, `${problems.length} problems listed`);
  });

  it('leaves text with no snippet syntax as it is', () => {
    for (const text of ['Costs 20 dollars.', 'A {brace} and } alone.', '']) assert.strictEqual(snippetPlainText(text), text);
  });
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

describe('escapeSnippetText', () => {
  it('escapes the three characters snippet syntax reads, as SnippetString.appendText does', () => {
    assert.strictEqual(escapeSnippetText('Costs $5 } and \\ ${1:x}'), 'Costs \\$5 \\} and \\\\ \\${1:x\\}');
  });

  it('inserts as exactly the text given, with no syntax problem, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '{', '}', '\\', '|', ',', ':', '1', 'a', ' ', '\n') }), fc.string(), (tricky, any) => {
        for (const text of [tricky, any]) {
          assert.strictEqual(snippetPlainText(escapeSnippetText(text)), text);
          assert.deepStrictEqual(checkSnippetSyntax(escapeSnippetText(text)), []);
        }
      }),
    );
  });
});

describe('fillTabStops', () => {
  const cases: [string, [number, string][], string][] = [
    ['Call ${1:name} at ${2:phone}, or $2.$0', [[2, '555-0100']], 'Call ${1:name} at 555-0100, or 555-0100.$0'],
    ['${1:a} ${2|x,y|} ${3:c} $3 ${4}', [[2, 'X']], '${1:a} X ${2:c} $2 ${3}'],
    ['${1:a} ${2:b}', [[1, '$9 } \\']], '\\$9 \\} \\\\ ${1:b}'],
    ['${1:outer ${2:inner} end} ${3:x}', [[1, 'O']], 'O ${1:x}'],
    ['${1:outer ${2:inner} end} ${3:x}', [[2, 'I']], '${1:outer I end} ${2:x}'],
    ['\\$1 and $1 and $12', [[1, 'one']], '\\$1 and one and $1'], // the stops left numbered from 1
    ['${1:a \\} b} ${2:c}', [[1, 'A']], 'A ${1:c}'],
    ['Nothing to fill ${1:a}', [], 'Nothing to fill ${1:a}'],
  ];
  for (const [body, values, expected] of cases) {
    it(`${JSON.stringify(body)} with ${JSON.stringify(values)} → ${JSON.stringify(expected)}`, () => {
      assert.strictEqual(fillTabStops(body, new Map(values)), expected);
    });
  }

  // A body of text and tab stops 1..n (each a placeholder first, then mirrors), some stops filled:
  // the body reads as the original with each filled stop's text replaced, stays valid, and keeps
  // its other stops in their order, numbered from 1 without gaps.
  const segment = fc.oneof(
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', '$', '}', '{', '\\', '|', '1', '\n') }).map((text) => ({ text })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }).map((stop) => ({ stop })) },
  );
  const value = fc.string({ unit: fc.constantFrom('5', '-', '$', '}', '\\', '{1:', 'x', ' ') });
  it('fills any set of stops, leaving a valid body that reads as the original with the values in', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 30 }), fc.dictionary(fc.constantFrom('1', '2', '3', '4', '5', '6'), value), (segments, filledByKey) => {
        // Number the stops by first appearance, so the body is valid: 1..n without gaps.
        const numbers = new Map<number, number>();
        const seen = new Set<number>();
        let body = '';
        let expectedPlain = '';
        let original = '';
        const filled = new Map<number, string>();
        for (const part of segments) {
          if ('text' in part) {
            body += escapeSnippetText(part.text);
            expectedPlain += part.text;
            original += part.text;
            continue;
          }
          const stop = numbers.get(part.stop) ?? numbers.set(part.stop, numbers.size + 1).get(part.stop)!;
          const label = `label${stop}`;
          // A mirror as `${n}`: `$n` before a digit would read as another stop.
          body += seen.has(stop) ? `\${${stop}}` : `\${${stop}:${label}}`;
          seen.add(stop);
          const given = filledByKey[String(part.stop)];
          if (given !== undefined) filled.set(stop, given);
          expectedPlain += given ?? label;
          original += label;
        }
        assert.deepStrictEqual(checkSnippetSyntax(body), [], body);
        assert.strictEqual(snippetPlainText(body), original);
        const result = fillTabStops(body, filled);
        assert.deepStrictEqual(checkSnippetSyntax(result), [], result);
        assert.strictEqual(snippetPlainText(result), expectedPlain);
        assert.strictEqual(highestTabStop(result), numbers.size - filled.size);
        const leftLabels = [...result.replace(/\\[$}\\]/g, '').matchAll(/\$\{(\d+):label(\d+)\}/g)].map((match) => [Number(match[1]), Number(match[2])]);
        const unfilled = [...numbers.values()].filter((stop) => !filled.has(stop)).sort((a, b) => a - b);
        assert.deepStrictEqual(leftLabels, unfilled.map((stop, index) => [index + 1, stop]), 'the stops left keep their order');
      }),
    );
  });
});
