import * as assert from 'assert';
import { compileGlossary } from '../../src/glossary/matcher';
import { spinalLevelEntries } from '../../src/glossary/spinalLevels';
import { exemptTerms, readingGrade } from '../../src/readability/grade';

const levels = compileGlossary([...spinalLevelEntries()]);
const found = (text: string) => levels.scan(text).map((match) => [match.text, match.entry.term]);

describe('spinal level notation', () => {
  it('reads every common spelling of a lumbar level as that level', () => {
    assert.deepStrictEqual(found('MRI: L4-5 protrusion, L4-L5 stenosis, L4/5 and L4/L5 facets, L4–L5 (en dash), l4-5 lower case.'), [
      ['L4-5', 'L4-L5'],
      ['L4-L5', 'L4-L5'],
      ['L4/5', 'L4-L5'],
      ['L4/L5', 'L4-L5'],
      ['L4–L5', 'L4-L5'],
      ['l4-5', 'L4-L5'],
    ]);
    assert.deepStrictEqual(found('Mild bulge at L5-S1 and L5/S1; fusion L4 to S1.'), [
      ['L5-S1', 'L5-S1'],
      ['L5/S1', 'L5-S1'],
      ['L4', 'L4'],
      ['S1', 'S1'],
    ]);
  });

  it('says which root a disc herniation at the level usually affects, and that root’s ISNCSCI key muscle, sensory point and reflex', () => {
    const [l4l5] = spinalLevelEntries().filter((entry) => entry.term === 'L4-L5');
    assert.match(l4l5.definition, /traversing L5 root; a foraminal or far-lateral one, the exiting L4 root/);
    assert.match(l4l5.definition, /long toe extensors \(extensor hallucis longus\); key sensory point the dorsum of the foot/);
    const [l5s1] = spinalLevelEntries().filter((entry) => entry.term === 'L5-S1');
    assert.match(l5s1.definition, /traversing S1 root.*ankle plantar flexors.*lateral heel.*Achilles reflex/);
    assert.match(l5s1.plain, /If the disc here herniates \(pushes out\), it most often presses on the S1 nerve\. That nerve helps you push your foot down/);
    // A bulge seldom presses on a nerve (the disc bulge entry says so): the level says herniates.
    assert.ok(spinalLevelEntries().every((entry) => !/bulges/.test(entry.plain)));
  });

  it('explains nerve roots and their territories', () => {
    assert.deepStrictEqual(found('Left L5 radiculopathy; the S1 nerve root is compressed; numbness in the L5 dermatome; S2 root.'), [
      ['L5', 'L5'],
      ['S1 nerve root', 'S1 nerve root'],
      ['L5 dermatome', 'L5 nerve root'],
      ['S2 root', 'S2 nerve root'],
    ]);
  });

  it('gives cervical and thoracic levels a short entry: which vertebrae', () => {
    assert.deepStrictEqual(found('C5-6 disc osteophyte complex; T12-L1 junction; C7 spinous process.'), [
      ['C5-6', 'C5-C6'],
      ['T12-L1', 'T12-L1'],
      ['C7', 'C7'],
    ]);
    const [c56] = spinalLevelEntries().filter((entry) => entry.term === 'C5-C6');
    assert.strictEqual(c56.plain, 'C5-C6 is the level between the 5th and 6th bones of your neck.');
  });

  it('stays silent on labels that mean something else in notes: MRI sequences, thyroid hormones, complement, heart sounds', () => {
    assert.deepStrictEqual(found('T2 hyperintensity, T1-weighted images; free T4 and T3 normal; C3 and C4 low; S1 S2 regular, S1 and S2 heard, S1, S2 normal; S2 split.'), []);
    assert.deepStrictEqual(found('T1/T2 hyperintense; free T3/T4; C3/C4 low; soft S1, loud S1, S1+S2 and S1 + S2 normal.'), []);
  });

  it('writes every plain text at reading grade 6 or below', () => {
    const tooHard = spinalLevelEntries()
      .map((entry) => ({ entry, grade: readingGrade(exemptTerms(entry.plain, [entry.term, ...entry.variants])) }))
      .filter(({ grade }) => grade > 6)
      .map(({ entry, grade }) => `${entry.term}: ${grade.toFixed(1)}`);
    assert.deepStrictEqual(tooHard, []);
  });

  it('gives each spelling to one entry only', () => {
    const owners = new Map<string, string>();
    for (const entry of spinalLevelEntries()) {
      for (const form of [entry.term, ...entry.variants]) {
        assert.strictEqual(owners.get(form.toLowerCase()), undefined, `${form} belongs to ${owners.get(form.toLowerCase())} and ${entry.term}`);
        owners.set(form.toLowerCase(), entry.term);
      }
    }
  });
});
