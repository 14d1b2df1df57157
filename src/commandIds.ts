// Command ids shared between features: the reader's links, the tree's items and (later) hovers
// reach each other through these commands rather than through each other's code.
export const OPEN_GUIDE_COMMAND = 'iliopsoas.openGuide';
/** Internal: opens a guide section in the reader; argument: the section id. */
export const OPEN_SECTION_COMMAND = 'iliopsoas.openSection';
export const FIND_IN_GUIDE_COMMAND = 'iliopsoas.findInGuide';
/** Reveals a section in the guide tree; argument: the section id, or none to pick one. */
export const REVEAL_SECTION_COMMAND = 'iliopsoas.revealSection';
