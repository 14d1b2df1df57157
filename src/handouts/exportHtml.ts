/**
 * A patient handout as one self-contained, printable HTML file (pure: no `vscode`).
 *
 * The file loads nothing: a Content Security Policy allows only its inline stylesheet, so no
 * script runs and no image, font or stylesheet is fetched, even if the file is opened from a
 * shared drive years later. The Markdown is rendered by the project's markdown-it (raw HTML shown
 * as text); a link to anything but http(s), mailto or # keeps only its text. Images are replaced
 * by their alt text: a handout must not depend on a file that may not travel with it, and a
 * remote image would leak that the handout was opened. YAML front matter is dropped; unfilled
 * snippet placeholders are shown as their default text, or as a blank to write on ("______").
 */
import { escapeHtml, markdownIt } from '../markdown/engine';
import { handoutTokens } from '../readability/prose';

export interface HandoutHtmlOptions {
  /** The document title (the browser tab and the printed page header). */
  readonly title: string;
  /** A line shown at the foot of the handout as given, e.g. "Printed 3 March 2025 by Clinic X". */
  readonly generated?: string;
}

export const HANDOUT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

// Escaped so Markdown shows underscores rather than reading them as emphasis or a rule.
const WRITE_IN_BLANK = String.raw`\_\_\_\_\_\_`;

// Large type and high contrast for older or low-vision readers; the print section suits A4 and
// Letter alike (2 cm margins fit both) and prints link targets, since paper cannot be clicked.
const STYLESHEET = `
html { background: #fff; color: #000; }
body { margin: 2em auto; padding: 0 1em; max-width: 40em; font: 20px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.2em 0 0.4em; }
h1 { font-size: 1.8em; }
h2 { font-size: 1.4em; }
h3 { font-size: 1.2em; }
p, ul, ol, blockquote, table, pre { margin: 0 0 0.8em; }
ul, ol { padding-left: 1.5em; }
li { margin: 0.3em 0; }
a { color: #0033cc; text-decoration: underline; }
a.bare-url { overflow-wrap: anywhere; }
blockquote { padding-left: 1em; border-left: 4px solid #000; margin-left: 0; }
code, pre { font-family: ui-monospace, Consolas, "Courier New", monospace; font-size: 0.9em; }
pre { white-space: pre-wrap; padding: 0.5em; border: 1px solid #000; }
table { border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
hr { border: 0; border-top: 2px solid #000; }
footer.generated { margin-top: 3em; padding-top: 0.5em; border-top: 1px solid #000; font-size: 0.8em; }
@page { margin: 2cm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 14pt; }
  a, a:visited { color: inherit; }
  a[href^="http:" i]:not(.bare-url)::after, a[href^="https:" i]:not(.bare-url)::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
  li, tr, blockquote, pre { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`;

/** The handout's Markdown as HTML for the document body (see the top of this file). */
export function renderHandoutBody(markdown: string): string {
  const tokens = handoutTokens(markdown, WRITE_IN_BLANK);
  // A link whose text is its address (<https://…>) is marked so print does not repeat the address.
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      if (token.type === 'link_open' && token.markup === 'autolink') token.attrJoin('class', 'bare-url');
    }
  }
  return markdownIt().renderer.render(tokens, markdownIt().options, {});
}

/** One self-contained, printable HTML document: inline styles only, no scripts, nothing fetched. */
export function handoutHtmlDocument(markdown: string, options: HandoutHtmlOptions): string {
  const footer = options.generated ? `<footer class="generated"><p>${escapeHtml(options.generated)}</p></footer>\n` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HANDOUT_CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `${renderHandoutBody(markdown)}</main>`,
    `${footer}</body>`,
    '</html>',
    '',
  ].join('\n');
}
