import * as assert from 'assert';
import fc from 'fast-check';
import { parseGlossaryFile } from '../../src/glossary/entries';
import { exemptTerms, readingGrade } from '../../src/readability/grade';
import { withoutInvisibles } from '../../src/util/messageText';
import { addToTeamFile, entryProblems, existingTeamEntry, newTeamFileText, plainTextGrade, termFromSelection, type NewTeamEntry } from '../../src/glossary/teamGlossaryEdit';

const LABEL = '.vscode/iliopsoas-glossary.json';
const CRAIG: NewTeamEntry = {
  term: 'Craig test',
  category: 'examination',
  definition: 'A clinical estimate of femoral anteversion, read prone with the knee bent.',
  plain: 'The Craig test checks the angle of your thigh bone.',
};

/** The file's entries as the glossary reads them. */
function readBack(text: string) {
  const { entries, problems } = parseGlossaryFile(text, LABEL);
  assert.deepStrictEqual(problems, []);
  return entries.map(({ term, definition, plain, category }) => ({ term, definition, plain, ...(category ? { category } : {}) }));
}

function written(change: ReturnType<typeof addToTeamFile>): string {
  assert.strictEqual(change.kind, 'write', JSON.stringify(change));
  return (change as { text: string }).text;
}

const EXISTING = `{
  "$schema": "./schema.json",
  "entries": [
    { "term": "sacroiliac joint", "variants": ["SI joint"], "definition": "The joint between the sacrum and the ilium.", "plain": "Where your spine meets your pelvis." },
    {
      "term": "bird dog",
      "definition": "A core exercise on hands and knees.",
      "plain": "An exercise on hands and knees."
    }
  ]
}
`;

describe('Add to Team Glossary (the pure part)', () => {
  describe('the term of a selection', () => {
    it('is the words selected, on one line, without the punctuation around them', () => {
      assert.deepStrictEqual(termFromSelection('Craig test,'), { term: 'Craig test' });
      assert.deepStrictEqual(termFromSelection('  “Ober\n  test”. '), { term: 'Ober test' });
      assert.deepStrictEqual(termFromSelection('Thessaly\u200b test'), { term: 'Thessaly test' });
    });

    it('is refused, with the reason, when it is nothing, a paragraph, or more than a term', () => {
      for (const selected of ['', '  ', '—', 'a\n\nb', 'x', 'one two three four five six seven eight nine ten eleven twelve thirteen']) {
        const read = termFromSelection(selected);
        assert.ok('problem' in read, `${JSON.stringify(selected)} gave ${JSON.stringify(read)}`);
        assert.ok(!/entries\[0\]|entry:/.test(read.problem), read.problem);
      }
      assert.match((termFromSelection('x') as { problem: string }).problem, /^The term is a single letter: it would mark every "x"$/);
    });
  });

  describe('the entry', () => {
    it('has no problem when complete, and says what is wrong otherwise, by the team file rules', () => {
      assert.deepStrictEqual(entryProblems(CRAIG), []);
      assert.deepStrictEqual(entryProblems({ ...CRAIG, definition: 'x'.repeat(2001) }), ['The definition is too long: at most 2,000 characters']);
      assert.deepStrictEqual(entryProblems({ ...CRAIG, plain: ' ' }), ['The text for patients must be a non-empty string, not an empty string']);
    });
  });

  describe('the plain text’s grade, as it is typed', () => {
    it('is the project’s one rule, with the entry’s own term not counted', () => {
      const plain = 'Spondylolisthesis means one bone in your back has slipped forward. It can press on nerves.';
      const grade = plainTextGrade(plain, 'spondylolisthesis');
      assert.strictEqual(grade.grade, readingGrade(exemptTerms(plain, ['spondylolisthesis'])));
      assert.ok(grade.grade < readingGrade(plain), 'the term itself is not counted');
      assert.ok(!grade.aboveTarget);
      assert.match(grade.message, /^Reading grade \d+(\.\d)? \(Flesch–Kincaid [\d.]+, SMOG [\d.]+; “spondylolisthesis” not counted\)\.$/);
    });

    it('warns above grade 6, without refusing', () => {
      const grade = plainTextGrade('Degenerative intervertebral osteochondrosis precipitates neuroforaminal compromise.', 'Craig test');
      assert.ok(grade.aboveTarget && grade.grade > 6);
      assert.match(grade.message, /above grade 6\. .*you can still add it\.$/);
    });
  });

  describe('the change to the team file', () => {
    it('creates a new file holding the entry', () => {
      const text = written(addToTeamFile(undefined, CRAIG, { label: LABEL, replace: false }));
      assert.strictEqual(text, newTeamFileText(CRAIG));
      assert.deepStrictEqual(readBack(text), [CRAIG]);
      assert.ok(text.endsWith('}\n'));
    });

    it('appends to an existing file, leaving every other line as it was', () => {
      const text = written(addToTeamFile(EXISTING, CRAIG, { label: LABEL, replace: false }));
      assert.deepStrictEqual(readBack(text).map((entry) => entry.term), ['sacroiliac joint', 'bird dog', 'Craig test']);
      const before = EXISTING.split('\n');
      const after = text.split('\n');
      // The lines up to the last entry's closing brace, and the closing lines, unchanged.
      assert.deepStrictEqual(after.slice(0, 9), [...before.slice(0, 8), '    },']);
      assert.deepStrictEqual(after.slice(-3), before.slice(-3));
      // The new entry in the file's own indentation.
      assert.deepStrictEqual(after.slice(9, -3), ['    {', '      "term": "Craig test",', '      "category": "examination",', `      "definition": "${CRAIG.definition}",`, `      "plain": "${CRAIG.plain}"`, '    }']);
    });

    it('keeps the file’s tabs, CRLF line breaks and byte-order mark', () => {
      const tabbed = '\uFEFF{\r\n\t"entries": [\r\n\t\t{"term": "bird dog", "definition": "d", "plain": "p"}\r\n\t]\r\n}\r\n';
      const text = written(addToTeamFile(tabbed, CRAIG, { label: LABEL, replace: false }));
      assert.ok(text.startsWith('\uFEFF{\r\n\t"entries": [\r\n\t\t{"term": "bird dog", "definition": "d", "plain": "p"},\r\n\t\t{\r\n\t\t\t"term": "Craig test",'), JSON.stringify(text));
      assert.ok(!/[^\r]\n/.test(text), 'a bare line feed');
      assert.deepStrictEqual(readBack(text).map((entry) => entry.term), ['bird dog', 'Craig test']);
    });

    it('adds the entries array to a file without one, and fills an empty one', () => {
      assert.deepStrictEqual(readBack(written(addToTeamFile('{ "$schema": "x" }\n', CRAIG, { label: LABEL, replace: false }))), [CRAIG]);
      assert.deepStrictEqual(readBack(written(addToTeamFile('{\n  "entries": []\n}\n', CRAIG, { label: LABEL, replace: false }))), [CRAIG]);
      assert.deepStrictEqual(readBack(written(addToTeamFile('  \n', CRAIG, { label: LABEL, replace: false }))), [CRAIG]);
    });

    it('asks before replacing an entry with the same term, ignoring case, and replaces it in its place when told', () => {
      const again = { ...CRAIG, term: 'BIRD DOG', definition: 'A new definition.' };
      assert.deepStrictEqual(addToTeamFile(EXISTING, again, { label: LABEL, replace: false }), { kind: 'exists', term: 'bird dog' });
      const change = addToTeamFile(EXISTING, again, { label: LABEL, replace: true });
      assert.strictEqual(change.kind === 'write' && change.replaced, true);
      const entries = readBack(written(change));
      assert.deepStrictEqual(entries.map((entry) => [entry.term, entry.definition]), [
        ['sacroiliac joint', 'The joint between the sacrum and the ilium.'],
        ['BIRD DOG', 'A new definition.'],
      ]);
      // The first line, the entry above and the end stay as written.
      assert.ok(written(change).startsWith(EXISTING.split('\n').slice(0, 4).join('\n')));
    });

    it('finds the file’s entry for a term, to start the boxes from it', () => {
      assert.deepStrictEqual(existingTeamEntry(EXISTING, 'Bird Dog'), { term: 'bird dog', definition: 'A core exercise on hands and knees.', plain: 'An exercise on hands and knees.', category: undefined });
      assert.strictEqual(existingTeamEntry(EXISTING, 'Craig test'), undefined);
      assert.strictEqual(existingTeamEntry('{', 'Craig test'), undefined);
    });

    it('writes nothing into a file that is not valid JSON (comments included) or not a glossary, and says why', () => {
      const cases: [string, RegExp][] = [
        ['{\n  "entries": [\n    { "term": "x", }\n  ]\n}', /not valid JSON: unexpected "}" at line 3, column 20.*Nothing was added: correct the file first\.$/],
        ['{\n  // our terms\n  "entries": []\n}', /not valid JSON: unexpected "\/" at line 2, column 3/],
        ['[]', /does not hold a JSON object with an "entries" array\. Nothing was added\.$/],
        ['{"entries": {}}', /"entries" is not an array\. Nothing was added\.$/],
        ['{"entries": [], "entries": []}', /has "entries" twice\. Nothing was added: keep one\.$/],
      ];
      for (const [text, message] of cases) {
        const change = addToTeamFile(text, CRAIG, { label: LABEL, replace: false });
        assert.strictEqual(change.kind, 'unreadable', text);
        assert.match((change as { message: string }).message, message);
      }
    });

    it('gives a file the glossary reads with the new entry in it and every entry it had, whatever the texts', () => {
      const text = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== '');
      fc.assert(
        fc.property(text, text, fc.boolean(), (definition, plain, empty) => {
          const entry = { term: 'Craig test', definition, plain };
          if (entryProblems(entry).length > 0) return;
          const before = empty ? '{"entries": []}' : EXISTING;
          const after = written(addToTeamFile(before, entry, { label: LABEL, replace: false }));
          const entries = readBack(after);
          assert.deepStrictEqual(entries.map((read) => read.term), [...(empty ? [] : ['sacroiliac joint', 'bird dog']), 'Craig test']);
          assert.strictEqual(entries[entries.length - 1].definition, withoutInvisibles(definition).normalize('NFC').replace(/\s+/g, ' ').trim());
        }),
        { numRuns: 300 },
      );
    });
  });
});
