import * as vscode from 'vscode';
import { quotedForMessage } from '../../util/messageText';
import { logError } from '../../util/log';
import { isNote } from '../../util/notes';
import { staysInsideFolder } from '../../util/workspaceFiles';
import handoutStylesheet from '../../../media/handout.css';
import { exportFooter, handoutHtmlDocument } from '../exportHtml';
import { defaultExportFolder, exportActionLabel, exportedFileActions, exportFileName, type ExportAction, type ExportActionLabels } from '../exportChoices';
import { clinicSettingsFor } from './clinicSettings';
import { confirmExportOfUnfinished, type ExportWithUnfinishedFields } from './unfinishedFields';

/** workspaceState key: the folder (a Uri string) of the last handout exported in this workspace. */
export const LAST_EXPORT_FOLDER_KEY = 'iliopsoas.export.lastFolder';

/** The selection, or else the handout at the cursor: from the `#` heading above it to the next `#` heading. */
function handoutAtCursor(editor: vscode.TextEditor): { markdown: string; title: string; start: vscode.Position } {
  const { document, selection } = editor;
  const isTitle = (line: number) => /^# /.test(document.lineAt(line).text);
  let first = selection.active.line;
  while (first > 0 && !isTitle(first)) first--;
  let last = selection.active.line;
  while (last + 1 < document.lineCount && !isTitle(last + 1)) last++;
  const range = selection.isEmpty ? new vscode.Range(first, 0, last, document.lineAt(last).text.length) : selection;
  const markdown = document.getText(range);
  const title = /^# (.+)$/m.exec(markdown)?.[1].trim() ?? vscode.l10n.t({ message: 'Patient handout', comment: 'The title of an exported handout that has no # heading' });
  return { markdown, title, start: range.start };
}

/** Whether `target` is a file that does not exist yet, to be written inside the workspace folder. */
async function isNewFileInside(folder: vscode.Uri | undefined, target: vscode.Uri): Promise<boolean> {
  if (!folder || !(await staysInsideFolder(folder, target))) return false;
  return vscode.workspace.fs.stat(target).then(
    () => false,
    () => true,
  );
}

/** The folder a Uri's file is in. */
function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

function isFolder(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    (stat) => (stat.type & vscode.FileType.Directory) !== 0,
    () => false,
  );
}

/**
 * The file the save dialog suggests for a handout exported from `document`: named after the
 * title, beside the note, or (for a note that is not a file yet) in the last export folder while
 * it is still inside a workspace folder and there, or else in the workspace folder.
 */
export async function defaultExportUri(document: vscode.TextDocument, title: string, memory: vscode.Memento): Promise<vscode.Uri | undefined> {
  const remembered = memory.get<unknown>(LAST_EXPORT_FOLDER_KEY);
  const lastExport = typeof remembered === 'string' ? parsedUri(remembered) : undefined;
  const folder = defaultExportFolder(
    {
      besideNote: document.isUntitled ? undefined : folderOf(document.uri),
      lastExport: lastExport && (await isFolder(lastExport)) ? lastExport : undefined,
      workspaceFolder: (vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0])?.uri,
    },
    (candidate) => vscode.workspace.getWorkspaceFolder(candidate) !== undefined,
  );
  return folder && vscode.Uri.joinPath(folder, exportFileName(title));
}

function parsedUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** The notification's buttons for a file exported here (see exportedFileActions). */
export function exportActionsFor(target: vscode.Uri): readonly ExportAction[] {
  return exportedFileActions({ web: vscode.env.uiKind === vscode.UIKind.Web, remote: vscode.env.remoteName !== undefined, scheme: target.scheme });
}

/** The notification's buttons' labels in the user's language (read when it is shown). */
export function exportActionLabels(): ExportActionLabels {
  return {
    openInBrowser: vscode.l10n.t('Open in Browser'),
    revealInExplorer: vscode.l10n.t('Reveal in Explorer'),
    revealInFinder: vscode.l10n.t('Reveal in Finder'),
    revealInFileExplorer: vscode.l10n.t('Reveal in File Explorer'),
    openContainingFolder: vscode.l10n.t('Open Containing Folder'),
  };
}

async function runExportAction(action: ExportAction, target: vscode.Uri): Promise<void> {
  if (action === 'openInBrowser') await vscode.env.openExternal(target);
  else if (action === 'revealInOS') await vscode.commands.executeCommand('revealFileInOS', target);
  else await vscode.commands.executeCommand('revealInExplorer', target);
}

/** Says where the handout went, with buttons to open it in the browser and to show it in a file manager (or VS Code's Explorer). */
async function announceExport(title: string, target: vscode.Uri): Promise<void> {
  // No `process` in the web worker: there, the OS file manager is not offered anyway.
  const platform = typeof process === 'object' ? process.platform : '';
  const labels = exportActionLabels();
  // The chosen button is told by its action, not by its (translated) title.
  const actions = exportActionsFor(target).map((action) => ({ title: exportActionLabel(action, platform, labels), action }));
  const shownTitle = quotedForMessage(title);
  const file = quotedForMessage(vscode.workspace.asRelativePath(target));
  const message = actions.some((item) => item.action === 'openInBrowser')
    ? vscode.l10n.t('Exported “{0}” to {1}. Open it in a browser to print it.', shownTitle, file)
    : vscode.l10n.t('Exported “{0}” to {1}. Download it from the Explorer to print it.', shownTitle, file);
  const chosen = await vscode.window.showInformationMessage(message, ...actions);
  if (chosen) await runExportAction(chosen.action, target);
}

/**
 * Exports the selection or the handout at the cursor as one self-contained, printable HTML file,
 * saved where the user chooses: the save dialog opens beside the note (see defaultExportUri) and
 * asks before it replaces a file. The footer names the clinic of the note's folder and the day.
 * `target` lets tests and other commands skip the dialog; since any caller can pass it, it must
 * name a new file inside the note's workspace folder, and nothing is ever replaced without the dialog.
 * A handout with unfinished fields (`***`, an unchosen list…) is exported only once the user says
 * so, or goes to its first field; `unfinished` answers that question for tests.
 */
export async function exportHandoutAsHtml(memory: vscode.Memento, options?: { target?: vscode.Uri; unfinished?: ExportWithUnfinishedFields }): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isNote(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note with a handout, and put the cursor in it, to export it.'));
    return undefined;
  }
  const { markdown, title, start } = handoutAtCursor(editor);
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (options?.target && !(await isNewFileInside(folder, options.target))) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The handout was not exported: {0} exists already or is outside the workspace folder. Run Export Handout as HTML from the Command Palette to choose the file.',
        quotedForMessage(vscode.workspace.asRelativePath(options.target)),
      ),
    );
    return undefined;
  }
  if (!(await confirmExportOfUnfinished(editor, markdown, start, options?.unfinished))) return undefined;
  const target =
    options?.target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Handout as HTML'),
      saveLabel: vscode.l10n.t({ message: 'Export', comment: 'The save button of the Export Handout as HTML dialog' }),
      filters: { [vscode.l10n.t('Web page')]: ['html'] },
      defaultUri: await defaultExportUri(editor.document, title, memory),
    }));
  if (!target) return undefined;
  const generated = exportFooter(clinicSettingsFor(editor.document.uri).details, new Date());
  const html = handoutHtmlDocument(markdown, { title, stylesheet: handoutStylesheet, generated });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  if (vscode.workspace.getWorkspaceFolder(target)) await memory.update(LAST_EXPORT_FOLDER_KEY, folderOf(target).toString());
  announceExport(title, target).catch((error: unknown) => logError('opening or revealing an exported handout', error));
  return target;
}
