import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseGlossaryFile } from '../../src/glossary/entries';
import { compileGlossary } from '../../src/glossary/matcher';
import { at, entry, FILE, problemsOf, teamFile } from './teamGlossaryFiles';

// Compiled to out/test/unit/, three levels below the repository root.
const BUILT_IN_FILE = path.resolve(__dirname, '../../../src/glossary/glossary.json');

describe('team glossary limits', () => {
  describe('the built-in glossary', () => {
    it('still validates without a single problem', () => {
      assert.deepStrictEqual(parseGlossaryFile(fs.readFileSync(BUILT_IN_FILE, 'utf8'), 'glossary.json').problems, []);
    });
  });

  describe('lengths', () => {
    it('skips an entry whose term has more than 12 words or 100 characters, at the term', () => {
      const huge = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
      const thirteen = 'one two three four five six seven eight nine ten eleven twelve thirteen';
      const twelve = 'one two three four five six seven eight nine ten eleven twelve';
      const long = 'a'.repeat(101);
      const text = teamFile(entry(huge), entry(thirteen), entry(twelve), entry(long), entry('b'.repeat(100)));
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual(entries.map((e) => e.term), [twelve, 'b'.repeat(100)]);
      assert.deepStrictEqual(
        problems.map((problem) => [problem.entryIndex, at(text, problem).slice(0, 14)]),
        [[0, '"term":"word0 '], [1, '"term":"one tw'], [3, '"term":"aaaaaa']],
      );
      assert.match(problems[1].message, /^\.vscode\/iliopsoas-glossary\.json: entries\[1\] \("one two three four five six seven eight nine ten eleven twelve thirteen"\): "term" is too long: at most 12 words and 100 characters; the entry is skipped$/);
      assert.ok(problems[0].message.length < 300, `the message quotes the term shortened: ${problems[0].message}`);
      assert.match(problems[0].message, /: "term" is too long: at most 12 words and 100 characters; the entry is skipped$/);
    });

    it('drops a variant or an abbreviation that is too long, at the item', () => {
      const words = Array.from({ length: 13 }, (_, i) => `w${i}`).join(' ');
      const text = teamFile(entry('dead bug', { variants: ['dead bugs', words], abbreviations: ['DB', 'D'.repeat(101)] }));
      const { entries } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual([entries[0].variants, entries[0].abbreviations], [['dead bugs'], ['DB']]);
      assert.deepStrictEqual(problemsOf(text), [
        [`entries[0] ("dead bug"): variant "${words}" is too long (at most 12 words and 100 characters) and is ignored`, JSON.stringify(words)],
        [`entries[0] ("dead bug"): abbreviation "${'D'.repeat(80)}…" is too long (at most 12 words and 100 characters) and is ignored`, JSON.stringify('D'.repeat(101))],
      ]);
    });

    it('skips an entry whose definition or plain text is longer than 2,000 characters, at that text', () => {
      const long = 'x'.repeat(2001);
      const text = teamFile(entry('dead bug', { definition: long }), entry('bird dog', { plain: long }), entry('side plank', { plain: long.slice(0, 2000) }));
      assert.deepStrictEqual(parseGlossaryFile(text, FILE).entries.map((e) => e.term), ['side plank']);
      assert.deepStrictEqual(
        problemsOf(text).map(([message, place]) => [message, place.slice(0, 14)]),
        [
          ['entries[0] ("dead bug"): "definition" is too long: at most 2,000 characters; the entry is skipped', '"definition":"'],
          ['entries[1] ("bird dog"): "plain" is too long: at most 2,000 characters; the entry is skipped', '"plain":"xxxxx'],
        ],
      );
    });

    it('keeps scanning a note cheap: a long term never reaches the matcher', () => {
      const huge = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
      const { entries } = parseGlossaryFile(teamFile(entry(huge, { variants: [huge] }), entry('dead bug', { variants: [huge] })), FILE);
      assert.deepStrictEqual(entries.map((e) => [e.term, e.variants]), [['dead bug', []]]);
      assert.deepStrictEqual(compileGlossary(entries).countTerms(`${huge} dead bug`).map((count) => count.entry.term), ['dead bug']);
    });
  });
});
