// Command ids shared between features: the reader's links, the tree's items, the glossary's
// hovers and the handouts reach each other through these commands rather than through each
// other's code. "Internal" commands are hidden from the Command Palette.
export const OPEN_GUIDE_COMMAND = 'iliopsoas.openGuide';
/** Internal: opens a guide section in the reader; argument: the section id. */
export const OPEN_SECTION_COMMAND = 'iliopsoas.openSection';
export const FIND_IN_GUIDE_COMMAND = 'iliopsoas.findInGuide';
/** Reveals a section in the guide tree; argument: the section id, or none to pick one. */
export const REVEAL_SECTION_COMMAND = 'iliopsoas.revealSection';

/** Internal: inserts a term's plain-language explanation into a note; argument: InsertExplanationArgs. */
export const INSERT_PLAIN_EXPLANATION_COMMAND = 'iliopsoas.insertPlainExplanation';
/** Internal: selects the next occurrence of a term in the active note; argument: the term. */
export const GO_TO_TERM_COMMAND = 'iliopsoas.goToTerm';
export const OPEN_TEAM_GLOSSARY_COMMAND = 'iliopsoas.openTeamGlossary';
/**
 * Adds the selected term to the note's folder's team glossary, asking for its texts. Argument: a
 * note's URI (the editor's context menu), or AddToTeamGlossaryArgs (the code action; tests give
 * the texts there instead of typing them).
 */
export const ADD_TO_TEAM_GLOSSARY_COMMAND = 'iliopsoas.addToTeamGlossary';

// Internal: the term actions of a "Terms in this Note" row's context menu and of a term's code
// actions in a note. Argument: the row, or `{ term, uri?, line? }` (the note and the line of the term).
export const INSERT_TERM_EXPLANATION_COMMAND = 'iliopsoas.insertTermExplanation';
export const OPEN_TERM_SECTION_COMMAND = 'iliopsoas.openTermSection';
export const FIND_TERM_IN_WORKSPACE_COMMAND = 'iliopsoas.findTermInWorkspace';
export const COPY_TERM_DEFINITION_COMMAND = 'iliopsoas.copyTermDefinition';

/** Inserts a handout; argument: a handout id, or none to pick one. */
export const INSERT_HANDOUT_COMMAND = 'iliopsoas.insertHandout';
/** Internal (the guide tree's inline action): the handouts drawn from a section; argument: the section or its id. */
export const INSERT_SECTION_HANDOUT_COMMAND = 'iliopsoas.insertSectionHandout';
/** Inserts a clinic phrase, note template or handout; argument: InsertPhraseArgs (a dot-phrase's), or none to pick one. */
export const INSERT_PHRASE_COMMAND = 'iliopsoas.insertPhrase';
/** Creates a clinic phrase file in the note's folder's phrase folder and opens it, filled with a starter phrase. */
export const NEW_CLINIC_PHRASE_COMMAND = 'iliopsoas.newClinicPhrase';
export const NOTE_READING_GRADE_COMMAND = 'iliopsoas.noteReadingGrade';
export const EXPORT_HANDOUT_COMMAND = 'iliopsoas.exportHandoutHtml';
/** Select the next (previous) unfinished field of the active note: `***`, an unchosen list, an unfilled `@VARIABLE@`. */
export const GO_TO_NEXT_UNFINISHED_FIELD_COMMAND = 'iliopsoas.goToNextUnfinishedField';
export const GO_TO_PREVIOUS_UNFINISHED_FIELD_COMMAND = 'iliopsoas.goToPreviousUnfinishedField';
/** Reports the active note's unfinished fields, in a pick that goes to the one chosen (returned). */
export const CHECK_NOTE_COMPLETE_COMMAND = 'iliopsoas.checkNoteComplete';

/**
 * A `command:` URI, as used in webview links and trusted hover Markdown. encodeURIComponent
 * leaves `( ) ' ! *` as they are, and an unbalanced `)` (a term like "stage 1)") would end a
 * Markdown link early: those are percent-encoded too, which the command's arguments decode from.
 */
export function commandUri(command: string, ...args: unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${query}`;
}

/** Opens the page that explains the Do Not Use rules; argument: a rule id (or "settings") to open it at, or none. */
export const SHOW_DO_NOT_USE_RULES_COMMAND = 'iliopsoas.showDoNotUseRules';
/** Internal (a quick fix): sets a Do Not Use rule to "off"; arguments: the rule id and the note's Uri, whose folder's settings get it. */
export const DISABLE_DO_NOT_USE_RULE_COMMAND = 'iliopsoas.disableDoNotUseRule';
