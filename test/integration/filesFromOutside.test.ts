// Files that arrive from outside VS Code (git pull, a sync tool), written with Node's fs so that
// only the file watcher can tell the extension. Node extension hosts only: a web host has no
// file system of its own (test/web/index.ts leaves this file out).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import { extensionApi, hoverAt, newNote, waitFor } from './helpers';

const TRIALS = 8;

function glossaryWith(term: string): string {
  return JSON.stringify({ entries: [{ term, definition: `A test entry for ${term}, delivered from outside VS Code.`, plain: `A test entry for ${term}.` }] }, null, 2);
}


describe('team glossary files that arrive from outside VS Code', () => {
  let api: IliopsoasNotesApi;
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const settingsFolder = () => path.join(folder(), '.vscode');
  let hadSettingsFolder = false;

  before(async () => {
    api = await extensionApi();
    hadSettingsFolder = fs.existsSync(settingsFolder());
  });

  after(async () => {
    if (hadSettingsFolder) fs.rmSync(path.join(settingsFolder(), 'iliopsoas-glossary.json'), { force: true });
    else fs.rmSync(settingsFolder(), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it(`is picked up when git creates .vscode/ and the file in it, every time (${TRIALS} trials)`, async function () {
    this.timeout(TRIALS * 20_000);
    for (let trial = 1; trial <= TRIALS; trial++) {
      const term = `outside term ${trial}`;
      const document = await newNote(`Examined: ${term} noted.`);
      // No .vscode/ at all, and the extension has seen it go.
      fs.rmSync(settingsFolder(), { recursive: true, force: true });
      await waitFor(`trial ${trial}: the previous term to go`, async () => !(await hoverAt(document, 'outside term')).includes('delivered from outside'));
      await api.glossary.store.whenLoaded();
      // As git does it: the folder, then the file in it, moments apart.
      fs.mkdirSync(settingsFolder());
      fs.writeFileSync(path.join(settingsFolder(), 'iliopsoas-glossary.json'), glossaryWith(term));
      await waitFor(`trial ${trial}: "${term}" from the new .vscode/iliopsoas-glossary.json`, async () => (await hoverAt(document, term)).includes(`A test entry for ${term}`), 10_000);
    }
    assert.ok(fs.existsSync(path.join(settingsFolder(), 'iliopsoas-glossary.json')));
  });

  it(`is picked up when its folder arrives just as the extension starts looking (${TRIALS} trials)`, async function () {
    this.timeout(TRIALS * 20_000);
    const configuration = () => vscode.workspace.getConfiguration('iliopsoas');
    const arrived: string[] = [];
    try {
      for (let trial = 1; trial <= TRIALS; trial++) {
        const term = `arriving term ${trial}`;
        const document = await newNote(`Examined: ${term} noted.`);
        const relative = `arrived-${Date.now()}-${trial}/team-glossary.json`;
        arrived.push(path.join(folder(), path.dirname(relative)));
        // A new setting makes the extension look again (as opening the window does), and the folder
        // with its file lands while it sets up its watchers and searches.
        const looking = configuration().update('glossary.files', ['.vscode/iliopsoas-glossary.json', relative], vscode.ConfigurationTarget.Workspace);
        await new Promise((resolve) => setTimeout(resolve, trial * 25));
        fs.mkdirSync(path.join(folder(), path.dirname(relative)));
        fs.writeFileSync(path.join(folder(), relative), glossaryWith(term));
        await looking;
        await waitFor(`trial ${trial}: "${term}" from ${relative}`, async () => (await hoverAt(document, term)).includes(`A test entry for ${term}`), 10_000);
      }
    } finally {
      await configuration().update('glossary.files', undefined, vscode.ConfigurationTarget.Workspace);
      for (const made of arrived) fs.rmSync(made, { recursive: true, force: true });
    }
  });

  it('creates no team glossary through a symbolic link that leads out of the workspace', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-elsewhere-'));
    const link = path.join(folder(), `linked-${Date.now()}`);
    fs.symlinkSync(elsewhere, link, 'dir');
    const configuration = vscode.workspace.getConfiguration('iliopsoas');
    try {
      await configuration.update('glossary.files', [`${path.basename(link)}/iliopsoas-glossary.json`], vscode.ConfigurationTarget.Workspace);
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.openTeamGlossary'), undefined);
      assert.deepStrictEqual(fs.readdirSync(elsewhere), [], 'a file was written through the link');
    } finally {
      await configuration.update('glossary.files', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(link, { force: true });
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('clinic phrase files that arrive from outside VS Code', () => {
  let api: IliopsoasNotesApi;
  const settingsFolder = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode');
  const phraseFolder = () => path.join(settingsFolder(), 'iliopsoas-phrases');
  let hadSettingsFolder = false;
  const names = async () => (await api.handouts.clinicPhrases.phrasesFor(vscode.workspace.workspaceFolders![0].uri)).map((phrase) => phrase.name);

  before(async () => {
    api = await extensionApi();
    hadSettingsFolder = fs.existsSync(settingsFolder());
  });

  after(() => {
    fs.rmSync(hadSettingsFolder ? phraseFolder() : settingsFolder(), { recursive: true, force: true });
  });

  it(`are offered when git creates .vscode/iliopsoas-phrases/ and a file in it, every time (${TRIALS} trials)`, async function () {
    this.timeout(TRIALS * 20_000);
    await names(); // the folder read once already, as when a note has been open a while
    for (let trial = 1; trial <= TRIALS; trial++) {
      const name = `outside-phrase-${trial}`;
      fs.rmSync(hadSettingsFolder ? phraseFolder() : settingsFolder(), { recursive: true, force: true });
      await waitFor(`trial ${trial}: the previous phrase to go`, async () => !(await names()).some((known) => known.startsWith('outside-phrase-')));
      fs.mkdirSync(phraseFolder(), { recursive: true });
      fs.writeFileSync(path.join(phraseFolder(), `${name}.md`), `---\nname: ${name}\ntitle: Outside ${trial}\ndescription: From git\nkind: template\n---\nPlan: ***\n`);
      await waitFor(`trial ${trial}: ${name} offered`, async () => (await names()).includes(name), 10_000);
    }
  });

  it(`are offered when .vscode/ is deleted and at once made again with a phrase in it (${TRIALS} trials)`, async function () {
    this.timeout(TRIALS * 20_000);
    for (let trial = 1; trial <= TRIALS; trial++) {
      const name = `remade-phrase-${trial}`;
      await names();
      // As a test suite or a git checkout may: the old folder gone and the new one there in the same moment.
      fs.rmSync(hadSettingsFolder ? phraseFolder() : settingsFolder(), { recursive: true, force: true });
      fs.mkdirSync(phraseFolder(), { recursive: true });
      fs.writeFileSync(path.join(phraseFolder(), `${name}.md`), `---\nname: ${name}\ntitle: Remade ${trial}\ndescription: From git\nkind: template\n---\nPlan: ***\n`);
      await waitFor(`trial ${trial}: ${name} offered`, async () => (await names()).includes(name), 10_000);
    }
  });
});
