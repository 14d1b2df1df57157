// Two clinics in one window (test/fixtures/multiroot): each folder's settings and team glossary
// apply to its own notes, and to no other folder's.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, hoverAt, newNote, waitFor } from '../integration/helpers';
import { activeAtStart } from './index';

function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(folder, `no workspace folder ${name}`);
  return folder;
}

async function noteIn(folder: string, file: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.joinPath(folderNamed(folder).uri, 'notes', file));
}

/** Sets a setting for one folder for the length of `run`, then removes it again. */
async function withFolderSetting(folder: string, setting: string, value: unknown, run: () => Promise<void>): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(undefined, folderNamed(folder).uri);
  await configuration.update(setting, value, vscode.ConfigurationTarget.WorkspaceFolder);
  try {
    await run();
  } finally {
    await configuration.update(setting, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  }
}

describe('two workspace folders, each with its own settings and team glossary', () => {
  before(async function () {
    this.timeout(30_000);
    const api = await extensionApi();
    await api.glossary.store.whenLoaded();
  });

  it('opens both clinics', () => {
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((folder) => folder.name), ['clinic-a', 'clinic-b']);
  });

  it('activates with the window, since the folders have team glossaries (workspaceContains)', () => {
    assert.strictEqual(activeAtStart.value, true);
  });

  it("explains a term with the note's own folder's team glossary", async () => {
    const inA = await noteIn('clinic-a', 'follow-up.md');
    const inB = await noteIn('clinic-b', 'follow-up.md');
    await waitFor("clinic A's pool class", async () => (await hoverAt(inA, 'pool class')).includes("Clinic A's group hydrotherapy"));
    const hoverB = await waitFor("clinic B's pool class", async () => {
      const text = await hoverAt(inB, 'pool class');
      return text.includes("Clinic B's individual aquatic therapy") && text;
    });
    assert.ok(!hoverB.includes('Clinic A'), `clinic A's entry reached clinic B's note:\n${hoverB}`);
    // A term only clinic A defines stays silent in clinic B; the built-in glossary answers in both.
    assert.match(await hoverAt(inA, 'Tuesday walking group'), /supervised walking programme/);
    assert.strictEqual(await hoverAt(inB, 'Tuesday walking group'), '');
    for (const note of [inA, inB]) assert.match(await hoverAt(note, 'Sciatica'), /sciatic nerve/i);
    // A note in no folder belongs to neither clinic: the built-in glossary alone.
    const untitled = await newNote('Attends the pool class. Sciatica settling.');
    assert.strictEqual(await hoverAt(untitled, 'pool class'), '');
    assert.match(await hoverAt(untitled, 'Sciatica'), /sciatic nerve/i);
  });

  it('marks the preview of each note with its own folder\'s glossary', async () => {
    const render = async (folder: string) => vscode.commands.executeCommand<string>('markdown.api.render', await noteIn(folder, 'follow-up.md'));
    assert.match(await render('clinic-a'), /Clinic A(?:'|&#39;|&#x27;|&apos;)s group hydrotherapy/);
    const inB = await render('clinic-b');
    assert.match(inB, /Clinic B(?:'|&#39;|&#x27;|&apos;)s individual aquatic therapy/);
    assert.doesNotMatch(inB, /Clinic A/);
  });

  it('treats plain text as notes only where the folder says so, honouring the deprecated setting', async () => {
    // clinic-a sets only iliopsoas.hover.languages (deprecated); clinic-b sets neither.
    const inA = await noteIn('clinic-a', 'phone-call.txt');
    const inB = await noteIn('clinic-b', 'phone-call.txt');
    assert.match(await hoverAt(inA, 'sciatica'), /sciatic nerve/i);
    assert.strictEqual(await hoverAt(inB, 'sciatica'), '');
    await withFolderSetting('clinic-b', 'iliopsoas.noteLanguages', ['markdown', 'plaintext'], async () => {
      await waitFor('plain text to be notes in clinic B', async () => /sciatic nerve/i.test(await hoverAt(inB, 'sciatica')));
    });
    await waitFor('plain text to stop being notes in clinic B', async () => (await hoverAt(inB, 'sciatica')) === '');
    // The new setting wins over the deprecated one where both are set.
    await withFolderSetting('clinic-a', 'iliopsoas.noteLanguages', ['markdown'], async () => {
      await waitFor('plain text to stop being notes in clinic A', async () => (await hoverAt(inA, 'sciatica')) === '');
    });
  });

  it('switches hovers off in one folder only', async () => {
    const inA = await noteIn('clinic-a', 'follow-up.md');
    const inB = await noteIn('clinic-b', 'follow-up.md');
    await withFolderSetting('clinic-b', 'iliopsoas.hover.enabled', false, async () => {
      await waitFor('no hovers in clinic B', async () => (await hoverAt(inB, 'Sciatica')) === '');
      assert.match(await hoverAt(inA, 'Sciatica'), /sciatic nerve/i);
    });
    await waitFor('hovers back in clinic B', async () => /sciatic nerve/i.test(await hoverAt(inB, 'Sciatica')));
  });

  it("compares a note's reading grade with its folder's target", async () => {
    const gradeMessage = async (folder: string) => {
      await vscode.window.showTextDocument(await noteIn(folder, 'follow-up.md'));
      return vscode.commands.executeCommand<string>('iliopsoas.noteReadingGrade');
    };
    // clinic-b's settings set the target to 8; clinic-a keeps grade 6. The note reads above both.
    assert.match(await gradeMessage('clinic-a'), /should be grade 6 or below/);
    assert.match(await gradeMessage('clinic-b'), /should be grade 8 or below/);
  });

  it("opens the active note's folder's team glossary", async () => {
    await vscode.window.showTextDocument(await noteIn('clinic-b', 'follow-up.md'));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('iliopsoas.openTeamGlossary');
    assert.strictEqual(editor?.document.uri.toString(), vscode.Uri.joinPath(folderNamed('clinic-b').uri, '.vscode', 'iliopsoas-glossary.json').toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
