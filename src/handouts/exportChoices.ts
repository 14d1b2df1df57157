/**
 * Where an exported handout is saved by default, and what the notification that it was saved
 * offers (pure: no `vscode`; the glue passes its Uris and what it knows of the window).
 */

export interface ExportFolderCandidates<Folder> {
  /** The folder of the note's file; undefined for a note that is not a file yet (untitled). */
  readonly besideNote: Folder | undefined;
  /** The folder of the last export in this workspace, as remembered (if it is still there). */
  readonly lastExport: Folder | undefined;
  /** The note's workspace folder, or else the first one. */
  readonly workspaceFolder: Folder | undefined;
}

/**
 * The folder the save dialog opens in: beside the note, where the handout (which may hold the
 * patient's name) belongs with the note it came from; for a note that is not a file, the last
 * export folder, if it is still inside a workspace folder (and there); else the
 * workspace folder. Beside the note comes first even when another folder was used last: notes
 * are often kept a folder per patient, and the last folder would then be another patient's.
 */
export function defaultExportFolder<Folder>(candidates: ExportFolderCandidates<Folder>, isInsideWorkspace: (folder: Folder) => boolean): Folder | undefined {
  if (candidates.besideNote !== undefined) return candidates.besideNote;
  if (candidates.lastExport !== undefined && isInsideWorkspace(candidates.lastExport)) return candidates.lastExport;
  return candidates.workspaceFolder;
}

/** The file name the save dialog suggests: the handout's title in kebab case. */
export function exportFileName(title: string): string {
  return `${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'handout'}.html`;
}

export type ExportAction = 'openInBrowser' | 'revealInOS' | 'revealInExplorer';

export interface ExportedFileHost {
  /** VS Code runs in a browser (vscode.dev, code-server): there is no OS file manager to show. */
  readonly web: boolean;
  /** The window is remote (SSH, a container…): the file is on another machine. */
  readonly remote: boolean;
  /** The exported file's Uri scheme; only `file` is a file the OS can open. */
  readonly scheme: string;
}

/**
 * The buttons of the "exported" notification. A local file on a desktop can be opened in the
 * default browser and shown in the OS file manager; otherwise (in the browser, a remote or a
 * virtual workspace) neither the OS nor a browser can reach the file, and VS Code's Explorer
 * (which can also download it) is the place to show it.
 */
export function exportedFileActions(host: ExportedFileHost): readonly ExportAction[] {
  return !host.web && !host.remote && host.scheme === 'file' ? ['openInBrowser', 'revealInOS'] : ['revealInExplorer'];
}

/** The buttons' labels (the glue passes them in the user's language; English by default). */
export interface ExportActionLabels {
  readonly openInBrowser: string;
  readonly revealInExplorer: string;
  readonly revealInFinder: string;
  readonly revealInFileExplorer: string;
  readonly openContainingFolder: string;
}

export const EXPORT_ACTION_LABELS: ExportActionLabels = {
  openInBrowser: 'Open in Browser',
  revealInExplorer: 'Reveal in Explorer',
  revealInFinder: 'Reveal in Finder',
  revealInFileExplorer: 'Reveal in File Explorer',
  openContainingFolder: 'Open Containing Folder',
};

/** A button's label, as VS Code words the same commands on each platform (`process.platform`). */
export function exportActionLabel(action: ExportAction, platform: string, labels: ExportActionLabels = EXPORT_ACTION_LABELS): string {
  if (action === 'openInBrowser') return labels.openInBrowser;
  if (action === 'revealInExplorer') return labels.revealInExplorer;
  return platform === 'darwin' ? labels.revealInFinder : platform === 'win32' ? labels.revealInFileExplorer : labels.openContainingFolder;
}
