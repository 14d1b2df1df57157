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
});
