import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import type { TermsViewElement } from '../../src/glossary/vscode/termsView';
import { EXTENSION_ID, extensionApi, followCommandLink, hoverAt, newNote, waitFor } from './helpers';
import { loadBuiltInGlossary } from '../../src/glossary/entries';


const teamGlossaryUri = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode', 'iliopsoas-glossary.json');

async function writeTeamGlossary(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(teamGlossaryUri(), new TextEncoder().encode(text));
}

// A clinic's own term, not in the built-in glossary.
const CRAIG_TEST = {
  term: 'Craig test',
  definition: 'A clinical estimate of femoral anteversion: prone, knee bent, the hip is rotated until the greater trochanter is most prominent, and the angle of the leg from vertical is read.',
  plain: 'The Craig test checks the angle of your thigh bone. You lie on your front and your physio turns your leg gently.',
};

describe('glossary in VS Code', () => {
  let api: IliopsoasNotesApi;

  before(async () => {
    api = await extensionApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('hovers', () => {
    it('explains the terms of a real note: definition, plain language and guide links', async () => {
      const [note] = await vscode.workspace.findFiles('notes/2026-11-02-initial-assessment.md');
      const document = await vscode.workspace.openTextDocument(note);
      const stenosis = await hoverAt(document, 'spinal stenosis');
      assert.match(stenosis, /\*\*spinal stenosis\*\*/);
      assert.ok(stenosis.includes('Narrowing of the spinal canal'), stenosis);
      assert.ok(stenosis.includes('For patients:** Spinal stenosis means the tunnel inside your spine has become too narrow.'));
      assert.ok(stenosis.includes('[Spinal Stenosis](command:iliopsoas.openSection?'), 'no link to the guide section');
      assert.match(await hoverAt(document, 'NSAIDs'), /\*\*nonsteroidal anti-inflammatory drug\*\* \(NSAID, NSAIDs, NSAIDS\)/);
      assert.match(await hoverAt(document, 'lesser trochanter', 8), /A conical bony projection/);
      assert.match(await hoverAt(document, 'herniated discs', 12), /\*\*herniated disc\*\*/);
    });

    it('answers for every built-in term, each with its own entry', async () => {
      const entries = loadBuiltInGlossary();
      const document = await newNote(entries.map((entry) => `- ${entry.term}\n`).join(''));
      for (const entry of entries) {
        const hover = await hoverAt(document, `- ${entry.term}\n`, 2);
        assert.ok(hover.startsWith(`**${entry.term}**`), `"${entry.term}" shows: ${hover.slice(0, 80)}`);
      }
    });

    it('stays silent on ordinary words, near misses and code', async () => {
      const document = await newNote(
        'The patient discussed her hippocampus study at the worship hall; a boa and an era later.\n' +
          'She rests well, walks daily and reports no trouble at work.\n\n' +
          '`spinal stenosis` in code\n\n```\nNSAIDs in a fence\n```\n',
      );
      for (const word of ['patient', 'discussed', 'hippocampus', 'worship', 'boa', 'era', 'rests', 'walks', 'daily', 'trouble', 'spinal stenosis', 'NSAIDs in a fence']) {
        assert.strictEqual(await hoverAt(document, word), '', `"${word}" got a glossary hover`);
      }
    });

    it('trusts only its own commands in hover links', async () => {
      const document = await newNote('Mild spinal stenosis at L4/5.');
      const offset = document.getText().indexOf('stenosis');
      const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
      const content = hover.contents[0] as vscode.MarkdownString;
      assert.deepStrictEqual(content.isTrusted, { enabledCommands: ['iliopsoas.openSection', 'iliopsoas.insertPlainExplanation'] });
      assert.ok(!content.supportHtml);
    });

    it('inserts the plain-language explanation below the paragraph', async () => {
      const document = await newNote('Imaging shows spinal stenosis\nat L4/5.\n\nPlan: review.');
      const hover = await hoverAt(document, 'spinal stenosis');
      const link = /\[Insert patient explanation\]\((command:iliopsoas\.insertPlainExplanation\?[^ )]+)/.exec(hover);
      assert.ok(link, 'the hover has no insert action');
      await followCommandLink(link[1]);
      assert.strictEqual(
        document.getText(),
        'Imaging shows spinal stenosis\nat L4/5.\n\n> **Spinal stenosis, in plain words:** Spinal stenosis means the tunnel inside your spine has become too narrow. ' +
          'This can squeeze the nerves that run through it. It may cause pain, numbness, or weakness in your back, buttocks, or legs. ' +
          'It is often worse when you stand or walk, and better when you sit or lean forward.\n\nPlan: review.',
      );
    });

    it('can be switched off, and on again', async () => {
      const document = await newNote('Known osteoarthritis in both knees.');
      const settings = vscode.workspace.getConfiguration('iliopsoas');
      await settings.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
      try {
        await waitFor('the hover to go', async () => (await hoverAt(document, 'osteoarthritis')) === '');
      } finally {
        await settings.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor('the hover to return', async () => (await hoverAt(document, 'osteoarthritis')).includes('**osteoarthritis**'));
    });
  });

  describe('hover languages', () => {
    it('answers in the languages the setting lists, and only there', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Mild spinal stenosis at L4/5.' });
      assert.strictEqual(await hoverAt(document, 'stenosis'), '');
      const settings = vscode.workspace.getConfiguration('iliopsoas');
      await settings.update('hover.languages', ['markdown', 'plaintext'], vscode.ConfigurationTarget.Global);
      try {
        await waitFor('a hover in plain text', async () => (await hoverAt(document, 'stenosis')).includes('**spinal stenosis**'));
      } finally {
        await settings.update('hover.languages', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor('plain text to go quiet again', async () => (await hoverAt(document, 'stenosis')) === '');
    });
  });

  describe('team glossary', () => {
    const settingsFolder = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode');
    let hadSettingsFolder = false;

    before(async () => {
      hadSettingsFolder = await vscode.workspace.fs.stat(settingsFolder()).then(() => true, () => false);
    });

    // Leave the sample workspace as it was: no glossary file, and no .vscode/ if there was none.
    after(async () => {
      const leftover = hadSettingsFolder ? teamGlossaryUri() : settingsFolder();
      await vscode.workspace.fs.delete(leftover, { recursive: true }).then(undefined, () => undefined);
      await api.glossary.store.whenLoaded();
    });

    it('is picked up when added, changed and deleted, without a reload', async () => {
      const document = await newNote('Craig test positive on the left; spinal stenosis noted.');
      assert.strictEqual(await hoverAt(document, 'Craig test'), '');

      await writeTeamGlossary(JSON.stringify({ entries: [CRAIG_TEST] }, null, 2));
      const added = await waitFor('the new term', async () => {
        const hover = await hoverAt(document, 'Craig test');
        return hover.includes('A clinical estimate of femoral anteversion') && hover;
      });
      assert.match(added, /team glossary: \.vscode\/iliopsoas-glossary\.json/);

      await writeTeamGlossary(JSON.stringify({ entries: [{ ...CRAIG_TEST, definition: 'Changed definition of the Craig test.' }] }, null, 2));
      await waitFor('the changed definition', async () => (await hoverAt(document, 'Craig test')).includes('Changed definition of the Craig test.'));

      await vscode.workspace.fs.delete(teamGlossaryUri());
      await waitFor('the term to go', async () => (await hoverAt(document, 'Craig test')) === '');
      assert.match(await hoverAt(document, 'spinal stenosis'), /Narrowing of the spinal canal/);
    });

    it('creates its file only inside the workspace folder, whatever the workspace settings name', async () => {
      const configuration = vscode.workspace.getConfiguration('iliopsoas');
      const outside = `../iliopsoas-outside-${Date.now()}.json`;
      try {
        await configuration.update('glossary.files', [outside], vscode.ConfigurationTarget.Workspace);
        assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.openTeamGlossary'), undefined);
        const parentFile = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, outside);
        assert.strictEqual(await vscode.workspace.fs.stat(parentFile).then(() => 'written', () => 'not written'), 'not written');
        // A path inside the folder, however written, is still created and opened.
        await configuration.update('glossary.files', ['./.vscode/../.vscode/iliopsoas-glossary.json'], vscode.ConfigurationTarget.Workspace);
        const editor = await vscode.commands.executeCommand<vscode.TextEditor>('iliopsoas.openTeamGlossary');
        assert.strictEqual(editor?.document.uri.toString(), teamGlossaryUri().toString());
      } finally {
        await configuration.update('glossary.files', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.workspace.fs.delete(teamGlossaryUri()).then(undefined, () => undefined);
      }
    });

    it('reports a broken file by name and problem, while the built-in glossary keeps answering', async () => {
      const document = await newNote('Craig test positive; spinal stenosis noted.');
      await writeTeamGlossary('{\n  "entries": [\n    { "term": "Craig test", "definition": "x", }\n  ]\n}\n');
      const diagnostics = await waitFor('a diagnostic on the file', () => {
        const found = vscode.languages.getDiagnostics(teamGlossaryUri());
        return found.length > 0 && found;
      });
      assert.strictEqual(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /^\.vscode\/iliopsoas-glossary\.json: not valid JSON: unexpected "}" at line 3, column 48;/);
      assert.deepStrictEqual([diagnostics[0].range.start.line, diagnostics[0].range.start.character], [2, 47]);
      assert.strictEqual(await hoverAt(document, 'Craig test'), '');
      assert.match(await hoverAt(document, 'spinal stenosis'), /Narrowing of the spinal canal/);

      // A file with one bad entry keeps its good ones.
      await writeTeamGlossary(JSON.stringify({ entries: [CRAIG_TEST, { term: 'bird dog', plain: 'An exercise on hands and knees.' }] }, null, 2));
      await waitFor('the good entry', async () => (await hoverAt(document, 'Craig test')).includes('A clinical estimate of femoral anteversion'));
      const [problem] = vscode.languages.getDiagnostics(teamGlossaryUri());
      assert.match(problem.message, /entries\[1\] \("bird dog"\) has no "definition"/);
      // Marked on the entry at fault, not at the start of the file.
      // Read from the file, as saved: an editor of the file opened by an earlier test may still hold older text.
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(teamGlossaryUri())).split('\n');
      const { start, end } = problem.range;
      const marked = start.line === end.line ? saved[start.line].slice(start.character, end.character) : [saved[start.line].slice(start.character), ...saved.slice(start.line + 1, end.line), saved[end.line].slice(0, end.character)].join('\n');
      assert.match(marked, /^\{\s*"term": "bird dog",\s*"plain": "An exercise on hands and knees."\s*\}$/);
    });
  });

  describe('manifest', () => {
    it('validates team glossary files against the shipped schema, and limits untrusted workspaces', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const manifest = extension.packageJSON as {
        contributes: { jsonValidation: { fileMatch: string[]; url: string }[] };
        capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
      };
      const [validation] = manifest.contributes.jsonValidation;
      assert.ok(validation.fileMatch.includes('**/.vscode/iliopsoas-glossary.json'));
      const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, validation.url)))) as { required: string[] };
      assert.deepStrictEqual(schema.required, ['entries']);
      assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
      // A workspace's own team glossary files, its clinic details (which reach patients' handouts) and its phrase folders need trust.
      assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
        'iliopsoas.glossary.files',
        'iliopsoas.clinic.name',
        'iliopsoas.clinic.phone',
        'iliopsoas.clinic.afterHoursPhone',
        'iliopsoas.phrases.folders',
      ]);
    });
  });

  describe('Terms in this Note', () => {
    /** Shows the note in the Terms view and waits for its rows. */
    async function showInTermsView(document: vscode.TextDocument): Promise<void> {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('iliopsoas.terms.focus');
      await waitFor('the terms of the note', () => api.glossary.termsInNote.note === document && api.glossary.termsInNote.groups.length > 0);
    }

    /** The rows as a screen reader reads them: each category, with its terms. */
    const rows = (): [string, string[]][] => {
      const provider = api.glossary.termsInNote;
      return provider.getChildren().map((group) => [
        provider.getTreeItem(group).accessibilityInformation!.label,
        provider.getChildren(group).map((term) => provider.getTreeItem(term).accessibilityInformation!.label),
      ]);
    };

    it('shows the categories present in a fixed clinical order, expanded, each with its count, then the terms as before', async () => {
      const document = await newNote('Hip osteoarthritis and spinal stenosis; MRI today.\n\nNSAIDs daily. Laminectomy discussed. Spinal stenosis again.\n');
      await showInTermsView(document);
      assert.deepStrictEqual(rows(), [
        ['Conditions, 2 terms', ['hip arthritis, 1 time in this note', 'spinal stenosis, 2 times in this note']],
        ['Imaging and tests, 1 term', ['magnetic resonance imaging, 1 time in this note']],
        ['Procedures, 1 term', ['laminectomy, 1 time in this note']],
        ['Medicines, 1 term', ['nonsteroidal anti-inflammatory drug, 1 time in this note']],
      ]);
      const provider = api.glossary.termsInNote;
      const [conditions] = provider.getChildren();
      const group = provider.getTreeItem(conditions);
      assert.strictEqual(group.label, 'Conditions');
      assert.strictEqual(group.description, '2');
      assert.strictEqual(group.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      assert.ok(group.iconPath instanceof vscode.ThemeIcon);
      const [arthritis, stenosis] = provider.getChildren(conditions).map((term) => provider.getTreeItem(term));
      // The rows' context menus: a term discussed in the guide also offers Open Guide Section.
      assert.strictEqual(stenosis.contextValue, 'iliopsoas.termWithSections');
      assert.strictEqual(arthritis.command?.command, 'iliopsoas.goToTerm');
      const [, , procedures] = provider.getChildren();
      const [laminectomy] = provider.getChildren(procedures);
      assert.strictEqual(provider.getTreeItem(laminectomy).contextValue, 'iliopsoas.termWithSections');
      const [, , , medicines] = provider.getChildren();
      const [nsaid] = provider.getChildren(medicines);
      assert.match(provider.getTreeItem(nsaid).contextValue ?? '', /^iliopsoas\.term/);
    });

    it('puts team glossary terms without a category under Other, last', async () => {
      const settingsFolder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode');
      const hadSettingsFolder = await vscode.workspace.fs.stat(settingsFolder).then(() => true, () => false);
      await writeTeamGlossary(JSON.stringify({ entries: [{ term: 'Craig test', definition: 'An estimate of femoral anteversion.', plain: 'A check of the angle of your thigh bone.' }] }));
      try {
        const document = await newNote('Craig test positive. Spinal stenosis.\n');
        await showInTermsView(document);
        await waitFor('the team term', () => rows().some(([group]) => group === 'Other, 1 term'));
        assert.deepStrictEqual(rows(), [
          ['Conditions, 1 term', ['spinal stenosis, 1 time in this note']],
          ['Other, 1 term', ['Craig test, 1 time in this note']],
        ]);
      } finally {
        await vscode.workspace.fs.delete(hadSettingsFolder ? teamGlossaryUri() : settingsFolder, { recursive: true });
        await waitFor('the team term to go', () => !api.glossary.store.current().entries.some((entry) => entry.term === 'Craig test'));
      }
    });

    it('redraws nothing for an edit that leaves the terms as they were, and only the category an edit changes', async () => {
      const document = await newNote('Spinal stenosis noted.\n\nMRI booked.\n');
      const editor = await vscode.window.showTextDocument(document);
      await showInTermsView(document);
      const provider = api.glossary.termsInNote;
      // Team files an earlier test removed are read once more a second later (the store's recheck),
      // which redraws the whole view: let that pass before counting redraws.
      await api.glossary.store.whenLoaded();
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await api.glossary.store.whenLoaded();
      const redraws: (string | string[])[] = [];
      const label = (element: TermsViewElement) => provider.getTreeItem(element).label as string;
      const listening = provider.onDidChangeTreeData((changed) => redraws.push(changed === undefined ? 'all' : (Array.isArray(changed) ? changed : [changed]).map(label)));
      try {
        await editor.edit((edit) => edit.insert(new vscode.Position(2, 11), ' for Monday'));
        await new Promise((resolve) => setTimeout(resolve, 400)); // past the view's redraw delay
        assert.deepStrictEqual(redraws, [], 'an edit without a new term redrew the view');

        await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'CT and '));
        await waitFor('the new imaging term', () => redraws.length > 0);
        assert.deepStrictEqual(redraws, [['Imaging and tests']]);
        assert.deepStrictEqual(rows()[1], ['Imaging and tests, 2 terms', ['computed tomography, 1 time in this note', 'magnetic resonance imaging, 1 time in this note']]);

        redraws.length = 0;
        await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Laminectomy advised. '));
        await waitFor('the new category', () => redraws.length > 0);
        assert.deepStrictEqual(redraws, ['all']);
        assert.deepStrictEqual(rows().map(([group]) => group), ['Conditions, 1 term', 'Imaging and tests, 2 terms', 'Procedures, 1 term']);
      } finally {
        listening.dispose();
      }
    });

    it('lists the note’s terms with their counts, follows edits and jumps to the next occurrence', async () => {
      const document = await newNote('Hip osteoarthritis and spinal stenosis.\n\nSpinal stenosis again; NSAIDs daily.\n');
      const editor = await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('iliopsoas.terms.focus');
      const terms = () => api.glossary.termsInNote.terms.map((count) => `${count.entry.term} ${count.occurrences.length}`);
      await waitFor('the terms of the note', () => api.glossary.termsInNote.note === document && terms().length > 0);
      assert.deepStrictEqual(terms(), ['hip arthritis 1', 'spinal stenosis 2', 'nonsteroidal anti-inflammatory drug 1']);

      await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'Laminectomy discussed.\n'));
      await waitFor('the edit to show', () => terms().includes('laminectomy 1'));

      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('iliopsoas.goToTerm', 'spinal stenosis');
      assert.strictEqual(editor.document.getText(editor.selection), 'spinal stenosis');
      await vscode.commands.executeCommand('iliopsoas.goToTerm', 'spinal stenosis');
      assert.strictEqual(editor.document.getText(editor.selection), 'Spinal stenosis');
      assert.strictEqual(editor.selection.start.line, 2);
    });

    it('jumps to the next occurrence after the cursor in a note with CRLF line breaks', async () => {
      const document = await newNote('Spinal stenosis.\n\nSpinal stenosis again.\n\nMore spinal stenosis.\n');
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.setEndOfLine(vscode.EndOfLine.CRLF));
      assert.ok(document.getText().includes('\r\n'));
      await vscode.commands.executeCommand('iliopsoas.terms.focus');
      await waitFor('the terms of the note', () => api.glossary.termsInNote.note === document && api.glossary.termsInNote.terms.length > 0);
      // Past "More", before the term: its offset in the document is 4 more than in the note model's text ("\n" line breaks).
      editor.selection = new vscode.Selection(4, 4, 4, 4);
      await vscode.commands.executeCommand('iliopsoas.goToTerm', 'spinal stenosis');
      assert.deepStrictEqual([editor.selection.start.line, editor.selection.start.character], [4, 5]);
      assert.strictEqual(editor.document.getText(editor.selection), 'spinal stenosis');
    });

    it('keeps its rows while hidden (emptied, the view would bring the keyboard focus to its welcome text and lose it), and rescans when shown', async () => {
      const provider = api.glossary.termsInNote;
      const document = await newNote('Spinal stenosis at L4/5.\n');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('iliopsoas.terms.focus');
      await waitFor('the terms of the note', () => provider.note === document && provider.terms.length > 0);
      let redraws = 0;
      const counting = provider.onDidChangeTreeData(() => redraws++);
      try {
        await vscode.commands.executeCommand('workbench.view.explorer');
        await waitFor('the view to stop following the note', () => provider.note === undefined);
        await vscode.window.showTextDocument(await newNote('Hip osteoarthritis.\n'));
        assert.strictEqual(redraws, 0, 'the hidden view was redrawn (emptied)');
      } finally {
        counting.dispose();
      }
      await vscode.commands.executeCommand('iliopsoas.terms.focus');
      await waitFor('the terms of the note shown now', () => provider.terms.some((count) => count.entry.term === 'hip arthritis'));
    });
  });
});
