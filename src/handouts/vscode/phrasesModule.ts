import type * as Phrases from '../phrases';

let loaded: typeof Phrases | undefined;

/**
 * The clinic phrases' pure code (src/handouts/phrases/), loaded on first use: the production
 * build keeps it out of dist/extension.js (see esbuild.js). Glue reaches it only through here;
 * types may be imported directly (`import type`), since they leave nothing in the bundle.
 */
export function phrases(): typeof Phrases {
  return (loaded ??= require('../phrases') as typeof Phrases);
}
