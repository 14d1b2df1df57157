import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Iliopsoas Notes" log (Output view), created on first use. */
export function log(): vscode.LogOutputChannel {
  return (channel ??= vscode.window.createOutputChannel('Iliopsoas Notes', { log: true }));
}

/** Records an error every catch reaches, with what the extension was doing; never throws. */
export function logError(doing: string, error: unknown): void {
  try {
    log().error(`Error while ${doing}:`, error instanceof Error ? error : String(error));
  } catch {
    // The log itself failed (the window is closing): nothing else can be done.
  }
}

/** Disposes the log channel (at deactivation). */
export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
