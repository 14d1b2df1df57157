import * as assert from 'assert';
import { parseGlossaryFile } from '../../src/glossary/entries';
import { at, entry, FILE, problemsOf, teamFile } from './teamGlossaryFiles';

const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/;

describe('team glossary forms and keys', () => {
  describe('written forms', () => {
    it('skips an entry whose term is only punctuation, symbols or invisible characters, or shows more than it matches', () => {
      const text = teamFile(entry('c++'), entry('(a)'), entry('!!!'), entry('\u200b\u200b'), entry('🦴'), entry('stage 1)'), entry('x'), entry('7'));
      assert.deepStrictEqual(parseGlossaryFile(text, FILE).entries, []);
      assert.deepStrictEqual(
        problemsOf(text).map(([message, place]) => [message, place]),
        [
          ['entries[0] ("c++"): "term" ends with "+", which notes are not matched on: it would mark every "c"; the entry is skipped', '"term":"c++"'],
          ['entries[1] ("(a)"): "term" starts with "(", which notes are not matched on: it would mark every "a"; the entry is skipped', '"term":"(a)"'],
          ['entries[2] ("!!!"): "term" has no letter or digit; the entry is skipped', '"term":"!!!"'],
          ['entries[3]: "term" has no letter or digit; the entry is skipped', '"term":"\u200b\u200b"'],
          ['entries[4] ("🦴"): "term" has no letter or digit; the entry is skipped', '"term":"🦴"'],
          ['entries[5] ("stage 1)"): "term" ends with ")", which notes are not matched on: it would mark every "stage 1"; the entry is skipped', '"term":"stage 1)"'],
          ['entries[6] ("x"): "term" is a single letter: it would mark every "x"; the entry is skipped', '"term":"x"'],
          ['entries[7] ("7"): "term" is a single digit: it would mark every "7"; the entry is skipped', '"term":"7"'],
        ],
      );
    });

    it('drops such a variant or abbreviation, at the item, and keeps the entry', () => {
      const text = teamFile(entry('dead bug', { variants: ['c++', '\u200b', 'dead bugs', '🐞', 'd'], abbreviations: ['C++', 'DB', 'D', '(DB)'] }));
      const { entries } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual([entries[0].variants, entries[0].abbreviations], [['dead bugs'], ['DB']]);
      assert.deepStrictEqual(problemsOf(text), [
        ['entries[0] ("dead bug"): variant "c++" ends with "+", which notes are not matched on, and is ignored: it would mark every "c"', '"c++"'],
        ['entries[0] ("dead bug"): variants[1] has no letter or digit and is ignored', '"\u200b"'],
        ['entries[0] ("dead bug"): variant "🐞" has no letter or digit and is ignored', '"🐞"'],
        ['entries[0] ("dead bug"): variant "d" is a single letter and is ignored: it would mark every "d"', '"d"'],
        ['entries[0] ("dead bug"): abbreviation "C++" ends with "+", which notes are not matched on, and is ignored: it would mark every "C"', '"C++"'],
        ['entries[0] ("dead bug"): abbreviation "D" is a single letter and is ignored: it would mark every "D"', '"D"'],
        ['entries[0] ("dead bug"): abbreviation "(DB)" starts with "(", which notes are not matched on, and is ignored: it would mark every "DB"', '"(DB)"'],
      ]);
    });

    it('keeps forms with punctuation between their words, and a final full stop', () => {
      const text = teamFile(
        entry("Crohn's disease", { variants: ['L4/L5 disc', 'vitamin B12', 'Guillain–Barré syndrome', 'St. John’s wort'], abbreviations: ['Dr.', 'T4', 'COVID-19', 'Na/K'] }),
      );
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(entries[0].variants, ['L4/L5 disc', 'vitamin B12', 'Guillain–Barré syndrome', 'St. John’s wort']);
      assert.deepStrictEqual(entries[0].abbreviations, ['Dr.', 'T4', 'COVID-19', 'Na/K']);
    });

    it('writes terms and texts in NFC, without bidirectional controls or zero-width characters in forms', () => {
      const text = teamFile(
        entry('cafe\u0301 au lait spots', { variants: ['\u202epsoas\u202c major', 'psoas\u200b minor'], abbreviations: ['N\u200dSAID', '\u2066CALS\u2069'], definition: 'Cafe\u0301 spots.', plain: 'Brown spots, like cafe\u0301 au lait.' }),
      );
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(
        { ...entries[0], origin: undefined, sections: undefined },
        { term: 'caf\u00e9 au lait spots', variants: ['psoas major', 'psoas minor'], abbreviations: ['NSAID', 'CALS'], definition: 'Caf\u00e9 spots.', plain: 'Brown spots, like caf\u00e9 au lait.', origin: undefined, sections: undefined },
      );
    });

    it('quotes no bidirectional control or zero-width character of the file in a message', () => {
      const text = teamFile(entry('\u202ec++\u202c', { variants: ['a\u200b+'] }), entry('dead bug', { ['col\u202eour']: 1, abbreviations: ['d\u2066b'] }));
      const messages = parseGlossaryFile(text, FILE).problems.map((problem) => problem.message.slice(FILE.length + 2));
      for (const message of messages) assert.doesNotMatch(message, INVISIBLE, JSON.stringify(message));
      assert.deepStrictEqual(messages, [
        'entries[0] ("c++"): variant "a+" ends with "+", which notes are not matched on, and is ignored: it would mark every "a"',
        'entries[0] ("c++"): "term" ends with "+", which notes are not matched on: it would mark every "c"; the entry is skipped',
        'entries[1] ("dead bug"): unknown property "colour" (ignored); an entry has "term", "variants", "abbreviations", "category", "definition", "plain", "sections", "references", "notIn"',
        'entries[1] ("dead bug"): abbreviation "db" has no capital letter and is ignored; it would match ordinary words',
      ]);
    });
  });

  describe('repeated keys', () => {
    it('warns of a property given twice in an entry, at the repeat; the last one is used', () => {
      const text = '{"entries": [\n  {"term": "dead bug", "definition": "First.", "plain": "A core move.", "definition": "Second."}\n]}';
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.strictEqual(entries[0].definition, 'Second.');
      assert.deepStrictEqual(
        problems.map((problem) => [problem.message, problem.entryIndex, at(text, problem), problem.offset]),
        [[`${FILE}: entries[0] ("dead bug"): "definition" appears twice; the last one is used`, 0, '"definition": "Second."', text.lastIndexOf('"definition"')]],
      );
    });

    it('warns of a top-level key given twice, and places the problems of the entries read in the last one', () => {
      const text = '{\n  "entries": [{"term": "gout", "definition": "d", "plain": "p"}],\n  "references": {"a": "A", "a": "B"},\n  "entries": [{"term": "bird dog", "definition": "d", "plain": "p", "colour": 1}]\n}';
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual(entries.map((e) => e.term), ['bird dog']);
      assert.deepStrictEqual(
        problems.map((problem) => [problem.message.slice(FILE.length + 2), at(text, problem)]),
        [
          ['"entries" appears twice; the last one is used', text.slice(text.lastIndexOf('"entries"'), text.lastIndexOf(']') + 1)],
          ['references["a"] appears twice; the last one is used', '"a": "B"'],
          ['entries[0] ("bird dog"): unknown property "colour" (ignored); an entry has "term", "variants", "abbreviations", "category", "definition", "plain", "sections", "references", "notIn"', '"colour": 1'],
        ],
      );
    });
  });
});
