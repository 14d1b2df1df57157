import * as vscode from 'vscode';
import { quotedForMessage } from '../../util/messageText';
import { isNote } from '../../util/notes';
import { staysInsideFolder } from '../../util/workspaceFiles';
import handoutStylesheet from '../../../media/handout.css';
import { handoutHtmlDocument } from '../exportHtml';

/** The selection, or else the handout at the cursor: from the `#` heading above it to the next `#` heading. */
function handoutAtCursor(editor: vscode.TextEditor): { markdown: string; title: string } {
  const { document, selection } = editor;
  const isTitle = (line: number) => /^# /.test(document.lineAt(line).text);
  let first = selection.active.line;
  while (first > 0 && !isTitle(first)) first--;
  let last = selection.active.line;
  while (last + 1 < document.lineCount && !isTitle(last + 1)) last++;
  const range = selection.isEmpty ? new vscode.Range(first, 0, last, document.lineAt(last).text.length) : selection;
  const markdown = document.getText(range);
  const title = /^# (.+)$/m.exec(markdown)?.[1].trim() ?? 'Patient handout';
  return { markdown, title };
}

/** Whether `target` is a file that does not exist yet, to be written inside the workspace folder. */
async function isNewFileInside(folder: vscode.Uri | undefined, target: vscode.Uri): Promise<boolean> {
  if (!folder || !(await staysInsideFolder(folder, target))) return false;
  return vscode.workspace.fs.stat(target).then(
    () => false,
    () => true,
  );
}

function fileNameFor(title: string): string {
  return `${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'handout'}.html`;
}

/**
 * Exports the selection or the handout at the cursor as one self-contained, printable HTML file,
 * saved where the user chooses: the save dialog asks before it replaces a file. `target` lets
 * tests and other commands skip the dialog; since any caller can pass it, it must name a new
 * file inside the workspace folder, and nothing is ever replaced without the dialog.
 */
export async function exportHandoutAsHtml(options?: { target?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isNote(editor.document)) {
    void vscode.window.showInformationMessage('Open a Markdown note with a handout, and put the cursor in it, to export it.');
    return undefined;
  }
  const { markdown, title } = handoutAtCursor(editor);
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (options?.target && !(await isNewFileInside(folder, options.target))) {
    void vscode.window.showWarningMessage(
      `The handout was not exported: ${vscode.workspace.asRelativePath(options.target)} exists already or is outside the workspace folder. Run Export Handout as HTML from the Command Palette to choose the file.`,
    );
    return undefined;
  }
  const target =
    options?.target ??
    (await vscode.window.showSaveDialog({
      title: 'Export Handout as HTML',
      saveLabel: 'Export',
      filters: { 'Web page': ['html'] },
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileNameFor(title)) : undefined,
    }));
  if (!target) return undefined;
  const html = handoutHtmlDocument(markdown, { title, stylesheet: handoutStylesheet });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  void vscode.window.showInformationMessage(`Exported “${quotedForMessage(title)}” to ${vscode.workspace.asRelativePath(target)}. Open it in a browser to print it.`);
  return target;
}
