// Entry point of the multi-root suite inside the extension host: the integration suite's runner
// over this folder's tests, in a window with two workspace folders (test/fixtures/multiroot).
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../integration/helpers';
import { runSuite } from '../integration/index';

/** Whether the extension was active before any test ran: these folders have team glossaries (workspaceContains). */
export const activeAtStart: { value?: boolean } = {};

export function run(): Promise<void> {
  return runSuite(__dirname, () => {
    activeAtStart.value = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;
    return Promise.resolve();
  });
}
