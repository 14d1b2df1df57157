import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IliopsoasNotesApi } from '../../src/extension';
import { EXTENSION_ID, extensionApi, followCommandLink, waitFor } from './helpers';
import type { GuideSection } from '../../src/guide/outline';
import { CAUSES_SUBSECTIONS, TOP_LEVEL_SECTIONS } from '../expectedGuide';

function readerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('iliopsoas.reader'));
}

function linkWithRel(html: string, rel: 'prev' | 'next'): string {
  const match = new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(html);
  assert.ok(match, `the reader has no ${rel} link`);
  return match[1];
}

describe('guide tree and reader', () => {
  let api: IliopsoasNotesApi;

  before(async () => {
    api = await extensionApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes its commands, with the internal ones hidden from the palette', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['iliopsoas.openGuide', 'iliopsoas.findInGuide', 'iliopsoas.revealSection', 'iliopsoas.openSection', 'iliopsoas.openTeamGlossary']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string; category: string }[]; menus: { commandPalette: { command: string; when: string }[] } };
    };
    assert.ok(manifest.contributes.commands.every((command) => command.category === 'Iliopsoas'));
    const hidden = manifest.contributes.menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command);
    assert.deepStrictEqual(hidden.sort(), [
      'iliopsoas.copyTermDefinition',
      'iliopsoas.disableDoNotUseRule',
      'iliopsoas.findTermInWorkspace',
      'iliopsoas.goToTerm',
      'iliopsoas.insertPlainExplanation',
      'iliopsoas.insertSectionHandout',
      'iliopsoas.insertTermExplanation',
      'iliopsoas.openSampleNote',
      'iliopsoas.openSection',
      'iliopsoas.openTermSection',
    ]);
  });

  it('puts every inline button of a tree row in the row’s context menu too, where the keyboard reaches it (Shift+F10)', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: { 'view/item/context': { command: string; when: string; group: string }[] } };
    };
    const itemMenu = manifest.contributes.menus['view/item/context'];
    const inline = itemMenu.filter((entry) => entry.group === 'inline');
    assert.ok(inline.length > 0);
    for (const button of inline) {
      assert.ok(
        itemMenu.some((entry) => entry.group !== 'inline' && entry.command === button.command && entry.when === button.when),
        `${button.command} is only an inline button, which Tab never reaches: add it to the row's context menu`,
      );
    }
  });

  it('activates without loading markdown-it', () => {
    // How long activation takes is measured by `npm run bench`, not asserted here.
    assert.strictEqual(api.performance.markdownItLoadedAtActivation, false);
  });

  it('shows the five sections and the quiz as the tree’s top level, each with its subsections', () => {
    const top = api.guide.tree.getChildren();
    assert.deepStrictEqual(
      top.map((section) => api.guide.tree.getTreeItem(section).label),
      TOP_LEVEL_SECTIONS,
    );
    const causes = top[1];
    assert.deepStrictEqual(
      api.guide.tree.getChildren(causes).map((section) => section.title),
      CAUSES_SUBSECTIONS,
    );
    const causesItem = api.guide.tree.getTreeItem(causes);
    assert.strictEqual(causesItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.strictEqual((causesItem.iconPath as vscode.ThemeIcon).id, 'book');
    const stenosis = api.guide.tree.getChildren(causes)[2];
    const stenosisItem = api.guide.tree.getTreeItem(stenosis);
    assert.strictEqual(stenosisItem.collapsibleState, vscode.TreeItemCollapsibleState.None);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the tree sets a plain-string tooltip; anything else fails the match
    assert.match(String(stenosisItem.tooltip), /^Spinal stenosis, a condition characterized by the narrowing of the spinal canal/);
    assert.deepStrictEqual(stenosisItem.command?.arguments, ['spinal-stenosis']);
    assert.strictEqual(api.guide.tree.getParent(stenosis), causes);
    assert.strictEqual(api.guide.tree.getParent(causes), undefined);
  });

  it('reads a selected section in one reader tab titled with its name, under a strict CSP', async () => {
    const stenosis = api.guide.tree.getChildren(api.guide.tree.getChildren()[1])[2];
    const { command } = api.guide.tree.getTreeItem(stenosis);
    await vscode.commands.executeCommand(command!.command, ...command!.arguments!);

    assert.strictEqual(api.guide.reader.section?.id, 'spinal-stenosis');
    const html = api.guide.reader.html!;
    assert.ok(html.includes('The spinal canal is the passageway within the spine that houses the spinal cord and nerve roots.'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src [^;"]+; img-src [^;"]+; script-src 'nonce-([0-9a-f]{32})';">/.exec(html);
    assert.ok(csp, html.slice(0, 400));
    // One script, carrying the page's nonce: the one that saves the section shown for a window reload.
    assert.deepStrictEqual([...html.matchAll(/<script\b[^>]*>/gi)].map((tag) => tag[0]), [`<script nonce="${csp[1]}">`]);
    await vscode.commands.executeCommand('iliopsoas.openSection', 'injections');
    assert.ok(!api.guide.reader.html!.includes(csp[1]), 'a new nonce for each page');
    await vscode.commands.executeCommand('iliopsoas.openSection', 'spinal-stenosis');
    const tabs = await waitFor('the reader tab', () => (readerTabs().length > 0 ? readerTabs() : undefined));
    assert.deepStrictEqual(tabs.map((tab) => tab.label), ['Spinal Stenosis']);
  });

  it('reuses the same tab for the next section instead of opening another', async () => {
    await vscode.commands.executeCommand('iliopsoas.openSection', 'hip-arthritis');
    await vscode.commands.executeCommand('iliopsoas.openSection', 'injections');
    await waitFor('the reader tab to follow', () => readerTabs()[0]?.label === 'Injections');
    assert.strictEqual(readerTabs().length, 1);
    assert.ok(api.guide.reader.html!.includes('Corticosteroid injections are a minimally invasive treatment option'));
  });

  it('moves to the next and previous sections through the reader’s links', async () => {
    await vscode.commands.executeCommand('iliopsoas.openSection', 'spinal-stenosis');
    await followCommandLink(linkWithRel(api.guide.reader.html!, 'next'));
    assert.strictEqual(api.guide.reader.section?.id, 'nerve-compression');
    await followCommandLink(linkWithRel(api.guide.reader.html!, 'prev'));
    await followCommandLink(linkWithRel(api.guide.reader.html!, 'prev'));
    assert.strictEqual(api.guide.reader.section?.id, 'hip-arthritis');
    await waitFor('the tab title to follow', () => readerTabs()[0]?.label === 'Hip Arthritis');
  });

  it('shows an evidence note, with its sources, under the paragraph current guidelines contradict', async () => {
    await vscode.commands.executeCommand('iliopsoas.openSection', 'injections');
    await waitFor('the reader to show Injections', () => readerTabs()[0]?.label === 'Injections');
    const html = api.guide.reader.html!;
    const paragraph = html.indexOf('providing long-term pain relief');
    const note = html.indexOf('<aside class="evidence-note" role="note"');
    assert.ok(paragraph > 0, 'the guide keeps its words');
    assert.ok(note > paragraph, 'the note follows the paragraph it annotates');
    assert.match(html.slice(note), /^<aside[^>]*><p><strong>Evidence note:<\/strong> [^<]*spinal injections for managing low back pain[^<]*<\/p><p class="evidence-source">Source: NICE NG59/);
    await vscode.commands.executeCommand('iliopsoas.openSection', 'spinal-stenosis');
    assert.ok(!api.guide.reader.html!.includes('evidence-note'), 'a section without notes shows none');
  });

  it('shows the quiz with its answers hidden until asked for', async () => {
    await vscode.commands.executeCommand('iliopsoas.openSection', 'truefalse-questions');
    const html = api.guide.reader.html!;
    assert.strictEqual((html.match(/<details class="quiz-answer"><summary>Show answer<\/summary>/g) ?? []).length, 3);
    assert.ok(html.includes('Surgery is always the first-line treatment for iliopsoas pain.'));
  });

  it('opens the guide’s title page and warns about an unknown section', async () => {
    await vscode.commands.executeCommand('iliopsoas.openGuide');
    assert.strictEqual(api.guide.reader.section?.title, 'Iliopsoas Back Pain: Causes, Symptoms, and Relief');
    const warning = await vscode.commands.executeCommand<string | undefined>('iliopsoas.openSection', 'no-such-section');
    assert.strictEqual(warning, 'Iliopsoas Guide has no section "no-such-section".');
    assert.strictEqual(api.guide.reader.section?.title, 'Iliopsoas Back Pain: Causes, Symptoms, and Relief');
    assert.strictEqual(await vscode.commands.executeCommand<string | undefined>('iliopsoas.openSection', 'injections'), undefined, 'no warning for a real section');
  });

  it('comes back after a window reload: its registered serializer shows the section the saved state names', async () => {
    // The reader is the serializer registered for its view type: VS Code allows only one.
    assert.throws(() => vscode.window.registerWebviewPanelSerializer('iliopsoas.reader', { deserializeWebviewPanel: () => Promise.resolve() }), /already registered/);
    await vscode.commands.executeCommand('iliopsoas.openSection', 'hip-arthritis');
    // What VS Code does on reload: a panel of the reader's type, handed to the serializer with the page's saved state.
    const restored = vscode.window.createWebviewPanel('iliopsoas.reader', 'Iliopsoas Guide', vscode.ViewColumn.Active, {});
    await api.guide.reader.deserializeWebviewPanel(restored, { section: 'injections' });
    assert.strictEqual(api.guide.reader.section?.id, 'injections');
    assert.strictEqual(restored.title, 'Injections');
    assert.ok(restored.webview.html.includes('<main data-section-id="injections">'));
    assert.ok(restored.webview.html.includes('Corticosteroid injections are a minimally invasive treatment option'));
    assert.strictEqual(restored.webview.options.enableScripts, true);
    assert.deepStrictEqual(restored.webview.options.enableCommandUris, ['iliopsoas.openSection']);
    await waitFor('one reader tab, the restored one', () => readerTabs().length === 1 && readerTabs()[0].label === 'Injections');
    // The restored tab is the reader from then on.
    await vscode.commands.executeCommand('iliopsoas.openSection', 'surgery');
    assert.strictEqual(restored.title, 'Surgery');
    await waitFor('the tab to follow', () => readerTabs().length === 1 && readerTabs()[0].label === 'Surgery');

    // A state that names no section (garbage, an id from an older guide): the guide's title page, no error.
    for (const state of [undefined, 'injections', { section: 'no-such-section' }, { section: 42 }, { section: '<script>alert(1)</script>' }]) {
      const panel = vscode.window.createWebviewPanel('iliopsoas.reader', 'Iliopsoas Guide', vscode.ViewColumn.Active, {});
      await api.guide.reader.deserializeWebviewPanel(panel, state);
      assert.strictEqual(api.guide.reader.section?.title, 'Iliopsoas Back Pain: Causes, Symptoms, and Relief', JSON.stringify(state));
      assert.strictEqual(panel.title, 'Iliopsoas Back Pain: Causes, Symptoms, and Relief');
    }
    await waitFor('still one reader tab', () => readerTabs().length === 1);
  });

  it('reveals and selects a section in the tree', async () => {
    await vscode.commands.executeCommand('iliopsoas.revealSection', 'weight-management');
    const treeView = api.guide.treeView;
    await waitFor('the tree to become visible', () => treeView.visible);
    await waitFor('the selection', () => treeView.selection[0]?.id === 'weight-management');
  });

  it('finds sections by the words of their text, and opens the one chosen', async () => {
    const pick = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem & { section: GuideSection }>>('iliopsoas.findInGuide');
    try {
      const everySection = [...api.guide.tree.getChildren()].flatMap((section) => [section, ...section.children]);
      assert.deepStrictEqual(
        pick.items.map((item) => item.section.id),
        everySection.map((section) => section.id),
      );
      pick.value = 'laminectomy foraminotomy';
      await waitFor('the items to narrow', () => pick.items.length === 1);
      assert.strictEqual(pick.items[0].label, 'Surgery');
      assert.match(pick.items[0].detail ?? '', /laminectomy or foraminotomy/);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor('the reader to open Surgery', () => api.guide.reader.section?.id === 'surgery');
    } finally {
      pick.hide();
    }
  });
});
