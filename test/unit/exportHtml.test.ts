import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { handoutStartMarker, markedRedFlagBlock, RED_FLAGS_END_MARKER, RED_FLAGS_START_MARKER } from '../../src/handouts/redFlagMarkers';
import { HANDOUT_CONTENT_SECURITY_POLICY, exportFooter, handoutHtmlDocument, isoLocalDate, renderHandoutBody } from '../../src/handouts/exportHtml';

// The stylesheet the extension inlines (compiled to out/test/unit/, three levels below the repository root).
const STYLESHEET = fs.readFileSync(path.resolve(__dirname, '../../../media/handout.css'), 'utf8');

/** What sits between <main> and </main>. */
function mainOf(html: string): string {
  const match = /<main>\n([\s\S]*)<\/main>/.exec(html);
  assert.ok(match, 'no <main> element');
  return match[1];
}

describe('handout HTML export', () => {
  it('renders a tiny handout to exact HTML inside <main>', () => {
    const markdown = '# Hip stretch\n\nHold for **30 seconds**.\n\n- Kneel\n- Lean [forward](https://example.org/a?b=1&c=2)';
    const body =
      '<h1>Hip stretch</h1>\n' +
      '<p>Hold for <strong>30 seconds</strong>.</p>\n' +
      '<ul>\n<li>Kneel</li>\n<li>Lean <a href="https://example.org/a?b=1&amp;c=2">forward</a></li>\n</ul>\n';
    assert.strictEqual(renderHandoutBody(markdown), body);
    assert.strictEqual(mainOf(handoutHtmlDocument(markdown, { stylesheet: STYLESHEET, title: 'Hip stretch' })), body);
  });

  it('is a complete document: doctype, language, charset, CSP, title, inline styles only', () => {
    const html = handoutHtmlDocument('Rest.', { stylesheet: STYLESHEET, title: 'Rest' });
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'), html.slice(0, 80));
    assert.strictEqual(HANDOUT_CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'");
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.ok(html.includes('<title>Rest</title>'));
    assert.strictEqual(html.match(/<style>/g)?.length, 1);
    assert.ok(html.trimEnd().endsWith('</body>\n</html>'));
  });

  it('sets large, high-contrast type and a print section', () => {
    const html = handoutHtmlDocument('Rest.', { stylesheet: STYLESHEET, title: 'Rest' });
    const body = /\nbody \{([^}]*)\}/.exec(html)?.[1] ?? '';
    assert.match(body, /font: 20px\/1\.5 /);
    assert.match(body, /max-width: 40em/);
    assert.match(html, /html \{ background: #fff; color: #000; \}/);
    const print = /@media print \{([\s\S]*?)\n\}/.exec(html)?.[1] ?? '';
    assert.ok(print, 'no @media print section');
    assert.match(print, /a, a:visited \{ color: inherit; \}/);
    assert.match(print, /a\[href\^="https:" i\]:not\(\.bare-url\)::after \{ content: " \(" attr\(href\) "\)"/);
    assert.match(print, /li, tr, blockquote, pre \{ break-inside: avoid;/);
    assert.match(print, /h1, h2, h3, h4, h5, h6 \{ break-after: avoid;/);
    assert.match(html, /@page \{ margin: 2cm; \}/);
  });

  it('escapes the title and the generated line', () => {
    const html = handoutHtmlDocument('Rest.', { stylesheet: STYLESHEET, title: 'Back </title><script>alert(1)</script> & "more"', generated: 'By <Dr> A & B' });
    assert.ok(html.includes('<title>Back &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;</title>'));
    assert.ok(html.includes('<footer class="generated"><p>By &lt;Dr&gt; A &amp; B</p></footer>'));
    assert.ok(!handoutHtmlDocument('Rest.', { stylesheet: STYLESHEET, title: 'x' }).includes('<footer'));
  });

  it('shows raw HTML as text', () => {
    const body = renderHandoutBody('<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> and <iframe src="https://x.org"></iframe>\n\n<link rel="stylesheet" href="https://x.org/a.css"><style>body{}</style>');
    assert.strictEqual(
      body,
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n' +
        '<p>A &lt;img src=x onerror=alert(1)&gt; and &lt;iframe src=&quot;https://x.org&quot;&gt;&lt;/iframe&gt;</p>\n' +
        '<p>&lt;link rel=&quot;stylesheet&quot; href=&quot;https://x.org/a.css&quot;&gt;&lt;style&gt;body{}&lt;/style&gt;</p>\n',
    );
  });

  it('drops the handout and red-flag markers, which the preview hides too, and keeps other comments as text', () => {
    const markdown = `${handoutStartMarker('low-back-pain')}\n# Back pain\n\nRest.\n\n${markedRedFlagBlock('## Warning signs\n\nCall 911.')}\n\nSee us.`;
    assert.strictEqual(renderHandoutBody(markdown), '<h1>Back pain</h1>\n<p>Rest.</p>\n<h2>Warning signs</h2>\n<p>Call 911.</p>\n<p>See us.</p>\n');
    assert.ok(!handoutHtmlDocument(markdown, { stylesheet: STYLESHEET, title: 'Back pain' }).includes('iliopsoas-'));
    // Indented in a list, as a handout inserted there is.
    assert.strictEqual(renderHandoutBody(`- Plan:\n\n  ${RED_FLAGS_START_MARKER}\n  Call 911.\n  ${RED_FLAGS_END_MARKER}`), '<ul>\n<li>\n<p>Plan:</p>\n<p>Call 911.</p>\n</li>\n</ul>\n');
    assert.strictEqual(renderHandoutBody('<!-- a note to self -->'), '<p>&lt;!-- a note to self --&gt;</p>\n');
    assert.strictEqual(renderHandoutBody('```\n<!-- iliopsoas-red-flags -->\n```'), '<pre><code>&lt;!-- iliopsoas-red-flags --&gt;\n</code></pre>\n');
  });

  it('keeps only the text of javascript:, data:, vbscript:, file:, command: and relative links', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'plan.md']) {
      const body = renderHandoutBody(`[click](${url}) <${url}>`);
      assert.ok(!/<a /.test(body), `${url} produced a link: ${body}`);
      assert.ok(body.startsWith('<p>click '), body);
    }
  });

  it('replaces images by their alt text, wherever they point', () => {
    assert.strictEqual(
      renderHandoutBody('![Knee-to-chest *stretch*](https://tracker.example/p.png) ![](local.png) ![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)'),
      '<p>Knee-to-chest stretch  x y</p>\n',
    );
  });

  it('points outside only where the user wrote an http(s) or mailto link', () => {
    const markdown = [
      '# Links',
      'See [the guide](https://example.org/guide), <https://example.org/auto>, [mail](mailto:clinic@example.org) and [top](#links).',
      '![pixel](https://tracker.example/pixel.gif) <img src="https://tracker.example/x.gif"> <link href="https://x.org/a.css">',
      '<script src="https://x.org/a.js"></script> [bad](javascript:alert(1)) [[ref]]',
      '',
      '[ref]: https://example.org/ref',
    ].join('\n');
    const html = handoutHtmlDocument(markdown, { stylesheet: STYLESHEET, title: 'Links' });
    for (const element of ['<img', '<script', '<link', '<iframe', '<object', '<embed', '@import', 'url(']) {
      assert.ok(!html.includes(element), `found ${element}`);
    }
    const targets = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    assert.deepStrictEqual(targets, ['https://example.org/guide', 'https://example.org/auto', 'mailto:clinic@example.org', '#links', 'https://example.org/ref']);
  });

  it('marks links written as bare addresses, so print does not show the address twice', () => {
    assert.strictEqual(
      renderHandoutBody('<https://example.org/a> and [text](https://example.org/b)'),
      '<p><a href="https://example.org/a" class="bare-url">https://example.org/a</a> and <a href="https://example.org/b">text</a></p>\n',
    );
  });

  it('shows unfilled snippet placeholders as their default text, or a blank to write on', () => {
    assert.strictEqual(
      renderHandoutBody('Dear ${1:Mr Smith}, walk ${2|twice,three times|} a day for $3 minutes.$0\n\n$4'),
      '<p>Dear Mr Smith, walk twice a day for ______ minutes.</p>\n<p>______</p>\n',
    );
  });

  it('drops YAML front matter', () => {
    assert.strictEqual(renderHandoutBody('---\ntitle: Hip\n---\n# Hip'), '<h1>Hip</h1>\n');
  });
});

describe('the export footer', () => {
  const day = new Date(2026, 10, 2, 23, 30); // 2 November 2026, 23:30 where the test runs

  it('names the clinic and its phone, where set, and the day of the export', () => {
    assert.strictEqual(exportFooter({ name: 'Riverside Physio', phone: '555-0100', afterHoursPhone: '555-0199' }, day), 'Riverside Physio · Phone: 555-0100 · 2026-11-02');
    assert.strictEqual(exportFooter({ phone: '555-0100' }, day), 'Phone: 555-0100 · 2026-11-02');
    assert.strictEqual(exportFooter({ name: 'Riverside Physio' }, day), 'Riverside Physio · 2026-11-02');
    assert.strictEqual(exportFooter({}, day), '2026-11-02');
  });

  it('writes the local day as ISO 8601, not the UTC one', () => {
    assert.strictEqual(isoLocalDate(new Date(2026, 0, 1, 0, 5)), '2026-01-01');
    assert.strictEqual(isoLocalDate(new Date(2026, 11, 31, 23, 55)), '2026-12-31');
    assert.strictEqual(isoLocalDate(new Date(987, 2, 4)), '0987-03-04');
  });

  it('is HTML-escaped in the page, which stays inert: the CSP, no script', () => {
    const html = handoutHtmlDocument('Rest.', { stylesheet: STYLESHEET, title: 'Rest', generated: exportFooter({ name: '<script>alert(1)</script> & Co', phone: '"555" <0100>' }, day) });
    assert.ok(html.includes('<footer class="generated"><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co · Phone: &quot;555&quot; &lt;0100&gt; · 2026-11-02</p></footer>'));
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes(`content="${HANDOUT_CONTENT_SECURITY_POLICY}"`));
  });
});
