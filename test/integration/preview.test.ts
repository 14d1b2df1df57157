// The glossary in the built-in Markdown preview, through its `markdown.markdownItPlugins` hook.
// Only in the Node extension host: the preview's extension and ours must share a host for the
// hook to reach us, and code-server ships that extension without its web build (see test/web/).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi } from './helpers';

describe('glossary in the Markdown preview', () => {
  before(async () => {
    await extensionApi();
  });

  it('marks terms with their definition as a tooltip', async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'Mild *spinal stenosis*; `NSAIDs` in code.');
    assert.match(html, /<em><abbr class="iliopsoas-term" title="Narrowing of the spinal canal[^"]*" data-term="spinal stenosis">spinal stenosis<\/abbr><\/em>/);
    assert.ok(html.includes('<code>NSAIDs</code>'), 'a term in code was marked');
  });

  it('can be switched off', async () => {
    const settings = vscode.workspace.getConfiguration('iliopsoas');
    await settings.update('preview.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'Mild spinal stenosis.');
      assert.ok(html.includes('Mild spinal stenosis.'), html);
      assert.ok(!html.includes('<abbr'), html);
    } finally {
      await settings.update('preview.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('renders a paragraph of 40,000 terms, with each definition once', async function () {
    this.timeout(60_000);
    // 40,000 occurrences in one paragraph (20,000 marked, the most a render marks): a spread of them into one call overflowed the stack
    // and failed the whole render; each definition was also copied into every tooltip.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'psoas '.repeat(40_000));
    assert.strictEqual(html.match(/<abbr /g)?.length, 20_000);
    const definition = /title="([^"]{40,})" data-term="psoas major"/.exec(html)?.[1];
    assert.ok(definition, 'the first occurrence carries the definition');
    assert.strictEqual(html.split(definition).length - 1, 1, 'the definition appears more than once');
  });
});
