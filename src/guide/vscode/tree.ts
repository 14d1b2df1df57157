import * as vscode from 'vscode';
import { OPEN_SECTION_COMMAND } from '../../ids';
import { firstSentence, type GuideOutline, type GuideSection } from '../outline';
import { isQuiz, isQuizPart } from '../quiz';

function iconFor(section: GuideSection): vscode.ThemeIcon {
  if (isQuiz(section)) return new vscode.ThemeIcon('question');
  if (isQuizPart(section)) return new vscode.ThemeIcon('checklist');
  if (section.parent && isQuiz(section.parent)) return new vscode.ThemeIcon('key');
  return new vscode.ThemeIcon(section.level <= 2 ? 'book' : 'note');
}

/** The guide's sections as a tree, built from the parsed outline. */
/** Context values that menus in package.json key on. */
const SECTION_CONTEXT = 'iliopsoas.section';
const SECTION_WITH_HANDOUT_CONTEXT = 'iliopsoas.sectionWithHandout';

export class GuideTreeProvider implements vscode.TreeDataProvider<GuideSection> {
  constructor(
    private readonly outline: () => GuideOutline,
    /** Whether a patient handout draws on a section (it then gets an inline "insert handout" action). */
    private readonly hasHandout: (sectionId: string) => boolean = () => false,
  ) {}

  getChildren(section?: GuideSection): GuideSection[] {
    return section ? section.children : this.outline().root.children;
  }

  getParent(section: GuideSection): GuideSection | undefined {
    // Top-level sections hang off the (hidden) title node.
    return section.parent === this.outline().root ? undefined : section.parent;
  }

  getTreeItem(section: GuideSection): vscode.TreeItem {
    const item = new vscode.TreeItem(
      section.title,
      section.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = section.id;
    item.iconPath = iconFor(section);
    item.tooltip = firstSentence(section);
    // Without this, screen readers announce the tooltip (a whole sentence) instead of the title.
    item.accessibilityInformation = { label: section.title, role: 'treeitem' };
    item.contextValue = this.hasHandout(section.id) ? SECTION_WITH_HANDOUT_CONTEXT : SECTION_CONTEXT;
    item.command = { command: OPEN_SECTION_COMMAND, title: vscode.l10n.t('Read Section'), arguments: [section.id] };
    return item;
  }
}
