import * as assert from 'assert';
import { checkSnippetSyntax, snippetPlainText } from '../../src/markdown/snippets';

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
