/**
 * The built-in note templates (pure: no `vscode`): clinic phrase files shipped with the
 * extension (src/handouts/phrases/templates/*.md, gathered into templates.json by `npm run
 * phrases`), read by the same parser as a clinic's, so they show the syntax at work.
 */
import { parsePhraseFile, type Phrase } from './phraseFile';

let loaded: readonly Phrase[] | undefined;

/**
 * The built-in templates, in name order. templates.json is required on first use rather than
 * imported: activation should not pay for it, and the build makes it a chunk of its own (esbuild.js).
 * A template with a problem is a build defect: it throws, naming the file and the problem.
 */
export function builtInPhrases(): readonly Phrase[] {
  if (loaded) return loaded;
  // (The type import makes tsc copy the JSON next to the compiled module, as the unit tests need.)
  const { files } = require('./templates.json') as typeof import('./templates.json') as { files: Record<string, string> };
  const phrases: Phrase[] = [];
  for (const [file, text] of Object.entries(files)) {
    const { phrase, problems } = parsePhraseFile(text);
    if (!phrase || problems.length > 0) throw new Error(`Built-in template ${file}: ${problems.map((problem) => `line ${problem.line + 1}: ${problem.message}`).join('; ')}`);
    phrases.push(phrase);
  }
  return (loaded = phrases);
}
