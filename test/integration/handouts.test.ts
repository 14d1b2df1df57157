import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import { extensionApi, openNote, waitFor } from './helpers';
import type { Handout } from '../../src/handouts/handouts';
import { isoLocalDate } from '../../src/handouts/exportHtml';
import { handoutStartMarker } from '../../src/handouts/redFlagMarkers';

/** A note file in a new subfolder of the workspace folder, opened in an editor with the cursor at its end; removed by `remove`. */
async function noteInSubfolder(content: string): Promise<{ editor: vscode.TextEditor; folder: vscode.Uri; remove: () => Promise<void> }> {
  const workspaceFolder = vscode.workspace.workspaceFolders![0].uri;
  const folder = vscode.Uri.joinPath(workspaceFolder, 'notes', `clinic-test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
  const file = vscode.Uri.joinPath(folder, 'visit.md');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
  const editor = await vscode.window.showTextDocument(file);
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  const remove = async () => {
    // Reverted first: closing a changed file would ask whether to save it.
    const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === file.toString());
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
  };
  return { editor, folder, remove };
}

/** Sets the clinic's details for the workspace folder (undefined clears one), as a clinic's .vscode/settings.json would. */
async function setClinic(details: { name?: string; phone?: string; afterHoursPhone?: string }): Promise<void> {
  const settings = vscode.workspace.getConfiguration('iliopsoas', vscode.workspace.workspaceFolders![0].uri);
  for (const key of ['name', 'phone', 'afterHoursPhone'] as const) {
    await settings.update(`clinic.${key}`, details[key], vscode.ConfigurationTarget.WorkspaceFolder);
  }
}

/** How an inserted handout starts: its marker line (see redFlagMarkers.ts), then its title. */
const opening = (handout: Handout) => `${handoutStartMarker(handout.id)}\n# ${handout.title}\n`;

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
    assert.ok(text.startsWith(opening(stretching)), text.slice(0, 80));
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

  describe('with the clinic\'s details set for the note\'s folder', () => {
    // Snippet syntax and Markdown in the values: each must reach the note as text.
    const clinic = { name: 'Riverside Physio & Co [main]', phone: '555-0100 $1 }' };

    before(() => setClinic(clinic));
    after(() => setClinic({}));

    it('writes them into a handout inserted by Insert Handout…, escaped, and leaves the unset after-hours number a blank to Tab to', async () => {
      const note = await noteInSubfolder('Plan.\n\n');
      try {
        assert.strictEqual(vscode.workspace.getConfiguration('iliopsoas', note.editor.document.uri).get('clinic.phone'), clinic.phone);
        await vscode.commands.executeCommand('iliopsoas.insertHandout', stretching.id);
        const text = note.editor.document.getText();
        assert.ok(text.includes('Call Riverside Physio & Co \\[main\\] at 555-0100 \\$1 } if:'), text.slice(text.indexOf('## When to call'), text.indexOf('## When to call') + 120));
        assert.ok(text.includes('Clinic phone: 555-0100 \\$1 }. After hours: after-hours phone.'), 'the phone in the warning signs, the after-hours number a blank');
        assert.ok(text.indexOf('Call 911') < text.indexOf('Clinic phone: 555-0100'), 'the 911 part comes first and has no clinic number');
        assert.ok(!/\$\{?\d/.test(text.replace(/\\\$1/g, '')), 'snippet syntax left in the note');
        // Tab walks the handout's own blanks, then the after-hours number: the clinic's name and phone are filled in already.
        const visited: string[] = [];
        for (let step = 0; step < 20 && note.editor.document.getText(note.editor.selection) !== 'after-hours phone'; step++) {
          visited.push(note.editor.document.getText(note.editor.selection));
          await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        }
        assert.strictEqual(note.editor.document.getText(note.editor.selection), 'after-hours phone', visited.join(' | '));
        assert.ok(!visited.includes('clinic phone') && !visited.includes('clinic name'), visited.join(' | '));
      } finally {
        await note.remove();
      }
    });

    it('writes them into a handout inserted by dot-phrase', async () => {
      const note = await noteInSubfolder('Plan.\n\n.');
      try {
        const item = (await completionsAtEnd(note.editor, '.')).find((candidate) => labelOf(candidate) === `.${stretching.id}`);
        assert.ok(item?.insertText instanceof vscode.SnippetString && item.range instanceof vscode.Range, 'no dot-phrase snippet');
        // What accepting the suggestion does: its snippet over the typed ".".
        await note.editor.insertSnippet(item.insertText, item.range);
        const text = note.editor.document.getText();
        assert.ok(text.startsWith(`Plan.\n\n${opening(stretching)}`), text.slice(0, 60));
        assert.ok(text.includes('Call Riverside Physio & Co \\[main\\] at 555-0100 \\$1 } if:'));
        assert.ok(text.includes('Clinic phone: 555-0100 \\$1 }. After hours: after-hours phone.'));
      } finally {
        await note.remove();
      }
    });

    it('exports beside the note, with a footer that names the clinic and the day', async () => {
      const note = await noteInSubfolder('Visit notes.\n\n');
      try {
        await vscode.commands.executeCommand('iliopsoas.insertHandout', stretching.id);
        await vscode.commands.executeCommand('leaveSnippet');
        note.editor.selection = new vscode.Selection(3, 0, 3, 0);
        const suggested = await api.handouts.exportDefaultUri(note.editor.document, stretching.title);
        assert.strictEqual(suggested?.toString(), vscode.Uri.joinPath(note.folder, 'warm-up-and-stretching-program.html').toString(), 'the save dialog opens beside the note');
        const written = await vscode.commands.executeCommand<vscode.Uri>('iliopsoas.exportHandoutHtml', { target: suggested });
        assert.strictEqual(written?.toString(), suggested.toString());
        const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(suggested));
        assert.ok(html.includes(`<footer class="generated"><p>Riverside Physio &amp; Co [main] · Phone: 555-0100 $1 } · ${isoLocalDate(new Date())}</p></footer>`), html.slice(html.indexOf('<footer'), html.indexOf('</footer>') + 9));
        // The escaped values read as themselves in the page, with no link.
        assert.ok(html.includes('Call Riverside Physio &amp; Co [main] at 555-0100 $1 } if:'), 'the clinic line as text');
        assert.ok(!/<script|<link|src="http/i.test(html));
        // A handout in a note that is not a file yet goes where the last one went, while that folder exists.
        const untitled = await openNote('# Untitled handout\n\nRest.\n');
        assert.strictEqual((await api.handouts.exportDefaultUri(untitled.document, 'Untitled handout'))?.toString(), vscode.Uri.joinPath(note.folder, 'untitled-handout.html').toString());
        await note.remove();
        assert.strictEqual(
          (await api.handouts.exportDefaultUri(untitled.document, 'Untitled handout'))?.toString(),
          vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'untitled-handout.html').toString(),
          'a folder that is gone is not suggested',
        );
      } finally {
        await note.remove();
      }
    });
  });

  it('inserts a handout with a blank to Tab to for each clinic detail that is not set, never an empty one', async () => {
    const note = await noteInSubfolder('');
    try {
      assert.strictEqual(vscode.workspace.getConfiguration('iliopsoas', note.editor.document.uri).get('clinic.phone'), '');
      await vscode.commands.executeCommand('iliopsoas.insertHandout', stretching.id);
      const text = note.editor.document.getText();
      assert.ok(text.includes('Call clinic name at clinic phone if:'));
      assert.ok(text.includes('Clinic phone: clinic phone. After hours: after-hours phone.'));
    } finally {
      await note.remove();
    }
  });

  it('offers the exported file\'s buttons that work here, and their commands exist', async () => {
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'handout.html');
    const actions = api.handouts.exportActions(file);
    const commands = await vscode.commands.getCommands(true);
    // In a browser (code-server, vscode.dev) or a remote window, only VS Code's Explorer can show the file.
    if (vscode.env.uiKind === vscode.UIKind.Web || vscode.env.remoteName !== undefined) {
      assert.deepStrictEqual(actions, ['revealInExplorer']);
    } else {
      assert.deepStrictEqual(actions, file.scheme === 'file' ? ['openInBrowser', 'revealInOS'] : ['revealInExplorer']);
    }
    if (actions.includes('revealInExplorer')) assert.ok(commands.includes('revealInExplorer'));
    if (actions.includes('revealInOS')) assert.ok(commands.includes('revealFileInOS'));
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
    await waitFor(`the handout (the note has: ${JSON.stringify(editor.document.getText().slice(0, 60))}; active: ${vscode.window.activeTextEditor?.document.uri.toString()})`, () => editor.document.getText().startsWith(opening(stretching)));
  });

  it('offers the handout of a guide section from the tree’s inline action', async () => {
    const section = api.guide.tree.getChildren(api.guide.tree.getChildren()[4]).find((child) => child.id === 'warm-up-and-stretching')!;
    assert.strictEqual(api.guide.tree.getTreeItem(section).contextValue, 'iliopsoas.sectionWithHandout');
    const drawnFrom = handouts.filter((handout) => handout.sections.includes('warm-up-and-stretching'));
    assert.deepStrictEqual(drawnFrom.map((handout) => handout.id), [stretching.id], 'the test expects one handout for this section');
    const editor = await openNote('');
    await vscode.commands.executeCommand('iliopsoas.insertSectionHandout', section);
    assert.ok(editor.document.getText().startsWith(opening(stretching)), editor.document.getText().slice(0, 80));
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
