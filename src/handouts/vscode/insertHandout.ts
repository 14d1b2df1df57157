import * as vscode from 'vscode';
import type { Handout } from '../handouts';
import { isNote } from '../../util/notes';
import { showPick } from '../../util/quickPick';

export interface HandoutPickItem extends vscode.QuickPickItem {
  readonly handout: Handout;
}

/** Where a handout goes: the active note, or a new untitled Markdown note. */
async function markdownEditor(): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active && isNote(active.document)) return active;
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
  return showPick<HandoutPickItem>({
    title: 'Insert Patient Handout',
    placeholder,
    matchOnDescription: true,
    matchOnDetail: true,
    items,
    accept: (chosen) => insertHandout(chosen.handout),
  });
}
