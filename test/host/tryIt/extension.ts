// The try-it window's first screen (`npm run try` installs this beside the extension; it is never
// shipped). The URL opens a sample note (test/host/tryItHost.ts); no setting, URL parameter or
// code-server option chooses the side bar's view, so this shows the guide's tree there, gives the
// keyboard back to the note, and offers the walkthrough in a notification.
import * as vscode from 'vscode';

/** package.json `viewsContainers.activitybar` id of the extension; VS Code names its command after it. */
const SHOW_GUIDE_VIEWS = 'workbench.view.extension.iliopsoasGuide';
const WALKTHROUGH = 'clinicnotes.iliopsoas-notes#getStarted';
const TAKE_THE_TOUR = 'Take the Tour';

export async function activate(): Promise<void> {
  await vscode.commands.executeCommand(SHOW_GUIDE_VIEWS);
  if (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  const choice = await vscode.window.showInformationMessage(
    'This is a sample notes folder. Rest the mouse on a medical term in the note to see what it means; the guide is in the side bar.',
    TAKE_THE_TOUR,
  );
  if (choice === TAKE_THE_TOUR) await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
}
