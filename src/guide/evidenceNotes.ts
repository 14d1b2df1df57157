/**
 * Evidence notes (pure: no `vscode`): where the guide's words stand as the author wrote them but
 * current guidelines advise otherwise, the reader shows a short note with its sources under the
 * paragraph. The notes are data (evidenceNotes.json), so they are listed, checked and rendered
 * from one place, and the guide's own text stays faithful.
 */
import source from './evidenceNotes.json';

export interface EvidenceNote {
  /** Id of the guide section whose paragraph the note follows. */
  readonly section: string;
  /** A phrase of that paragraph, found exactly once in the section's own text. */
  readonly after: string;
  readonly note: string;
  readonly sources: readonly string[];
}

/** Every shipped evidence note, in guide order. */
export const EVIDENCE_NOTES: readonly EvidenceNote[] = source.notes;

/** The notes of one section. */
export function evidenceNotesFor(sectionId: string): EvidenceNote[] {
  return EVIDENCE_NOTES.filter((note) => note.section === sectionId);
}
