import * as assert from 'assert';
import { loadBuiltInGlossary } from '../../src/glossary/entries';
import { definitionAsPlainText, explanationLine, noteFilesPattern, searchForms, workspaceSearchPattern } from '../../src/glossary/termActions';
import type { GlossaryEntry } from '../../src/glossary/types';

function entry(term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return { term, variants: [], abbreviations: [], definition: `${term} defined.`, plain: `${term} explained.`, sections: [], origin: 'test', ...extra };
}

const builtIn = (term: string) => loadBuiltInGlossary().find((candidate) => candidate.term === term)!;

describe('term actions (the pure part)', () => {
  describe('Find in Workspace', () => {
    it('searches for every form of the term and their plurals, longest first', () => {
      const disc = entry('herniated disc', { variants: ['herniated disk', 'slipped disc'], abbreviations: ['HNP'] });
      assert.deepStrictEqual(searchForms(disc), ['herniated disc', 'herniated discs', 'herniated disk', 'herniated disks', 'slipped disc', 'slipped discs', 'HNP', 'HNPs']);
      assert.strictEqual(workspaceSearchPattern(entry('disc')), 'discs|disc');
      assert.strictEqual(workspaceSearchPattern(entry('spinal stenosis')), 'spinal\\s+stenosises|spinal\\s+stenosis');
    });

    it('escapes what a regular expression would read as syntax, and lets any hyphen stand for a hyphen', () => {
      const odd = entry('C-reactive protein (CRP)', { variants: ['a+b [x] $1 ^ | \\ ?', 'T1-weighted'] });
      const pattern = new RegExp(`^(?:${workspaceSearchPattern(odd)})$`, 'iu');
      for (const written of ['C-reactive protein (CRP)', 'C\u2011reactive protein (CRP)', 'c\u2013reactive  protein (crp)', 'a+b [x] $1 ^ | \\ ?', 'T1-weighted']) {
        assert.ok(pattern.test(written), written);
      }
      for (const near of ['Cxreactive protein (CRP)', 'C-reactive protein CRP', 'aab [x] $1 ^ | \\ ?', 'T1weighted']) assert.ok(!pattern.test(near), near);
    });

    it('finds the terms of every built-in entry in its own forms, as a Unicode regular expression', () => {
      for (const shipped of loadBuiltInGlossary()) {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${workspaceSearchPattern(shipped)})(?![\\p{L}\\p{N}])`, 'iu');
        assert.ok(pattern.test(`Seen today: ${shipped.term}.`), shipped.term);
        for (const abbreviation of shipped.abbreviations) assert.ok(pattern.test(`(${abbreviation})`), `${shipped.term}: ${abbreviation}`);
      }
    });

    it('includes the files of the note languages, as VS Code’s languages declare them', () => {
      const contributions = [
        { id: 'markdown', extensions: ['.md', '.markdown', '.md'], filenames: ['README'] },
        { id: 'plaintext', extensions: ['.txt'] },
        { id: 'markdown', extensions: ['.mdx', 'bad,one', '*.x', 7] },
        { id: 7, extensions: ['.no'] },
        { extensions: ['.no'] },
      ];
      assert.strictEqual(noteFilesPattern(['markdown'], contributions), '*.md, *.markdown, README, *.mdx');
      assert.strictEqual(noteFilesPattern(['plaintext', 'markdown'], contributions), '*.txt, *.md, *.markdown, README, *.mdx');
      assert.strictEqual(noteFilesPattern(['restructuredtext'], contributions), undefined);
      // Where no extension declares them (VS Code for the Web lists only its worker's), the usual ones.
      assert.strictEqual(noteFilesPattern(['markdown', 'plaintext', 'asciidoc'], []), '*.md, *.markdown, *.txt');
    });
  });

  describe('Copy Definition', () => {
    it('copies the term, definition, text for patients and references as plain text', () => {
      const nsaid = builtIn('nonsteroidal anti-inflammatory drug');
      const text = definitionAsPlainText(nsaid);
      const lines = text.split('\n');
      assert.strictEqual(lines[0], `nonsteroidal anti-inflammatory drug (${nsaid.abbreviations.join(', ')})`);
      assert.strictEqual(lines[1], nsaid.definition);
      assert.strictEqual(lines[2], `For patients: ${nsaid.plain}`);
      assert.strictEqual(lines[3], 'References:');
      assert.ok(nsaid.references && nsaid.references.length > 0);
      assert.deepStrictEqual(lines.slice(4), nsaid.references.map((reference) => `- ${reference}`));
      assert.ok(!/[*_`[\]]/.test(lines.slice(0, 3).join('')), 'no Markdown');
    });

    it('leaves out what an entry does not have, and puts each text on one line', () => {
      assert.strictEqual(definitionAsPlainText(entry('Craig test', { definition: 'One\n  two.', plain: 'Three.' })), 'Craig test\nOne two.\nFor patients: Three.');
    });
  });

  describe('Insert Patient Explanation from the Terms view', () => {
    it('goes below the occurrence nearest above the cursor, or the first', () => {
      assert.strictEqual(explanationLine([2, 8, 15], 10), 8);
      assert.strictEqual(explanationLine([2, 8, 15], 8), 8);
      assert.strictEqual(explanationLine([2, 8, 15], 0), 2);
      assert.strictEqual(explanationLine([2, 8, 15], 40), 15);
      assert.strictEqual(explanationLine([2, 8, 15], undefined), 2);
      assert.strictEqual(explanationLine([], 3), undefined);
    });
  });
});
