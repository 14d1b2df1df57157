import * as vscode from 'vscode';
import { logError } from './log';

/**
 * Registers a command whose errors are never left to reject unseen: each one reaches the
 * "Iliopsoas Notes" log and a short message, and the command returns undefined.
 */
export function registerCommand<Args extends unknown[]>(id: string, handler: (...args: Args) => unknown): vscode.Disposable {
  const failed = (error: unknown): undefined => {
    logError(`running the command ${id}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Iliopsoas Notes could not finish that ({0}). The details are in the "Iliopsoas Notes" output log.', id));
    return undefined;
  };
  return vscode.commands.registerCommand(id, async (...args: Args): Promise<unknown> => {
    try {
      return await handler(...args);
    } catch (error) {
      return failed(error);
    }
  });
}
