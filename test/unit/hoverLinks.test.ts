import * as assert from 'assert';
import fc from 'fast-check';
import type MarkdownIt = require('markdown-it');
import { glossaryHoverMarkdown, type InsertExplanationArgs } from '../../src/glossary/hoverContent';
import type { GlossaryEntry } from '../../src/glossary/types';
import { commandUri, INSERT_PLAIN_EXPLANATION_COMMAND, OPEN_SECTION_COMMAND } from '../../src/ids';

// The hover's Markdown as VS Code shows it, approximately: links of any scheme (the hover trusts
// our commands) and bare URLs made links (VS Code's hover Markdown linkifies).
const createMarkdownIt = require('markdown-it') as typeof MarkdownIt;
const hoverMarkdown = createMarkdownIt({ html: false, linkify: true });
hoverMarkdown.validateLink = () => true;

/** Every link of the rendered Markdown: its target as markdown-it passes it on, and its text. */
function links(markdown: string): { href: string; text: string }[] {
  const found: { href: string; text: string }[] = [];
  for (const block of hoverMarkdown.parse(markdown, {})) {
    const children = block.children ?? [];
    children.forEach((token, i) => {
      if (token.type !== 'link_open') return;
      let text = '';
      for (let j = i + 1; j < children.length && children[j].type !== 'link_close'; j++) text += children[j].content;
      found.push({ href: String(token.attrGet('href') ?? ''), text });
    });
  }
  return found;
}

/** The arguments of a `command:` link, as VS Code reads them: the query, percent-decoded, as JSON. */
function commandArgs(href: string, command: string): unknown {
  const prefix = `command:${command}?`;
  assert.ok(href.startsWith(prefix), href);
  return JSON.parse(decodeURIComponent(href.slice(prefix.length)));
}

const ENTRY: GlossaryEntry = {
  term: 'stage 1)',
  variants: [],
  abbreviations: [],
  definition: 'A stage.',
  plain: 'A step.',
  sections: ['spinal-stenosis'],
  origin: '.vscode/iliopsoas-glossary.json',
};

function insertLink(term: string, uri = 'file:///home/clinic/notes/today.md'): { args: InsertExplanationArgs; all: { href: string; text: string }[] } {
  const args: InsertExplanationArgs = { uri, line: 7, term };
  return { args, all: links(glossaryHoverMarkdown({ ...ENTRY, term }, [{ id: 'spinal-stenosis', title: 'Spinal Stenosis' }], args)) };
}

describe('hover command links', () => {
  it('carry a term with brackets or quotes whole to the insert command', () => {
    for (const term of ['stage 1)', '(a', 'x)](command:evil)', "it's (not) *a* !test!", 'a "quoted" term', 'back\\slash']) {
      const { args, all } = insertLink(term);
      const insert = all.filter((link) => link.text === 'Insert patient explanation');
      assert.strictEqual(insert.length, 1, `${term}: ${JSON.stringify(all)}`);
      assert.deepStrictEqual(commandArgs(insert[0].href, INSERT_PLAIN_EXPLANATION_COMMAND), [args], term);
      assert.deepStrictEqual(
        all.map((link) => link.href.replace(/\?.*/, '')),
        [`command:${OPEN_SECTION_COMMAND}`, `command:${INSERT_PLAIN_EXPLANATION_COMMAND}`],
        `${term}: no other link`,
      );
    }
  });

  it('carry a note URI with brackets whole', () => {
    const { args, all } = insertLink('gout', 'file:///home/clinic/notes%20(old)/visit (2).md');
    const insert = all.find((link) => link.text === 'Insert patient explanation');
    assert.deepStrictEqual(commandArgs(insert?.href ?? '', INSERT_PLAIN_EXPLANATION_COMMAND), [args]);
  });

  it('carry any term whole, and make no other link', () => {
    const text = fc.string({ unit: fc.constantFrom('(', ')', '[', ']', '!', "'", '*', '"', '\\', '<', '>', ' ', 'a', '1', ':', '/', '%', '&', '?', '#', 'é') });
    fc.assert(
      fc.property(text, (term) => {
        const { args, all } = insertLink(term);
        const insert = all.filter((link) => link.text === 'Insert patient explanation');
        assert.strictEqual(insert.length, 1, JSON.stringify(all));
        assert.deepStrictEqual(commandArgs(insert[0].href, INSERT_PLAIN_EXPLANATION_COMMAND), [args]);
        assert.strictEqual(all.length, 2, JSON.stringify(all));
      }),
      { numRuns: 500 },
    );
  });

  it('leave none of the characters that end a Markdown link destination unencoded', () => {
    const uri = commandUri(OPEN_SECTION_COMMAND, "()'!*[]<> ");
    assert.match(uri, /^command:iliopsoas\.openSection\?[A-Za-z0-9%._~-]*$/);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), ["()'!*[]<> "]);
  });
});
