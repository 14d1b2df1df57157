import * as assert from 'assert';
import { isAtxHeading, markCodeAndFrontMatter, markdownInlineExclusions, plainTextExclusions, type TextRange } from '../../src/markdown/regions';

/** The text of each excluded range. */
function excluded(text: string, ranges: readonly TextRange[]): string[] {
  return ranges.map(({ start, end }) => text.slice(start, end));
}

// The inline constructs are tried only at the positions where one can start (next to `]`, `<`,
// `@`, `:` or `www.`, or in the scheme or e-mail characters before them): these cases pin
// the starts that lie before the trigger, and the triggers that start nothing.
describe('markdown regions', () => {
  describe('inline exclusions', () => {
    const CASES: [string, string, string[], string[]][] = [
      // [what, text, Markdown exclusions, plain-text exclusions]
      ['URLs, www. and mailto:', 'see https://x.org/a, www.y.org and mailto:z@q.org today', ['https://x.org/a,', 'www.y.org', 'mailto:z@q.org'], ['https://x.org/a,', 'www.y.org', 'mailto:z@q.org']],
      ['an e-mail address from the start of its local part, non-ASCII too', '(first.last+tag@host.example) and é.ü@x.org', ['first.last+tag@host.example', 'é.ü@x.org'], ['first.last+tag@host.example', 'é.ü@x.org']],
      ['a scheme that contains www.', 'a scheme: awww.x://y/z', ['awww.x://y/z'], ['awww.x://y/z']],
      ['colons that start nothing', 'Plan: rest, ice: 10 min; ratio 1:2', [], []],
      ['a trigger inside a code span', '`a@b.org` c@d.org `<b>` <i>x</i>', ['`a@b.org`', 'c@d.org', '`<b>`', '<i>', '</i>'], ['a@b.org', 'c@d.org', '<b>', '<i>', '</i>']],
      ['links, labels, autolinks and comments; a lone ] starts nothing', 'a] [t](u "v") [w][x] <https://x.org> <p@q.org> <!-- c -->', ['(u "v")', '[x]', '<https://x.org>', '<p@q.org>', '<!-- c -->'], ['<https://x.org>', '<p@q.org>', '<!-- c -->']],
      ['reference definitions only at the start of a line', 'text\n[a]: http://x "t"\nmore [b]: not a definition\n  [c]: <d>', ['[a]: http://x "t"', '  [c]: <d>'], ['http://x', '<d>']],
    ];
    for (const [what, text, markdown, plain] of CASES) {
      it(what, () => {
        assert.deepStrictEqual(excluded(text, markdownInlineExclusions(text)), markdown);
        assert.deepStrictEqual(excluded(text, plainTextExclusions(text)), plain);
      });
    }

    it('looks for constructs in a window only, cutting one that runs past it', () => {
      const text = 'one https://x.org/a two https://y.org/b three';
      assert.deepStrictEqual(excluded(text, markdownInlineExclusions(text, 10, 36)), ['https://y.or']);
      assert.deepStrictEqual(markdownInlineExclusions(text, 10, 30), []);
    });
  });

  describe('block structure', () => {
    it('recognises headings, quotes, list items and fences only where their marker stands', () => {
      const lines = ['# h', '  ## h2', '    # code', '#no heading', '> quote', '> ```', '> code', '> ```', '- item', '1. one', '+ x', '* y', '```js', 'x', '```', '~~~', 'y', '~~~'];
      assert.deepStrictEqual(lines.map(isAtxHeading), [true, true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false]);
      assert.deepStrictEqual([...markCodeAndFrontMatter(lines)], [0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    });
  });
});
