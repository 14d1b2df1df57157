import * as assert from 'assert';
import fc from 'fast-check';
import type MarkdownIt = require('markdown-it');
import { escapeMarkdown, glossaryHoverMarkdown } from '../../src/glossary/hoverContent';
import type { GlossaryEntry } from '../../src/glossary/types';

// VS Code's hover Markdown turns bare URLs and e-mail addresses into links; markdown-it with
// linkify (and links of every scheme allowed) stands in for it.
const createMarkdownIt = require('markdown-it') as typeof MarkdownIt;
const hoverMarkdown = createMarkdownIt({ html: false, linkify: true });
hoverMarkdown.validateLink = () => true;

const TEAM_ENTRY: GlossaryEntry = {
  term: 'Thomas test',
  variants: [],
  abbreviations: [],
  definition: 'A test of hip flexor length.',
  plain: 'A test of how tight your hip is.',
  sections: [],
  origin: '.vscode/iliopsoas-glossary.json',
};

/** The blocks of the rendered hover: each block's type and the text it shows, and every link. */
function rendered(markdown: string): { blocks: string[]; texts: string[]; links: string[] } {
  const tokens = hoverMarkdown.parse(markdown, {});
  const blocks = tokens.filter((token) => token.nesting === 1).map((token) => token.type.replace(/_open$/, ''));
  const inlines = tokens.filter((token) => token.type === 'inline');
  const texts = inlines.map((inline) =>
    (inline.children ?? []).map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? '\n' : child.type.startsWith('text') || child.type === 'code_inline' ? child.content : '')).join(''),
  );
  const links = inlines.flatMap((inline) => (inline.children ?? []).filter((child) => child.type === 'link_open').map((child) => String(child.attrGet('href'))));
  return { blocks, texts, links };
}

/** Glossary text as a hover should show it: every run of white space that holds a line end as one space. */
function onOneLine(text: string): string {
  return text.replace(/[\s\u0085]*[\r\n\u2028\u2029\u0085][\s\u0085]*/g, ' ');
}

describe('glossary text in a hover', () => {
  it('stays one paragraph whatever line ends it has', () => {
    for (const lineEnd of ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085']) {
      for (const definition of [`First line.${lineEnd}    indented like code`, `Heading${lineEnd}===`, `Heading${lineEnd}---`, `a${lineEnd}${lineEnd}    code block`, `a${lineEnd}\t${lineEnd}b`]) {
        const markdown = glossaryHoverMarkdown({ ...TEAM_ENTRY, definition }, []);
        const { blocks, texts } = rendered(markdown);
        assert.deepStrictEqual(blocks, ['paragraph', 'paragraph', 'paragraph'], JSON.stringify(definition));
        assert.strictEqual(texts[1], onOneLine(definition), JSON.stringify(definition));
        assert.doesNotMatch(escapeMarkdown(definition), /[\r\n\u2028\u2029\u0085]/);
      }
    }
  });

  it('never becomes a link: no URL or e-mail address of team text is linked', () => {
    const hostile = [
      'http://host',
      'see http://intranet/guidelines',
      'HTTPS://EXAMPLE.ORG/a?b=c',
      'ftp://files.example.org',
      'www.example.com',
      'example.com',
      'nhs.uk/conditions',
      'mailto:clinic@example.org',
      'write to clinic@example.org',
      'clinic@localhost',
      '//cdn.example.org/x',
      '<http://example.org>',
      '<clinic@example.org>',
      '[x](http://example.org)',
      '[x]: http://example.org',
      'http://192.168.0.1:8080/path',
    ];
    for (const text of hostile) {
      const entry: GlossaryEntry = { ...TEAM_ENTRY, term: text, abbreviations: [text], definition: text, plain: text, origin: text };
      const { links, texts } = rendered(glossaryHoverMarkdown(entry, []));
      assert.deepStrictEqual(links, [], text);
      assert.strictEqual(texts[1], text, `${text}: shows as written`);
    }
  });

  it('shows any text exactly as written, on one line, and links none of it', () => {
    const piece = fc.constantFrom('http', 'https', 'ftp', 'mailto', 'www', 'example', 'com', 'localhost', 'a', '1', ':', '/', '//', '.', '@', '-', '_', '\\', '<', '>', '[', ']', '(', ')', '*', '#', '=', '&amp;', ' ', '\t', '\n', '\r', '\u2028', '\u0085', 'é');
    const text = fc.array(piece, { minLength: 1, maxLength: 20 }).map((pieces) => pieces.join('').trim()).filter((joined) => onOneLine(joined).trim() !== '');
    fc.assert(
      fc.property(text, (definition) => {
        const { links, texts, blocks } = rendered(glossaryHoverMarkdown({ ...TEAM_ENTRY, definition }, []));
        assert.deepStrictEqual(links, []);
        assert.deepStrictEqual(blocks, ['paragraph', 'paragraph', 'paragraph']);
        assert.strictEqual(texts[1], onOneLine(definition).trim());
      }),
      { numRuns: 1000 },
    );
  });
});
