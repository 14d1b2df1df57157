import * as assert from 'assert';
import { evidenceNotes, evidenceNotesFor } from '../../src/guide/evidenceNotes';
import { checkEvidenceNotes } from './evidenceNoteChecks';
import { parseGuide } from '../../src/guide/outline';
import { renderSectionBody, renderWithEvidenceNotes } from '../../src/guide/render';
import { guideOutline } from '../unit/guideFixture';

describe('evidence notes', () => {
  it('each follows a phrase found once in its section, and names its sources', () => {
    assert.deepStrictEqual(checkEvidenceNotes(guideOutline()), []);
  });

  it('reports a note whose phrase the guide no longer has, and an unknown section', () => {
    const problems = checkEvidenceNotes(guideOutline(), [
      { section: 'injections', after: 'words the guide never says', note: 'n', sources: ['s'] },
      { section: 'no-such-section', after: 'x', note: 'n', sources: ['s'] },
      { section: 'injections', after: 'Corticosteroid', note: 'n', sources: [] },
    ]);
    assert.match(problems[0], /occurs 0 times in "Injections"/);
    assert.match(problems[1], /unknown section "no-such-section"/);
    assert.ok(problems.some((problem) => /occurs [2-9] times/.test(problem)));
    assert.ok(problems.some((problem) => /names no source/.test(problem)));
  });

  // What current guidelines contradict in the guide (the clinical review): each must be annotated.
  for (const [topic, section, guideWords, noteWords] of [
    ['spinal injections', 'injections', /long-term pain relief/, /short term[\s\S]*spinal injections for managing low back pain/i],
    ['rest', 'conservative-treatment', /Rest is essential/, /continue their normal activities|remaining active/i],
    ['ice rather than heat', 'aggravating-and-relieving-factors', /ice packs/, /superficial heat/i],
    ['stretching and soreness', 'warm-up-and-stretching', /reduce muscle soreness/, /does not produce a clinically important reduction/i],
  ] as const) {
    it(`annotates the guide's advice on ${topic} without changing its words`, () => {
      const markdown = guideOutline().get(section)!.markdown;
      assert.match(markdown, guideWords, 'the guide keeps its words');
      const notes = evidenceNotesFor(section);
      assert.ok(notes.some((note) => noteWords.test(note.note)), `no note in ${section} says ${noteWords}`);
      assert.ok(notes.every((note) => note.sources.some((source) => /NICE|ACP|Cochrane|OARSI|Am J|N Engl J/.test(source))));
    });
  }

  it('renders each note right after its paragraph, escaped, as a marked note', () => {
    const outline = parseGuide('# T\n\nIntro.\n\n## Part\n\nFirst <b>one</b>.\n\nSecond one.\n\nThird.\n');
    const html = renderWithEvidenceNotes(outline.get('part')!.markdown, [
      { section: 'part', after: 'Second', note: 'Heat <em>first</em> & stay active.', sources: ['NICE NG59', 'ACP 2017'] },
    ]);
    assert.strictEqual(
      html,
      '<p>First &lt;b&gt;one&lt;/b&gt;.</p>\n<p>Second one.</p>\n' +
        '<aside class="evidence-note" role="note" aria-label="Evidence note"><p><strong>Evidence note:</strong> Heat &lt;em&gt;first&lt;/em&gt; &amp; stay active.</p>' +
        '<p class="evidence-source">Source: NICE NG59; ACP 2017</p></aside>\n<p>Third.</p>\n',
    );
  });

  it('keeps a note whose phrase is missing, at the end of the section', () => {
    const html = renderWithEvidenceNotes('One.\n', [{ section: 'x', after: 'absent', note: 'Kept.', sources: ['S'] }]);
    assert.match(html, /^<p>One\.<\/p>\n<aside class="evidence-note"[^>]*><p><strong>Evidence note:<\/strong> Kept\.<\/p>/);
  });

  it('shows every shipped note in the reader page of its section', () => {
    for (const note of evidenceNotes()) {
      const html = renderSectionBody(guideOutline().get(note.section)!);
      assert.ok(html.includes('class="evidence-note"'), note.section);
      assert.ok(html.indexOf('evidence-note') > html.indexOf(note.after.slice(0, 20)), `${note.section}: the note comes after its paragraph`);
    }
  });
});
