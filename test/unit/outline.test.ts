import * as assert from 'assert';
import * as fs from 'fs';
import { firstSentence, parseGuide, readingOrder } from '../../src/guide/outline';
import { slugify } from '../../src/markdown/slug';
import { inlineText, markdownIt } from '../../src/markdown/engine';
import { CAUSES_SUBSECTIONS, EXPECTED_HEADINGS, TOP_LEVEL_SECTIONS } from '../expectedGuide';
import { GUIDE_PATH, guideOutline } from './guideFixture';

describe('guide outline', () => {
  it('has the guide title as its root, with the introduction as its text', () => {
    const { root } = guideOutline();
    assert.strictEqual(root.level, 1);
    assert.strictEqual(root.title, 'Iliopsoas Back Pain: Causes, Symptoms, and Relief');
    assert.match(root.markdown, /^\*Understanding Iliopsoas Pain: A Journey Towards Relief\*/);
    assert.match(root.markdown, /regain your active lifestyle\.$/);
  });

  it('finds every heading of the guide, in order, at the right level', () => {
    const found = guideOutline().sections.map((section) => [section.level, section.title]);
    assert.deepStrictEqual(found, EXPECTED_HEADINGS);
  });

  it('gives every section a unique, stable id', () => {
    const ids = readingOrder(guideOutline()).map((section) => section.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.deepStrictEqual(ids.slice(0, 3), [
      'iliopsoas-back-pain-causes-symptoms-and-relief',
      '1-what-is-the-iliopsoas-muscle',
      '2-causes-of-iliopsoas-back-pain',
    ]);
    assert.strictEqual(guideOutline().get('spinal-stenosis')?.title, 'Spinal Stenosis');
  });

  it('gives every section a non-empty body without its own heading or its subsections', () => {
    for (const section of guideOutline().sections) {
      assert.ok(section.markdown.length > 0, `${section.title} has no text`);
      assert.ok(!/^#/m.test(section.markdown), `${section.title} contains a heading`);
    }
    const causes = guideOutline().get('2-causes-of-iliopsoas-back-pain')!;
    assert.match(causes.markdown, /^The onset of iliopsoas back pain/);
    assert.ok(!causes.markdown.includes('microscopic tears'), 'a subsection leaked into its parent');
  });

  it('nests subsections under their section', () => {
    const outline = guideOutline();
    assert.deepStrictEqual(
      outline.root.children.map((section) => section.title),
      TOP_LEVEL_SECTIONS,
    );
    const causes = outline.get('2-causes-of-iliopsoas-back-pain')!;
    assert.deepStrictEqual(
      causes.children.map((section) => section.title),
      CAUSES_SUBSECTIONS,
    );
    assert.strictEqual(outline.get('spinal-stenosis')!.parent, causes);
  });

  it('carries the content corrections listed in the README', () => {
    const text = fs.readFileSync(GUIDE_PATH, 'utf8');
    assert.ok(!text.includes('日常'), 'stray "日常" is still in the guide');
    assert.ok(text.includes('during daily activities'));
    const anatomy = guideOutline().get('1-what-is-the-iliopsoas-muscle')!.markdown;
    assert.match(anatomy, /psoas major, arising from the lumbar spine, and the iliacus/);
    assert.match(anatomy, /lesser trochanter of the femur/);
    assert.ok(!anatomy.includes('its counterpart, the psoas major'));
  });

  it('fixes the plain errors the clinical review found', () => {
    const section = (id: string): string => guideOutline().get(id)!.markdown;
    // Rheumatoid arthritis is inflammatory and autoimmune, not degenerative (NICE NG100).
    assert.doesNotMatch(section('2-causes-of-iliopsoas-back-pain'), /degenerative conditions such as osteoarthritis or rheumatoid/);
    assert.match(section('2-causes-of-iliopsoas-back-pain'), /degenerative or inflammatory joint conditions/);
    // Rising from a chair is driven by the hip and knee extensors, not the hip flexors.
    assert.doesNotMatch(section('spinal-stenosis'), /hip flexion, such as[^.]*rising from a seated position/);
    // A stretch does not strengthen a muscle.
    assert.doesNotMatch(section('strengthening-exercises'), /hip flexor stretches\. These exercises help strengthen/);
    assert.match(section('strengthening-exercises'), /The knee drives and leg raises help strengthen/);
    // A discectomy removes the herniated fragment; it does not repair the disc.
    assert.doesNotMatch(section('4-treatment-options-for-iliopsoas-back-pain'), /repairing a herniated disc/);
  });

  it('makes GitHub-style slugs and suffixes repeated ones', () => {
    assert.strictEqual(slugify('True/False Questions'), 'truefalse-questions');
    assert.strictEqual(slugify('  Warm-Up and Stretching '), 'warm-up-and-stretching');
    const outline = parseGuide('# T\n\nIntro.\n\n## Notes\n\nA.\n\n## Notes\n\nB.\n\n## Notes\n\nC.\n');
    assert.deepStrictEqual(outline.sections.map((section) => section.id), ['notes', 'notes-1', 'notes-2']);
  });

  it('finds the headings markdown-it finds, with the same text, without loading it', () => {
    // What parseGuide did before it read headings line by line: markdown-it's heading tokens.
    const markdownItHeadings = (markdown: string): [number, string][] => {
      const tokens = markdownIt().parse(markdown, {});
      return tokens.flatMap((token, i) => (token.type === 'heading_open' ? [[Number(token.tag.slice(1)), inlineText(tokens[i + 1])] as [number, string]] : []));
    };
    const outlineHeadings = (markdown: string): [number, string][] => {
      const outline = parseGuide(markdown);
      return [outline.root, ...outline.sections].map((section) => [section.level, section.title]);
    };
    const guide = fs.readFileSync(GUIDE_PATH, 'utf8');
    assert.deepStrictEqual(outlineHeadings(guide), markdownItHeadings(guide));
    const tricky = [
      '# Title #',
      '',
      '## Closing marks ###   ',
      '',
      '```',
      '## not a heading (fenced)',
      '```',
      '',
      '    ## not a heading (indented code)',
      '',
      '  ### Indented *emphasis* and `code`',
      '',
      '#NoSpace is a paragraph',
      '',
      '## [A link](https://example.org) &amp; \\# escaped',
      '',
      '##',
      '',
    ].join('\n');
    assert.deepStrictEqual(outlineHeadings(tricky), markdownItHeadings(tricky));
  });

  it('rejects text that does not start with a single title', () => {
    assert.throws(() => parseGuide('## No title\n\nText.'), /must begin with a "#" title/);
    assert.throws(() => parseGuide('# One\n\nA.\n\n# Two\n\nB.'), /exactly one "#" title/);
  });

  it('takes the first sentence of a section for its tooltip', () => {
    assert.strictEqual(
      firstSentence(guideOutline().get('spinal-stenosis')!),
      'Spinal stenosis, a condition characterized by the narrowing of the spinal canal, can exert pressure on the lumbar nerve roots that innervate the iliopsoas muscle, resulting in pain and weakness.',
    );
  });
});
