// Onboarding: the walkthrough and the Terms view's welcome content point at commands that exist
// and at media that ships, and the walkthrough's sample note gets glossary hovers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi, waitFor } from './helpers';

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { image?: string | Record<string, string>; altText?: string; markdown?: string; svg?: string };
  completionEvents?: string[];
}
interface Manifest {
  icon?: string;
  galleryBanner?: { color: string; theme: string };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    walkthroughs: { id: string; title: string; steps: WalkthroughStep[] }[];
  };
}

/** The command ids of the `command:` links (buttons) in walkthrough or welcome Markdown. */
function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.-]+)/g)].map((match) => match[1]);
}

describe('onboarding', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: Manifest;
  let registered: Set<string>;

  before(async () => {
    await extensionApi();
    extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    manifest = extension.packageJSON as Manifest;
    registered = new Set(await vscode.commands.getCommands(true));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function assertImage(relativePath: string, what: string): Promise<void> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, relativePath)).then(
      (read) => read,
      () => assert.fail(`${what}: ${relativePath} does not exist`),
    );
    const png = bytes[0] === 0x89 && String.fromCharCode(...bytes.subarray(1, 4)) === 'PNG';
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    assert.ok(png || jpeg, `${what}: ${relativePath} is neither a PNG nor a JPEG`);
    // The .vsix leaves media/screenshots/ out: walkthrough images must live elsewhere.
    assert.ok(!relativePath.startsWith('media/screenshots/'), `${what}: ${relativePath} is not shipped in the .vsix`);
  }

  it('has a marketplace icon and a banner colour', async () => {
    assert.strictEqual(manifest.icon, 'media/icon.png');
    await assertImage(manifest.icon, 'the icon');
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-fA-F]{6}$/);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''));
  });

  it('walks through four steps whose buttons run registered commands and whose images exist', async () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.strictEqual(walkthrough.title, 'Get started with Iliopsoas Notes');
    assert.deepStrictEqual(walkthrough.steps.map((step) => step.id), ['openGuide', 'hoverTerm', 'insertHandout', 'teamGlossary']);
    const buttons: string[] = [];
    for (const step of walkthrough.steps) {
      const commands = commandLinks(step.description);
      assert.strictEqual(commands.length, 1, `step ${step.id} should have one button, has ${commands.length}`);
      buttons.push(...commands);
      for (const command of [...commands, ...(step.completionEvents ?? []).map((event) => event.replace(/^onCommand:/, ''))]) {
        assert.ok(registered.has(command), `step ${step.id} uses ${command}, which is not registered`);
      }
      const { image, altText } = step.media;
      assert.ok(image && altText, `step ${step.id} has no image with alt text`);
      for (const path of typeof image === 'string' ? [image] : Object.values(image)) await assertImage(path, `step ${step.id}`);
    }
    assert.deepStrictEqual(buttons, ['iliopsoas.openGuide', 'iliopsoas.openSampleNote', 'iliopsoas.insertHandout', 'iliopsoas.openTeamGlossary']);
  });

  it('declares every walkthrough and welcome command in the "Iliopsoas" category', () => {
    const declared = new Map(manifest.contributes.commands.map((command) => [command.command, command]));
    const used = [
      ...manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.flatMap((step) => commandLinks(step.description))),
      ...manifest.contributes.viewsWelcome.flatMap((welcome) => commandLinks(welcome.contents)),
    ];
    for (const command of used) assert.strictEqual(declared.get(command)?.category, 'Iliopsoas', `${command} is not declared in the Iliopsoas category`);
    const hidden = manifest.contributes.menus.commandPalette.find((entry) => entry.command === 'iliopsoas.openSampleNote');
    assert.strictEqual(hidden?.when, 'false', 'iliopsoas.openSampleNote is internal: hidden from the Command Palette');
  });

  it('welcomes an empty "Terms in this Note" with buttons that run registered commands', () => {
    const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((view) => view.id)));
    const welcome = manifest.contributes.viewsWelcome;
    assert.ok(welcome.length > 0);
    for (const entry of welcome) {
      assert.ok(views.has(entry.view), `welcome content for an unknown view ${entry.view}`);
      for (const command of commandLinks(entry.contents)) assert.ok(registered.has(command), `welcome content runs ${command}, which is not registered`);
    }
    const termsButtons = welcome.filter((entry) => entry.view === 'iliopsoas.terms').flatMap((entry) => commandLinks(entry.contents));
    assert.deepStrictEqual(termsButtons.sort(), ['iliopsoas.insertHandout', 'iliopsoas.openTeamGlossary']);
  });

  it('opens the sample note as an unsaved Markdown note whose terms get hovers', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('iliopsoas.openSampleNote');
    const { document } = editor;
    assert.strictEqual(vscode.window.activeTextEditor?.document, document);
    assert.strictEqual(document.languageId, 'markdown');
    assert.ok(document.isUntitled, 'the sample note is written to disk');
    const offset = document.getText().indexOf('spinal stenosis');
    assert.ok(offset >= 0, 'the sample note does not mention spinal stenosis');
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 2));
      return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    };
    const text = await waitFor('a hover over "spinal stenosis" in the sample note', async () => {
      const found = await hoverText();
      return /Narrowing of the spinal canal/.test(found) && found;
    });
    assert.match(text, /For patients/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
