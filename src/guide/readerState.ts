/**
 * What the reader keeps in its webview's state (pure: no `vscode`): the id of the section on
 * screen, which VS Code hands back after a window reload. The state comes from the webview,
 * so it is checked: anything but a known section id restores the guide's title page.
 */

export interface ReaderState {
  readonly section: string;
}

// Section ids are slugs; anything much longer is not one.
const MAX_SECTION_ID_LENGTH = 200;

/** The section id to restore from a webview state, or undefined for the guide's title page. */
export function restoredSectionId(state: unknown, isSection: (id: string) => boolean): string | undefined {
  if (typeof state !== 'object' || state === null || !Object.prototype.hasOwnProperty.call(state, 'section')) return undefined;
  const section = (state as Partial<Record<keyof ReaderState, unknown>>).section;
  if (typeof section !== 'string' || section.length > MAX_SECTION_ID_LENGTH || !isSection(section)) return undefined;
  return section;
}
