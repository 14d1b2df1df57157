// Whether the window's start activates the extension (it must not: only a note, its views or its
// commands do), and whether opening a note does. Checked by the runner (index.ts) before the
// suite, while nothing has touched the extension yet; activation.test asserts what it found.
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

/**
 * A built-in extension (in code-server and in desktop VS Code) that activates on
 * `onStartupFinished` alone: once it is active, the window has finished starting. (The web
 * workbench keeps one extension under development, so a probe of our own could not be loaded beside ours.)
 */
export const STARTUP_SIGNAL_ID = 'vscode.merge-conflict';
/** A note of the fixture workspace, opened as a person would open one. */
export const FIRST_NOTE = 'notes/2026-11-16-follow-up.md';

export interface StartupActivation {
  /** Ours, once the window had finished starting (the signal active), with no note, view or command used. */
  activeAfterStartup: boolean;
  /** Ours, after FIRST_NOTE was opened in an editor. */
  activeAfterNoteOpened: boolean;
}

export const startupActivation: { result?: StartupActivation; error?: string } = {};

export async function checkStartupActivation(): Promise<void> {
  try {
    const signal = vscode.extensions.getExtension(STARTUP_SIGNAL_ID);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const signalEvents = (signal?.packageJSON as { activationEvents?: string[] } | undefined)?.activationEvents;
    if (!signal || JSON.stringify(signalEvents) !== '["onStartupFinished"]') {
      throw new Error(`${STARTUP_SIGNAL_ID} no longer activates on onStartupFinished alone (${JSON.stringify(signalEvents)}): choose another signal that the window has started`);
    }
    if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
    if (extension.isActive) throw new Error('the extension was already active when the check began');
    await waitFor(`onStartupFinished (${STARTUP_SIGNAL_ID} active)`, () => signal.isActive, 60_000);
    const activeAfterStartup = extension.isActive;
    const [folder] = vscode.workspace.workspaceFolders ?? [];
    if (!folder) throw new Error('no workspace folder');
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, FIRST_NOTE));
    const activeAfterNoteOpened = await waitFor('the extension active after a note was opened', () => extension.isActive, 20_000).catch(() => false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    startupActivation.result = { activeAfterStartup, activeAfterNoteOpened };
  } catch (err) {
    startupActivation.error = err instanceof Error ? err.message : String(err);
  }
}
