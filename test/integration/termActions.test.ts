// The term actions (the Terms view rows' context menu and the note's code actions) and Add to
// Team Glossary, in the real extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import type { TermCount } from '../../src/glossary/matcher';
import type { WorkspaceSearch } from '../../src/glossary/vscode/termActions';
import { addToTeamGlossary, teamGlossaryWritable } from '../../src/glossary/vscode/addToTeamGlossary';
import { EXTENSION_ID, extensionApi, newNote, openNote, waitFor } from './helpers';

const folderUri = () => vscode.workspace.workspaceFolders![0].uri;
const settingsFolder = () => vscode.Uri.joinPath(folderUri(), '.vscode');
const teamGlossaryUri = () => vscode.Uri.joinPath(settingsFolder(), 'iliopsoas-glossary.json');
const readTeamGlossary = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(teamGlossaryUri()));
const writeTeamGlossary = (text: string) => vscode.workspace.fs.writeFile(teamGlossaryUri(), new TextEncoder().encode(text));
const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

/** The hover text at the first occurrence of `text` in the document, unescaped ('' for none). */
async function hoverAt(document: vscode.TextDocument, text: string): Promise<string> {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in the note`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 1));
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

/** The code actions VS Code gets for a place in the note (as Ctrl+. asks for them). */
async function codeActionsAt(document: vscode.TextDocument, text: string, within = 1, length = 0): Promise<vscode.CodeAction[]> {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in the note`);
  const range = new vscode.Range(document.positionAt(offset + within), document.positionAt(offset + within + length));
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range);
  // Ours only (the Markdown extension may offer its own), told by the command they run.
  return actions.filter((action): action is vscode.CodeAction => typeof action.command === 'object' && action.command.command.startsWith('iliopsoas.'));
}

describe('term actions and Add to Team Glossary', () => {
  let api: IliopsoasNotesApi;
  let hadSettingsFolder = false;

  before(async () => {
    api = await extensionApi();
    hadSettingsFolder = await exists(settingsFolder());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // Leave the sample workspace as it was: no glossary file, and no .vscode/ if there was none.
  after(async () => {
    await vscode.workspace.fs.delete(hadSettingsFolder ? teamGlossaryUri() : settingsFolder(), { recursive: true }).then(undefined, () => undefined);
    await api.glossary.store.whenLoaded();
  });

  /** Shows the note in the Terms view and waits for its terms. */
  async function showInTermsView(document: vscode.TextDocument): Promise<void> {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('iliopsoas.terms.focus');
    await waitFor('the terms of the note', () => api.glossary.termsInNote.note === document && api.glossary.termsInNote.groups.length > 0);
  }

  describe('the term actions', () => {
    /** The row of a term in the view. */
    const rowOf = (term: string): TermCount => {
      const provider = api.glossary.termsInNote;
      const row = provider.getChildren().flatMap((group) => provider.getChildren(group)).find((element) => 'entry' in element && element.entry.term === term);
      assert.ok(row && 'entry' in row, `no row for ${term}`);
      return row;
    };

    it('are hidden from the Command Palette, and the term rows’ context menu offers them', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
      const { commandPalette, 'view/item/context': rowMenu } = manifest.contributes.menus;
      for (const command of ['iliopsoas.insertTermExplanation', 'iliopsoas.openTermSection', 'iliopsoas.findTermInWorkspace', 'iliopsoas.copyTermDefinition']) {
        assert.strictEqual(commandPalette.find((item) => item.command === command)?.when, 'false', command);
        assert.match(rowMenu.find((item) => item.command === command)?.when ?? '', /^view == iliopsoas\.terms && viewItem/, command);
      }
    });

    it('insert a term’s patient explanation below the paragraph of its occurrence nearest above the cursor', async () => {
      const editor = await openNote('Spinal stenosis first.\n\nPlan: walking.\n\nSpinal stenosis again.\n\nReview.\n');
      await showInTermsView(editor.document);
      const shown = await vscode.window.showTextDocument(editor.document);
      shown.selection = new vscode.Selection(6, 0, 6, 0);
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.insertTermExplanation', rowOf('spinal stenosis')), true);
      const lines = editor.document.getText().split('\n');
      assert.strictEqual(lines[4], 'Spinal stenosis again.');
      assert.match(lines[6], /^> \*\*Spinal stenosis, in plain words:\*\* Spinal stenosis means the tunnel inside your spine/);
      assert.strictEqual(lines[8], 'Review.');
    });

    it('open the guide section on a term, or offer its sections to choose from', async () => {
      await vscode.commands.executeCommand('iliopsoas.openTermSection', { term: 'laminectomy' });
      await waitFor('the reader on Surgery', () => api.guide.reader.section?.id === 'surgery');

      const pick = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem & { id: string }>>('iliopsoas.openTermSection', { term: 'spinal stenosis' });
      try {
        assert.deepStrictEqual(
          pick.items.map((item) => item.id),
          ['2-causes-of-iliopsoas-back-pain', 'spinal-stenosis', 'surgery', 'multiple-choice-questions'],
        );
        const narrowed = new Promise<void>((resolve) => {
          const subscription = pick.onDidChangeActive((active) => {
            if (active[0]?.id === 'spinal-stenosis') {
              subscription.dispose();
              resolve();
            }
          });
        });
        pick.value = 'Spinal Stenosis';
        await Promise.race([narrowed, new Promise((_, reject) => setTimeout(() => reject(new Error('the pick did not narrow')), 5000))]);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      } finally {
        pick.hide();
      }
      await waitFor('the reader on Spinal Stenosis', () => api.guide.reader.section?.id === 'spinal-stenosis');
    });

    it('find a term in the workspace’s notes: every form, whole words, ignoring case', async () => {
      const search = await vscode.commands.executeCommand<WorkspaceSearch>('iliopsoas.findTermInWorkspace', { term: 'herniated disc' });
      assert.ok(search, 'no search');
      assert.strictEqual(search.isRegex, true);
      assert.strictEqual(search.matchWholeWord, true);
      assert.strictEqual(search.isCaseSensitive, false);
      assert.ok(search.filesToInclude?.split(', ').includes('*.md'), search.filesToInclude);
      const pattern = new RegExp(`\\b(?:${search.query})\\b`, 'iu');
      const [note] = await vscode.workspace.findFiles('notes/2026-11-02-initial-assessment.md');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(note));
      assert.strictEqual(pattern.exec(text)?.[0], 'herniated discs');
      assert.ok(pattern.test('a herniated\ndisk'), 'a term across a line break');
    });

    it('copy a term’s definition as plain text', async () => {
      const text = await vscode.commands.executeCommand<string>('iliopsoas.copyTermDefinition', { term: 'spinal stenosis' });
      assert.ok(text?.startsWith('spinal stenosis\nNarrowing of the spinal canal'), text);
      assert.match(text, /\nFor patients: Spinal stenosis means/);
      assert.match(text, /\nReferences:\n- /);
      assert.strictEqual(await vscode.env.clipboard.readText(), text);
    });

    it('are the code actions on a term in the note (never quick fixes), and on a word without a hover, Add to Team Glossary', async () => {
      const document = await newNote('Mild spinal stenosis at L4/5; Noble test positive.\n');
      await vscode.window.showTextDocument(document);
      const onTerm = await codeActionsAt(document, 'stenosis', 2);
      assert.deepStrictEqual(
        onTerm.map((action) => action.title),
        ['Insert Patient Explanation of “spinal stenosis”', 'Open Guide Section on “spinal stenosis”', 'Find “spinal stenosis” in Workspace', 'Copy Definition of “spinal stenosis”'],
      );
      for (const action of onTerm) assert.ok(action.kind && !vscode.CodeActionKind.QuickFix.contains(action.kind) && !vscode.CodeActionKind.Refactor.contains(action.kind), `${action.title}: ${action.kind?.value}`);
      assert.deepStrictEqual(onTerm[0].command?.arguments, [{ uri: document.uri.toString(), line: 0, term: 'spinal stenosis' }]);

      const onWord = await codeActionsAt(document, 'Noble', 1);
      assert.deepStrictEqual(onWord.map((action) => action.title), ['Add “Noble” to Team Glossary…']);
      const onSelection = await codeActionsAt(document, 'Noble test', 0, 'Noble test'.length);
      assert.deepStrictEqual(onSelection.map((action) => [action.title, action.kind?.value]), [['Add “Noble test” to Team Glossary…', 'quickfix.iliopsoas.addToTeamGlossary']]);
      assert.deepStrictEqual(onSelection[0].command?.arguments, [{ uri: document.uri.toString(), term: 'Noble test' }]);
    });
  });

  describe('Add to Team Glossary', () => {
    // A clinic's own term, not in the built-in glossary.
    const NOBLE = {
      definition: 'A provocation test for iliotibial band syndrome: pressure over the lateral femoral epicondyle while the knee is flexed and extended; pain near 30 degrees of flexion is positive.',
      plain: 'The Noble test checks for pain from the band on the outside of your thigh. Your physio presses on the side of your knee while you bend and straighten it.',
    };

    afterEach(async () => {
      await vscode.workspace.fs.delete(teamGlossaryUri()).then(undefined, () => undefined);
    });

    it('adds the selected term to a new team glossary file, and the note hovers it at once', async () => {
      await vscode.workspace.fs.delete(teamGlossaryUri()).then(undefined, () => undefined);
      const editor = await openNote('Noble test positive on the right.\n');
      assert.strictEqual(await hoverAt(editor.document, 'Noble test'), '');
      editor.selection = new vscode.Selection(0, 0, 0, 'Noble test'.length);
      const outcome = await vscode.commands.executeCommand('iliopsoas.addToTeamGlossary', { ...NOBLE, category: 'examination' });
      assert.strictEqual(outcome, 'added');
      assert.deepStrictEqual(JSON.parse(await readTeamGlossary()), { entries: [{ term: 'Noble test', category: 'examination', ...NOBLE }] });
      const hover = await waitFor('the hover of the new term', async () => {
        const text = await hoverAt(editor.document, 'Noble test');
        return text.includes('A provocation test for iliotibial band syndrome') && text;
      });
      assert.match(hover, /team glossary: \.vscode\/iliopsoas-glossary\.json/);
    });

    it('adds to an existing file, keeping its other entries as they were written', async () => {
      const before = '{\n  "entries": [\n    { "term": "Craig test", "definition": "An estimate of femoral anteversion.", "plain": "A check of your thigh bone." }\n  ]\n}\n';
      await writeTeamGlossary(before);
      const document = await newNote('Noble test and Craig test.\n');
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.addToTeamGlossary', { uri: document.uri.toString(), term: 'Noble test', ...NOBLE, category: '' }), 'added');
      const after = await readTeamGlossary();
      assert.ok(after.startsWith(before.split('\n').slice(0, 3).join('\n')), after);
      assert.deepStrictEqual((JSON.parse(after) as { entries: { term: string }[] }).entries.map((entry) => entry.term), ['Craig test', 'Noble test']);
      await waitFor('both terms', async () => (await hoverAt(document, 'Noble test')).includes('provocation test') && (await hoverAt(document, 'Craig test')).includes('femoral anteversion'));
    });

    it('replaces an entry with the same term only when told, and writes nothing into a broken file', async () => {
      const document = await newNote('Noble test.\n');
      const add = (extra: object) => vscode.commands.executeCommand('iliopsoas.addToTeamGlossary', { uri: document.uri.toString(), term: 'noble test', ...NOBLE, category: 'examination', ...extra });
      await writeTeamGlossary(JSON.stringify({ entries: [{ term: 'Noble test', definition: 'Old.', plain: 'Old words.' }] }, null, 2));
      assert.strictEqual(await add({ ifExists: 'cancel' }), 'cancelled');
      assert.match(await readTeamGlossary(), /"Old\."/);
      assert.strictEqual(await add({ ifExists: 'replace' }), 'replaced');
      assert.deepStrictEqual(JSON.parse(await readTeamGlossary()), { entries: [{ term: 'noble test', category: 'examination', ...NOBLE }] });

      const broken = '{\n  // our terms\n  "entries": []\n}\n';
      await writeTeamGlossary(broken);
      assert.strictEqual(await add({}), 'refused');
      assert.strictEqual(await readTeamGlossary(), broken);
    });

    it('refuses arguments it does not understand, and terms no note could match', async () => {
      const document = await newNote('x\n');
      for (const args of [{ term: 'Noble test', colour: 'red' }, { term: 7 }, { term: 'Noble test', category: 'surgery' }, { term: 'Noble test', ifExists: 'always' }, { uri: document.uri.toString(), term: 'x' }, { uri: 'not a uri', term: 'Noble test' }, [1]]) {
        assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.addToTeamGlossary', args), 'refused', JSON.stringify(args));
      }
      assert.strictEqual(await exists(teamGlossaryUri()), false);
    });

    it('is refused in an untrusted workspace, before anything is asked or written', async () => {
      assert.strictEqual(teamGlossaryWritable(false), false);
      assert.strictEqual(teamGlossaryWritable(true), true);
      const document = await newNote('Noble test.\n');
      const outcome = await addToTeamGlossary(api.glossary.store, new Map(), { uri: document.uri.toString(), term: 'Noble test', ...NOBLE, category: '' }, false);
      assert.strictEqual(outcome, 'refused');
      assert.strictEqual(await exists(teamGlossaryUri()), false);
      // The menus hide it there too.
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
      for (const menu of ['commandPalette', 'editor/context']) {
        assert.match(manifest.contributes.menus[menu].find((item) => item.command === 'iliopsoas.addToTeamGlossary')?.when ?? '', /\bisWorkspaceTrusted\b/, menu);
      }
    });
  });
});
