import * as vscode from 'vscode';
import { snippetPlainText } from '../../markdown/snippets';
import { staysInsideFolder } from '../../util/workspaceFiles';
import { phrases } from './phrasesModule';
import { DEFAULT_PHRASE_FOLDER, phraseFolderPaths } from './clinicPhrases';

/** The folder a new phrase goes to: the active note's, the only one, or the one the user picks. */
async function folderForPhrase(): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofActive = active && vscode.workspace.getWorkspaceFolder(active);
  if (ofActive) return ofActive;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Add the clinic phrase to which folder?') });
}

/**
 * *Iliopsoas: New Clinic Phrase*: asks for the dot-phrase, creates `<phrase folder>/<name>.md`
 * in the note's workspace folder (the first folder of `iliopsoas.phrases.folders`), and opens it
 * with a starter phrase showing every kind of field, as a snippet to Tab through. `name` is for
 * tests (no input box). An existing file is opened, never overwritten.
 */
export async function newClinicPhrase(name?: string): Promise<vscode.TextEditor | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: clinic phrases are files in the workspace, shared through git.'));
    return undefined;
  }
  const folder = await folderForPhrase();
  if (!folder) return undefined;
  const path = phraseFolderPaths(folder).paths[0] ?? DEFAULT_PHRASE_FOLDER;
  const chosen =
    name ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Clinic Phrase'),
      prompt: vscode.l10n.t('The dot-phrase clinicians will type, without the dot'),
      placeHolder: phrases().EXAMPLE_PHRASE_NAME,
      validateInput: (value) => (phrases().isPhraseName(value) ? undefined : vscode.l10n.t('Lower-case letters and digits, words joined by hyphens, such as lbp-followup.')),
    }));
  if (chosen === undefined || !phrases().isPhraseName(chosen)) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, path, `${chosen}.md`);
  if (!(await staysInsideFolder(folder.uri, uri))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The phrase folder {0} is outside the workspace folder (or reached through a link): Iliopsoas Notes writes phrase files only inside it.', path));
    return undefined;
  }
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (exists) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: opened it.', vscode.workspace.asRelativePath(uri)));
    return vscode.window.showTextDocument(uri);
  }
  const snippet = phrases().NEW_PHRASE_SNIPPET.replace(`${'$'}{1:${phrases().EXAMPLE_PHRASE_NAME}}`, chosen);
  // Written as a valid phrase at once (an empty file would be a broken phrase to every clinician
  // who pulls it), then replaced in the editor by the same text as a snippet, to Tab through.
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(snippetPlainText(snippet)));
  const editor = await vscode.window.showTextDocument(uri);
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  await editor.insertSnippet(new vscode.SnippetString(snippet), whole);
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Clinic phrases are offered once you trust this workspace; until then only the built-in ones are.'));
  }
  return editor;
}
