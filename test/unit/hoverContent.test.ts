import * as assert from 'assert';
import { escapeMarkdown, glossaryHoverMarkdown, plainExplanationBlock } from '../../src/glossary/hoverContent';
import { paragraphEndLine } from '../../src/markdown/regions';
import type { GlossaryEntry } from '../../src/glossary/types';

const ENTRY: GlossaryEntry = {
  term: 'spinal stenosis',
  variants: [],
  abbreviations: [],
  definition: 'Narrowing of the spinal canal.',
  plain: 'The tunnel in your spine is too narrow.',
  sections: ['spinal-stenosis'],
  origin: 'built-in',
};

describe('glossary hover content', () => {
  it('escapes Markdown, HTML and theme-icon syntax so text shows as written', () => {
    assert.strictEqual(escapeMarkdown('*a* [b](c) <img> `d` $(e) 1. f_g'), '\\*a\\* \\[b\\]\\(c\\) \\<img\\> \\`d\\` \\$\\(e\\) 1\\. f\\_g');
    assert.strictEqual(escapeMarkdown('line\n  break'), 'line break');
  });

  it('names a medicine as it was written, with its class after it', () => {
    const coxib: GlossaryEntry = { ...ENTRY, term: 'COX-2 inhibitor', variants: ['COX-2 inhibitors', 'celecoxib', 'Celebrex'], abbreviations: ['COX-2'], category: 'medicine', sections: [] };
    assert.match(glossaryHoverMarkdown(coxib, [], undefined, 'Celebrex'), /^\*\*Celebrex\*\* · \*COX\\-2 inhibitor\* \(COX\\-2\)\n\n/);
    // The class itself, its plural or its abbreviation: the class heading as for any term.
    for (const written of ['COX-2 inhibitor', 'cox-2 inhibitors', 'COX-2']) {
      assert.match(glossaryHoverMarkdown(coxib, [], undefined, written), /^\*\*COX\\-2 inhibitor\*\* \(COX\\-2\)\n\n/, written);
    }
    // Only medicines: another entry's variant keeps the term's heading.
    assert.match(glossaryHoverMarkdown({ ...ENTRY, variants: ['canal stenosis'], category: 'condition' }, [], undefined, 'canal stenosis'), /^\*\*spinal stenosis\*\*\n\n/);
  });

  it('gives the term, definition, plain language, guide links and the insert action', () => {
    const markdown = glossaryHoverMarkdown(ENTRY, [{ id: 'spinal-stenosis', title: 'Spinal Stenosis' }], { uri: 'untitled:Note-1', line: 3, term: 'spinal stenosis' });
    assert.strictEqual(
      markdown,
      '**spinal stenosis**\n\n' +
        'Narrowing of the spinal canal\\.\n\n' +
        '**For patients:** The tunnel in your spine is too narrow\\.\n\n' +
        'Guide: [Spinal Stenosis](command:iliopsoas.openSection?%5B%22spinal-stenosis%22%5D "Read in the Iliopsoas Guide")  \n' +
        '[Insert patient explanation](command:iliopsoas.insertPlainExplanation?%5B%7B%22uri%22%3A%22untitled%3ANote-1%22%2C%22line%22%3A3%2C%22term%22%3A%22spinal%20stenosis%22%7D%5D "Add the plain-language explanation below this paragraph")',
    );
  });

  it('names a team glossary entry’s file and its abbreviations', () => {
    const markdown = glossaryHoverMarkdown({ ...ENTRY, term: 'Thomas test', abbreviations: ['TT'], origin: '.vscode/iliopsoas-glossary.json' }, []);
    assert.ok(markdown.startsWith('**Thomas test** (TT) · *team glossary: \\.vscode/iliopsoas\\-glossary\\.json*\n\n'), markdown);
    assert.ok(!markdown.includes('Guide:') && !markdown.includes('Insert'), 'no links without sections or an insert target');
  });

  it('cannot be turned into live links or HTML by glossary text', () => {
    const markdown = glossaryHoverMarkdown({ ...ENTRY, definition: '[run](command:workbench.action.terminal.new) <script>x</script>' }, []);
    assert.ok(!markdown.includes('[run](command:'), markdown);
    assert.ok(!markdown.includes('<script>'), markdown);
  });

  it('writes the explanation as one quoted paragraph', () => {
    assert.strictEqual(plainExplanationBlock({ ...ENTRY, plain: 'Line one.\n  Line two.' }), '> **Spinal stenosis, in plain words:** Line one. Line two.');
  });

  it('finds the end of the paragraph, list or heading a line belongs to', () => {
    const lines = ['# Title', 'First line', 'second line', '', '- item', '- item two', '## Next', 'text'];
    assert.strictEqual(paragraphEndLine(lines, 0), 0);
    assert.strictEqual(paragraphEndLine(lines, 1), 2);
    assert.strictEqual(paragraphEndLine(lines, 2), 2);
    assert.strictEqual(paragraphEndLine(lines, 4), 5);
    assert.strictEqual(paragraphEndLine(lines, 7), 7);
  });
});
