import * as assert from 'assert';
import { glossaryCategories, loadBuiltInGlossary, parseGlossaryFile } from '../../src/glossary/entries';

const FILE = '.vscode/iliopsoas-glossary.json';
const entry = (fields: Record<string, unknown>) => ({ term: 'pelvis', definition: 'The bony ring between the spine and the legs.', plain: 'The pelvis is the ring of bone at your hips.', ...fields });
const parse = (...entries: Record<string, unknown>[]) => parseGlossaryFile(JSON.stringify({ entries }, null, 2), FILE);

describe('glossary categories and notIn phrases', () => {
  it('reads a category and the phrases an entry does not apply in', () => {
    const { entries, problems } = parse(entry({ category: 'anatomy', notIn: ['renal pelvis', 'Renal pelvises'] }));
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(entries[0].category, 'anatomy');
    assert.deepStrictEqual(entries[0].notIn, ['renal pelvis', 'Renal pelvises']);
  });

  it('ignores an unknown category, with a problem at it that lists the known ones', () => {
    const text = JSON.stringify({ entries: [entry({ category: 'bones' })] }, null, 2);
    const { entries, problems } = parseGlossaryFile(text, FILE);
    assert.strictEqual(entries[0].category, undefined);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /"category" must be one of "anatomy", .*"exercise", not "bones"; it is ignored/);
    assert.strictEqual(text.slice(problems[0].offset, problems[0].offset! + problems[0].length!), '"category": "bones"');
  });

  it('drops a notIn phrase that holds none of the entry’s forms, and one that cannot be matched', () => {
    const { entries, problems } = parse(entry({ variants: ['pelvic girdle'], notIn: ['kidney stone', 'false pelvic girdle', '!!!', 'hyperpelvis'] }));
    assert.deepStrictEqual(entries[0].notIn, ['false pelvic girdle']);
    assert.deepStrictEqual(
      problems.map((problem) => problem.message.replace(/^.*?\("pelvis"\): /, '')),
      [
        'phrase "!!!" has no letter or digit and is ignored',
        'notIn phrase "kidney stone" does not contain the term or one of its variants, so it would silence nothing; it is ignored',
        'notIn phrase "hyperpelvis" does not contain the term or one of its variants, so it would silence nothing; it is ignored',
      ],
    );
  });

  it('gives every built-in entry a known category', () => {
    const missing = loadBuiltInGlossary().filter((builtIn) => !builtIn.category || !glossaryCategories().includes(builtIn.category));
    assert.deepStrictEqual(missing.map((builtIn) => builtIn.term), []);
  });
});
