import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import { extensionApi, openNote, waitFor } from './helpers';

const SOURCE = 'Iliopsoas Notes';

/** The note's unfinished-field warnings as [text, "line:character", message], in order. */
function shown(document: vscode.TextDocument): [string, string, string][] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.source === SOURCE && diagnostic.code === 'unfinished-field')
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((diagnostic) => {
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      return [document.getText(diagnostic.range), `${diagnostic.range.start.line}:${diagnostic.range.start.character}`, diagnostic.message];
    });
}

async function waitForShown(document: vscode.TextDocument, expected: [string, string, string][]): Promise<void> {
  await waitFor(
    () => `${JSON.stringify(expected)}, the note shows ${JSON.stringify(shown(document))}`,
    () => JSON.stringify(shown(document)) === JSON.stringify(expected),
  );
}

const selected = (editor: vscode.TextEditor): string => `${editor.selection.start.line}:${editor.selection.start.character} ${editor.document.getText(editor.selection)}`;

describe('Clinic phrases: the completeness check', () => {
  let api: IliopsoasNotesApi;

  before(async () => {
    api = await extensionApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('iliopsoas').update('phrases.checkUnfinishedFields', undefined, vscode.ConfigurationTarget.Global);
  });

  it('warns at each unfinished field, and the warning goes when it is filled', async () => {
    const editor = await openNote('# Assessment\n\nPain ***/10, on the {left|right} side; likes {+walking|cycling}.\nSeen by @CLINICIAN@ for @PATIENT@.\n');
    const { document } = editor;
    await waitForShown(document, [
      ['***', '2:5', 'Unfinished: a blank (***) to fill in'],
      ['{left|right}', '2:20', 'Unfinished: a choice to make (left / right)'],
      ['{+walking|cycling}', '2:45', 'Unfinished: a list to pick from (walking, cycling)'],
      ['@CLINICIAN@', '3:8', 'Unfinished: @CLINICIAN@ to fill in'],
      ['@PATIENT@', '3:24', 'Unfinished: @PATIENT@ to fill in'],
    ]);
    // Filled as a clinician would: the blank selected and typed over, the list replaced by a choice.
    editor.selection = new vscode.Selection(2, 5, 2, 8);
    await vscode.commands.executeCommand('type', { text: '6' });
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 18, 2, 30), 'left'));
    await waitForShown(document, [
      ['{+walking|cycling}', '2:35', 'Unfinished: a list to pick from (walking, cycling)'],
      ['@CLINICIAN@', '3:8', 'Unfinished: @CLINICIAN@ to fill in'],
      ['@PATIENT@', '3:24', 'Unfinished: @PATIENT@ to fill in'],
    ]);
    assert.strictEqual(document.lineAt(2).text, 'Pain 6/10, on the left side; likes {+walking|cycling}.');
    await editor.edit((edit) => {
      edit.replace(new vscode.Range(2, 35, 2, 53), 'walking');
      edit.replace(new vscode.Range(3, 8, 3, 19), 'J. Smith');
      edit.replace(new vscode.Range(3, 24, 3, 33), 'Ann Lee');
    });
    await waitForShown(document, []);
    // A blank typed again is warned again.
    await editor.edit((edit) => edit.insert(new vscode.Position(4, 0), 'Plan: ***\n'));
    await waitForShown(document, [['***', '4:6', 'Unfinished: a blank (***) to fill in']]);
  });

  it('leaves alone code, HTML comments, links, the front matter and chosen lists', async () => {
    const { document } = await openNote(
      [
        '---',
        'patient: @PATIENT@',
        'plan: ***',
        '---',
        'Side: {*left|right}. Inline `***` and `{a|b}`.',
        '<!-- *** {a|b} @DATE@ -->',
        '',
        '```',
        '*** {left|right} @DATE@',
        '```',
        '',
        'See [the guide](https://example.org/{a|b}). Last: ***',
      ].join('\n'),
    );
    await waitForShown(document, [['***', '11:50', 'Unfinished: a blank (***) to fill in']]);
  });

  it('leaves alone the clinic phrase files, whose fields are meant to be there', async () => {
    const phraseFolder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode', 'iliopsoas-phrases');
    const settingsFolder = vscode.Uri.joinPath(phraseFolder, '..');
    const settingsFolderExisted = await Promise.resolve(vscode.workspace.fs.stat(settingsFolder)).then(() => true, () => false);
    const file = vscode.Uri.joinPath(phraseFolder, `completeness-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('---\nname: plan-only\ntitle: Plan\ndescription: A plan\nkind: template\n---\nPlan: ***\n'));
    try {
      const { document } = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      // A note beside it is checked, so the check has run by the time it shows.
      const note = await openNote('Plan: ***\n');
      await waitForShown(note.document, [['***', '0:6', 'Unfinished: a blank (***) to fill in']]);
      assert.deepStrictEqual(shown(document), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await Promise.resolve(vscode.workspace.fs.delete(settingsFolderExisted ? file : settingsFolder, { recursive: true })).then(undefined, () => undefined);
    }
  });

  it('goes to the next and previous field, wrapping around, and says when there is none', async () => {
    const editor = await openNote('Pain ***.\n\nSide {left|right}.\n\nSeen @DATE@.\n');
    await waitForShown(editor.document, [
      ['***', '0:5', 'Unfinished: a blank (***) to fill in'],
      ['{left|right}', '2:5', 'Unfinished: a choice to make (left / right)'],
      ['@DATE@', '4:5', 'Unfinished: @DATE@ to fill in'],
    ]);
    const next = () => vscode.commands.executeCommand<{ wrapped: boolean } | undefined>('iliopsoas.goToNextUnfinishedField');
    const previous = () => vscode.commands.executeCommand<{ wrapped: boolean } | undefined>('iliopsoas.goToPreviousUnfinishedField');
    assert.strictEqual((await next())?.wrapped, false);
    assert.strictEqual(selected(editor), '0:5 ***');
    await next();
    assert.strictEqual(selected(editor), '2:5 {left|right}');
    await next();
    assert.strictEqual(selected(editor), '4:5 @DATE@');
    assert.strictEqual((await next())?.wrapped, true, 'past the last field it wraps to the top');
    assert.strictEqual(selected(editor), '0:5 ***');
    assert.strictEqual((await previous())?.wrapped, true, 'before the first it wraps to the bottom');
    assert.strictEqual(selected(editor), '4:5 @DATE@');
    await previous();
    assert.strictEqual(selected(editor), '2:5 {left|right}');
    // Typing replaces the selected field; the next one is then found from there.
    await vscode.commands.executeCommand('type', { text: 'left' });
    assert.strictEqual(editor.document.lineAt(2).text, 'Side left.');
    await next();
    assert.strictEqual(selected(editor), '4:5 @DATE@');
    // Straight after an edit too, before the warnings are redrawn: the command reads the note as it is.
    await editor.edit((edit) => {
      edit.replace(new vscode.Range(4, 5, 4, 11), 'today');
      edit.replace(new vscode.Range(0, 5, 0, 8), '4/10');
    });
    assert.strictEqual(await next(), undefined, 'no field left');
    assert.strictEqual(editor.document.getText(), 'Pain 4/10.\n\nSide left.\n\nSeen today.\n');
  });

  it('sets the context key that gives F2 its meaning only while the active note has a field', async () => {
    const complete = await openNote('Nothing to fill.\n');
    await waitFor('the key cleared for a complete note', () => !api.handouts.activeNoteHasUnfinishedFields());
    const unfinished = await openNote('Pain ***.\n');
    await waitFor('the key set for a note with a blank', () => api.handouts.activeNoteHasUnfinishedFields());
    await vscode.window.showTextDocument(complete.document);
    await waitFor('the key cleared on going back to the complete note', () => !api.handouts.activeNoteHasUnfinishedFields());
    const editor = await vscode.window.showTextDocument(unfinished.document);
    await waitFor('the key set again', () => api.handouts.activeNoteHasUnfinishedFields());
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 5, 0, 8), '5/10'));
    await waitFor('the key cleared once the blank is filled', () => !api.handouts.activeNoteHasUnfinishedFields());
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '{+a|b}\n'));
    await waitFor('the key set for a new list', () => api.handouts.activeNoteHasUnfinishedFields());
    // The setting off: no warning and no F2 there.
    await vscode.workspace.getConfiguration('iliopsoas').update('phrases.checkUnfinishedFields', false, vscode.ConfigurationTarget.Global);
    await waitForShown(editor.document, []);
    await waitFor('the key cleared with the check off', () => !api.handouts.activeNoteHasUnfinishedFields());
    await vscode.workspace.getConfiguration('iliopsoas').update('phrases.checkUnfinishedFields', undefined, vscode.ConfigurationTarget.Global);
    await waitForShown(editor.document, [['{+a|b}', '1:0', 'Unfinished: a list to pick from (a, b)']]);
    await waitFor('the key set with the check back on', () => api.handouts.activeNoteHasUnfinishedFields());
  });

  it('checks the note is complete: the count, and a list that goes to the field chosen', async () => {
    const editor = await openNote('# Visit\n\nPain ***.\n   Side {left|right}, [link](x) text.   \nSeen @DATE@.\n');
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    const pick = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem>>('iliopsoas.checkNoteComplete');
    try {
      assert.ok(pick, 'no pick');
      assert.strictEqual(pick.title, 'This note has 3 unfinished fields');
      assert.deepStrictEqual(
        pick.items.map((item) => [item.label, item.description, item.detail]),
        [
          ['a blank (***) to fill in', 'line 3', 'Pain ***.'],
          ['a choice to make (left / right)', 'line 4', 'Side {left|right}, [link](x) text.'],
          ['@DATE@ to fill in', 'line 5', 'Seen @DATE@.'],
        ],
      );
      // The first field from the cursor is offered first.
      assert.strictEqual(pick.activeItems[0]?.description, 'line 4');
      // Typing filters by the line's text too; choosing a field selects it in the note. (Accept only
      // once VS Code has narrowed the list: it echoes the active item back.)
      const narrowed = new Promise<void>((resolve) => {
        const subscription = pick.onDidChangeActive((active) => {
          if (active.length === 1 && active[0].description === 'line 5' && pick.value === 'Seen') {
            subscription.dispose();
            resolve();
          }
        });
      });
      pick.value = 'Seen';
      await Promise.race([narrowed, new Promise((_, reject) => setTimeout(() => reject(new Error('the pick did not narrow')), 5000))]);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor(() => `the variable selected (selection: ${selected(editor)})`, () => selected(editor) === '4:5 @DATE@');
    } finally {
      pick?.hide();
    }
    await editor.edit((edit) => {
      edit.replace(new vscode.Range(4, 5, 4, 11), 'today');
      edit.replace(new vscode.Range(3, 8, 3, 20), 'left');
    });
    const one = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem>>('iliopsoas.checkNoteComplete');
    try {
      assert.strictEqual(one?.title, 'This note has 1 unfinished field');
    } finally {
      one?.hide();
    }
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 5, 2, 8), 'none'));
    assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.checkNoteComplete'), undefined, 'a complete note shows no pick');
  });

  describe('Export Handout as HTML', () => {
    const folder = () => vscode.workspace.workspaceFolders![0].uri;
    const exists = (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
    let target: vscode.Uri;

    beforeEach(() => {
      target = vscode.Uri.joinPath(folder(), `iliopsoas-unfinished-${Date.now()}.html`);
    });

    afterEach(async () => {
      await Promise.resolve(vscode.workspace.fs.delete(target)).then(undefined, () => undefined);
    });

    it('goes to the handout’s first unfinished field instead of exporting, when asked to', async () => {
      const editor = await openNote('Visit notes: ***.\n\n# Your exercises\n\nWalk {10|20} minutes a day, ***.\n');
      editor.selection = new vscode.Selection(4, 0, 4, 0);
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.exportHandoutHtml', { target, unfinished: 'goToFirst' }), undefined);
      assert.strictEqual(await exists(target), false, 'nothing written');
      // The handout's first field, not the note's.
      assert.strictEqual(selected(editor), '4:5 {10|20}');
    });

    it('exports it anyway when asked to, and without asking a handout that is complete', async () => {
      const editor = await openNote('# Your exercises\n\nWalk {10|20} minutes a day.\n');
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      const written = await vscode.commands.executeCommand<vscode.Uri>('iliopsoas.exportHandoutHtml', { target, unfinished: 'export' });
      assert.strictEqual(written?.toString(), target.toString());
      assert.ok(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)).includes('Walk {10|20} minutes a day.'));
      await vscode.workspace.fs.delete(target);
      await editor.edit((edit) => edit.replace(new vscode.Range(2, 5, 2, 12), '20'));
      // No answer given: a handout without fields asks nothing (a question would leave this waiting).
      assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('iliopsoas.exportHandoutHtml', { target }))?.toString(), target.toString());
    });

    it('exports without asking when the check is off', async () => {
      const editor = await openNote('# Your exercises\n\nWalk *** minutes a day.\n');
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      await vscode.workspace.getConfiguration('iliopsoas').update('phrases.checkUnfinishedFields', false, vscode.ConfigurationTarget.Global);
      // No answer given: a question would leave this waiting.
      const written = await vscode.commands.executeCommand<vscode.Uri>('iliopsoas.exportHandoutHtml', { target });
      assert.strictEqual(written?.toString(), target.toString());
    });
  });
});
