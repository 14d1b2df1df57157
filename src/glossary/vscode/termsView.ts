import * as vscode from 'vscode';
import { registerCommand } from '../../util/commands';
import { GO_TO_TERM_COMMAND } from '../../ids';
import type { GlossaryStore } from './store';
import { escapeMarkdown } from '../hoverContent';
import type { TermCount, TermMatch } from '../matcher';
import { TermIndex } from '../termIndex';
import { groupTermsByCategory, TERM_GROUP_ORDER, termGroupAccessibilityLabel, termGroupIcon, type TermGroup, type TermGroupKey, type TermGroupWording } from '../termGroups';
import { disposeAll } from '../../util/dispose';
import type { NoteModels, NoteModelUpdate } from '../../util/noteModels';
import { isNote } from '../../util/notes';

const TERMS_VIEW_ID = 'iliopsoas.terms';
/** The index follows every edit at once; the tree is redrawn at most this often while typing. */
const REDRAW_DELAY_MS = 150;
/** The rows of terms; those whose entry names guide sections offer Open Guide Section too (package.json `view/item/context`). */
const TERM_ROW = 'iliopsoas.term';
const TERM_ROW_WITH_SECTIONS = 'iliopsoas.termWithSections';

/** The view's words for the categories, in the user's language (also used by Add to Team Glossary's category pick). */
export const termGroupWording: TermGroupWording = {
  name: (key) => {
    switch (key) {
      case 'condition':
        return vscode.l10n.t('Conditions');
      case 'anatomy':
        return vscode.l10n.t('Anatomy');
      case 'examination':
        return vscode.l10n.t('Examination');
      case 'imaging':
        return vscode.l10n.t('Imaging and tests');
      case 'procedure':
        return vscode.l10n.t('Procedures');
      case 'medicine':
        return vscode.l10n.t('Medicines');
      case 'exercise':
        return vscode.l10n.t('Exercise and rehabilitation');
      case 'other':
        return vscode.l10n.t('Other');
    }
  },
  withCount: (name, count) => (count === 1 ? vscode.l10n.t('{0}, 1 term', name) : vscode.l10n.t('{0}, {1} terms', name, count)),
};

/**
 * A category's row. One object per category for as long as the view lives, so that a redraw can
 * name the rows that changed (and VS Code redraws those alone).
 */
export class TermGroupRow {
  terms: readonly TermCount[] = [];
  constructor(readonly key: TermGroupKey) {}
}

/** What the view shows: categories at the top level, the note's terms under them. */
export type TermsViewElement = TermGroupRow | TermCount;

/** Whether a command argument is one of the view's term rows (the element VS Code passes from a row's context menu). */
export function isTermRow(value: unknown): value is TermCount {
  const row = value as Partial<TermCount> | undefined;
  return typeof row?.entry?.term === 'string' && Array.isArray(row.occurrences);
}

/** Whether two lists hold the same rows, in the same order. */
function sameRows(a: readonly TermCount[], b: readonly TermCount[]): boolean {
  return a.length === b.length && a.every((count, i) => count === b[i]);
}

/**
 * "Terms in this Note": the glossary terms of the active note grouped by category (in a fixed
 * clinical order), each category's terms in order of first use, with their counts.
 */
export class TermsInNoteProvider implements vscode.TreeDataProvider<TermsViewElement>, vscode.Disposable {
  private index: TermIndex | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly rows = new Map<TermGroupKey, TermGroupRow>(TERM_GROUP_ORDER.map((key) => [key, new TermGroupRow(key)]));
  /** The top level as last drawn. */
  private shown: TermGroupRow[] = [];
  private readonly didChangeTreeData = new vscode.EventEmitter<TermsViewElement | TermsViewElement[] | undefined>();
  readonly onDidChangeTreeData = this.didChangeTreeData.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly noteModels: NoteModels,
  ) {}

  /** The note the view describes, if any. */
  get note(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** The note's terms in order of first use (the index's answer now, which the rows follow at the next redraw). */
  get terms(): readonly TermCount[] {
    return this.index?.terms() ?? [];
  }

  /** The categories as drawn, each with its terms. */
  get groups(): readonly TermGroup[] {
    return this.shown;
  }

  /** Scans a note whole, from its shared model (or clears the view when there is none). */
  show(document: vscode.TextDocument | undefined): void {
    this.document = document && isNote(document) ? document : undefined;
    this.index = this.document ? new TermIndex(this.store.current(this.document.uri), this.noteModels.get(this.document)) : undefined;
    this.regroup();
    this.didChangeTreeData.fire(undefined);
  }

  /**
   * Stops following the note without a redraw, while the view is hidden: the tree keeps its rows
   * until the next show() replaces them. An emptied tree would bring the welcome content back when
   * the view is shown again, and "Focus on Terms in this Note View" would put the keyboard focus
   * there, to lose it when the rows arrive.
   */
  forget(): void {
    this.document = undefined;
    this.index = undefined;
  }

  /** Brings the index up to date with an edit the note's model has followed, rescanning only the paragraphs it touched. */
  update({ document, model, changes }: NoteModelUpdate): boolean {
    if (!this.index || document !== this.document) return false;
    this.index.update(model, changes);
    return true;
  }

  /** Redraws what the edits since the last redraw changed: nothing when they left the note's terms as they were (most keystrokes). */
  redraw(): void {
    const changed = this.regroup();
    if (changed === 'all') this.didChangeTreeData.fire(undefined);
    else if (changed.length > 0) this.didChangeTreeData.fire(changed);
  }

  /** Puts the index's terms into the category rows: 'all' when the categories shown changed, else the rows whose terms did. */
  private regroup(): 'all' | TermGroupRow[] {
    const groups = groupTermsByCategory(this.terms);
    const sameCategories = groups.length === this.shown.length && groups.every((group, i) => group.key === this.shown[i].key);
    const changed: TermGroupRow[] = [];
    for (const group of groups) {
      const row = this.rows.get(group.key)!;
      if (sameRows(row.terms, group.terms)) continue;
      row.terms = group.terms;
      changed.push(row);
    }
    if (sameCategories) return changed;
    this.shown = groups.map((group) => this.rows.get(group.key)!);
    return 'all';
  }

  getChildren(element?: TermsViewElement): TermsViewElement[] {
    if (!element) return [...this.shown];
    return element instanceof TermGroupRow ? [...element.terms] : [];
  }

  getTreeItem(element: TermsViewElement): vscode.TreeItem {
    return element instanceof TermGroupRow ? this.groupItem(element) : this.termItem(element);
  }

  private groupItem(row: TermGroupRow): vscode.TreeItem {
    const label = termGroupWording.name(row.key);
    const count = row.terms.length;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    // A term starts with a letter or digit, so no term row can take a category's id.
    item.id = `:${row.key}`;
    item.description = `${count}`;
    item.tooltip = count === 1 ? vscode.l10n.t('{0}: 1 term in this note', label) : vscode.l10n.t('{0}: {1} terms in this note', label, count);
    item.iconPath = new vscode.ThemeIcon(termGroupIcon(row.key));
    item.accessibilityInformation = { label: termGroupAccessibilityLabel(row, termGroupWording) };
    return item;
  }

  private termItem(count: TermCount): vscode.TreeItem {
    const { entry, occurrences } = count;
    const item = new vscode.TreeItem(entry.term, vscode.TreeItemCollapsibleState.None);
    item.id = entry.term;
    item.description = `${occurrences.length}`;
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(entry.term)}** — ${escapeMarkdown(entry.definition)}`);
    item.iconPath = new vscode.ThemeIcon('mortar-board');
    const times = occurrences.length;
    item.accessibilityInformation = { label: times === 1 ? vscode.l10n.t('{0}, 1 time in this note', entry.term) : vscode.l10n.t('{0}, {1} times in this note', entry.term, times) };
    item.command = { command: GO_TO_TERM_COMMAND, title: vscode.l10n.t('Go to Next Occurrence'), arguments: [entry.term] };
    item.contextValue = entry.sections.length > 0 ? TERM_ROW_WITH_SECTIONS : TERM_ROW;
    return item;
  }

  dispose(): void {
    this.didChangeTreeData.dispose();
  }
}

/** Selects the next occurrence of a term after the cursor in the active note, wrapping to the top. */
function goToNextOccurrence(provider: TermsInNoteProvider, term: unknown): boolean {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((visible) => visible.document === provider.note);
  const count = provider.terms.find((candidate) => candidate.entry.term === term);
  if (!editor || editor.document !== provider.note || !count) return false;
  // By position: the index's offsets are those of the note model's text, whose line breaks are "\n" in a CRLF document too.
  const cursor = editor.selection.active;
  const after = ({ range: { start } }: TermMatch) => start.line > cursor.line || (start.line === cursor.line && start.character > cursor.character);
  const next = count.occurrences.find(after) ?? count.occurrences[0];
  const { start, end } = next.range;
  editor.selection = new vscode.Selection(start.line, start.character, end.line, end.character);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  return true;
}

/** The view, following the active editor and its edits through the shared note model (redrawn debounced), and the glossary's changes. */
export function registerTermsView(store: GlossaryStore, noteModels: NoteModels): vscode.Disposable & { readonly provider: TermsInNoteProvider } {
  const provider = new TermsInNoteProvider(store, noteModels);
  const view = vscode.window.createTreeView(TERMS_VIEW_ID, { treeDataProvider: provider });
  let pendingRedraw: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    clearTimeout(pendingRedraw);
    pendingRedraw = undefined;
    // Scanning only matters while someone can see the result; the next showing rescans.
    if (!view.visible) {
      provider.forget();
      return;
    }
    provider.show(vscode.window.activeTextEditor?.document);
    showMessage();
  };
  // With no note the tree is empty and has no message, so VS Code shows the view's welcome
  // content (contributes.viewsWelcome: a sentence and buttons); a note without terms gets a message.
  const showMessage = () => {
    view.message = provider.note && provider.terms.length === 0 ? vscode.l10n.t('No glossary terms in this note.') : undefined;
  };
  const redrawSoon = () => {
    pendingRedraw ??= setTimeout(() => {
      pendingRedraw = undefined;
      provider.redraw();
      showMessage();
    }, REDRAW_DELAY_MS);
  };

  const subscriptions = [
    view,
    provider,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    // After the shared model has followed the edit: listening to the document event could read it stale.
    noteModels.onDidUpdate((update) => {
      if (provider.update(update)) redrawSoon();
    }),
    view.onDidChangeVisibility(refresh),
    store.onDidChange(refresh),
    registerCommand(GO_TO_TERM_COMMAND, (term: unknown) => goToNextOccurrence(provider, term)),
  ];
  refresh();
  return {
    provider,
    dispose: () => {
      clearTimeout(pendingRedraw);
      disposeAll(subscriptions);
    },
  };
}
