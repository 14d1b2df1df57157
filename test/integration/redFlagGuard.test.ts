import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, openNote, waitFor } from './helpers';
import type { Handout } from '../../src/handouts/handouts';
import { handoutStartMarker, RED_FLAGS_END_MARKER, RED_FLAGS_START_MARKER } from '../../src/handouts/redFlagMarkers';

const SOURCE = 'Iliopsoas Notes';
const CODE = 'red-flags-removed';

const warnings = (document: vscode.TextDocument): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === SOURCE && diagnostic.code === CODE);

/** The note's red-flag warnings, once they are on the lines `expected` (and each message matches `message`). */
async function waitForWarnings(document: vscode.TextDocument, expected: number[], message = /./): Promise<vscode.Diagnostic[]> {
  const shown = () => warnings(document).map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]);
  await waitFor(
    () => `red-flag warnings on lines ${JSON.stringify(expected)} matching ${message}; the note has ${JSON.stringify(shown())}`,
    () => JSON.stringify(warnings(document).map((diagnostic) => diagnostic.range.start.line)) === JSON.stringify(expected) && warnings(document).every((diagnostic) => message.test(diagnostic.message)),
  );
  return warnings(document);
}

/** The line of the note that is exactly `text`. */
function lineOf(document: vscode.TextDocument, text: string, from = 0): number {
  for (let line = from; line < document.lineCount; line++) if (document.lineAt(line).text === text) return line;
  assert.fail(`no line ${JSON.stringify(text)} in the note`);
}

async function deleteLines(editor: vscode.TextEditor, from: number, to: number): Promise<void> {
  assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(from, 0, to, 0))));
}

async function quickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((action) => action.title === 'Put the warning signs back');
  assert.ok(fix?.edit, `no "Put the warning signs back" among ${actions.map((action) => action.title).join(' | ')}`);
  assert.strictEqual(fix.isPreferred, true);
  return fix;
}

describe('the red-flag safety net in notes', () => {
  let handouts: readonly Handout[];
  let backPain: Handout;

  before(async () => {
    handouts = (await extensionApi()).handouts.handouts();
    backPain = handouts.find((handout) => handout.id === 'low-back-pain')!;
    assert.ok(backPain, 'no low-back-pain handout');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** A note with the low back pain handout inserted by command, out of its snippet. */
  async function noteWithHandout(): Promise<vscode.TextEditor> {
    const editor = await openNote('Plan.\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    assert.ok(await vscode.commands.executeCommand('iliopsoas.insertHandout', backPain.id));
    await vscode.commands.executeCommand('leaveSnippet');
    return editor;
  }

  it('warns on the handout\'s marker when its warning signs are deleted, and the quick fix puts them back', async () => {
    const editor = await noteWithHandout();
    const { document } = editor;
    const inserted = document.getText();
    const marker = lineOf(document, handoutStartMarker(backPain.id));
    assert.strictEqual(marker, 2);
    assert.strictEqual(document.lineAt(marker + 1).text, `# ${backPain.title}`);
    // A whole handout: no warning (after the pause the check waits for).
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepStrictEqual(warnings(document), []);

    const start = lineOf(document, RED_FLAGS_START_MARKER);
    const end = lineOf(document, RED_FLAGS_END_MARKER, start);
    const removed = document.getText(new vscode.Range(start, 0, end + 1, 0));
    await deleteLines(editor, start, end + 1);
    const [warning] = await waitForWarnings(document, [marker]);
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(document.getText(warning.range), handoutStartMarker(backPain.id));
    assert.strictEqual(
      warning.message,
      `The warning signs (red flags) of the handout “${backPain.title}” were deleted from this note. Patients need them: use the quick fix to put them back.`,
    );

    await vscode.workspace.applyEdit((await quickFix(document, warning)).edit!);
    const fixed = document.getText();
    assert.ok(fixed.includes(removed), 'the block that was deleted is back, with its markers');
    assert.ok(fixed.indexOf(removed) < fixed.indexOf('## Key points'), 'it is back right under the title');
    assert.ok(fixed.includes('Clinic phone: clinic phone. After hours: after-hours phone.'), 'the unset clinic details as their labels');
    assert.ok(!/\$\{?\d/.test(fixed), 'snippet syntax in the note');
    assert.strictEqual(fixed.length, inserted.length + 1, 'the same block, and a blank line above it');
    await waitForWarnings(document, []);
  });

  it('warns on the block\'s start marker when the block is emptied, and when its 911 part is removed', async () => {
    const editor = await noteWithHandout();
    const { document } = editor;
    const start = lineOf(document, RED_FLAGS_START_MARKER);
    const sameDay = lineOf(document, '**Call us the same day** if you have any of these:', start);
    await deleteLines(editor, start + 1, sameDay);
    const [noEmergency] = await waitForWarnings(document, [start], /no longer say when to call 911/);
    assert.strictEqual(document.getText(noEmergency.range), RED_FLAGS_START_MARKER);

    const end = lineOf(document, RED_FLAGS_END_MARKER, start);
    await deleteLines(editor, start + 1, end);
    const [empty] = await waitForWarnings(document, [start], /are empty in this note/);

    await vscode.workspace.applyEdit((await quickFix(document, empty)).edit!);
    await waitForWarnings(document, []);
    assert.ok(document.getText().includes('**Call 911 or go to the emergency department now**'));
  });

  it('puts back the current block with the clinic details of the note\'s folder as text', async () => {
    const settings = vscode.workspace.getConfiguration('iliopsoas', vscode.workspace.workspaceFolders![0].uri);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, 'notes', `red-flags-${Date.now()}.md`);
    // Leave the workspace as found: no .vscode/ made by this test stays behind for the suites after it.
    const settingsFolder = vscode.Uri.joinPath(folder, '.vscode');
    const settingsFolderExisted = await Promise.resolve(vscode.workspace.fs.stat(settingsFolder)).then(() => true, () => false);
    await settings.update('clinic.phone', '555-0100', vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`Plan.\n\n${handoutStartMarker(backPain.id)}\n# ${backPain.title}\n\n${RED_FLAGS_START_MARKER}\n${RED_FLAGS_END_MARKER}\n`));
      const editor = await vscode.window.showTextDocument(file);
      const [empty] = await waitForWarnings(editor.document, [5], /are empty in this note/);
      await vscode.workspace.applyEdit((await quickFix(editor.document, empty)).edit!);
      assert.ok(editor.document.getText().includes('Clinic phone: 555-0100. After hours: after-hours phone.'), editor.document.getText().slice(-400));
      await waitForWarnings(editor.document, []);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await settings.update('clinic.phone', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      if (!settingsFolderExisted) await Promise.resolve(vscode.workspace.fs.delete(settingsFolder, { recursive: true })).then(undefined, () => undefined);
    }
  });

  it('leaves a note without markers alone, whatever it says about red flags', async () => {
    const editor = await openNote('# Back pain\n\n## Warning signs: get help now\n\nNo red flags today.\n');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepStrictEqual(warnings(editor.document), []);
    // A handout shown in a code block is text, not a handout.
    const fenced = await openNote(`\`\`\`\n${handoutStartMarker(backPain.id)}\n# ${backPain.title}\n\`\`\`\n`);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepStrictEqual(warnings(fenced.document), []);
  });

  it('exports a handout without its marker text', async () => {
    const editor = await noteWithHandout();
    editor.selection = new vscode.Selection(4, 0, 4, 0); // in the handout, below its title
    const folder = vscode.workspace.workspaceFolders![0];
    const target = vscode.Uri.joinPath(folder.uri, `iliopsoas-red-flags-export-${Date.now()}.html`);
    try {
      assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('iliopsoas.exportHandoutHtml', { target }))?.toString(), target.toString());
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(html.includes('Call 911 or go to the emergency department now'), 'the warning signs are exported');
      assert.ok(!html.includes('iliopsoas-handout') && !html.includes('iliopsoas-red-flags') && !html.includes('&lt;!--'), 'marker text in the export');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
