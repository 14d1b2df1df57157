import * as vscode from 'vscode';
import type { GuideOutline, GuideSection } from '../outline';
import { buildSearchIndex, type GuideSearchIndex, type SectionMatch } from '../search';
import { showPick } from '../../util/quickPick';

export interface SectionPickItem extends vscode.QuickPickItem {
  readonly section: GuideSection;
}

function breadcrumb(section: GuideSection): string {
  return section.parent && section.parent.level > 1 ? section.parent.title : '';
}

function toItem({ section, snippet }: SectionMatch): SectionPickItem {
  // alwaysShow: the index already matched the section's text; the QuickPick's own filter would
  // drop sections whose hit is in the body rather than the label.
  return { label: section.title, description: breadcrumb(section), detail: snippet, alwaysShow: true, section };
}

/**
 * A QuickPick over every section that narrows, as the user types, to the sections whose title or
 * text contain all the words typed. Returned so callers (and tests) can observe it.
 */
export function showFindInGuide(outline: GuideOutline, open: (section: GuideSection) => void): vscode.QuickPick<SectionPickItem> {
  let index: GuideSearchIndex | undefined;
  const search = (query: string) => (index ??= buildSearchIndex(outline)).find(query).map(toItem);
  return showPick<SectionPickItem>({
    title: vscode.l10n.t('Find in Iliopsoas Guide'),
    placeholder: vscode.l10n.t('Words to find in the guide, e.g. "stenosis nerve roots"'),
    matchOnDescription: true,
    items: search(''),
    onDidChangeValue: search,
    accept: (chosen) => open(chosen.section),
    hideBeforeAccept: false, // the reader opens first, so hiding the pick does not take its focus back
  });
}

/** A plain pick of a section by its title. */
export async function pickSection(outline: GuideOutline, placeHolder: string): Promise<GuideSection | undefined> {
  const picked = await vscode.window.showQuickPick(
    outline.sections.map((section) => ({ label: section.title, description: breadcrumb(section), section })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.section;
}
