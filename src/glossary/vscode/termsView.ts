import * as vscode from 'vscode';
import { registerCommand } from '../../util/commands';
import { GO_TO_TERM_COMMAND } from '../../ids';
import type { GlossaryStore } from './store';
import { escapeMarkdown } from '../hoverContent';
import type { TermCount, TermMatch } from '../matcher';
import { TermIndex } from '../termIndex';
import { disposeAll } from '../../util/dispose';
import type { NoteModels, NoteModelUpdate } from '../../util/noteModels';
import { isNote } from '../../util/notes';

const TERMS_VIEW_ID = 'iliopsoas.terms';
/** The index follows every edit at once; the tree is redrawn at most this often while typing. */
const REDRAW_DELAY_MS = 150;

/** "Terms in this Note": the glossary terms of the active note, in order of first use, with their counts. */
export class TermsInNoteProvider implements vscode.TreeDataProvider<TermCount>, vscode.Disposable {
  private index: TermIndex | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly didChangeTreeData = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.didChangeTreeData.event;

  constructor(
    private readonly store: GlossaryStore,
    private readonly noteModels: NoteModels,
  ) {}

  /** The note the view describes, if any. */
  get note(): vscode.TextDocument | undefined {
    return this.document;
  }

  get terms(): readonly TermCount[] {
    return this.index?.terms() ?? [];
  }

  /** Scans a note whole, from its shared model (or clears the view when there is none). */
  show(document: vscode.TextDocument | undefined): void {
    this.document = document && isNote(document) ? document : undefined;
    this.index = this.document ? new TermIndex(this.store.current(this.document.uri), this.noteModels.get(this.document)) : undefined;
    this.didChangeTreeData.fire();
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

  redraw(): void {
    this.didChangeTreeData.fire();
  }

  getChildren(element?: TermCount): TermCount[] {
    return element ? [] : [...this.terms];
  }

  getTreeItem(count: TermCount): vscode.TreeItem {
    const { entry, occurrences } = count;
    const item = new vscode.TreeItem(entry.term, vscode.TreeItemCollapsibleState.None);
    item.id = entry.term;
    item.description = `${occurrences.length}`;
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(entry.term)}** — ${escapeMarkdown(entry.definition)}`);
    item.iconPath = new vscode.ThemeIcon('mortar-board');
    item.accessibilityInformation = { label: `${entry.term}, ${occurrences.length} time${occurrences.length === 1 ? '' : 's'} in this note` };
    item.command = { command: GO_TO_TERM_COMMAND, title: 'Go to Next Occurrence', arguments: [entry.term] };
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
    view.message = provider.note && provider.terms.length === 0 ? 'No glossary terms in this note.' : undefined;
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
