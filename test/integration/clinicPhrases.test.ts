import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import { INSERT_PHRASE_COMMAND, NEW_CLINIC_PHRASE_COMMAND } from '../../src/ids';
import { extensionApi, openNote, waitFor } from './helpers';

const encoder = new TextEncoder();

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function dotPhrases(editor: vscode.TextEditor): Promise<vscode.CompletionItem[]> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, '.');
  return list.items.filter((item) => labelOf(item).startsWith('.'));
}

const PHRASE = [
  '---',
  'name: lbp-recheck',
  'title: LBP recheck',
  'description: A short recheck note',
  'kind: template',
  '---',
  '**Patient:** @PATIENT@',
  '**Side:** {left|right}',
  '**Eases it:** {+walking|cycling|swimming}',
  '**Plan:** ***',
].join('\n');

describe('clinic phrases: files in .vscode/iliopsoas-phrases/', function () {
  this.timeout(30_000);
  let api: IliopsoasNotesApi;
  let phraseFolder: vscode.Uri;

  /** The .vscode/ folder, if this suite made it: removed with what it holds, so the suites after start from the workspace as it was. */
  let createdVscodeFolder: vscode.Uri | undefined;

  before(async () => {
    api = await extensionApi();
    const vscodeFolder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode');
    phraseFolder = vscode.Uri.joinPath(vscodeFolder, 'iliopsoas-phrases');
    const existed = await vscode.workspace.fs.stat(vscodeFolder).then(
      () => true,
      () => false,
    );
    createdVscodeFolder = existed ? undefined : vscodeFolder;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.fs.delete(createdVscodeFolder ?? phraseFolder, { recursive: true }).then(undefined, () => undefined);
    await api.handouts.clinicPhrases.whenLoaded();
  });

  it('offers the built-in note templates as dot-phrases, beside the handouts', async () => {
    const editor = await openNote('# Visit\n\n.');
    const labels = (await dotPhrases(editor)).map(labelOf);
    for (const name of ['.lbp-initial', '.hip-assessment', '.follow-up', '.discharge-summary', '.low-back-pain']) assert.ok(labels.includes(name), `${name} in ${labels.join(' ')}`);
  });

  it('offers a phrase file saved in the workspace as a dot-phrase within a second, and inserts it with Tab stops', async () => {
    const editor = await openNote('---\npatient: Ann Lee\n---\n# Visit\n\n.');
    await dotPhrases(editor); // the folder is read now, before the file exists
    const file = vscode.Uri.joinPath(phraseFolder, 'lbp-recheck.md');
    await vscode.workspace.fs.writeFile(file, encoder.encode(PHRASE));
    const saved = Date.now();
    const item = await waitFor('.lbp-recheck among the dot-phrases', async () => (await dotPhrases(editor)).find((candidate) => labelOf(candidate) === '.lbp-recheck'), 5_000);
    const elapsed = Date.now() - saved;
    assert.ok(elapsed < 1_000, `offered ${elapsed} ms after saving`);
    assert.strictEqual(item.command?.command, INSERT_PHRASE_COMMAND);

    // What accepting the item does: the typed ".", replaced by nothing, then its command (pick-many answered here).
    await editor.edit((edit) => edit.delete(item.range instanceof vscode.Range ? item.range : item.range!.replacing));
    const args = { ...(item.command.arguments![0]), picked: [['walking', 'swimming']] };
    assert.strictEqual(await vscode.commands.executeCommand(INSERT_PHRASE_COMMAND, args), true);
    const text = editor.document.getText();
    assert.ok(text.includes('**Patient:** Ann Lee'), text);
    assert.ok(text.includes('**Eases it:** walking, swimming'), text);
    // The first unfinished field is selected: the list, as written, until chosen.
    assert.strictEqual(editor.document.getText(editor.selection), '{left|right}');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.strictEqual(editor.document.getText(editor.selection), '***');
    await vscode.commands.executeCommand('type', { text: 'Review in 2 weeks' });
    assert.ok(editor.document.getText().includes('**Plan:** Review in 2 weeks'));
  });

  it('follows a phrase file’s edits and deletion', async () => {
    const file = vscode.Uri.joinPath(phraseFolder, 'hip-check.md');
    await vscode.workspace.fs.writeFile(file, encoder.encode(PHRASE.replace('lbp-recheck', 'hip-check')));
    const editor = await openNote('# Visit\n\n.');
    await waitFor('.hip-check offered', async () => (await dotPhrases(editor)).some((item) => labelOf(item) === '.hip-check'));
    await vscode.workspace.fs.writeFile(file, encoder.encode(PHRASE.replace('lbp-recheck', 'hip-recheck')));
    await waitFor('.hip-recheck offered instead', async () => {
      const labels = (await dotPhrases(editor)).map(labelOf);
      return labels.includes('.hip-recheck') && !labels.includes('.hip-check');
    });
    await vscode.workspace.fs.delete(file);
    await waitFor('.hip-recheck gone', async () => !(await dotPhrases(editor)).some((item) => labelOf(item) === '.hip-recheck'));
  });

  it('follows a subfolder of phrases deleted whole', async () => {
    const subfolder = vscode.Uri.joinPath(phraseFolder, 'hip-clinic');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(subfolder, 'hip-sub.md'), encoder.encode(PHRASE.replace('lbp-recheck', 'hip-sub')));
    const names = async () => (await api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri)).map((phrase) => phrase.name);
    await waitFor('.hip-sub offered', async () => (await names()).includes('hip-sub'));
    await vscode.workspace.fs.delete(subfolder, { recursive: true });
    await waitFor('.hip-sub gone with its folder', async () => !(await names()).includes('hip-sub'));
  });

  it('names a broken file and its line in the Problems view, and still offers the others', async () => {
    const good = vscode.Uri.joinPath(phraseFolder, 'good-one.md');
    const broken = vscode.Uri.joinPath(phraseFolder, 'broken.md');
    await vscode.workspace.fs.writeFile(good, encoder.encode(PHRASE.replace('lbp-recheck', 'good-one')));
    await vscode.workspace.fs.writeFile(broken, encoder.encode('---\nname: Not A Name\nkind: template\n---\nText ***'));
    // Asking for the phrases, as a dot-phrase does, also looks the folder through again if a watcher lost the event.
    const ask = () => api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri);
    const diagnostics = await waitFor('the broken file’s problem', async () => {
      await ask();
      const found = vscode.languages.getDiagnostics(broken);
      return found.length > 0 && found;
    });
    assert.strictEqual(diagnostics[0].range.start.line, 1);
    assert.match(diagnostics[0].message, /"Not A Name" is not a dot-phrase/);
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    const editor = await openNote('# Visit\n\n.');
    await waitFor('.good-one still offered', async () => (await dotPhrases(editor)).some((item) => labelOf(item) === '.good-one'));
    await vscode.workspace.fs.delete(broken);
    await waitFor('the problem gone with the file', async () => (await ask(), vscode.languages.getDiagnostics(broken).length === 0));
  });

  it('warns on the second file that uses a name, and offers the first', async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(phraseFolder, 'a-first.md'), encoder.encode(PHRASE.replace('lbp-recheck', 'twin').replace('LBP recheck', 'First twin')));
    const second = vscode.Uri.joinPath(phraseFolder, 'b-second.md');
    await vscode.workspace.fs.writeFile(second, encoder.encode(PHRASE.replace('lbp-recheck', 'twin').replace('LBP recheck', 'Second twin')));
    await waitFor('the duplicate named', async () => {
      await api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri);
      return vscode.languages.getDiagnostics(second).some((diagnostic) => /also used by .*a-first\.md/.test(diagnostic.message));
    });
    const phrases = await api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri);
    assert.deepStrictEqual(phrases.filter((phrase) => phrase.name === 'twin').map((phrase) => phrase.title), ['First twin']);
  });

  it('checks a clinic handout as the built-in ones are: reading grade, Do Not Use, the warning signs', async () => {
    const file = vscode.Uri.joinPath(phraseFolder, 'hard-handout.md');
    const text = [
      '---',
      'name: hard-handout',
      'title: Your hip pain',
      'description: A handout for patients',
      'kind: handout',
      '---',
      '# Your hip pain',
      '',
      'Osteoarthritic degeneration of the acetabulofemoral articulation characteristically necessitates comprehensive multidisciplinary rehabilitative interventions, incorporating progressive resistance exercise and individualised education regarding activity modification.',
      '',
      'Take your tablets QD.',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, encoder.encode(text));
    const diagnostics = await waitFor('the handout checks', async () => {
      await api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri);
      const found = vscode.languages.getDiagnostics(file);
      return found.length >= 3 && found;
    });
    const at = (pattern: RegExp) => diagnostics.find((diagnostic) => pattern.test(diagnostic.message));
    assert.strictEqual(at(/Reading grade/)?.range.start.line, 6, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.message)));
    assert.strictEqual(at(/QD/)?.range.start.line, 10);
    assert.strictEqual(at(/warning-signs block/)?.range.start.line, 0);
    // Fixed: the block and plain words; the warnings go with the next save.
    await vscode.workspace.fs.writeFile(file, encoder.encode(text.replace(/Osteoarthritic[^\n]*/, 'Your hip is sore. We will help you move more.').replace('Take your tablets QD.', 'Take your pills once a day.\n\n{{red-flags}}')));
    await waitFor('no problems left', async () => {
      await api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri);
      return vscode.languages.getDiagnostics(file).length === 0;
    });

    // Inserted, its {{red-flags}} line is the current warning-signs block.
    const editor = await openNote('# Visit\n');
    await vscode.commands.executeCommand(INSERT_PHRASE_COMMAND, { name: 'hard-handout', origin: 'clinic' });
    const inserted = editor.document.getText();
    assert.ok(inserted.includes('Call 911 or go to the emergency department now'), inserted);
    assert.ok(!inserted.includes('{{red-flags}}'));
    await vscode.workspace.fs.delete(file);
  });

  it('marks an inserted clinic handout only when it has the warning signs, so a knee handout raises no red-flag warning', async () => {
    const file = vscode.Uri.joinPath(phraseFolder, 'knee-care.md');
    await vscode.workspace.fs.writeFile(file, encoder.encode('---\nname: knee-care\ntitle: Knee care\ndescription: Knee\nkind: handout\n---\n# Knee care\n\nRest your knee and use ice.'));
    const editor = await openNote('# Visit\nSeen today. ');
    editor.selection = new vscode.Selection(1, 12, 1, 12);
    await waitFor('knee-care read', async () => (await api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri)).some((phrase) => phrase.name === 'knee-care'));
    assert.strictEqual(await vscode.commands.executeCommand(INSERT_PHRASE_COMMAND, { name: 'knee-care', origin: 'clinic' }), true);
    const text = editor.document.getText();
    assert.ok(!text.includes('iliopsoas-handout'), text);
    // Typed after text on a line, the phrase starts a line of its own.
    assert.ok(text.includes('Seen today. \n# Knee care'), text);
    await vscode.workspace.fs.delete(file);
  });

  it('New Clinic Phrase creates the file in the phrase folder, starts it as a valid phrase, and never overwrites one', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(NEW_CLINIC_PHRASE_COMMAND, 'new-starter');
    assert.strictEqual(editor.document.uri.toString(), vscode.Uri.joinPath(phraseFolder, 'new-starter.md').toString());
    assert.match(editor.document.getText(), /^---\nname: new-starter\ntitle: /);
    await editor.document.save();
    await waitFor('.new-starter offered', async () => (await api.handouts.clinicPhrases.phrasesFor(editor.document.uri)).some((phrase) => phrase.name === 'new-starter'));
    const again = await vscode.commands.executeCommand<vscode.TextEditor>(NEW_CLINIC_PHRASE_COMMAND, 'new-starter');
    assert.strictEqual(again.document.getText(), editor.document.getText());
  });

  it('Insert Phrase… lists clinic phrases, templates and handouts with their kind', async () => {
    await openNote('# Visit\n');
    const pick = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem>>(INSERT_PHRASE_COMMAND);
    try {
      const items = pick.items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator);
      assert.ok(items.some((item) => item.description === '.lbp-initial · note template'), JSON.stringify(items.map((item) => item.description)));
      assert.ok(items.some((item) => item.description === '.low-back-pain · handout'));
      assert.ok(items.some((item) => item.description === '.good-one · clinic template'));
      assert.deepStrictEqual(
        pick.items.filter((item) => item.kind === vscode.QuickPickItemKind.Separator).map((item) => item.label),
        ['Clinic phrases', 'Note templates', 'Patient handouts'],
      );
    } finally {
      pick.hide();
    }
  });
});
