// Paths inside a workspace folder as settings give them (team glossary files, clinic phrase folders; pure:
// no `vscode`). A setting comes from the workspace, which may be a cloned repository: nothing it
// says may lead the extension to write outside the workspace folder.

const GLOB_CHARACTER = /[*?{}[\]]/;

/** Whether a pattern has glob characters (and so needs a search rather than a look at one path). */
export function isGlobPattern(pattern: string): boolean {
  return GLOB_CHARACTER.test(pattern);
}

/**
 * The pattern as a plain path inside the workspace folder ("/"-separated, no "." or ".."
 * segments), or undefined when it is a glob or would leave the folder: absolute ("/x",
 * "C:\x", "\\server\x"), or climbing out with "..".
 */
export function pathInsideFolder(pattern: string): string | undefined {
  const trimmed = pattern.trim();
  if (trimmed === '' || GLOB_CHARACTER.test(trimmed)) return undefined;
  if (/^[\\/]/.test(trimmed) || /^[A-Za-z]:/.test(trimmed) || trimmed.includes('\0')) return undefined;
  const segments: string[] = [];
  for (const segment of trimmed.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined; // above the folder
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.length > 0 ? segments.join('/') : undefined;
}

/**
 * The folders a pattern's files sit in, outermost first, as far as they are literal: "a/b/c.json"
 * gives ["a", "a/b"]; "notes/**\/x.json" gives ["notes"]. A file created in a folder that is
 * itself new may reach no file watcher, so the glossary also watches these folders appear.
 */
export function literalFoldersOf(pattern: string): string[] {
  const segments = pattern.split('/');
  const folders: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    if (GLOB_CHARACTER.test(segments[i]) || segments[i] === '' || segments[i] === '.' || segments[i] === '..') break;
    folders.push(segments.slice(0, i + 1).join('/'));
  }
  return folders;
}
