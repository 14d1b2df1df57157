/**
 * Evidence notes (pure: no `vscode`): where the guide's words stand as the author wrote them but
 * current guidelines advise otherwise, the reader shows a short note with its sources under the
 * paragraph. The notes are data (evidenceNotes.json), so they are listed, checked and rendered
 * from one place, and the guide's own text stays faithful.
 */

export interface EvidenceNote {
  /** Id of the guide section whose paragraph the note follows. */
  readonly section: string;
  /** A phrase of that paragraph, found exactly once in the section's own text. */
  readonly after: string;
  readonly note: string;
  readonly sources: readonly string[];
}

let shipped: readonly EvidenceNote[] | undefined;

/**
 * Every shipped evidence note, in guide order. Read on first use (the reader's first page), not
 * with the bundle: the production build loads it from its own file in dist/ (see esbuild.js).
 */
export function evidenceNotes(): readonly EvidenceNote[] {
  // The type import also makes tsc copy the JSON next to the compiled module, as the unit tests run it.
  return (shipped ??= (require('./evidenceNotes.json') as typeof import('./evidenceNotes.json')).notes);
}

/** The notes of one section. */
export function evidenceNotesFor(sectionId: string): EvidenceNote[] {
  return evidenceNotes().filter((note) => note.section === sectionId);
}
