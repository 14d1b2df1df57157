import type MarkdownIt = require('markdown-it');

export type Token = MarkdownIt.Token;

// Only these URL schemes survive rendering; everything else (javascript:, data:, vbscript:,
// file:, command:) is left as plain text so the rendered HTML stays inert.
const SAFE_LINK = /^(https?:|mailto:|#)/i;

let shared: MarkdownIt.MarkdownIt | undefined;

/** The one markdown-it instance, created on first use: raw HTML off, links limited to safe schemes. */
export function markdownIt(): MarkdownIt.MarkdownIt {
  if (!shared) {
    // Required here, not at the top: activation should not pay for loading markdown-it (the production
    // build loads it from its own file, dist/markdown-it.js; see esbuild.js).
    const createMarkdownIt = require('markdown-it') as typeof MarkdownIt;
    shared = createMarkdownIt({ html: false, linkify: false, typographer: false });
    shared.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  }
  return shared;
}

/** Whether markdown-it has been loaded yet (for the activation benchmark). */
export function isMarkdownItLoaded(): boolean {
  return shared !== undefined;
}

export function escapeHtml(text: string): string {
  return markdownIt().utils.escapeHtml(text);
}

/** The text of an inline token (a paragraph's or heading's content) without its Markdown syntax. */
export function inlineText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : ''))
    .join('');
}

/** The words of some Markdown with its syntax removed, blocks separated by a space. */
export function plainText(markdown: string): string {
  return markdownIt()
    .parse(markdown, {})
    .filter((token) => token.type === 'inline')
    .map(inlineText)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
