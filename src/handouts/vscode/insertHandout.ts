import * as vscode from 'vscode';
import { handoutBody, type Handout } from '../handouts';
import { clinicSettingsFor } from './clinicSettings';
import { isNote } from '../../util/notes';
import { showPick } from '../../util/quickPick';

export interface HandoutPickItem extends vscode.QuickPickItem {
  /** Inserts it: a built-in handout, or a clinic's. */
  readonly insert: () => Promise<boolean>;
}

/** Where a handout goes: the active note, or a new untitled Markdown note. */
export async function markdownEditor(): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active && isNote(active.document)) return active;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown' });
  return vscode.window.showTextDocument(document);
}

/**
 * Inserts a handout as a snippet, so its tab stops (patient, clinician, follow-up…) can be filled
 * in turn, with the clinic's details of the note's folder written in. A clinic setting that
 * cannot be used is named in a warning, and its field stays a blank to fill in.
 */
export async function insertHandout(handout: Handout): Promise<boolean> {
  const editor = await markdownEditor();
  const clinic = clinicSettingsFor(editor.document.uri);
  const inserted = await editor.insertSnippet(new vscode.SnippetString(handoutBody(handout, clinic.details)));
  if (clinic.problems.length > 0) {
    // The problems are the clinic settings' own sentences (English, from the pure module).
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} The handout has a blank to fill in there instead.', clinic.problems.join(' ')));
  }
  return inserted;
}

/**
 * A pick of handouts with their description, the guide sections they draw on and their reading
 * grade. Returned so callers (and tests) can observe it; choosing an item inserts that handout.
 */
export function showHandoutPick(items: readonly HandoutPickItem[], placeholder: string): vscode.QuickPick<HandoutPickItem> {
  return showPick<HandoutPickItem>({
    title: vscode.l10n.t('Insert Patient Handout'),
    placeholder,
    matchOnDescription: true,
    matchOnDetail: true,
    items,
    accept: (chosen) => chosen.insert(),
  });
}
