/**
 * A patient handout as one self-contained, printable HTML file (pure: no `vscode`).
 *
 * The file loads nothing: a Content Security Policy allows only its inline stylesheet, so no
 * script runs and no image, font or stylesheet is fetched, even if the file is opened from a
 * shared drive years later. The Markdown is rendered by the project's markdown-it (raw HTML shown
 * as text); a link to anything but http(s), mailto or # keeps only its text. Images are replaced
 * by their alt text: a handout must not depend on a file that may not travel with it, and a
 * remote image would leak that the handout was opened. YAML front matter is dropped; unfilled
 * snippet placeholders are shown as their default text, or as a blank to write on ("______"). The
 * comments that mark where a handout and its warning signs are (redFlagMarkers.ts) are dropped.
 */
import { escapeHtml, markdownIt } from '../markdown/engine';
import { handoutTokens } from '../readability/prose';
import type { ClinicDetails } from './clinic';
import { withoutHandoutMarkers } from './redFlagMarkers';

export interface HandoutHtmlOptions {
  /** The document title (the browser tab and the printed page header). */
  readonly title: string;
  /** A line shown at the foot of the handout as given (HTML-escaped): exportFooter's. */
  readonly generated?: string;
  /** The page's stylesheet, inlined: media/handout.css (the glue bundles it as text). */
  readonly stylesheet: string;
}

export const HANDOUT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

// Escaped so Markdown shows underscores rather than reading them as emphasis or a rule.
const WRITE_IN_BLANK = String.raw`\_\_\_\_\_\_`;

/** The day of `date` where the user is, as ISO 8601 (2026-11-02): the handouts' own date line writes it so, and it reads the same everywhere. */
export function isoLocalDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The footer of an exported handout: the clinic's name and phone, where they are set, and the day it was exported. */
export function exportFooter(clinic: ClinicDetails, date: Date): string {
  return [clinic.name, clinic.phone === undefined ? undefined : `Phone: ${clinic.phone}`, isoLocalDate(date)].filter((part) => part !== undefined).join(' · ');
}

/** The handout's Markdown as HTML for the document body (see the top of this file). */
export function renderHandoutBody(markdown: string): string {
  // The handout's markers (redFlagMarkers.ts) are comments the preview hides; shown as text here, they would print.
  const tokens = handoutTokens(withoutHandoutMarkers(markdown), WRITE_IN_BLANK);
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
    `<style>${options.stylesheet}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `${renderHandoutBody(markdown)}</main>`,
    `${footer}</body>`,
    '</html>',
    '',
  ].join('\n');
}
