import * as assert from 'assert';
import { parseGuide } from '../../src/guide/outline';
import { contentSecurityPolicy, openSectionHref, READER_STATE_SCRIPT, renderMarkdown, renderReaderPage, renderSectionBody } from '../../src/guide/render';
import { restoredSectionId } from '../../src/guide/readerState';
import { guideOutline } from './guideFixture';

describe('guide renderer', () => {
  it('renders small Markdown to exact HTML', () => {
    assert.strictEqual(renderMarkdown('Rest and **ice**.'), '<p>Rest and <strong>ice</strong>.</p>\n');
    assert.strictEqual(renderMarkdown('- a\n- b'), '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n');
    assert.strictEqual(
      renderMarkdown('[guide](https://example.org/a?b=1&c=2)'),
      '<p><a href="https://example.org/a?b=1&amp;c=2">guide</a></p>\n',
    );
  });

  it('shows raw HTML as text', () => {
    assert.strictEqual(renderMarkdown('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    assert.strictEqual(renderMarkdown('a <img src=x onerror=alert(1)> b'), '<p>a &lt;img src=x onerror=alert(1)&gt; b</p>\n');
    assert.strictEqual(
      renderMarkdown('<div onclick="x()">\nhi\n</div>'),
      '<p>&lt;div onclick=&quot;x()&quot;&gt;\nhi\n&lt;/div&gt;</p>\n',
    );
  });

  it('leaves javascript:, data:, vbscript:, file: and command: links inert', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', 'file:///etc/passwd', 'command:workbench.action.terminal.new']) {
      const html = renderMarkdown(`[click](${url}) ![img](${url}) <${url}>`);
      assert.ok(!/<a |<img /.test(html), `${url} produced a live element: ${html}`);
    }
  });

  it('links a parent section to its subsections through the reader command', () => {
    const outline = parseGuide('# T\n\nIntro.\n\n## Part\n\nText.\n\n### Sub\n\nMore.\n');
    assert.strictEqual(
      renderSectionBody(outline.get('part')!),
      '<p>Text.</p>\n<nav class="contents" aria-label="In this section"><h2>In this section</h2><ul>' +
        '<li><a href="command:iliopsoas.openSection?%5B%22sub%22%5D">Sub</a></li></ul></nav>\n',
    );
  });

  it('renders a quiz part as questions with options and hidden answers', () => {
    const html = renderSectionBody(guideOutline().get('multiple-choice-questions')!);
    assert.strictEqual((html.match(/<li class="quiz-question">/g) ?? []).length, 3);
    assert.ok(html.includes('<p>Which of the following is the primary function of the iliopsoas muscle?</p>'));
    assert.ok(html.includes('<li><span class="quiz-letter">(d)</span> Ankle dorsiflexion</li>'));
    assert.ok(html.includes('<details class="quiz-answer"><summary>Show answer</summary><p>(b) Hip flexion</p></details>'));
    assert.ok(!/<details[^>]* open/.test(html), 'an answer is shown before it is asked for');
  });

  it('builds a whole reader page with a strict CSP, only its own nonce-bearing script, and previous/next links', () => {
    const outline = parseGuide('# T\n\nIntro.\n\n## A\n\nFirst <b>.\n\n<script>alert(1)</script>\n\n## B\n\nSecond.\n');
    const html = renderReaderPage(outline, outline.get('a')!, { cspSource: 'https://csp.example', stylesheetUri: 'https://csp.example/reader.css', nonce: 'n0nce' });
    assert.ok(html.includes(`content="${contentSecurityPolicy('https://csp.example', 'n0nce')}"`));
    assert.strictEqual(contentSecurityPolicy('https://csp.example', 'n0nce'), "default-src 'none'; style-src https://csp.example; img-src https://csp.example; script-src 'nonce-n0nce';");
    // One script, the page's own, which saves the section shown in the webview state; the guide's own text stays text.
    assert.deepStrictEqual(html.match(/<script[^>]*>[^<]*<\/script>/g), [`<script nonce="n0nce">${READER_STATE_SCRIPT}</script>`]);
    assert.strictEqual(READER_STATE_SCRIPT, "acquireVsCodeApi().setState({ section: document.querySelector('main').dataset.sectionId });");
    assert.ok(html.includes('<main data-section-id="a">'));
    assert.ok(html.includes('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'));
    assert.ok(html.includes('<title>A</title>'));
    assert.ok(html.includes('<h1>A</h1>\n<p>First &lt;b&gt;.</p>'));
    assert.ok(html.includes(`Previous: <a href="${openSectionHref('t')}" rel="prev">T</a>`));
    assert.ok(html.includes(`Next: <a href="${openSectionHref('b')}" rel="next">B</a>`));
    const last = renderReaderPage(outline, outline.get('b')!, { cspSource: 'x', stylesheetUri: 'y', nonce: 'z' });
    assert.ok(!last.includes('rel="next"'));
  });

  it('escapes titles and ids it puts into the page', () => {
    const outline = parseGuide('# T\n\nIntro.\n\n## <img src=x> & "quotes"\n\nText.\n');
    const section = outline.sections[0];
    const html = renderReaderPage(outline, section, { cspSource: 'x', stylesheetUri: 'y', nonce: 'z' });
    assert.ok(html.includes('<h1>&lt;img src=x&gt; &amp; &quot;quotes&quot;</h1>'));
    assert.ok(!html.includes('<img'));
  });
});

describe('the reader state restored after a reload', () => {
  const isSection = (id: string) => ['spinal-stenosis', 'injections'].includes(id);

  it('restores the section the state names', () => {
    assert.strictEqual(restoredSectionId({ section: 'spinal-stenosis' }, isSection), 'spinal-stenosis');
  });

  it('restores the guide\'s title page for any state that names no known section, without throwing', () => {
    const garbage: unknown[] = [
      undefined,
      null,
      'spinal-stenosis',
      42,
      [],
      ['spinal-stenosis'],
      {},
      { section: 'no-such-section' },
      { section: 7 },
      { section: { id: 'injections' } },
      { section: '' },
      { section: 'injections'.repeat(100) },
      Object.create({ section: 'injections' }) as unknown, // inherited, not its own
      JSON.parse('{"__proto__": {"section": "injections"}}') as unknown,
    ];
    for (const state of garbage) assert.strictEqual(restoredSectionId(state, isSection), undefined, JSON.stringify(state));
  });
});
