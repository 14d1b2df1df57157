import * as assert from 'assert';
import fc from 'fast-check';
import * as jsonc from 'jsonc-parser';
import { firstJsonError, loadBuiltInGlossary, parseGlossaryFile, type FirstJsonError } from '../../src/glossary/entries';
import { mergeGlossaries } from '../../src/glossary/merge';

const FILE = '.vscode/iliopsoas-glossary.json';
const GOOD_FILE = '.vscode/more-terms.iliopsoas-glossary.json';
const GOOD_TEXT = JSON.stringify({ entries: [{ term: 'dead bug', definition: 'A core exercise.', plain: 'A core move.' }] });

/** The first error jsonc-parser's recursive `visit` reports, with the containers its callbacks leave open. */
function visitFirstError(text: string): FirstJsonError | undefined {
  const containers: ('object' | 'array')[] = [];
  let first: FirstJsonError | undefined;
  jsonc.visit(
    text,
    {
      onObjectBegin: () => void containers.push('object'),
      onObjectEnd: () => void containers.pop(),
      onArrayBegin: () => void containers.push('array'),
      onArrayEnd: () => void containers.pop(),
      onError: (error, offset, length) => void (first ??= { error, offset, length, containers: [...containers] }),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

/** Reads a broken file and a good one, as the store does one after the other, and merges them. */
function loadWithGoodFile(text: string) {
  const broken = parseGlossaryFile(text, FILE);
  const good = parseGlossaryFile(GOOD_TEXT, GOOD_FILE);
  return { broken, good, merged: mergeGlossaries(loadBuiltInGlossary(), [broken.entries, good.entries]) };
}

describe('the first JSON syntax error, found without recursion', () => {
  it('is the one jsonc-parser reports, with the same containers open, for any text', () => {
    const piece = fc.constantFrom(
      '{', '}', '[', ']', ',', ':', '"a"', '"b', '""', '1', '-1.5e3', '-', '01', '1.', '1e', '0x1', 'tru', 'true', 'false', 'null', 'nul', 'x',
      ' ', '\n', '\t', '\u00a0', '"\\q"', '"\\u12"', '"\\u00e9"', '"a\tb"', '"a\nb"', '/*c*/', '//c\n', '/*',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assert.deepStrictEqual(firstJsonError(text).error, visitFirstError(text), JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('is the one jsonc-parser reports in glossary-shaped files with one mistake', () => {
    const good = JSON.stringify({ $schema: './glossary.schema.json', entries: [{ term: 'dead bug', variants: ['dead bugs'], definition: 'A core exercise.', plain: 'A core move.' }] }, null, 2);
    fc.assert(
      fc.property(fc.nat(good.length), fc.nat(good.length), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '{', '['), (at, removed, inserted) => {
        const text = good.slice(0, at) + inserted + good.slice(Math.min(good.length, at + (removed % 3)));
        assert.deepStrictEqual(firstJsonError(text).error, visitFirstError(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('says how deep the text nests', () => {
    assert.strictEqual(firstJsonError('{"a": [[{}], 1]}').depth, 4);
    assert.strictEqual(firstJsonError('"x"').depth, 0);
    assert.strictEqual(firstJsonError('['.repeat(100_000)).depth, 100_000);
  });
});

describe('team glossary files nested very deep', () => {
  for (const [name, text] of [
    ['4,000 unclosed "["', '['.repeat(4000)],
    ['"entries" and 4,000 unclosed "["', `{"entries":${'['.repeat(4000)}`],
    ['100,000 unclosed "["', '['.repeat(100_000)],
    ['"entries" and 100,000 unclosed "[" and "{"', `{"entries":${'[{"a":'.repeat(50_000)}`],
  ] as const) {
    it(`report ${name} as invalid JSON naming the file, and leave the other files loading`, () => {
      const { broken, good, merged } = loadWithGoodFile(text);
      assert.deepStrictEqual(broken.entries, []);
      assert.strictEqual(broken.problems.length, 1);
      assert.match(broken.problems[0].message, /^\.vscode\/iliopsoas-glossary\.json: not valid JSON: unexpected end of file at line 1, column \d+; expected /);
      assert.strictEqual(broken.problems[0].offset, text.length);
      assert.deepStrictEqual(good.problems, []);
      assert.ok(merged.some((entry) => entry.term === 'dead bug' && entry.origin === GOOD_FILE));
    });
  }

  it('find a syntax error inside deep nesting where it is', () => {
    const text = `{"entries": ${'['.repeat(20_000)}1 2${']'.repeat(20_000)}}`;
    const { problems } = parseGlossaryFile(text, FILE);
    assert.deepStrictEqual(
      problems.map((problem) => [problem.message, problem.offset]),
      [[`${FILE}: not valid JSON: unexpected "2" at line 1, column ${text.indexOf('2') + 1}; expected "," or "]"`, text.indexOf('2')]],
    );
  });

  it('read valid JSON nested 20,000 deep without overflowing the stack, and skip the entry at fault', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const text = `{"entries": [${deep}, {"term": "bird dog", "definition": "A core exercise.", "plain": "A core move."}]}`;
    const { entries, problems } = parseGlossaryFile(text, FILE);
    assert.deepStrictEqual(entries.map((entry) => entry.term), ['bird dog']);
    assert.deepStrictEqual(
      problems.map((problem) => problem.message),
      [`${FILE}: entries[0] must be an object with "term", "definition" and "plain", not an array; it is skipped`],
    );
  });
});
