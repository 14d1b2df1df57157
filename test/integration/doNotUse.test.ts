import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, followCommandLink, openNote, waitFor } from './helpers';

const SOURCE = 'Do Not Use';

const ours = (document: vscode.TextDocument): vscode.Diagnostic[] => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === SOURCE);
const codeOf = (diagnostic: vscode.Diagnostic): string | number | undefined => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
/** The note's Do Not Use diagnostics as [code, text, severity], in document order. */
const shown = (document: vscode.TextDocument): [string | number | undefined, string, string][] =>
  ours(document)
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((diagnostic) => [codeOf(diagnostic), document.getText(diagnostic.range), vscode.DiagnosticSeverity[diagnostic.severity]]);

async function waitForShown(document: vscode.TextDocument, expected: [string, string, string][]): Promise<void> {
  await waitFor(
    () => `${JSON.stringify(expected)}, the note shows ${JSON.stringify(shown(document))}`,
    () => JSON.stringify(shown(document)) === JSON.stringify(expected),
  );
}

async function codeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
}

/** The quick fix titled `title` for the diagnostic on `text`, failing with the titles there are. */
async function quickFix(document: vscode.TextDocument, text: string, title: string): Promise<vscode.CodeAction> {
  const diagnostic = ours(document).find((candidate) => document.getText(candidate.range) === text);
  assert.ok(diagnostic, `no diagnostic on ${text}`);
  const actions = await codeActions(document, diagnostic.range);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no "${title}" among ${actions.map((candidate) => candidate.title).join(' | ')}`);
  return action;
}

const rules = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration('iliopsoas', scope);

describe('Do Not Use as a linter', () => {
  let folder: vscode.WorkspaceFolder;
  let settingsFolderExisted = false;
  const settingsFolder = () => vscode.Uri.joinPath(folder.uri, '.vscode');

  before(async () => {
    await extensionApi();
    folder = vscode.workspace.workspaceFolders![0];
    settingsFolderExisted = await Promise.resolve(vscode.workspace.fs.stat(settingsFolder())).then(() => true, () => false);
  });

  // The folder settings these tests write live in .vscode/settings.json: leave the workspace as it
  // was found, so the next suite starts without a .vscode/ it did not make.
  after(async () => {
    if (!settingsFolderExisted) await Promise.resolve(vscode.workspace.fs.delete(settingsFolder(), { recursive: true })).then(undefined, () => undefined);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Every level a test may have written, back to nothing.
    await rules().update('doNotUse.rules', undefined, vscode.ConfigurationTarget.Global);
    await rules().update('doNotUse.rules', undefined, vscode.ConfigurationTarget.Workspace);
    await rules(folder.uri).update('doNotUse.rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  /** A note saved in the workspace folder (deleted after the test), shown in an editor. */
  async function noteInFolder(content: string): Promise<{ editor: vscode.TextEditor; remove: () => Promise<void> }> {
    const uri = vscode.Uri.joinPath(folder.uri, `do-not-use-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    return { editor, remove: () => Promise.resolve(vscode.workspace.fs.delete(uri)).then(undefined, () => undefined) };
  }

  it('turns a rule off and another into errors by the setting, and back', async () => {
    const { document } = await openNote('Give 10 U qd.\n');
    await waitForShown(document, [
      ['unit', 'U', 'Warning'],
      ['daily', 'qd', 'Warning'],
    ]);
    await rules().update('doNotUse.rules', { unit: 'off', daily: 'error' }, vscode.ConfigurationTarget.Global);
    await waitForShown(document, [['daily', 'qd', 'Error']]);
    // A level that is no level leaves the rule as it was by default.
    await rules().update('doNotUse.rules', { unit: 'of', daily: 'error' }, vscode.ConfigurationTarget.Global);
    await waitForShown(document, [
      ['unit', 'U', 'Warning'],
      ['daily', 'qd', 'Error'],
    ]);
    await rules().update('doNotUse.rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForShown(document, [
      ['unit', 'U', 'Warning'],
      ['daily', 'qd', 'Warning'],
    ]);
  });

  it('applies the folder’s own setting to the notes in the folder, over the user’s', async () => {
    // The host opens one folder (not a .code-workspace), so this checks the folder level of a
    // single-folder workspace; there the workspace's settings are the folder's.
    assert.strictEqual(vscode.workspace.workspaceFile, undefined);
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
    const { editor, remove } = await noteInFolder('Draw up 2 cc, give qd.\n');
    try {
      const { document } = editor;
      await waitForShown(document, [
        ['cc', 'cc', 'Warning'],
        ['daily', 'qd', 'Warning'],
      ]);
      await rules().update('doNotUse.rules', { cc: 'error', daily: 'error' }, vscode.ConfigurationTarget.Global);
      await rules(folder.uri).update('doNotUse.rules', { cc: 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
      // The folder's "cc" wins over the user's; the user's "daily" still applies (objects merge across levels).
      await waitForShown(document, [['daily', 'qd', 'Error']]);
      assert.deepStrictEqual(rules(document).inspect('doNotUse.rules')?.workspaceFolderValue, { cc: 'off' });
    } finally {
      await remove();
    }
  });

  it('silences the next line with a comment, only the rules it names, and brings them back when it goes', async () => {
    const editor = await openNote('Plan:\nGive 10 U qd.\n');
    const { document } = editor;
    await waitForShown(document, [
      ['unit', 'U', 'Warning'],
      ['daily', 'qd', 'Warning'],
    ]);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '<!-- iliopsoas-disable-next-line -->\n'));
    await waitForShown(document, []);
    // Naming one rule, typed as a clinician would, keystroke by keystroke.
    editor.selection = new vscode.Selection(1, 32, 1, 32);
    await vscode.commands.executeCommand('type', { text: ' daily' });
    assert.strictEqual(document.lineAt(1).text, '<!-- iliopsoas-disable-next-line daily -->');
    await waitForShown(document, [['unit', 'U', 'Warning']]);
    // A name that is no rule is reported where it stands, and silences nothing.
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 33, 1, 38), 'dialy'));
    await waitForShown(document, [
      ['disable-next-line', 'dialy', 'Information'],
      ['unit', 'U', 'Warning'],
      ['daily', 'qd', 'Warning'],
    ]);
    // The comment deleted: both come back.
    await editor.edit((edit) => edit.delete(new vscode.Range(1, 0, 2, 0)));
    await waitForShown(document, [
      ['unit', 'U', 'Warning'],
      ['daily', 'qd', 'Warning'],
    ]);
  });

  it('links each diagnostic’s code to its rule on the explanation page, which opens offline and raises nothing itself', async () => {
    const { document } = await openNote('Warfarin 1.0 mg.\n');
    const [diagnostic] = await waitFor('the diagnostic', () => ours(document).length === 1 && ours(document));
    const code = diagnostic.code;
    assert.ok(typeof code === 'object', `the code is ${JSON.stringify(code)}, not a link`);
    assert.strictEqual(code.value, 'trailing-zero');
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'iliopsoas.showDoNotUseRules');
    // What VS Code's hover and Problems view do with it: run the command with the link's arguments.
    await followCommandLink(code.target.toString());
    const page = await waitFor('the page', () => vscode.window.activeTextEditor?.document.uri.scheme === 'iliopsoas-do-not-use' && vscode.window.activeTextEditor);
    assert.strictEqual(page.document.languageId, 'markdown');
    assert.strictEqual(page.document.lineAt(page.selection.active.line).text, '## `trailing-zero`');
    assert.ok(page.document.getText().includes('Joint Commission'));
    // Opened as a note, the page itself is checked, and is clean.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepStrictEqual(ours(page.document), []);
    // The notice about a comment opens the part on comments; the command from the palette, the top.
    await vscode.commands.executeCommand('iliopsoas.showDoNotUseRules', 'settings');
    assert.strictEqual(vscode.window.activeTextEditor!.document.lineAt(vscode.window.activeTextEditor!.selection.active.line).text, '## Settings and comments');
    await vscode.commands.executeCommand('iliopsoas.showDoNotUseRules');
    assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line, 0);
  });

  it('disables a rule for one line with a comment above it, inside the list item above', async () => {
    const editor = await openNote('Meds:\n- Aspirin 75 mg QD\n- Insulin 10 U qd\n');
    const { document } = editor;
    await waitForShown(document, [
      ['daily', 'QD', 'Warning'],
      ['unit', 'U', 'Warning'],
      ['daily', 'qd', 'Warning'],
    ]);
    const action = await quickFix(document, 'U', 'Disable “unit” for this line');
    assert.ok(action.edit);
    await vscode.workspace.applyEdit(action.edit);
    assert.strictEqual(document.getText(), 'Meds:\n- Aspirin 75 mg QD\n  <!-- iliopsoas-disable-next-line unit -->\n- Insulin 10 U qd\n');
    await waitForShown(document, [
      ['daily', 'QD', 'Warning'],
      ['daily', 'qd', 'Warning'],
    ]);
    // The same on the other finding of that line adds its rule to the comment.
    const second = await quickFix(document, 'qd', 'Disable “daily” for this line');
    await vscode.workspace.applyEdit(second.edit!);
    assert.strictEqual(document.lineAt(2).text, '  <!-- iliopsoas-disable-next-line unit daily -->');
    await waitForShown(document, [['daily', 'QD', 'Warning']]);
  });

  it('disables a rule in the note’s folder settings, and for a note outside any folder in the workspace’s', async () => {
    const { editor, remove } = await noteInFolder('Draw up 2 cc.\n');
    try {
      const { document } = editor;
      await waitForShown(document, [['cc', 'cc', 'Warning']]);
      await rules(folder.uri).update('doNotUse.rules', { daily: 'error' }, vscode.ConfigurationTarget.WorkspaceFolder);
      const action = await quickFix(document, 'cc', 'Disable “cc” in this folder');
      assert.ok(action.command && !action.edit);
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      await waitForShown(document, []);
      // Only the folder's value changed, and only that rule in it.
      const held = rules(folder.uri).inspect('doNotUse.rules');
      assert.deepStrictEqual(held?.workspaceFolderValue, { daily: 'error', cc: 'off' });
      assert.strictEqual(held?.globalValue, undefined);
    } finally {
      await remove();
    }
    await rules(folder.uri).update('doNotUse.rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    const untitled = await openNote('Give 10 U.\n');
    await waitForShown(untitled.document, [['unit', 'U', 'Warning']]);
    const action = await quickFix(untitled.document, 'U', 'Disable “unit” in this workspace');
    await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
    await waitForShown(untitled.document, []);
    assert.deepStrictEqual(rules().inspect('doNotUse.rules')?.workspaceValue, { unit: 'off' });
  });

  it('ignores the disable command called with anything but a rule and a Uri', async () => {
    for (const args of [[], ['nope', folder.uri], ['cc', folder.uri.toString()], ['cc', { scheme: 'file', path: '/' }]]) {
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.disableDoNotUseRule', ...args), undefined, JSON.stringify(args));
    }
    assert.strictEqual(rules().inspect('doNotUse.rules')?.workspaceValue, undefined);
    assert.strictEqual(rules().inspect('doNotUse.rules')?.globalValue, undefined);
  });

  it('fixes lab values no more: upper-case units of results stay silent, doses in cc do not', async () => {
    const { document } = await openNote('Labs: CR 1.0 mg/DL, TSH 2.8 IU/ML, glucose 5.0 MMOL/L, Hb 14.0 G/DL.\nKenalog 40.0 mg with 2.50 cc lidocaine, then .5 cc.\n');
    await waitForShown(document, [
      ['trailing-zero', '40.0', 'Warning'],
      ['trailing-zero', '2.50', 'Warning'],
      ['cc', 'cc', 'Warning'],
      ['leading-zero', '.5', 'Warning'],
      ['cc', 'cc', 'Warning'],
    ]);
  });
});
