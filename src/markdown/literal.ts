/**
 * Text from a setting or the user (a clinic's name or phone) written into a Markdown note so
 * that it reads as itself and nothing more (pure: no `vscode`). Markdown would read `*`, `_`,
 * `` ` ``, `~` as emphasis or code, `[`…`]` as a link, `<`…`>` as HTML or an autolink, `&amp;`
 * as an entity, `$`…`$` as math (VS Code's preview), and a linkifying renderer (VS Code's
 * preview again) turns `https://…`, `name@host` and `www.host.org` into links: each of those
 * characters (for a full stop, one before a letter, as in a domain; not "555.0100" or "St. Ann")
 * is escaped with a backslash, which CommonMark allows before any ASCII punctuation and which
 * stops linkify (an escaped character is not part of the text it scans).
 *
 * For text in the middle of a line (a field of a handout's sentence): a line that starts with
 * it could still read as a heading or a list item, so such text never starts one.
 */

// `:` (a scheme, "https:"), `@` (an e-mail address) and `|` (a table cell) only matter to
// linkify and tables, but escaping them costs nothing where they are rare.
const MARKDOWN_PUNCTUATION = /[\\`*_~[\]<>$:@|]|&(?=#?[a-z0-9]+;)|\.(?=\p{L})/giu;

/** The text with every character that could start Markdown, HTML, math or a link backslash-escaped. */
export function markdownLiteral(text: string): string {
  return text.replace(MARKDOWN_PUNCTUATION, '\\$&');
}
