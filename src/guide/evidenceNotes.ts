/**
 * Evidence notes (pure: no `vscode`): where the guide's words stand as the author wrote them but
 * current guidelines advise otherwise, the reader shows a short note with its sources under the
 * paragraph. The notes are data (evidenceNotes.json), so they are listed, checked and rendered
 * from one place, and the guide's own text stays faithful.
 */
import source from './evidenceNotes.json';
import type { GuideOutline } from './outline';

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

/** What is wrong with the notes against a guide: an unknown section, a phrase missing or found twice, a note without sources. */
export function checkEvidenceNotes(outline: GuideOutline, notes: readonly EvidenceNote[] = EVIDENCE_NOTES): string[] {
  const problems: string[] = [];
  for (const note of notes) {
    const section = outline.get(note.section);
    if (!section) {
      problems.push(`evidence note for unknown section "${note.section}"`);
      continue;
    }
    const count = section.markdown.split(note.after).length - 1;
    if (count !== 1) problems.push(`"${note.after}" occurs ${count} times in "${section.title}" (it must occur once)`);
    if (note.note.trim() === '') problems.push(`the note after "${note.after}" is empty`);
    if (note.sources.length === 0) problems.push(`the note after "${note.after}" names no source`);
  }
  return problems;
}
