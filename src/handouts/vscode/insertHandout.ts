import * as vscode from 'vscode';
import type { Handout } from '../handouts';

export interface HandoutPickItem extends vscode.QuickPickItem {
  readonly handout: Handout;
}

/** Where a handout goes: the active Markdown editor, or a new untitled Markdown note. */
async function markdownEditor(): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') return active;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown' });
  return vscode.window.showTextDocument(document);
}

/** Inserts a handout as a snippet, so its tab stops (patient, clinician, follow-up…) can be filled in turn. */
export async function insertHandout(handout: Handout): Promise<boolean> {
  const editor = await markdownEditor();
  return editor.insertSnippet(new vscode.SnippetString(handout.body));
}

/**
 * A pick of handouts with their description, the guide sections they draw on and their reading
 * grade. Returned so callers (and tests) can observe it; choosing an item inserts that handout.
 */
export function showHandoutPick(items: readonly HandoutPickItem[], placeholder: string): vscode.QuickPick<HandoutPickItem> {
  const pick = vscode.window.createQuickPick<HandoutPickItem>();
  pick.title = 'Insert Patient Handout';
  pick.placeholder = placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  const subscriptions = [
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      pick.hide();
      if (chosen) void insertHandout(chosen.handout);
    }),
    pick.onDidHide(() => {
      subscriptions.forEach((subscription) => subscription.dispose());
      pick.dispose();
    }),
  ];
  pick.show();
  return pick;
}
