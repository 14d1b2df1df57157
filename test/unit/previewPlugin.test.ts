import * as assert from 'assert';
import MarkdownIt = require('markdown-it');
import { compileGlossary, type CompiledGlossary } from '../../src/glossary/matcher';
import { glossaryMarkdownItPlugin } from '../../src/glossary/previewPlugin';
import type { GlossaryEntry } from '../../src/glossary/types';

function entry(term: string, definition: string, abbreviations: string[] = []): GlossaryEntry {
  return { term, variants: [], abbreviations, definition, plain: definition, sections: [], origin: 'test' };
}

const glossary = compileGlossary([
  entry('disc', 'A pad between vertebrae.'),
  entry('hip', 'The "ball" <and> socket joint & more.'),
  entry('spinal stenosis', 'Narrowing of the spinal canal.'),
  entry('osteoarthritis', 'Wear of joint cartilage.', ['OA']),
]);

const DISC = '<abbr class="iliopsoas-term" title="A pad between vertebrae." data-term="disc">';
const HIP = '<abbr class="iliopsoas-term" title="The &quot;ball&quot; &lt;and&gt; socket joint &amp; more." data-term="hip">';
const STENOSIS = '<abbr class="iliopsoas-term" title="Narrowing of the spinal canal." data-term="spinal stenosis">';
/** A later occurrence of "disc" in the same render: its definition is in the first one's title only. */
const DISC_AGAIN = '<abbr class="iliopsoas-term" title="disc" data-term="disc">';

function renderer(options: MarkdownIt.MarkdownItOptions, getGlossary: (env: unknown) => CompiledGlossary | undefined = () => glossary): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt(options);
  md.use(glossaryMarkdownItPlugin, getGlossary);
  return md;
}

describe('glossary preview plugin', () => {
  for (const html of [true, false]) {
    describe(`with html: ${html}`, () => {
      const md = renderer({ html });

      it('wraps terms in an abbr with the definition as its title', () => {
        assert.strictEqual(md.render('A disc, OA and oa.'), `<p>A ${DISC}disc</abbr>, <abbr class="iliopsoas-term" title="Wear of joint cartilage." data-term="osteoarthritis">OA</abbr> and oa.</p>\n`);
      });

      it('escapes the definition in the title attribute', () => {
        assert.strictEqual(md.render('Hip pain'), `<p>${HIP}Hip</abbr> pain</p>\n`);
      });

      it('marks a term across a soft line break, but not across emphasis', () => {
        assert.strictEqual(md.render('> spinal\n> stenosis, *spinal* stenosis'), `<blockquote>\n<p>${STENOSIS}spinal\nstenosis</abbr>, <em>spinal</em> stenosis</p>\n</blockquote>\n`);
      });

      it('marks link text and headings, not code, link destinations, autolinks or image alt text', () => {
        assert.strictEqual(
          md.render('# Disc\n\n`disc` [hip](https://x.org/disc) <https://x.org/hip> ![disc](disc.png)\n\n```\ndisc\n```\n\n    hip'),
          `<h1>${DISC}Disc</abbr></h1>\n` +
            `<p><code>disc</code> <a href="https://x.org/disc">${HIP}hip</abbr></a> <a href="https://x.org/hip">https://x.org/hip</a> <img src="disc.png" alt="disc"></p>\n` +
            '<pre><code>disc\n</code></pre>\n<pre><code>hip\n</code></pre>\n',
        );
      });

      it('splits text around several terms and keeps escaped characters', () => {
        assert.strictEqual(md.render('disc&amp;hip \\*disc\\*'), `<p>${DISC}disc</abbr>&amp;${HIP}hip</abbr> *${DISC_AGAIN}disc</abbr>*</p>\n`);
      });

      it('leaves the output unchanged when switched off', () => {
        const plain = new MarkdownIt({ html });
        const off = renderer({ html }, () => undefined);
        const note = '---\n\n# Hip\n\nA *disc* and `hip`, [OA](x.md)\nspinal stenosis <b title="disc">hip</b>\n\n- disc\n\n```\nhip\n```\n';
        assert.strictEqual(off.render(note), plain.render(note));
      });
    });
  }

  it('does not touch existing HTML tags (html: true), and leaves tag-like text unmarked (html: false)', () => {
    const source = 'a <span title="disc">hip</span>';
    assert.strictEqual(renderer({ html: true }).render(source), `<p>a <span title="disc">${HIP}hip</abbr></span></p>\n`);
    assert.strictEqual(renderer({ html: false }).render(source), `<p>a &lt;span title=&quot;disc&quot;&gt;${HIP}hip</abbr>&lt;/span&gt;</p>\n`);
    assert.strictEqual(renderer({ html: true }).render('<div title="disc">\nhip\n</div>\n'), '<div title="disc">\nhip\n</div>\n');
  });

  it('leaves linkified URLs alone', () => {
    assert.strictEqual(renderer({ linkify: true }).render('see https://x.org/disc'), '<p>see <a href="https://x.org/disc">https://x.org/disc</a></p>\n');
  });

  it('asks for the glossary on every render, so a setting can turn it off and on', () => {
    let enabled = false;
    const md = renderer({}, () => (enabled ? glossary : undefined));
    assert.strictEqual(md.render('disc'), '<p>disc</p>\n');
    enabled = true;
    assert.strictEqual(md.render('disc'), `<p>${DISC}disc</abbr></p>\n`);
  });

  it('marks a paragraph denser in terms than a function call takes arguments', () => {
    // 20,000 marked terms (the most a render marks) make 80,000 tokens in one inline token, and a
    // paragraph of 100,000 lines 200,000: spread into push(), they overflowed the stack.
    const html = renderer({}).render('disc '.repeat(20_000));
    assert.strictEqual(html.split('<abbr ').length - 1, 20_000);
    assert.ok(html.startsWith(`<p>${DISC}disc</abbr> `) && html.endsWith('>disc</abbr></p>\n'), html.slice(0, 200));
    const lines = renderer({}).render('Pain at rest\n'.repeat(100_000));
    assert.strictEqual(lines.split('\n').length, 100_001);
  });

  it('puts each definition in the title of its first occurrence only, naming the term in the later ones', () => {
    const html = renderer({}).render(`${'A disc, OA. '.repeat(5_000)}\n\n# Disc and osteoarthritis\n\n> disc`);
    assert.strictEqual(html.split('<abbr ').length - 1, 2 * 5_000 + 3);
    assert.strictEqual(html.split('A pad between vertebrae.').length - 1, 1);
    assert.strictEqual(html.split('Wear of joint cartilage.').length - 1, 1);
    assert.ok(html.startsWith(`<p>A ${DISC}disc</abbr>, <abbr class="iliopsoas-term" title="Wear of joint cartilage." data-term="osteoarthritis">OA</abbr>. A ${DISC_AGAIN}disc</abbr>, <abbr class="iliopsoas-term" title="osteoarthritis" data-term="osteoarthritis">OA</abbr>.`), html.slice(0, 400));
    assert.ok(html.endsWith(`<h1>${DISC_AGAIN}Disc</abbr> and <abbr class="iliopsoas-term" title="osteoarthritis" data-term="osteoarthritis">osteoarthritis</abbr></h1>\n<blockquote>\n<p>${DISC_AGAIN}disc</abbr></p>\n</blockquote>\n`), html.slice(-400));
    // Each render starts over: the next one defines the term again.
    assert.strictEqual(renderer({}).render('disc'), `<p>${DISC}disc</abbr></p>\n`);
  });

  it('keeps a note with 10,000 occurrences of one term to one copy of its definition', () => {
    const md = renderer({});
    const html = md.render(Array.from({ length: 100 }, () => 'The disc, a disc and discs. '.repeat(33) + 'Disc.').join('\n\n'));
    assert.strictEqual(html.split('<abbr ').length - 1, 100 * (3 * 33 + 1));
    assert.strictEqual(html.split('A pad between vertebrae.').length - 1, 1);
    // Rendering again on the same instance defines it again, once.
    assert.strictEqual(md.render('disc disc').split('A pad between vertebrae.').length - 1, 1);
  });

  it('uses a custom class name', () => {
    const md = new MarkdownIt();
    glossaryMarkdownItPlugin(md, () => glossary, { className: 'term' });
    assert.strictEqual(md.render('disc'), '<p><abbr class="term" title="A pad between vertebrae." data-term="disc">disc</abbr></p>\n');
  });

  it('marks at most 20,000 occurrences in one render, and shows the rest as plain text', () => {
    const md = renderer({});
    const html = md.render('disc '.repeat(30_000));
    assert.strictEqual(html.match(/<abbr /g)?.length, 20_000);
    assert.ok(html.endsWith('disc disc disc</p>\n'), html.slice(-80));
    // The budget is per render: the next render marks again.
    assert.strictEqual(md.render('disc').match(/<abbr /g)?.length, 1);
  });
  describe('render time, as VS Code’s preview renders a cached parse', () => {
    const other = compileGlossary([entry('disc', 'Clinic B wording for a disc.')]);
    const byNote = (env: unknown) => ((env as { currentDocument?: string } | undefined)?.currentDocument === 'b.md' ? other : glossary);

    it("marks each render with the glossary its env's note calls for", () => {
      const md = renderer({}, byNote);
      assert.strictEqual(md.render('A disc.', { currentDocument: 'a.md' }), `<p>A ${DISC}disc</abbr>.</p>\n`);
      assert.strictEqual(md.render('A disc.', { currentDocument: 'b.md' }), '<p>A <abbr class="iliopsoas-term" title="Clinic B wording for a disc." data-term="disc">disc</abbr>.</p>\n');
    });

    it('asks for the glossary once per render, and never changes the parsed tokens', () => {
      let asked = 0;
      const md = renderer({}, (env) => {
        asked++;
        return byNote(env);
      });
      const tokens = md.parse('A disc,\nanother disc.\n\nA third disc.', {});
      const parsed = JSON.stringify(tokens);
      const first = md.renderer.render(tokens, md.options, { currentDocument: 'a.md' });
      assert.strictEqual(asked, 1, 'the glossary was asked for more than once in one render');
      assert.strictEqual(JSON.stringify(tokens), parsed, 'rendering changed the cached tokens');
      // The definition once per render: the same tokens rendered again carry it again.
      assert.strictEqual(md.renderer.render(tokens, md.options, { currentDocument: 'a.md' }), first);
      assert.strictEqual((first.match(/title="A pad between vertebrae\."/g) ?? []).length, 1);
      assert.match(md.renderer.render(tokens, md.options, { currentDocument: 'b.md' }), /Clinic B wording/);
    });
  });
});
