import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import { extensionApi, openNote, waitFor } from './helpers';
import type { Handout } from '../../src/handouts/handouts';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completionsAtEnd(editor: vscode.TextEditor, trigger?: string): Promise<vscode.CompletionItem[]> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, trigger);
  return list.items;
}

describe('handouts in VS Code', () => {
  let api: IliopsoasNotesApi;
  let handouts: readonly Handout[];
  let stretching: Handout;

  before(async () => {
    api = await extensionApi();
    handouts = api.handouts.handouts();
    stretching = handouts.find((handout) => handout.sections.includes('warm-up-and-stretching'))!;
    assert.ok(handouts.length >= 10 && stretching);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers every handout as a snippet after "handout"', async () => {
    const editor = await openNote('Plan for today.\n\nhandout');
    const labels = (await completionsAtEnd(editor)).map(labelOf);
    for (const handout of handouts) assert.ok(labels.includes(`handout-${handout.id}`), `no snippet handout-${handout.id} among ${labels.length} items`);
  });

  it('offers the handouts as dot-phrases after "." and not after a full stop', async () => {
    const editor = await openNote('Plan for today.\n\n.');
    const labels = (await completionsAtEnd(editor, '.')).map(labelOf);
    for (const handout of handouts) assert.ok(labels.includes(`.${handout.id}`), `no dot-phrase .${handout.id} among ${labels.join(' ')}`);
    const sentence = await openNote('Walk daily.');
    assert.ok(!(await completionsAtEnd(sentence, '.')).map(labelOf).some((label) => label.startsWith('.')));
  });

  it('inserts a handout with its tab stops to fill in turn', async () => {
    const editor = await openNote('');
    await vscode.commands.executeCommand('iliopsoas.insertHandout', stretching.id);
    const text = editor.document.getText();
    assert.ok(text.startsWith(`# ${stretching.title}`), text.slice(0, 80));
    assert.ok(!/\$\{?\d/.test(text), 'snippet syntax left in the note');
    const firstStop = editor.document.getText(editor.selection);
    assert.ok(firstStop.length > 0, 'the first tab stop is not selected');
    await vscode.commands.executeCommand('type', { text: 'Jane Doe' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.ok(editor.document.getText().includes('Jane Doe'));
    assert.notStrictEqual(editor.document.getText(editor.selection), firstStop, 'Tab did not move to the next stop');
  });

  it('ends the tab order with the clinic\'s phone numbers in the warning signs, typed where a patient will read them', async () => {
    const editor = await openNote('');
    await vscode.commands.executeCommand('iliopsoas.insertHandout', stretching.id);
    const visited: string[] = [];
    for (let step = 0; step < 20 && editor.document.getText(editor.selection) !== 'clinic phone'; step++) {
      visited.push(editor.document.getText(editor.selection));
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    }
    assert.strictEqual(editor.document.getText(editor.selection), 'clinic phone', `never reached the clinic phone: ${visited.join(' | ')}`);
    await vscode.commands.executeCommand('type', { text: '555-0100' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('type', { text: '555-0199' });
    const text = editor.document.getText();
    assert.match(text, /Clinic phone: 555-0100\. After hours: 555-0199\./);
    assert.ok(text.indexOf('Call 911') < text.indexOf('Clinic phone: 555-0100'), 'the phone numbers sit in the same-day part, after the 911 signs');
    assert.ok(visited.includes('patient name') && visited.indexOf('patient name') === 0, `the patient's name comes first: ${visited.join(' | ')}`);
  });

  it('lists every handout with its grade in Insert Handout…, and inserts the one chosen', async () => {
    const editor = await openNote('');
    const pick = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem>>('iliopsoas.insertHandout');
    try {
      assert.strictEqual(pick.items.length, handouts.length);
      for (const item of pick.items) assert.match(item.description ?? '', /^grade [0-6]\.\d$/);
      assert.ok(pick.items.every((item) => /Based on: /.test(item.detail ?? '')));
      // Accept only once VS Code has narrowed the list to the handout typed (it echoes the active item back).
      const narrowed = new Promise<void>((resolve) => {
        const subscription = pick.onDidChangeActive((active) => {
          if (active[0]?.label === stretching.title) {
            subscription.dispose();
            resolve();
          }
        });
      });
      pick.value = stretching.title;
      await Promise.race([narrowed, new Promise((_, reject) => setTimeout(() => reject(new Error('the pick did not narrow')), 5000))]);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    } finally {
      pick.hide();
    }
    await waitFor(`the handout (the note has: ${JSON.stringify(editor.document.getText().slice(0, 60))}; active: ${vscode.window.activeTextEditor?.document.uri.toString()})`, () => editor.document.getText().startsWith(`# ${stretching.title}`));
  });

  it('offers the handout of a guide section from the tree’s inline action', async () => {
    const section = api.guide.tree.getChildren(api.guide.tree.getChildren()[4]).find((child) => child.id === 'warm-up-and-stretching')!;
    assert.strictEqual(api.guide.tree.getTreeItem(section).contextValue, 'iliopsoas.sectionWithHandout');
    const drawnFrom = handouts.filter((handout) => handout.sections.includes('warm-up-and-stretching'));
    assert.deepStrictEqual(drawnFrom.map((handout) => handout.id), [stretching.id], 'the test expects one handout for this section');
    const editor = await openNote('');
    await vscode.commands.executeCommand('iliopsoas.insertSectionHandout', section);
    assert.ok(editor.document.getText().startsWith(`# ${stretching.title}`), editor.document.getText().slice(0, 80));
  });

  it('flags "Do Not Use" abbreviations with a quick fix, and leaves ordinary text alone', async () => {
    const editor = await openNote('Give 10 U insulin QD.\nUS guidelines; 10 ms; Ms. Lee.\n');
    const uri = editor.document.uri;
    const diagnostics = await waitFor('the diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Do Not Use');
      return found.length > 0 && found;
    });
    assert.deepStrictEqual(diagnostics.map((diagnostic) => editor.document.getText(diagnostic.range)), ['U', 'QD']);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.range.start.line === 0), 'a false alarm on line 2');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.includes('units'));
    assert.ok(fix?.edit, `no fix among ${actions.map((action) => action.title).join(', ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    assert.ok(editor.document.getText().startsWith('Give 10 units insulin QD.'));
  });

  it('keeps the "Do Not Use" warnings in place as the note is edited above and inside them', async () => {
    const editor = await openNote('Plan\n\nGive 10 U at night.\n\nWalk daily.\n');
    const ours = () => vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'Do Not Use');
    await waitFor('the warning on line 3', () => ours().length === 1 && ours()[0].range.start.line === 2);
    // Two paragraphs typed above: the warning moves down with its text.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'History\n\nSeen today.\n\n'));
    await waitFor('the warning to move to line 7', () => ours().length === 1 && ours()[0].range.start.line === 6);
    assert.strictEqual(editor.document.getText(ours()[0].range), 'U');
    // A second abbreviation typed into the last paragraph is found without touching the first.
    const last = editor.document.lineCount - 2;
    await editor.edit((edit) => edit.insert(new vscode.Position(last, editor.document.lineAt(last).text.length), ' Take it QD.'));
    await waitFor('both warnings', () => ours().length === 2);
    assert.deepStrictEqual(ours().map((diagnostic) => editor.document.getText(diagnostic.range)).sort(), ['QD', 'U']);
  });

  it('can switch the "Do Not Use" check off', async () => {
    const editor = await openNote('Take it QOD.');
    const ours = () => vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'Do Not Use');
    await waitFor('the diagnostic', () => ours().length === 1);
    const settings = vscode.workspace.getConfiguration('iliopsoas');
    await settings.update('doNotUse.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the diagnostic to clear', () => ours().length === 0);
    } finally {
      await settings.update('doNotUse.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('checks the same documents as every other feature: plain-text notes once the note languages include them', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Take it QOD.' });
    await vscode.window.showTextDocument(document);
    const ours = () => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Do Not Use');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.strictEqual(ours().length, 0, 'a plain-text document is not a note by default');
    const settings = vscode.workspace.getConfiguration('iliopsoas');
    await settings.update('hover.languages', ['markdown', 'plaintext'], vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the diagnostic in the plain-text note', () => ours().length === 1);
    } finally {
      await settings.update('hover.languages', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the diagnostic to clear when plain text is no longer a note', () => ours().length === 0);
  });

  it('reports the reading grade of the whole note', async () => {
    await openNote('Rest your hip for a day or two. Then walk a little more each day. Stop if the pain gets worse. Call us if you are not better in a week.');
    const message = await vscode.commands.executeCommand<string>('iliopsoas.noteReadingGrade');
    assert.match(message, /^This note reads at grade \d+\.\d \(the higher of Flesch–Kincaid \d+\.\d and SMOG \d+\.\d; 31 words\)\. That suits patient handouts\.$/);
  });

  it('grades a note by the one rule, not counting a term the note explains', async () => {
    await openNote('Sciatica (pain that runs down the leg from a pinched nerve) often gets better. Keep moving. Walk a bit each day. Call us if it gets worse.');
    const message = await vscode.commands.executeCommand<string>('iliopsoas.noteReadingGrade');
    assert.match(message, /^This note reads at grade \d+\.\d \(the higher of Flesch–Kincaid \d+\.\d and SMOG \d+\.\d; \d+ words; taught terms not counted: [^)]*\bsciatica\b[^)]*\)\./i);
    await openNote('Sciatica often gets better. Keep moving. Walk a bit each day. Call us if it gets worse, or if it spreads.');
    assert.doesNotMatch(await vscode.commands.executeCommand<string>('iliopsoas.noteReadingGrade'), /taught terms/, 'an unexplained term still counts');
  });

  it('never replaces a file, or writes outside the workspace folder, for a caller that names the file', async () => {
    const editor = await openNote('Notes before.\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('iliopsoas.insertHandout', stretching.id);
    await vscode.commands.executeCommand('leaveSnippet');
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    const folder = vscode.workspace.workspaceFolders![0];
    const existing = vscode.Uri.joinPath(folder.uri, `iliopsoas-export-${Date.now()}-kept.html`);
    const outside = vscode.Uri.joinPath(folder.uri, '..', `iliopsoas-export-${Date.now()}-outside.html`);
    await vscode.workspace.fs.writeFile(existing, new TextEncoder().encode('a file the clinic keeps'));
    try {
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.exportHandoutHtml', { target: existing }), undefined);
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(existing)), 'a file the clinic keeps');
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.exportHandoutHtml', { target: outside }), undefined);
      assert.strictEqual(await vscode.workspace.fs.stat(outside).then(() => 'written', () => 'not written'), 'not written');
    } finally {
      await vscode.workspace.fs.delete(existing).then(undefined, () => undefined);
    }
  });

  it('exports the handout at the cursor as one self-contained HTML file', async () => {
    const editor = await openNote('Notes before.\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('iliopsoas.insertHandout', stretching.id);
    await vscode.commands.executeCommand('leaveSnippet');
    editor.selection = new vscode.Selection(3, 0, 3, 0); // the cursor in the handout, nothing selected
    // In the workspace folder (deleted below): the one place both the Node and the web extension host can write.
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const target = vscode.Uri.joinPath(folder.uri, `iliopsoas-export-${Date.now()}.html`);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('iliopsoas.exportHandoutHtml', { target });
      assert.strictEqual(written?.toString(), target.toString());
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(html.startsWith('<!DOCTYPE html>'));
      assert.ok(html.includes(`<title>${stretching.title.replace(/&/g, '&amp;')}</title>`), html.slice(html.indexOf('<body'), html.indexOf('<body') + 600));
      assert.ok(!html.includes('Notes before.'), 'text outside the handout was exported');
      assert.ok(!/<script|<link|src="http/i.test(html));
      assert.ok(editor.document.getText().includes(stretching.title));
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
