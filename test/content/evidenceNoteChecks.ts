// Content checks of the evidence notes (not shipped: the tests run them).
import { evidenceNotes, type EvidenceNote } from '../../src/guide/evidenceNotes';
import type { GuideOutline } from '../../src/guide/outline';

/** What is wrong with the notes against a guide: an unknown section, a phrase missing or found twice, a note without sources. */
export function checkEvidenceNotes(outline: GuideOutline, notes: readonly EvidenceNote[] = evidenceNotes()): string[] {
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
