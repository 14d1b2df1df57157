import * as assert from 'assert';
import { buildSearchIndex } from '../../src/guide/search';
import { guideOutline } from './guideFixture';

describe('guide search', () => {
  const index = buildSearchIndex(guideOutline());
  const titles = (query: string) => index.find(query).map((match) => match.section.title);

  it('lists every section for an empty query', () => {
    assert.strictEqual(index.find('').length, guideOutline().sections.length);
    assert.strictEqual(index.find('  ').length, guideOutline().sections.length);
  });

  it('finds sections by words in their body, not only their titles', () => {
    const found = titles('microscopic tears');
    assert.deepStrictEqual(found, ['Muscle Strain or Overuse']);
    const [match] = index.find('microscopic tears');
    assert.match(match.snippet!, /microscopic tears in the muscle fibers/);
  });

  it('ranks title matches first and keeps the guide order otherwise', () => {
    const found = titles('stenosis');
    assert.strictEqual(found[0], 'Spinal Stenosis');
    assert.ok(found.includes('2. Causes of Iliopsoas Back Pain'));
    assert.ok(found.includes('Surgery'));
  });

  it('needs every word, matched at word starts, case-insensitively', () => {
    assert.deepStrictEqual(titles('LAMINECTOMY foraminotomy'), ['Surgery']);
    assert.deepStrictEqual(titles('laminectomy gout'), []);
    assert.ok(titles('sten').includes('Spinal Stenosis'));
    assert.ok(!titles('ine').includes('Injections'), 'matched inside a word');
  });

  it('treats punctuation in the query as a separator, never as a pattern', () => {
    assert.deepStrictEqual(titles('(disc'), titles('disc'));
    assert.doesNotThrow(() => index.find('[*+?'));
  });
});
