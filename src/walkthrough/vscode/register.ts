// Glue for the "Get started with Iliopsoas Notes" walkthrough (contributes.walkthroughs): the one
// command its steps need that no feature offers, opening a sample note to hover terms in.
import * as vscode from 'vscode';
import { registerCommand } from '../../util/commands';

/** Internal (the walkthrough's "Open a Sample Note" button): opens a new untitled Markdown note with sample clinical text. */
const OPEN_SAMPLE_NOTE_COMMAND = 'iliopsoas.openSampleNote';
/** A made-up note that uses several glossary terms; shipped in the .vsix beside the walkthrough's images. */
const SAMPLE_NOTE_PATH = 'media/walkthrough/sample-note.md';

/** Opens a copy of the sample note as an untitled Markdown note, so nothing is written to the workspace. */
export async function openSampleNote(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, SAMPLE_NOTE_PATH));
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(document);
}

export function registerWalkthrough(extensionUri: vscode.Uri): vscode.Disposable {
  return registerCommand(OPEN_SAMPLE_NOTE_COMMAND, () => openSampleNote(extensionUri));
}
