/**
 * A markdown-it plugin for VS Code's built-in Markdown preview: wraps glossary terms in
 * `<abbr class="iliopsoas-term" title="definition" data-term="term">`. Pure (no `vscode`).
 * Only the first occurrence of each term in a render carries the definition; later ones carry
 * the term itself as their title (`title="term"`), so the HTML grows with the note, not with the
 * note times the definitions (a note dense in terms repeated each definition thousands of times).
 * A render marks at most MAX_MARKED_PER_RENDER occurrences: a real note holds far fewer, and a
 * file of a million terms would otherwise take seconds to preview; the rest shows as plain text.
 *
 * It marks at render time, around the renderer's `renderInline`: VS Code's preview parses a note
 * once and caches its tokens, with no note in the parse's env; only the render's env says which
 * note it is (`currentDocument`), and so which folder's glossary applies. The cached tokens are
 * never changed: each render marks a copy of an inline token's children. It sees the final text
 * tokens (after linkify, the typographer and text_join), and only ever prose: text tokens and
 * the soft line breaks between them, never code spans, fences, HTML, link destinations or image
 * alt text (an attribute cannot hold markup). Text of links written in Markdown is marked; the
 * text of autolinks and linkified URLs is not. The wrapper is built from Tokens with attributes,
 * which markdown-it's renderer escapes, so output is the same with `html: true` or `false`.
 */
import type MarkdownIt = require('markdown-it');
import type { CompiledGlossary, TermMatch } from './matcher';
import type { GlossaryEntry } from './types';

type Token = MarkdownIt.Token;
type TokenConstructor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

export interface GlossaryPreviewOptions {
  /** Class of the wrapping element; default "iliopsoas-term". */
  readonly className?: string;
}

const OPEN = 'iliopsoas_term_open';
const CLOSE = 'iliopsoas_term_close';
const MAX_MARKED_PER_RENDER = 20_000;

/**
 * Installs the term marking. `getGlossary` is called once per render with the render's env;
 * returning undefined (the feature is switched off, or no glossary is loaded yet) leaves the
 * output untouched.
 */
export function glossaryMarkdownItPlugin(md: MarkdownIt.MarkdownIt, getGlossary: (env: unknown) => CompiledGlossary | undefined, options: GlossaryPreviewOptions = {}): void {
  const className = options.className ?? 'iliopsoas-term';
  // One marker per render: its env is the one object every renderInline call of the render shares.
  const markers = new WeakMap<object, Marker | null>();
  const markerFor = (env: unknown, TokenClass: TokenConstructor): Marker | undefined => {
    const key = typeof env === 'object' && env !== null ? env : undefined;
    const known = key && markers.get(key);
    if (known !== undefined) return known ?? undefined;
    const glossary = getGlossary(env);
    const marker = glossary ? { glossary, TokenClass, className, defined: new Set<GlossaryEntry>(), budget: MAX_MARKED_PER_RENDER } : undefined;
    if (key) markers.set(key, marker ?? null);
    return marker;
  };
  const renderInline = md.renderer.renderInline.bind(md.renderer);
  md.renderer.renderInline = (tokens, rendererOptions, env) => {
    const marker = tokens.length > 0 ? markerFor(env, tokens[0].constructor as TokenConstructor) : undefined;
    return renderInline(marker ? markTerms(tokens, marker) : tokens, rendererOptions, env);
  };
}

/** What one render needs to make the wrappers. */
interface Marker {
  readonly glossary: CompiledGlossary;
  readonly TokenClass: TokenConstructor;
  readonly className: string;
  /** The entries whose definition this render has already put in a title. */
  readonly defined: Set<GlossaryEntry>;
  /** How many more occurrences this render may mark. */
  budget: number;
}

/** The children of one inline token with each run of text and soft breaks marked. */
function markTerms(children: readonly Token[], marker: Marker): Token[] {
  const { glossary } = marker;
  const marked: Token[] = [];
  let autolinkDepth = 0;
  for (let i = 0; i < children.length; ) {
    const token = children[i];
    if (token.type === 'link_open' && token.info === 'auto') autolinkDepth++;
    if (token.type === 'link_close' && token.info === 'auto') autolinkDepth--;
    if (token.type !== 'text' || autolinkDepth > 0) {
      marked.push(token);
      i++;
      continue;
    }
    // A term may run across a soft line break, so match the whole run of text and breaks.
    let end = i + 1;
    while (end < children.length && (children[end].type === 'text' || children[end].type === 'softbreak')) end++;
    const run = children.slice(i, end);
    const text = run.map((part) => (part.type === 'softbreak' ? '\n' : part.content)).join('');
    const found = marker.budget > 0 ? glossary.scanPlainText(text) : [];
    const matches = found.length > marker.budget ? found.slice(0, marker.budget) : found;
    marker.budget -= matches.length;
    // Pushed one by one, never spread into push(): a dense paragraph has more tokens than a call takes arguments.
    if (matches.length === 0) for (const part of run) marked.push(part);
    else wrapMatches(run, matches, marked, marker);
    i = end;
  }
  return marked;
}

/**
 * Appends to `out` a run of text and softbreak tokens with each match wrapped in open/close
 * tokens, splitting text tokens at match boundaries. Matches start and end on word characters,
 * so a boundary never falls on a soft break.
 */
function wrapMatches(run: readonly Token[], matches: readonly TermMatch[], out: Token[], marker: Marker): void {
  const { TokenClass } = marker;
  const level = run[0].level;
  let matchIndex = 0;
  let inside = false;
  let offset = 0;
  const pushText = (content: string): void => {
    if (content.length === 0) return;
    const text = new TokenClass('text', '', 0);
    text.content = content;
    text.level = inside ? level + 1 : level;
    out.push(text);
  };

  for (const token of run) {
    if (token.type === 'softbreak') {
      // A new token, not the parsed one: VS Code caches a note's tokens across renders.
      const softbreak = new TokenClass('softbreak', 'br', 0);
      softbreak.level = inside ? level + 1 : level;
      out.push(softbreak);
      offset += 1;
      continue;
    }
    const tokenStart = offset;
    const tokenEnd = offset + token.content.length;
    let cursor = tokenStart;
    while (cursor < tokenEnd) {
      const match: TermMatch | undefined = matches[matchIndex];
      if (!match || (!inside && match.start >= tokenEnd)) {
        pushText(token.content.slice(cursor - tokenStart));
        break;
      }
      if (!inside) {
        pushText(token.content.slice(cursor - tokenStart, match.start - tokenStart));
        out.push(openToken(marker, match.entry, level));
        inside = true;
        cursor = match.start;
      }
      const pieceEnd = Math.min(match.end, tokenEnd);
      pushText(token.content.slice(cursor - tokenStart, pieceEnd - tokenStart));
      cursor = pieceEnd;
      if (cursor === match.end) {
        inside = false;
        const close = new TokenClass(CLOSE, 'abbr', -1);
        close.level = level;
        out.push(close);
        matchIndex++;
      }
    }
    offset = tokenEnd;
  }
}

function openToken({ TokenClass, className, defined }: Marker, entry: GlossaryEntry, level: number): Token {
  const open = new TokenClass(OPEN, 'abbr', 1);
  open.level = level;
  // The definition once per render (see the top of this file); the term still names an abbreviation's expansion ("OA" → osteoarthritis).
  const title = defined.has(entry) ? entry.term : entry.definition;
  defined.add(entry);
  open.attrs = [
    ['class', className],
    ['title', title],
    ['data-term', entry.term],
  ];
  return open;
}
