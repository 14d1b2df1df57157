/**
 * A heading's id as GitHub and VS Code's Markdown preview make it: lower case, punctuation
 * dropped, spaces as hyphens ("True/False Questions" → "truefalse-questions"). The guide's
 * section ids and the handouts' "Based on" lines both use it.
 */
export function slugify(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
