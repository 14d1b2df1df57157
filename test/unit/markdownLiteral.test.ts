import * as assert from 'assert';
import fc from 'fast-check';
import type MarkdownIt = require('markdown-it');
import { markdownLiteral } from '../../src/markdown/literal';
import { markdownIt } from '../../src/markdown/engine';

// VS Code's Markdown preview renders raw HTML and turns URLs into links; this renderer does that
// and more (links without a scheme, e-mail addresses without mailto:), as the strictest judge.
const createMarkdownIt = require('markdown-it') as typeof MarkdownIt;
const linkifying = createMarkdownIt({ html: true, linkify: true });
linkifying.linkify.set({ fuzzyLink: true, fuzzyEmail: true });

/** What a paragraph with the text in the middle of its line renders as. */
function rendered(md: MarkdownIt.MarkdownIt, text: string): string {
  return md.render(`Call ${markdownLiteral(text)} now.`);
}

const expected = (text: string) => `<p>Call ${linkifying.utils.escapeHtml(text)} now.</p>\n`;

describe('markdownLiteral', () => {
  const cases = [
    'Riverside Physio & Sports',
    '555-0100 ext. 2',
    '(555) 010-0199',
    '+44 20 7946 0958',
    '*urgent* _line_ `code` ~~gone~~',
    '[call us](command:workbench.action.terminal.new)',
    '<script>alert(1)</script> <b>bold</b> <https://x.org>',
    'https://evil.example/phish',
    'www.example.com',
    'example.org/help',
    'help@clinic.org',
    'mailto:help@clinic.org',
    '&copy; &#169; &#xA9; AT&T',
    '$x^2$ costs $5',
    'back\\slash \\* and | pipe',
    'St. Mary’s, 555.010.0100',
    'Ünïcödé Klinik · 診療所',
  ];
  for (const text of cases) {
    it(`${JSON.stringify(text)} reads as itself, with no link, tag or emphasis`, () => {
      assert.strictEqual(rendered(linkifying, text), expected(text));
      assert.strictEqual(rendered(markdownIt(), text), expected(text));
    });
  }

  it('leaves plain names and phone numbers as they are', () => {
    for (const text of ['Riverside Physio', '555-0100', '+1 (555) 010-0100', 'St. Mary Clinic', '555.010.0100']) assert.strictEqual(markdownLiteral(text), text);
  });

  it('reads as itself for any one-line text, in the preview and in the export', () => {
    const punctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
    const unit = fc.oneof(fc.constantFrom(...punctuation), fc.constantFrom('a', 'Z', 'w', 'é', '1', '0', ' ', 'www.', 'http://', '.com', '&amp;', '&#65;', '@x.org'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (raw) => {
        const text = raw.trim();
        assert.strictEqual(rendered(linkifying, text), text === '' ? '<p>Call  now.</p>\n' : expected(text));
        assert.strictEqual(rendered(markdownIt(), text), text === '' ? '<p>Call  now.</p>\n' : expected(text));
      }),
      { numRuns: 500 },
    );
  });
});
