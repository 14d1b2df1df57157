// Team glossaries over the built-in one (pure: no `vscode`).
import type { GlossaryEntry } from './types';

/**
 * The built-in entries with each team file applied in order: a later entry replaces an earlier
 * one with the same term (ignoring case), or whose term it lists among its variants. Forms the
 * later entry claims are removed from the variants and abbreviations of the entries it keeps,
 * so each written form leads to one entry.
 */
export function mergeGlossaries(builtIn: readonly GlossaryEntry[], teamFiles: readonly (readonly GlossaryEntry[])[]): GlossaryEntry[] {
  let merged: GlossaryEntry[] = [...builtIn];
  for (const file of teamFiles) {
    for (const entry of file) {
      const claimedForms = new Set([entry.term, ...entry.variants].map((form) => form.toLowerCase()));
      const claimedAbbreviations = new Set(entry.abbreviations);
      const replaced = merged.findIndex((existing) => existing.term.toLowerCase() === entry.term.toLowerCase());
      merged = merged
        .map((existing, index) => (index === replaced ? entry : existing))
        .filter((existing) => existing === entry || !claimedForms.has(existing.term.toLowerCase()))
        .map((existing) =>
          existing === entry
            ? existing
            : {
                ...existing,
                variants: existing.variants.filter((variant) => !claimedForms.has(variant.toLowerCase())),
                abbreviations: existing.abbreviations.filter((abbreviation) => !claimedAbbreviations.has(abbreviation)),
              },
        );
      if (replaced < 0) merged.push(entry);
    }
  }
  return merged;
}
