import * as vscode from 'vscode';
import { registerCommand } from '../../util/commands';
import { disposeAll } from '../../util/dispose';
import { quotedForMessage } from '../../util/messageText';
import { FIND_IN_GUIDE_COMMAND, OPEN_GUIDE_COMMAND, OPEN_SECTION_COMMAND, REVEAL_SECTION_COMMAND } from '../../ids';
import { pickSection, showFindInGuide } from './findInGuide';
import type { GuideOutline, GuideSection } from '../outline';
import { GuideReader, READER_VIEW_TYPE } from './reader';
import { GuideTreeProvider } from './tree';

const SECTIONS_VIEW_ID = 'iliopsoas.sections';

export interface GuideFeature extends vscode.Disposable {
  readonly tree: GuideTreeProvider;
  readonly treeView: vscode.TreeView<GuideSection>;
  readonly reader: GuideReader;
}

/** The guide's sidebar tree, its reader and its commands. */
export function registerGuide(extensionUri: vscode.Uri, outline: () => GuideOutline, hasHandout?: (sectionId: string) => boolean): GuideFeature {
  const tree = new GuideTreeProvider(outline, hasHandout);
  const treeView = vscode.window.createTreeView(SECTIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const reader = new GuideReader(extensionUri, outline);

  const reveal = async (sectionId: string, focus: boolean) => {
    const section = outline().get(sectionId);
    if (section) await treeView.reveal(section, { select: true, focus, expand: true });
  };

  const disposables: vscode.Disposable[] = [
    treeView,
    reader,
    // After a window reload VS Code hands the reader tab back to it, with the section it showed.
    vscode.window.registerWebviewPanelSerializer(READER_VIEW_TYPE, reader),
    // Returns the warning it shows, if any, so callers (and tests) can tell a missing section apart.
    registerCommand(OPEN_SECTION_COMMAND, (sectionId: unknown): string | undefined => {
      if (typeof sectionId === 'string' && reader.show(sectionId, { preserveFocus: true })) return undefined;
      const warning = vscode.l10n.t('Iliopsoas Guide has no section "{0}".', quotedForMessage(String(sectionId)));
      void vscode.window.showWarningMessage(warning);
      return warning;
    }),
    registerCommand(OPEN_GUIDE_COMMAND, () => reader.show()),
    registerCommand(FIND_IN_GUIDE_COMMAND, () => showFindInGuide(outline(), (section) => reader.show(section.id))),
    registerCommand(REVEAL_SECTION_COMMAND, async (sectionId?: unknown) => {
      const id = typeof sectionId === 'string' ? sectionId : (await pickSection(outline(), vscode.l10n.t('Section to reveal in the guide tree')))?.id;
      if (id) await reveal(id, true);
    }),
    // Keep the tree's selection on the section being read (prev/next links, Find in Guide).
    reader.onDidShowSection((section) => {
      if (treeView.visible && section !== outline().root && treeView.selection[0] !== section) void reveal(section.id, false);
    }),
  ];

  return {
    tree,
    treeView,
    reader,
    dispose: () => disposeAll(disposables),
  };
}
